using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>An Ingress sets an ingress-nginx snippet annotation (<c>server-snippet</c>, <c>configuration-snippet</c>, <c>auth-snippet</c> …).</summary>
public sealed class SHIP3013IngressNginxSnippet : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.IngressNginxSnippet,
        title: "ingress-nginx snippet annotation",
        messageFormat: "Annotation '{0}' injects raw NGINX configuration into the shared ingress controller, which can read every Secret it holds (CVE-2021-25742, IngressNightmare CVE-2025-1974); express the behaviour with dedicated annotations or in the application",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Error,
        description: "Snippet annotations let anyone who can create an Ingress run arbitrary NGINX configuration in the cluster-wide controller; they are behind CVE-2021-25742 and the 2025 IngressNightmare CVEs.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private static readonly string[] SnippetAnnotations =
    [
        "nginx.ingress.kubernetes.io/server-snippet",
        "nginx.ingress.kubernetes.io/configuration-snippet",
        "nginx.ingress.kubernetes.io/auth-snippet",
        "nginx.ingress.kubernetes.io/stream-snippet",
        "nginx.ingress.kubernetes.io/modsecurity-snippet",
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeIngress, "Ingress");

    private static void AnalyzeIngress(ObjectAnalysisContext context)
    {
        foreach (var annotation in context.Object.Metadata.Annotations.Entries)
        {
            if (SnippetAnnotations.Contains(annotation.Key, StringComparer.Ordinal))
            {
                context.Report(Rule, annotation.KeyNode, annotation.Key);
            }
        }
    }
}
