using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Schema;

/// <summary>A Job's or CronJob's pod template has a <c>restartPolicy</c> other than OnFailure or Never, or none (which defaults to Always).</summary>
public sealed class SHIP1009JobRestartPolicyInvalid : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.JobRestartPolicyInvalid,
        title: "Job pods must restart OnFailure or Never",
        messageFormat: "The pod template of {0} {1}, but the API server accepts only OnFailure or Never for a Job's pods and rejects the object; set restartPolicy: OnFailure (retry in the same pod) or Never (a new pod per retry)",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Error,
        description: "A Job runs its pods to completion, so their restartPolicy must be OnFailure or Never; Always (the Pod default) is rejected.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeJob, "Job", "CronJob");

    private static void AnalyzeJob(ObjectAnalysisContext context)
    {
        if (context.Object.PodTemplate?.Spec?.Node is not { } spec)
        {
            return;
        }

        var policy = spec.Scalar("restartPolicy");
        if (policy is null || policy.IsNull)
        {
            context.Report(Rule, policy ?? (Syntax.Node)spec, context.Object.Identity.Describe(), "sets no restartPolicy, which defaults to Always");
        }
        else if (policy.Value is not ("OnFailure" or "Never"))
        {
            context.Report(Rule, policy, context.Object.Identity.Describe(), $"has restartPolicy '{policy.Value}'");
        }
    }
}
