using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A volume's type is outside the restricted profile's list (hostPath is left to SHIP3017, the baseline control). Off by default; a Pod Security Standards preset turns it on.</summary>
public sealed class SHIP3023VolumeTypeNotAllowed : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.VolumeTypeNotAllowed,
        title: "Volume type not allowed by the restricted profile",
        messageFormat: "Volume '{0}' is of type {1}; the Pod Security Standards' restricted profile allows only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes. Move the storage behind a PersistentVolumeClaim",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        isEnabledByDefault: false,
        description: "In-tree volume plugins (nfs, iscsi, rbd, gitRepo …) are mounted by the node with its privileges; the restricted profile allows only volumes that cannot reach the node or network storage directly.",
        podSecurityProfile: PodSecurityProfile.Restricted);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var volume in context.Spec.Volumes)
        {
            foreach (var entry in volume.Entries)
            {
                if (entry.KeyText is { } type && !IsAllowed(type))
                {
                    context.Report(Rule, entry.Key, volume.Text("name"), type);
                }
            }
        }
    }

    private static bool IsAllowed(string key) => key is
        "name" or "hostPath" or "configMap" or "csi" or "downwardAPI" or "emptyDir" or "ephemeral" or "persistentVolumeClaim" or "projected" or "secret";
}
