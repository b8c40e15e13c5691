using Shipshape.Core.Syntax;

namespace Shipshape.Core.Analysis;

/// <summary>One finding: which rule, how serious, what to say, and exactly where.</summary>
public sealed record Diagnostic
{
    public required DiagnosticDescriptor Descriptor { get; init; }

    public required Severity Severity { get; init; }

    private readonly string? _message;

    /// <summary>
    /// What to tell the reader: given whole, or formatted from <see cref="MessageArguments"/> each time it is read.
    /// A run over thousands of objects holds tens of thousands of findings until it sorts and writes them, and their
    /// arguments (names and numbers the objects hold anyway) cost a fraction of their sentences.
    /// </summary>
    public string Message
    {
        get => _message ?? Descriptor.FormatMessage(MessageArguments);
        init => _message = value;
    }

    /// <summary>The arguments of the descriptor's message format, when <see cref="Message"/> is not given whole.</summary>
    public object?[] MessageArguments { get; init; } = [];

    /// <summary>The file as the user named it, or <c>&lt;stdin&gt;</c>.</summary>
    public required string FilePath { get; init; }

    public required SourceSpan Span { get; init; }

    /// <summary>The object the finding is about, or null for findings about the file itself (syntax errors).</summary>
    public ResourceIdentity? Resource { get; init; }

    /// <summary>The chart template that rendered the finding's document (its <c># Source:</c> comment), or null.</summary>
    public string? Template { get; init; }

    /// <summary>Why the finding was suppressed (annotation, comment or configuration), or null when it stands.</summary>
    public string? Suppression { get; init; }

    /// <summary>The object the finding was reported on, for suppression by annotation; not part of any report.</summary>
    public Model.KubeObject? Object { get; init; }

    /// <summary>
    /// For the one finding that stands for the findings of its rule beyond the per-file cap, how many it stands for
    /// (see <c>Engine.FindingCaps</c>); 0 for any other finding.
    /// </summary>
    public int Omitted { get; init; }

    public string Id => Descriptor.Id;

    public bool IsSuppressed => Suppression is not null;

    /// <summary>
    /// The one finding that stands for <paramref name="omitted"/> findings of <paramref name="first"/>'s rule in its file
    /// past the cap of <paramref name="maxPerRule"/>, placed at <paramref name="first"/>, the first of them, and about its
    /// object (so an annotation that suppresses them suppresses it).
    /// </summary>
    public static Diagnostic Summarizing(Diagnostic first, int omitted, int maxPerRule) => first with
    {
        Message = $"There are {omitted:N0} more {first.Id} findings in this file from here on, not shown: a report shows the first {maxPerRule:N0} of each rule in a file; fix those first",
        MessageArguments = [],
        Omitted = omitted,
    };

    public override string ToString() => $"{FilePath}:{Span.Line}:{Span.Column}: {Severity.ToName()} {Id} {Message}";
}
