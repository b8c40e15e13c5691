using Shipshape.Core.Loading;
using Shipshape.Core.Model;

namespace Shipshape.Core.Schema;

/// <summary>
/// The netstandard2.0 build's stand-in for SchemaLocations.cs: user JSON Schemas need JsonSchema.Net, whose
/// System.Text.Json 10 is newer than what Roslyn hosts load, so inside an analyzer only the embedded Kubernetes
/// schemas (and the linted CRDs) validate objects, and asking for schema locations is refused.
/// </summary>
internal sealed class SchemaLocations
{
    /// <exception cref="InputException">A location is given: this build cannot evaluate JSON Schemas.</exception>
    public SchemaLocations(IReadOnlyList<string> locations, KubernetesVersion target, bool strict)
    {
        _ = target;
        _ = strict;
        if (locations.Any(location => location != "default"))
        {
            throw new InputException($"--schema-location {locations[0]}: schema locations are not supported by the netstandard2.0 engine (the analyzer); use the shipshape CLI or the MSBuild task");
        }
    }

    /// <summary>There is never a user schema to validate with.</summary>
#pragma warning disable CA1822 // The instance method mirrors SchemaLocations.cs, which callers use.
    public ObjectValidation? TryValidate(KubeObject item)
#pragma warning restore CA1822
    {
        _ = item;
        return null;
    }
}
