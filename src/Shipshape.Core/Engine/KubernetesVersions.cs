using Shipshape.Core.Schema;

namespace Shipshape.Core.Engine;

/// <summary>The Kubernetes versions the engine knows.</summary>
public static class KubernetesVersions
{
    /// <summary>The version checked against when none is asked for: the newest embedded schema set.</summary>
    public static string Default => EmbeddedSchemas.Newest.ToString();
}
