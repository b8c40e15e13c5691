using System.Globalization;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>
/// A Kubernetes int-or-string value such as a Service's <c>targetPort</c>: a number, or the name of a port.
/// A quoted number ("8080") is a name, as it is for the API server.
/// </summary>
public readonly record struct IntOrString(long? Number, string? Name)
{
    public static IntOrString? From(Node? node)
    {
        if (node is not ScalarNode { IsNull: false } scalar)
        {
            return null;
        }

        return scalar.TryGetInt64(out var number) ? new IntOrString(number, null) : new IntOrString(null, scalar.Value);
    }

    public bool IsNumber => Number.HasValue;

    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? $"'{Name}'";
}
