using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A container mounts a <c>hostPath</c> volume without <c>readOnly: true</c>.</summary>
public sealed class SHIP3006WritableHostPath : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.WritableHostPath,
        title: "hostPath volume mounted writable",
        messageFormat: "{0} mounts hostPath volume '{1}' writable: whatever it writes lands on the node and outlives the pod; add 'readOnly: true' to the volumeMount unless it must write there",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "A writable hostPath mount lets a container change files on the node, which other pods and the node itself may trust.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        HashSet<string>? hostPathVolumes = null;
        foreach (var volume in context.Spec.Volumes)
        {
            if (volume.Mapping("hostPath") is not null && volume.Text("name") is { } name)
            {
                (hostPathVolumes ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
            }
        }

        if (hostPathVolumes is null)
        {
            return;
        }

        foreach (var container in context.Spec.AllContainers)
        {
            foreach (var mount in container.VolumeMounts)
            {
                if (mount.Scalar("name") is { IsNull: false } name && hostPathVolumes.Contains(name.Value) && mount.Flag("readOnly", expected: true) is null)
                {
                    context.Report(Rule, mount.Scalar("readOnly") ?? name, container.DescribeAsSubject(), name.Value);
                }
            }
        }
    }
}
