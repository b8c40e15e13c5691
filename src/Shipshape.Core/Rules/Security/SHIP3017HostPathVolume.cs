using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A volume of the pod is a <c>hostPath</c>. Off by default; a Pod Security Standards preset turns it on.</summary>
public sealed class SHIP3017HostPathVolume : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.HostPathVolume,
        title: "hostPath volume",
        messageFormat: "Volume '{0}' mounts the node's path '{1}' (hostPath), which ties the pod to the node and exposes the node's files; the Pod Security Standards' baseline profile forbids hostPath volumes. Use an emptyDir, a ConfigMap or a PersistentVolumeClaim",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        isEnabledByDefault: false,
        description: "Any hostPath volume gives the pod access to the node's file system; SHIP3005 and SHIP3006 say which are worst.",
        podSecurityProfile: PodSecurityProfile.Baseline);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var volume in context.Spec.Volumes)
        {
            if (volume.Mapping("hostPath") is { } hostPath)
            {
                context.Report(Rule, volume.KeyNode("hostPath"), volume.Text("name"), hostPath.Text("path"));
            }
        }
    }
}
