namespace Shipshape.Core.Engine;

/// <summary>The Kubernetes versions the engine knows.</summary>
public static class KubernetesVersions
{
    /// <summary>The version checked against when none is asked for: the newest one known.</summary>
    public const string Default = "1.30";
}
