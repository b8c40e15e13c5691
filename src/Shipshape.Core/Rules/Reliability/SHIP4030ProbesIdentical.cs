using Shipshape.Core.Analysis;
using Shipshape.Core.Model;
using Shipshape.Core.Schema.JsonSchema;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A container's livenessProbe is the same as its readinessProbe: the same check with the same timing, compared as
/// data (fields in any order, a timing field left out equal to its default). The same check with a more patient
/// liveness probe is what the Kubernetes documentation recommends, and is not reported.
/// </summary>
public sealed class SHIP4030ProbesIdentical : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ProbesIdentical,
        title: "Liveness probe identical to the readiness probe",
        messageFormat: "{0} has a livenessProbe identical to its readinessProbe, so whenever it is too busy to pass the readiness check the kubelet also restarts it, which turns a slowdown into a restart loop; give the liveness probe a cheaper check or a higher failureThreshold, or remove it",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        description: "A readiness probe takes a struggling container out of its Services; an identical liveness probe kills it at the same moment, so it cannot recover.");

    /// <summary>The probe's timing fields and the API's defaults for them.</summary>
    private static readonly (string Field, long Default)[] Timings =
    [
        ("initialDelaySeconds", 0), ("periodSeconds", 10), ("timeoutSeconds", 1), ("successThreshold", 1), ("failureThreshold", 3),
    ];

    private static readonly string[] Handlers = ["exec", "httpGet", "tcpSocket", "grpc"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            // A probe without a handler is SHIP1013's finding; two empty probes are not "the same check".
            if (container.ReadinessProbe is { } readiness && container.LivenessProbe is { } liveness
                && Handlers.Any(readiness.Sets) && Identical(readiness, liveness))
            {
                context.Report(Rule, container.Node.KeyNode("livenessProbe"), container.DescribeAsSubject());
            }
        }
    }

    private static bool Identical(MappingNode readiness, MappingNode liveness)
    {
        foreach (var (field, fallback) in Timings)
        {
            if (!SameTiming(readiness[field], liveness[field], fallback))
            {
                return false;
            }
        }

        return SameChecks(readiness, liveness) && SameChecks(liveness, readiness);
    }

    /// <summary>Whether every field of <paramref name="probe"/> but the timing is in <paramref name="other"/> with an equal value.</summary>
    private static bool SameChecks(MappingNode probe, MappingNode other)
    {
        foreach (var entry in probe.Entries)
        {
            // terminationGracePeriodSeconds belongs to liveness probes alone, so it tells nothing about the check.
            if (entry.KeyText is not { } key || key == "terminationGracePeriodSeconds" || Array.Exists(Timings, t => t.Field == key))
            {
                continue;
            }

            if (!other.TryGetEntry(key, out var match) || !JsonValues.Equal(probe[key]!, match.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameTiming(Node? left, Node? right, long fallback)
    {
        var (a, b) = (Seconds(left, fallback), Seconds(right, fallback));

        // A value that is not an integer (the schema rules report it) equals only the same value.
        return a is not null && b is not null ? a == b : left is not null && right is not null && JsonValues.Equal(left, right);
    }

    /// <summary>The integer a timing field holds, its default when it is left out or null, or null when it is not an integer.</summary>
    private static long? Seconds(Node? node, long fallback) => node switch
    {
        null or ScalarNode { IsNull: true } => fallback,
        ScalarNode scalar when scalar.TryGetInt64(out var value) => value,
        _ => null,
    };
}
