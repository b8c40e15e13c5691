using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>The pod or a container sets <c>windowsOptions.hostProcess: true</c>.</summary>
public sealed class SHIP3015WindowsHostProcess : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.WindowsHostProcess,
        title: "Windows HostProcess container",
        messageFormat: "{0} runs as a Windows HostProcess container ('hostProcess: true'), with full access to the node; the Pod Security Standards' baseline profile forbids it. Remove it unless this is a node agent",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Error,
        description: "A HostProcess container runs directly on the Windows node, outside any isolation.",
        podSecurityProfile: PodSecurityProfile.Baseline);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        if (context.Spec.SecurityContext?.Mapping("windowsOptions").Flag("hostProcess", expected: true) is { } podLevel)
        {
            context.Report(Rule, podLevel, "The pod");
        }

        foreach (var container in context.Spec.AllContainers)
        {
            if (container.SecurityContext?.Mapping("windowsOptions").Flag("hostProcess", expected: true) is { } own)
            {
                context.Report(Rule, own, container.DescribeAsSubject());
            }
        }
    }
}
