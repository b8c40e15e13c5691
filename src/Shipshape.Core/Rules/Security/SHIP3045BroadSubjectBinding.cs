using Shipshape.Core.Analysis;
using Shipshape.Core.Model.Rbac;

namespace Shipshape.Core.Rules.Security;

/// <summary>
/// A binding grants a role to everyone: anonymous or unauthenticated users (any binding), every authenticated user,
/// or the default ServiceAccount of a namespace (cluster-wide bindings).
/// </summary>
public sealed class SHIP3045BroadSubjectBinding : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.BroadSubjectBinding,
        title: "Binding grants a role to everyone or to a default ServiceAccount",
        messageFormat: "{0} grants {1} to {2}; {3}",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "Bindings to system:anonymous, system:unauthenticated or system:authenticated grant the role to anyone who can reach the API server; every pod that names no ServiceAccount runs as its namespace's default one.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeBinding, "RoleBinding", "ClusterRoleBinding");

    private static void AnalyzeBinding(ObjectAnalysisContext context)
    {
        var binding = context.Object;
        if (!RoleBinding.IsBinding(binding))
        {
            return;
        }

        var role = binding.Node.Mapping("roleRef") is { } roleRef ? $"{roleRef.Text("kind")} '{roleRef.Text("name")}'" : "its role";
        var clusterWide = binding.Kind == "ClusterRoleBinding";
        foreach (var subject in RoleBinding.Subjects(binding))
        {
            if (subject.Scalar("name") is not { IsNull: false } name)
            {
                continue;
            }

            (string Who, string Why)? verdict = (subject.Text("kind"), name.Value) switch
            {
                ("User", "system:anonymous") or ("Group", "system:unauthenticated") =>
                    ("every request that carries no credentials", "anyone who can reach the API server gets the role: remove the subject"),
                ("Group", "system:authenticated") when clusterWide =>
                    ("every authenticated user and service account of the cluster", "any pod's token gets the role: bind the users, groups or service accounts that need it"),
                ("ServiceAccount", "default") when clusterWide =>
                    ($"the default ServiceAccount of namespace '{subject.Text("namespace") ?? binding.Namespace}'", "every pod of that namespace that names no ServiceAccount gets the role: create a dedicated ServiceAccount and bind that"),
                _ => null,
            };
            if (verdict is { } found)
            {
                context.Report(Rule, name, binding.Identity.Describe(), role, found.Who, found.Why);
            }
        }
    }
}
