using Shipshape.Core.Syntax;

namespace Shipshape.Core.Analysis;

/// <summary>One finding: which rule, how serious, what to say, and exactly where.</summary>
public sealed record Diagnostic
{
    public required DiagnosticDescriptor Descriptor { get; init; }

    public required Severity Severity { get; init; }

    public required string Message { get; init; }

    /// <summary>The file as the user named it, or <c>&lt;stdin&gt;</c>.</summary>
    public required string FilePath { get; init; }

    public required SourceSpan Span { get; init; }

    /// <summary>The object the finding is about, or null for findings about the file itself (syntax errors).</summary>
    public ResourceIdentity? Resource { get; init; }

    /// <summary>Why the finding was suppressed (annotation, comment or configuration), or null when it stands.</summary>
    public string? Suppression { get; init; }

    /// <summary>The object the finding was reported on, for suppression by annotation; not part of any report.</summary>
    public Model.KubeObject? Object { get; init; }

    public string Id => Descriptor.Id;

    public bool IsSuppressed => Suppression is not null;

    public override string ToString() => $"{FilePath}:{Span.Line}:{Span.Column}: {Severity.ToName()} {Id} {Message}";
}
