using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Security;

/// <summary>
/// A container takes a Secret into environment variables: an env entry's <c>valueFrom.secretKeyRef</c>, or an
/// <c>envFrom</c> entry's <c>secretRef</c>. Off by default: <c>secretKeyRef</c> is the safe form SHIP3011 asks for instead
/// of a literal value; mounted files are better still (kube-linter's read-secret-from-env-var, CIS 5.4.1).
/// </summary>
public sealed class SHIP3054SecretExposedAsEnv : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.SecretExposedAsEnv,
        title: "Secret read into environment variables",
        messageFormat: "{0} reads Secret '{1}' into {2}; environment variables are inherited by every child process and end up in crash reports, debug output and /proc/<pid>/environ, where files mounted from a Secret do not; mount the Secret as a volume and read the file instead",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Secrets passed as environment variables leak more easily than Secrets mounted as files (CIS Kubernetes Benchmark 5.4.1).");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            foreach (var variable in container.Env)
            {
                if (variable.Mapping("valueFrom") is { } valueFrom && valueFrom.Mapping("secretKeyRef") is { } reference)
                {
                    context.Report(
                        Rule,
                        valueFrom.KeyNode("secretKeyRef"),
                        container.DescribeAsSubject(),
                        reference.Text("name"),
                        $"environment variable '{variable.Text("name")}'");
                }
            }

            foreach (var source in container.Node.Sequence("envFrom")?.Mappings ?? [])
            {
                if (source.Mapping("secretRef") is { } reference)
                {
                    context.Report(Rule, source.KeyNode("secretRef"), container.DescribeAsSubject(), reference.Text("name"), "environment variables (every key, through envFrom)");
                }
            }
        }
    }
}
