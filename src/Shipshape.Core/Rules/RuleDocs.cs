namespace Shipshape.Core.Rules;

/// <summary>The rules/ID.md documents, embedded in the engine so every front end can show them offline.</summary>
public static class RuleDocs
{
    /// <summary>The Markdown of rules/<paramref name="id"/>.md, or null when the rule has no document.</summary>
    public static string? Get(string id)
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream($"rules/{id}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
