using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A <c>hostPath</c> volume points at a path that controls the node.</summary>
public sealed class SHIP3005SensitiveHostPath : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.SensitiveHostPath,
        title: "Sensitive host path mounted",
        messageFormat: "Volume '{0}' mounts the host's '{1}', {2}; mount a narrower path, or use a ConfigMap, Secret or emptyDir volume",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Error,
        description: "A hostPath volume on a sensitive path (/, /etc, /proc, /sys, the container runtime socket, the kubelet directory) gives the pod control over the node.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var volume in context.Spec.Volumes)
        {
            if (volume.Mapping("hostPath")?.Scalar("path") is not { IsNull: false } path)
            {
                continue;
            }

            var normalized = path.Value.Length > 1 ? path.Value.TrimEnd('/') : path.Value;
            if (Why(normalized) is { } why)
            {
                context.Report(Rule, path, volume.Text("name"), path.Value, why);
            }
        }
    }

    private static string? Why(string path) => path switch
    {
        "/" => "the node's whole file system",
        "/etc" or "/root" or "/boot" => "which holds the node's configuration and credentials",
        "/proc" or "/sys" or "/dev" => "which exposes the node's kernel and devices",
        "/var/run" or "/run" => "which holds the sockets of the container runtime and system daemons",
        _ when path.EndsWith(".sock", StringComparison.Ordinal) && (path.Contains("docker", StringComparison.Ordinal) || path.Contains("containerd", StringComparison.Ordinal) || path.Contains("crio", StringComparison.Ordinal))
            => "the container runtime's socket, through which the pod can start privileged containers on the node",
        _ when path.StartsWith("/var/lib/kubelet", StringComparison.Ordinal) || path.StartsWith("/etc/kubernetes", StringComparison.Ordinal)
            => "which holds the kubelet's credentials and every pod's volumes",
        _ when path.StartsWith("/var/lib/docker", StringComparison.Ordinal) || path.StartsWith("/var/lib/containerd", StringComparison.Ordinal)
            => "which holds every container's file system",
        _ => null,
    };
}
