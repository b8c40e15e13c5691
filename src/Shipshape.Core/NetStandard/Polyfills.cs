// The few APIs the engine uses that neither netstandard2.0 nor the Polyfill package provide. Compiled only into the
// netstandard2.0 build (the engine inside Roslyn hosts); net10.0 uses the runtime's own.
namespace System
{
    internal static class NetStandardPolyfills
    {
        extension(double)
        {
            public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
        }

        extension(string)
        {
            public static string Create(IFormatProvider provider, FormattableString text) => text.ToString(provider);
        }

        extension(string text)
        {
            /// <summary>netstandard2.0's Replace is ordinal, the only comparison the engine asks for.</summary>
            public string Replace(string oldValue, string newValue, StringComparison comparison) =>
                comparison == StringComparison.Ordinal ? text.Replace(oldValue, newValue) : throw new NotSupportedException(comparison.ToString());
        }
    }
}

namespace System.Collections.Generic
{
    using System.Runtime.CompilerServices;

    /// <summary>Compares by reference, like .NET 5's ReferenceEqualityComparer.</summary>
    internal sealed class ReferenceEqualityComparer : IEqualityComparer<object?>
    {
        private ReferenceEqualityComparer()
        {
        }

        public static ReferenceEqualityComparer Instance { get; } = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object? obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
