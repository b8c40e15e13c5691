using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary><c>metadata.name</c> of a built-in kind breaks the DNS-1123 rules the API server applies to it.</summary>
public sealed class SHIP4013InvalidObjectName : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.InvalidObjectName,
        title: "Object name is not a valid DNS name",
        messageFormat: "Name '{0}' of {1} is not valid: {2}; the API server rejects it",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Error,
        description: "Most objects must be named as DNS subdomains (Services and Namespaces as DNS labels): lower-case letters, digits, '-' and '.', starting and ending alphanumeric.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeObject);

    private static void AnalyzeObject(ObjectAnalysisContext context)
    {
        if (context.Object.Metadata.NameNode is not { IsNull: false } name)
        {
            return;
        }

        var problem = context.Object.Kind switch
        {
            "Service" or "Namespace" => DnsNames.LabelProblem(name.Value),
            _ when DnsNames.UsesSubdomainNames(context.Object.Group, context.Object.Kind) => DnsNames.SubdomainProblem(name.Value),
            _ => null,
        };
        if (problem is not null)
        {
            context.Report(Rule, name, name.Value, context.Object.Kind, problem);
        }
    }
}
