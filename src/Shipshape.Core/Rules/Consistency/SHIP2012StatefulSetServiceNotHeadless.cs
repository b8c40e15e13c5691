using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>A StatefulSet's <c>serviceName</c> names a Service missing from the set, or one that is not headless.</summary>
public sealed class SHIP2012StatefulSetServiceNotHeadless : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.StatefulSetServiceNotHeadless,
        title: "StatefulSet serviceName has no headless Service",
        messageFormat: "{0} names Service '{1}' as its serviceName, but {2}; its pods get no stable DNS names (pod-0.{1}): {3}",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Warning,
        description: "A StatefulSet's pods are reachable by stable names only through the headless Service (clusterIP: None) its serviceName names.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        foreach (var statefulSet in context.Set.OfKind("StatefulSet").OfType<Workload>())
        {
            if (statefulSet.ServiceNameNode is not { IsNull: false, Value.Length: > 0 } serviceName || !context.Set.HasAny("Service", statefulSet.Namespace))
            {
                continue;
            }

            var services = context.Set.Named("Service", serviceName.Value, statefulSet.Namespace).OfType<Service>().ToArray();
            if (services.Length == 0)
            {
                context.Report(
                    Rule,
                    statefulSet,
                    serviceName,
                    statefulSet.Identity.Describe(),
                    serviceName.Value,
                    "the linted files define no such Service in its namespace",
                    "add a Service of that name with clusterIP: None that selects the pods, or fix the name");
            }
            else if (!services.Any(s => s.Spec?.Text("clusterIP") == "None"))
            {
                var service = services[0];
                context.Report(
                    Rule,
                    statefulSet,
                    serviceName,
                    statefulSet.Identity.Describe(),
                    serviceName.Value,
                    $"that Service (line {service.Node.Span.Line} of {Path.GetFileName(service.FilePath)}) is not headless",
                    "set clusterIP: None on it, or add a separate headless Service for the StatefulSet");
            }
        }
    }
}
