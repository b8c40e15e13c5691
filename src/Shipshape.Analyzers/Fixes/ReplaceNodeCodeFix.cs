using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Shipshape.Analyzers.Fixes;

/// <summary>What a fix replaces, with what, and the title the IDE shows for it.</summary>
internal sealed class NodeReplacement(SyntaxNode original, SyntaxNode replacement, string title)
{
    public SyntaxNode Original { get; } = original;

    public SyntaxNode Replacement { get; } = replacement;

    public string Title { get; } = title;
}

/// <summary>The shape the builder code fixes share: each fixable diagnostic replaces one syntax node near its location.</summary>
public abstract class ReplaceNodeCodeFix : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Replace(diagnostic, root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is not { } fix)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    title: fix.Title,
                    createChangedDocument: _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(fix.Original, fix.Replacement))),
                    equivalenceKey: GetType().Name),
                diagnostic);
        }
    }

    /// <summary>The replacement that fixes <paramref name="diagnostic"/>, reported at <paramref name="reported"/>, or null when there is no clear fix.</summary>
    private protected abstract NodeReplacement? Replace(Diagnostic diagnostic, SyntaxNode reported);
}
