using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A CronJob sets no <c>startingDeadlineSeconds</c>.</summary>
public sealed class SHIP4029CronJobWithoutDeadline : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.CronJobWithoutDeadline,
        title: "CronJob without startingDeadlineSeconds",
        messageFormat: "{0} sets no startingDeadlineSeconds, so a run the controller missed (while it was down, during an upgrade, or held back by concurrencyPolicy) still starts when it catches up, however late; set startingDeadlineSeconds to how late a run may still start, at least 10 (the controller checks every 10 seconds)",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Without a starting deadline a missed schedule starts whenever the CronJob controller gets to it, and many missed schedules raise TooManyMissedTimes warnings.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeCronJob, "CronJob");

    private static void AnalyzeCronJob(ObjectAnalysisContext context)
    {
        var cronJob = context.Object;
        if (cronJob.Spec.Sets("startingDeadlineSeconds"))
        {
            return;
        }

        context.Report(Rule, cronJob.SpecAnchor, cronJob.Identity.Describe());
    }
}
