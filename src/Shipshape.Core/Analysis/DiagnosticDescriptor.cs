using System.Globalization;

namespace Shipshape.Core.Analysis;

/// <summary>
/// What a rule reports, in the Roslyn style: a stable ID, a title, a message format with
/// <c>{0}</c>-style placeholders, a category, a default severity and whether it runs by default.
/// </summary>
public sealed class DiagnosticDescriptor
{
    /// <summary>Where each rule's documentation lives; the ID and ".md" are appended.</summary>
    public const string HelpLinkBase = "https://github.com/shipshape-io/shipshape/blob/main/rules/";

    public DiagnosticDescriptor(
        string id,
        string title,
        string messageFormat,
        string category,
        Severity defaultSeverity,
        bool isEnabledByDefault = true,
        string? description = null,
        PodSecurityProfile podSecurityProfile = PodSecurityProfile.None)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        IsEnabledByDefault = isEnabledByDefault;
        Description = description ?? title;
        PodSecurityProfile = podSecurityProfile;
    }

    public string Id { get; }

    public string Title { get; }

    public string MessageFormat { get; }

    public string Category { get; }

    public Severity DefaultSeverity { get; }

    public bool IsEnabledByDefault { get; }

    public string Description { get; }

    /// <summary>The Pod Security Standards profile whose control this rule checks, or None; presets select rules by it.</summary>
    public PodSecurityProfile PodSecurityProfile { get; }

    public string HelpLink => HelpLinkBase + Id + ".md";

    /// <summary>The message with its arguments; a name or value longer than <see cref="QuotedText.MaxLength"/> is cut.</summary>
    public string FormatMessage(object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, MessageFormat, QuotedText.CutAll(arguments));

    public override string ToString() => Id;
}
