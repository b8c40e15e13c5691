using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>
/// A pod names a ConfigMap, Secret, ServiceAccount or PersistentVolumeClaim that the linted set does not define,
/// although it defines others of that kind in the pod's namespace.
/// </summary>
public sealed class SHIP2011PodReferenceNotFound : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.PodReferenceNotFound,
        title: "Pod references a ConfigMap, Secret, ServiceAccount or claim missing from the set",
        messageFormat: "The {0} of {1} names {2} '{3}', which the linted files do not define, although they define other {2} objects in its namespace; {4}: add the {2} or fix the name{5}",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Warning,
        description: "Objects a pod needs by name must exist in its namespace before the pod can start; the manifests apply cleanly and the pods fail later.");

    /// <summary>Objects every namespace has without a manifest: the default ServiceAccount and the cluster's CA bundle.</summary>
    private static readonly HashSet<(string Kind, string Name)> Implicit = [("ServiceAccount", "default"), ("ConfigMap", "kube-root-ca.crt")];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        var set = context.Set;
        var producedSecrets = SecretProducers.Read(set);
        foreach (var owner in set.PodOwners)
        {
            if (owner.PodTemplate?.Spec is not { } spec)
            {
                continue;
            }

            var claimTemplates = owner is Workload workload ? workload.ClaimTemplateNames.ToHashSet(StringComparer.Ordinal) : [];
            foreach (var reference in PodReferences.Read(spec))
            {
                if (reference.Optional
                    || Implicit.Contains((reference.Kind, reference.Name))
                    || !set.HasAny(reference.Kind, owner.Namespace)
                    || set.Named(reference.Kind, reference.Name, owner.Namespace).Any()
                    || (reference.Kind == "PersistentVolumeClaim" && claimTemplates.Contains(reference.Name))
                    || (reference.Kind == "Secret" && producedSecrets.Produces(reference.Name, owner.Namespace)))
                {
                    continue;
                }

                context.Report(
                    Rule,
                    owner,
                    reference.NameNode,
                    reference.Source,
                    owner.Identity.Describe(),
                    reference.Kind,
                    reference.Name,
                    Consequence(reference),
                    reference.Kind is "ConfigMap" or "Secret" && !reference.IsPullSecret ? ", or mark the reference optional: true if the pod can run without it" : string.Empty);
            }
        }
    }

    private static string Consequence(PodReference reference) => reference.Kind switch
    {
        "ServiceAccount" => "the API server refuses to create the pods until it exists",
        "PersistentVolumeClaim" => "the pods stay Pending until it exists",
        _ when reference.IsPullSecret => "the kubelet pulls the image without those credentials, and a private image fails with ImagePullBackOff",
        _ => "the pods fail to start (CreateContainerConfigError or ContainerCreating) until it exists",
    };
}
