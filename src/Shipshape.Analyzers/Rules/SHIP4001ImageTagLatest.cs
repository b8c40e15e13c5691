using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Shipshape.Analyzers.Rules;

/// <summary>A constant <c>.Image("...")</c> with no tag, or the tag <c>latest</c>, and no digest.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SHIP4001ImageTagLatest : BuilderCallAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ImageTagLatest,
        title: "Image without a pinned tag",
        messageFormat: "Image '{0}' of container '{1}' {2}, so each node may run a different build and a rollback cannot return to the old one; pin a version tag or a digest (image@sha256:…)",
        category: RuleCategories.Reliability,
        defaultSeverity: EngineRules.DefaultSeverity(RuleIds.ImageTagLatest),
        isEnabledByDefault: true,
        description: "An image with no tag or the 'latest' tag changes under the same name: nodes pull different builds and rollbacks do not roll back.",
        helpLinkUri: HelpLinks.For(RuleIds.ImageTagLatest));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    /// <summary>Why <paramref name="image"/> is not pinned, in the words of the manifest rule, or null when it is.</summary>
    internal static string? UnpinnedReason(string image)
    {
        if (image.IndexOf('@') >= 0)
        {
            return null;
        }

        // A ':' after the last '/' starts the tag; one before it belongs to a registry host's port.
        var colon = image.IndexOf(':', image.LastIndexOf('/') + 1);
        return colon < 0 ? "has no tag, which means 'latest'"
            : image.Substring(colon + 1) == "latest" ? "uses the 'latest' tag"
            : null;
    }

    private protected override void AnalyzeCall(OperationAnalysisContext context, BuilderTypes types, FluentCall call)
    {
        if (call.Name != "Image" || !SymbolEqualityComparer.Default.Equals(call.Operation.TargetMethod.ReturnType, types.Container)
            || call.Argument("image") is not { } argument || FluentCall.Constant(argument) is not string image
            || UnpinnedReason(image) is not { } reason)
        {
            return;
        }

        var container = call.Operation.Instance?.Syntax is { } receiver
            ? FindContainerName(receiver, context.Operation.SemanticModel!, types, context.CancellationToken)
            : null;
        context.ReportDiagnostic(Diagnostic.Create(Rule, argument.Syntax.GetLocation(), image, container ?? "?", reason));
    }

    /// <summary>The constant name given earlier in the same chain (<c>new Container().Name("echo").Image(...)</c>).</summary>
    private static string? FindContainerName(SyntaxNode receiver, SemanticModel model, BuilderTypes types, CancellationToken cancellationToken)
    {
        var creation = receiver.DescendantNodesAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax>().FirstOrDefault();
        return creation is null ? null : FluentChain.Follow(creation, types.Container, model, cancellationToken).ConstantName;
    }
}
