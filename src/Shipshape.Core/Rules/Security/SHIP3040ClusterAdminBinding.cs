using Shipshape.Core.Analysis;
using Shipshape.Core.Model.Rbac;

namespace Shipshape.Core.Rules.Security;

/// <summary>A RoleBinding or ClusterRoleBinding grants the cluster-admin ClusterRole.</summary>
public sealed class SHIP3040ClusterAdminBinding : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ClusterAdminBinding,
        title: "Binding grants cluster-admin",
        messageFormat: "{0} grants the cluster-admin ClusterRole, which allows every action on every resource {1}; whoever can act as a subject {2}: bind a Role with only the verbs and resources the subjects need",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "cluster-admin is the superuser role; applications and operators rarely need it, and anyone who can act as their subjects gets it too.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeBinding, "RoleBinding", "ClusterRoleBinding");

    private static void AnalyzeBinding(ObjectAnalysisContext context)
    {
        var binding = context.Object;
        var roleRef = binding.Node.Mapping("roleRef");
        if (RoleBinding.IsBinding(binding) && roleRef?.Text("kind") == "ClusterRole" && roleRef.Scalar("name") is { Value: "cluster-admin" } name)
        {
            var clusterWide = binding.Kind == "ClusterRoleBinding";
            context.Report(
                Rule,
                name,
                binding.Identity.Describe(),
                clusterWide ? "in every namespace" : "of the binding's namespace",
                clusterWide ? "owns the cluster" : "owns the namespace, including its Secrets and service accounts");
        }
    }
}
