using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A Service of type ExternalName has a selector, or an <c>externalName</c> that is missing or not a DNS name (an IP address, a URL).</summary>
public sealed class SHIP4012ExternalNameMisconfigured : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ExternalNameMisconfigured,
        title: "ExternalName Service misconfigured",
        messageFormat: "ExternalName Service '{0}' {1}",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        description: "An ExternalName Service is only a DNS alias (CNAME): it ignores selectors and ports, and its externalName must be a DNS name.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeService, "Service");

    private static void AnalyzeService(ObjectAnalysisContext context)
    {
        if (context.Object is not Service { Type: "ExternalName" } service)
        {
            return;
        }

        if (service.HasSelector)
        {
            context.Report(Rule, service.SelectorKeyNode, service.Name, "has a selector, which is ignored: an ExternalName Service is a DNS alias and never routes to pods; remove the selector, or use type ClusterIP");
        }

        var externalName = service.Spec?.Scalar("externalName");
        if (externalName is not { IsNull: false })
        {
            context.Report(Rule, service.TypeNode, service.Name, "has no externalName, so it resolves to nothing; set externalName to the DNS name it stands for");
        }
        else if (!DnsNames.IsSubdomain(externalName.Value.TrimEnd('.')) || DnsNames.IsIPv4(externalName.Value))
        {
            context.Report(Rule, externalName, service.Name, $"has externalName '{externalName.Value}', which is not a DNS name (an IP address or URL does not work in a CNAME); give a host name such as db.example.com");
        }
    }
}
