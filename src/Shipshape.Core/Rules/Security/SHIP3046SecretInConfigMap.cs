using Shipshape.Core.Analysis;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Rules.Security;

/// <summary>
/// A ConfigMap's data, binaryData or annotations hold a credential: a private key, a token of a well-known shape, or a
/// random value under a credential's name.
/// </summary>
public sealed class SHIP3046SecretInConfigMap : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.SecretInConfigMap,
        title: "Secret stored in a ConfigMap",
        messageFormat: "{0} '{1}' of {2} holds {3}; ConfigMaps are not protected like Secrets (any reader of the namespace's configuration sees them, and they are not encrypted at rest): move it into a Secret and mount or reference that instead",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "Credentials in a ConfigMap are readable by everyone with read access to ConfigMaps, appear in logs and diffs, and skip the encryption and access control Secrets get.");

    /// <summary>The base64 of "-----BEGIN": how a PEM block starts in binaryData.</summary>
    private const string Base64PemStart = "LS0tLS1CRUdJTi";

    /// <summary>kubectl's copy of the whole object, which repeats the data this rule already reads.</summary>
    private const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeConfigMap, "ConfigMap");

    private static void AnalyzeConfigMap(ObjectAnalysisContext context)
    {
        var configMap = context.Object;
        if (configMap.ApiVersion != "v1")
        {
            return;
        }

        var described = configMap.Identity.Describe();
        foreach (var entry in configMap.Node.Mapping("data")?.Entries ?? [])
        {
            if (entry.KeyText is { } key && entry.Value is ScalarNode { IsNull: false } value && Credential(key, value.Value) is { } what)
            {
                context.Report(Rule, value, "Key", key, described, what);
            }
        }

        foreach (var entry in configMap.Node.Mapping("binaryData")?.Entries ?? [])
        {
            if (entry.KeyText is { } key && entry.Value is ScalarNode { IsNull: false } value && HoldsEncodedPrivateKey(value.Value))
            {
                context.Report(Rule, value, "Binary key", key, described, "a private key (base64-encoded)");
            }
        }

        foreach (var annotation in configMap.Metadata.Annotations.Entries)
        {
            if (annotation.Key != LastAppliedAnnotation && Credential(annotation.Key, annotation.Value) is { } what)
            {
                context.Report(Rule, annotation.ValueNode, "Annotation", annotation.Key, described, what);
            }
        }
    }

    private static string? Credential(string key, string value) =>
        SecretShapes.Recognize(value)
        ?? (SecretShapes.IsCredentialName(key) && SecretShapes.LooksRandom(value) ? "what looks like a credential (a literal value under a credential's name)" : null)
        ?? CredentialLine(value);

    /// <summary>
    /// A line of a configuration file held in the value (properties, .env, YAML, INI: <c>db.password=…</c>,
    /// <c>password: …</c>) that sets a credential's name to a literal value, described for the message; or null.
    /// </summary>
    private static string? CredentialLine(string value)
    {
        if (value.IndexOf('\n') < 0)
        {
            return null;
        }

        foreach (var rawLine in value.Split('\n'))
        {
            var line = rawLine.Trim();
            var separator = line.IndexOfAny(['=', ':']);
            if (separator <= 0 || line[0] is '#' or ';' or '/')
            {
                continue;
            }

            var name = line[..separator].Trim().Trim('"', '\'');
            if (name.StartsWith("export ", StringComparison.Ordinal))
            {
                name = name["export ".Length..].Trim();
            }

            var literal = line[(separator + 1)..].Trim().TrimEnd(',').Trim('"', '\'');
            if (SecretShapes.IsCredentialName(name) && SecretShapes.LooksRandom(literal))
            {
                return $"a configuration line that sets '{name}' to a literal credential";
            }
        }

        return null;
    }

    private static bool HoldsEncodedPrivateKey(string value)
    {
        var text = value.Trim();
        if (!text.StartsWith(Base64PemStart, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            // Only the first block's header matters: decode a bounded prefix whose length is a multiple of four.
            var prefix = text.Length > 4096 ? text[..4096] : text[..(text.Length / 4 * 4)];
            var decoded = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(prefix));
            return SecretShapes.Recognize(decoded) == "a private key";
        }
        catch (FormatException)
        {
            // Not base64 after all: the schema reports it.
            return false;
        }
    }
}
