using System.Reflection;
using k8s;
using k8s.Models;

namespace Shipshape.Builder;

/// <summary>
/// Objects built with KubernetesClient's models (<c>k8s.Models.V1Deployment</c> and the rest) in an <see cref="App"/>:
/// <c>app.Add(deployment)</c> writes them with the client's own YAML serializer into a <see cref="RawResource"/>, so
/// <see cref="App.Synth"/> lints them with the builder's objects. Teams that already use k8s.Models keep their code.
/// </summary>
public static class KubernetesClientObjects
{
    /// <summary>
    /// Adds <paramref name="kubernetesObject"/> as it is now (later changes to it are not seen). An unset apiVersion or
    /// kind is taken from the model's <see cref="KubernetesEntityAttribute"/>, as the client does when it sends the object.
    /// </summary>
    public static RawResource Add(this App app, IKubernetesObject<V1ObjectMeta> kubernetesObject)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(kubernetesObject);
        var entity = kubernetesObject.GetType().GetCustomAttribute<KubernetesEntityAttribute>();
        var missing = "";
        if (kubernetesObject.ApiVersion is null && entity is not null)
        {
            missing += "apiVersion: " + (entity.Group.Length == 0 ? entity.ApiVersion : entity.Group + "/" + entity.ApiVersion) + "\n";
        }

        if (kubernetesObject.Kind is null && entity is not null)
        {
            missing += "kind: " + entity.Kind + "\n";
        }

        // The serializer writes one block mapping, so the missing keys can stand before it.
        return app.Add(RawResource.FromYaml(missing + KubernetesYaml.Serialize(kubernetesObject)));
    }
}
