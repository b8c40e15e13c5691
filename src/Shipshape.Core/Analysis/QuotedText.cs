namespace Shipshape.Core.Analysis;

/// <summary>
/// How much of an input's text a finding quotes. A name or value from a manifest can be a megabyte long, and a
/// finding that quotes it whole, once per rule and container, turns one hostile file into gigabytes of report: every
/// string a message or a resource identity quotes is cut at <see cref="MaxLength"/> characters, with an ellipsis.
/// </summary>
public static class QuotedText
{
    /// <summary>The most characters of one quoted name or value (a Kubernetes name has at most 253).</summary>
    public const int MaxLength = 256;

    private const string Ellipsis = "…";

    /// <summary><paramref name="text"/>, or its first <see cref="MaxLength"/> characters and an ellipsis.</summary>
    public static string Cut(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        // Never split a surrogate pair: half a character is not valid text in any report format.
        var length = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
#if NET
        return string.Concat(text.AsSpan(0, length), Ellipsis);
#else
        return text.Substring(0, length) + Ellipsis;
#endif
    }

    /// <summary>The arguments of a message with every string cut (the array itself when none is too long).</summary>
    public static object?[] CutAll(object?[] arguments)
    {
        object?[]? cut = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] is string { Length: > MaxLength } text)
            {
                cut ??= (object?[])arguments.Clone();
                cut[i] = Cut(text);
            }
        }

        return cut ?? arguments;
    }

    /// <summary>The identity a finding reports, with each part cut.</summary>
    public static ResourceIdentity Cut(ResourceIdentity identity) =>
        IsShort(identity.ApiVersion) && IsShort(identity.Kind) && IsShort(identity.Name) && IsShort(identity.Namespace)
            ? identity
            : new ResourceIdentity(Cut(identity.ApiVersion), Cut(identity.Kind), identity.Name is null ? null : Cut(identity.Name), identity.Namespace is null ? null : Cut(identity.Namespace));

    private static bool IsShort(string? text) => text is null || text.Length <= MaxLength;
}
