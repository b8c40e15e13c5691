using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>An Ingress names a TLS Secret or an IngressClass that the linted set does not define, although it defines others of that kind.</summary>
public sealed class SHIP2013IngressReferenceNotFound : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.IngressReferenceNotFound,
        title: "Ingress references a TLS Secret or IngressClass missing from the set",
        messageFormat: "{0} names {1} '{2}', which the linted files do not define, although they define other {1} objects{3}; {4}",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Warning,
        description: "An Ingress whose TLS Secret is missing is served with the controller's default certificate; one whose class is missing is served by no controller.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        var set = context.Set;
        var producedSecrets = SecretProducers.Read(set);
        foreach (var ingress in set.OfType<Ingress>())
        {
            var spec = ingress.Spec;
            if (spec?.Scalar("ingressClassName") is { IsNull: false } className && set.HasAny("IngressClass", ns: null)
                && !set.Named("IngressClass", className.Value, ns: null).Any())
            {
                context.Report(
                    Rule,
                    ingress,
                    className,
                    ingress.Identity.Describe(),
                    "IngressClass",
                    className.Value,
                    string.Empty,
                    "no controller serves an Ingress of an unknown class, so its hosts do not resolve to anything: name one of the IngressClasses the set defines");
            }

            if (!set.HasAny("Secret", ingress.Namespace))
            {
                continue;
            }

            foreach (var tls in spec?.Sequence("tls")?.Mappings ?? [])
            {
                if (tls.Scalar("secretName") is { IsNull: false, Value.Length: > 0 } secretName
                    && !set.Named("Secret", secretName.Value, ingress.Namespace).Any()
                    && !producedSecrets.Produces(secretName.Value, ingress.Namespace))
                {
                    context.Report(
                        Rule,
                        ingress,
                        secretName,
                        ingress.Identity.Describe(),
                        "Secret",
                        secretName.Value,
                        " in its namespace",
                        "the controller serves these hosts with its default certificate, which clients reject: add the Secret (type kubernetes.io/tls) or fix the name");
                }
            }
        }
    }
}
