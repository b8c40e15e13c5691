using Shipshape.Core.Loading;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>
/// An object that runs pods from a template: Deployment, ReplicaSet, StatefulSet, DaemonSet, Job,
/// ReplicationController, PodTemplate, CronJob (through its job template), and OpenShift's DeploymentConfig
/// (apps.openshift.io/v1, shaped like a ReplicationController: a map selector and spec.template).
/// </summary>
public sealed class Workload : KubeObject
{
    public Workload(ManifestDocument document, MappingNode node, ScalarNode apiVersionNode, ScalarNode kindNode)
        : base(document, node, apiVersionNode, kindNode)
    {
        var spec = Spec;
        switch (Kind)
        {
            case "CronJob":
                PodTemplate = PodTemplate.FromTemplate(spec?.Mapping("jobTemplate")?.Mapping("spec")?["template"]);
                break;
            case "PodTemplate":
                PodTemplate = PodTemplate.FromTemplate(node["template"]);
                break;
            case "ReplicationController" or "DeploymentConfig":
                PodTemplate = PodTemplate.FromTemplate(spec?["template"]);
                Selector = LabelSelector.FromMap(spec?["selector"]);
                break;
            default:
                PodTemplate = PodTemplate.FromTemplate(spec?["template"]);
                Selector = LabelSelector.FromStructured(spec?["selector"]);
                break;
        }

        ReplicasNode = spec?.Scalar("replicas");
    }

    /// <summary>The kinds this model covers; everything else with a pod template is unknown to the rules.</summary>
    public static bool IsWorkloadKind(string kind) => kind is
        "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet" or "Job" or "CronJob" or "ReplicationController" or "PodTemplate"
        or "DeploymentConfig";

    /// <summary>Kinds whose pods are meant to run until replaced, and so should have probes (Jobs run to completion).</summary>
    public static bool IsLongRunning(string kind) =>
        kind is "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "ReplicationController" or "DeploymentConfig";

    public override PodTemplate? PodTemplate { get; }

    private protected override TreePruner FieldsForSetRules => Kind switch
    {
        "CronJob" => CronJobFields,
        "PodTemplate" => PodTemplateFields,
        _ => TemplateFields,
    };

    private static TreePruner TemplateFields { get; } =
        PodSpec.FieldsForSetRules(
            "spec.template.spec", "apiVersion", "kind", "metadata", "spec.selector", "spec.replicas", "spec.template.metadata", "spec.serviceName",
            "spec.volumeClaimTemplates.metadata.name");

    private static TreePruner CronJobFields { get; } =
        PodSpec.FieldsForSetRules("spec.jobTemplate.spec.template.spec", "apiVersion", "kind", "metadata", "spec.jobTemplate.spec.template.metadata");

    private static TreePruner PodTemplateFields { get; } =
        PodSpec.FieldsForSetRules("template.spec", "apiVersion", "kind", "metadata", "template.metadata");

    /// <summary>The workload's selector, or null when it has none (a Job usually lets the API generate it).</summary>
    public LabelSelector? Selector { get; }

    public ScalarNode? ReplicasNode { get; }

    /// <summary>A StatefulSet's <c>serviceName</c>: the headless Service that gives its pods their DNS names.</summary>
    public ScalarNode? ServiceNameNode => Kind == "StatefulSet" ? Spec?.Scalar("serviceName") : null;

    /// <summary>The names of a StatefulSet's <c>volumeClaimTemplates</c>: claims its controller creates for each pod.</summary>
    public IEnumerable<string> ClaimTemplateNames =>
        Kind == "StatefulSet"
            ? Spec?.Sequence("volumeClaimTemplates")?.Mappings.Select(t => t.Mapping("metadata")?.Text("name")).OfType<string>() ?? []
            : [];
}
