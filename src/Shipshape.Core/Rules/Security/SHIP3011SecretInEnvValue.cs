using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>
/// An <c>env</c> entry whose name looks like a credential (PASSWORD, TOKEN, SECRET, API_KEY …) has a literal <c>value</c>,
/// or any entry's value holds a PEM private key.
/// </summary>
public sealed class SHIP3011SecretInEnvValue : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.SecretInEnvValue,
        title: "Secret in a plain environment value",
        messageFormat: "Environment variable '{0}' of {1} holds what looks like a secret as plain text; anyone who can read the manifest or the pod sees it: move it into a Secret and use valueFrom.secretKeyRef",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "Credentials written in env values end up in version control, in kubectl describe output and unencrypted in the API server's storage.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private static readonly string[] CredentialMarkers = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL"];

    /// <summary>Endings of names that point at a credential rather than hold one: SECRET_NAME, TOKEN_FILE, PASSWORD_URL.</summary>
    private static readonly string[] PointerEndings = ["_NAME", "_FILE", "_PATH", "_URL", "_URI", "_ENDPOINT", "_DIR", "_REF", "_KEY_ID", "_HEADER"];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            foreach (var variable in container.Env)
            {
                if (variable.Text("name") is { } name && variable.Scalar("value") is { IsNull: false } value
                    && ((LooksLikeCredential(name) && !IsSwitchOrReference(value.Value)) || HoldsPrivateKey(value.Value)))
                {
                    context.Report(Rule, value, name, container.Describe());
                }
            }
        }
    }

    /// <summary>Empty values, switches such as MYSQL_ALLOW_EMPTY_PASSWORD=yes, and $(VAR) references hold no secret.</summary>
    private static bool IsSwitchOrReference(string value) =>
        value.Length == 0 || value.StartsWith("$(", StringComparison.Ordinal)
        || value.ToLowerInvariant() is "0" or "1" or "true" or "false" or "yes" or "no" or "on" or "off";

    /// <summary>A PEM private key ("-----BEGIN RSA PRIVATE KEY-----" and the like) is a secret whatever the variable is called.</summary>
    private static bool HoldsPrivateKey(string value) =>
        value.Contains("-----BEGIN ", StringComparison.Ordinal) && value.Contains("PRIVATE KEY-----", StringComparison.Ordinal);

    private static bool LooksLikeCredential(string name)
    {
        var upper = name.ToUpperInvariant();
        return CredentialMarkers.Any(m => upper.Contains(m, StringComparison.Ordinal)) && !PointerEndings.Any(p => upper.EndsWith(p, StringComparison.Ordinal));
    }
}
