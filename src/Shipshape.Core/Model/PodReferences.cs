using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>
/// A pod's reference by name to an object of its own namespace: a ConfigMap, Secret, ServiceAccount or
/// PersistentVolumeClaim. <paramref name="Source"/> says where the pod names it, for messages ("volume 'config'").
/// </summary>
public readonly record struct PodReference(string Kind, string Name, ScalarNode NameNode, bool Optional, string Source)
{
    /// <summary>True for an <c>imagePullSecrets</c> entry: the kubelet pulls without it rather than refusing to start the pod.</summary>
    public bool IsPullSecret => Source == PodReferences.PullSecretSource;
}

/// <summary>Reads every <see cref="PodReference"/> of a pod spec: service account, pull secrets, volumes, env and envFrom.</summary>
public static class PodReferences
{
    internal const string PullSecretSource = "imagePullSecrets";

    /// <summary>The pod-level fields that hold references, for <see cref="PodSpec.FieldsForSetRules"/>.</summary>
    internal static readonly string[] PodFields = ["serviceAccountName", "serviceAccount", "imagePullSecrets", "volumes"];

    /// <summary>The container fields that hold references (and the env name that messages quote).</summary>
    internal static readonly string[] ContainerFields = ["env.name", "env.valueFrom", "envFrom"];

    public static IEnumerable<PodReference> Read(PodSpec spec)
    {
        var node = spec.Node;
        var accountKey = node.Scalar("serviceAccountName") is null ? "serviceAccount" : "serviceAccountName";
        if (NonEmpty(node.Scalar(accountKey)) is { } account)
        {
            yield return new PodReference("ServiceAccount", account.Value, account, Optional: false, accountKey);
        }

        foreach (var pullSecret in node.Sequence("imagePullSecrets")?.Mappings ?? [])
        {
            if (NonEmpty(pullSecret.Scalar("name")) is { } name)
            {
                yield return new PodReference("Secret", name.Value, name, Optional: false, PullSecretSource);
            }
        }

        foreach (var volume in spec.Volumes)
        {
            var source = $"volume '{volume.Text("name")}'";
            foreach (var reference in VolumeReferences(volume, source))
            {
                yield return reference;
            }
        }

        foreach (var container in spec.AllContainers)
        {
            foreach (var variable in container.Env)
            {
                var valueFrom = variable.Mapping("valueFrom");
                var source = $"env '{variable.Text("name")}' of {container.Describe()}";
                if (Reference("ConfigMap", valueFrom?.Mapping("configMapKeyRef"), "name", source) is { } configMap)
                {
                    yield return configMap;
                }

                if (Reference("Secret", valueFrom?.Mapping("secretKeyRef"), "name", source) is { } secret)
                {
                    yield return secret;
                }
            }

            foreach (var envFrom in container.Node.Sequence("envFrom")?.Mappings ?? [])
            {
                var source = $"envFrom of {container.Describe()}";
                if (Reference("ConfigMap", envFrom.Mapping("configMapRef"), "name", source) is { } configMap)
                {
                    yield return configMap;
                }

                if (Reference("Secret", envFrom.Mapping("secretRef"), "name", source) is { } secret)
                {
                    yield return secret;
                }
            }
        }
    }

    private static IEnumerable<PodReference> VolumeReferences(MappingNode volume, string source)
    {
        if (Reference("ConfigMap", volume.Mapping("configMap"), "name", source) is { } configMap)
        {
            yield return configMap;
        }

        if (Reference("Secret", volume.Mapping("secret"), "secretName", source) is { } secret)
        {
            yield return secret;
        }

        if (NonEmpty(volume.Mapping("persistentVolumeClaim")?.Scalar("claimName")) is { } claim)
        {
            yield return new PodReference("PersistentVolumeClaim", claim.Value, claim, Optional: false, source);
        }

        foreach (var projection in volume.Mapping("projected")?.Sequence("sources")?.Mappings ?? [])
        {
            if (Reference("ConfigMap", projection.Mapping("configMap"), "name", source) is { } projectedConfigMap)
            {
                yield return projectedConfigMap;
            }

            if (Reference("Secret", projection.Mapping("secret"), "name", source) is { } projectedSecret)
            {
                yield return projectedSecret;
            }
        }
    }

    private static PodReference? Reference(string kind, MappingNode? holder, string nameKey, string source) =>
        NonEmpty(holder?.Scalar(nameKey)) is { } name
            ? new PodReference(kind, name.Value, name, holder.Flag("optional", expected: true) is not null, source)
            : null;

    private static ScalarNode? NonEmpty(ScalarNode? node) => node is { IsNull: false, Value.Length: > 0 } ? node : null;
}
