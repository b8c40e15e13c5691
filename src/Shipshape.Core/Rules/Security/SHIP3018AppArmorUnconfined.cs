using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>An AppArmor profile (the field or the beta annotation) is other than the runtime default or a localhost profile.</summary>
public sealed class SHIP3018AppArmorUnconfined : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.AppArmorUnconfined,
        title: "AppArmor profile overridden",
        messageFormat: "{0} sets AppArmor profile '{1}'; the Pod Security Standards' baseline profile allows only the runtime default or a localhost profile. Use RuntimeDefault (runtime/default) or Localhost (localhost/<profile>)",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "An Unconfined AppArmor profile removes the mandatory access control that limits what a compromised process can do.",
        podSecurityProfile: PodSecurityProfile.Baseline);

    private const string AnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var (securityContext, subject) in context.Spec.SecurityContexts())
        {
            Check(context, securityContext, subject);
        }

        foreach (var annotation in context.Pod.Metadata.Annotations.Entries)
        {
            if (annotation.Key.StartsWith(AnnotationPrefix, StringComparison.Ordinal)
                && annotation.Value != "runtime/default" && !annotation.Value.StartsWith("localhost/", StringComparison.Ordinal))
            {
                context.Report(Rule, annotation.ValueNode, $"The annotation for container '{annotation.Key[AnnotationPrefix.Length..]}'", annotation.Value);
            }
        }
    }

    private static void Check(PodAnalysisContext context, Syntax.MappingNode? securityContext, string who)
    {
        if (securityContext?.Mapping("appArmorProfile")?.Scalar("type") is { IsNull: false } type && type.Value is not ("RuntimeDefault" or "Localhost"))
        {
            context.Report(Rule, type, who, type.Value);
        }
    }
}
