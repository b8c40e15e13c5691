using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A standalone Job sets no <c>ttlSecondsAfterFinished</c>. A CronJob's jobs are not checked: its history limits
/// delete them. Neither are Helm or Argo CD hook Jobs: the tool that runs them deletes them (both default to deleting
/// a hook before it is created again).
/// </summary>
public sealed class SHIP4026JobWithoutTtl : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.JobWithoutTtl,
        title: "Job without ttlSecondsAfterFinished",
        messageFormat: "{0} sets no ttlSecondsAfterFinished, so once it finishes the Job and its pods stay in the cluster until someone deletes them; set spec.ttlSecondsAfterFinished to how long its logs are worth keeping (e.g. 86400 for a day)",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Finished Jobs and their pods are deleted only when ttlSecondsAfterFinished says so; without it they pile up in the namespace.");

    /// <summary>Annotations of Jobs that Helm or Argo CD run as hooks and delete themselves.</summary>
    private static readonly string[] HookAnnotations = ["helm.sh/hook", "argocd.argoproj.io/hook"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeJob, "Job");

    private static void AnalyzeJob(ObjectAnalysisContext context)
    {
        var job = context.Object;
        if (job.Spec.Sets("ttlSecondsAfterFinished") || HookAnnotations.Any(key => job.Metadata.Annotations[key] is not null))
        {
            return;
        }

        context.Report(Rule, job.SpecAnchor, job.Identity.Describe());
    }
}
