namespace Shipshape.Core.Analysis;

/// <summary>The object a finding belongs to, as the JSON report names it.</summary>
public sealed record ResourceIdentity(string ApiVersion, string Kind, string? Name, string? Namespace)
{
    /// <summary>"Deployment 'web'" or "Deployment 'web' in namespace 'shop'": how messages name an object.</summary>
    public string Describe() => Namespace is null
        ? $"{Kind} '{Name ?? "(unnamed)"}'"
        : $"{Kind} '{Name ?? "(unnamed)"}' in namespace '{Namespace}'";

    public override string ToString() => $"{Kind}/{Name ?? "(unnamed)"}";
}
