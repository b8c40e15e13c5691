using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>
/// Secrets the set does not define but has an operator create: a SealedSecret (Bitnami), an ExternalSecret (External
/// Secrets Operator, <c>spec.target.name</c> or its own name) or a cert-manager Certificate (<c>spec.secretName</c>).
/// A reference to one of them is not dangling.
/// </summary>
internal sealed class SecretProducers
{
    private readonly List<(string Name, string? Namespace)> _secrets;

    private SecretProducers(List<(string Name, string? Namespace)> secrets)
    {
        _secrets = secrets;
    }

    public static SecretProducers Read(ObjectSet set)
    {
        var secrets = new List<(string Name, string? Namespace)>();
        foreach (var sealedSecret in set.OfKind("SealedSecret"))
        {
            if (sealedSecret.Name is { } name)
            {
                secrets.Add((name, sealedSecret.Namespace));
            }
        }

        foreach (var externalSecret in set.OfKind("ExternalSecret"))
        {
            if ((externalSecret.Spec?.Mapping("target")?.Text("name") ?? externalSecret.Name) is { } name)
            {
                secrets.Add((name, externalSecret.Namespace));
            }
        }

        foreach (var certificate in set.OfKind("Certificate"))
        {
            if (certificate.Spec?.Text("secretName") is { } name)
            {
                secrets.Add((name, certificate.Namespace));
            }
        }

        return new SecretProducers(secrets);
    }

    public bool Produces(string name, string? ns) => _secrets.Exists(s => s.Name == name && ObjectSet.SameNamespace(s.Namespace, ns));
}
