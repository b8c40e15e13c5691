using Shipshape.Core.Analysis;
using Shipshape.Core.Model;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Rules.Security;

/// <summary><c>seLinuxOptions</c> set a custom user or role, or a type other than the container types.</summary>
public sealed class SHIP3019SeLinuxOptionsUnsafe : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.SeLinuxOptionsUnsafe,
        title: "SELinux options beyond the container types",
        messageFormat: "{0} sets seLinuxOptions.{1} '{2}'; the Pod Security Standards' baseline profile allows only the types container_t, container_init_t, container_kvm_t and container_engine_t, and no user or role. Remove it, or use one of those types",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "A custom SELinux user, role or type can lift the confinement SELinux puts on containers.",
        podSecurityProfile: PodSecurityProfile.Baseline);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var (securityContext, subject) in context.Spec.SecurityContexts())
        {
            Check(context, securityContext, subject);
        }
    }

    private static void Check(PodAnalysisContext context, MappingNode? securityContext, string who)
    {
        if (securityContext?.Mapping("seLinuxOptions") is not { } options)
        {
            return;
        }

        if (options.Scalar("type") is { IsNull: false } type && type.Value.Length > 0
            && type.Value is not ("container_t" or "container_init_t" or "container_kvm_t" or "container_engine_t"))
        {
            context.Report(Rule, type, who, "type", type.Value);
        }

        foreach (var field in (string[])["user", "role"])
        {
            if (options.Scalar(field) is { IsNull: false } value && value.Value.Length > 0)
            {
                context.Report(Rule, value, who, field, value.Value);
            }
        }
    }
}
