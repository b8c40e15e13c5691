using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Shipshape.Analyzers.Rules;

/// <summary>
/// A builder object that is built and then dropped: its value is discarded, or it is kept in a local that is
/// never passed anywhere (to <c>app.Add</c> or any other method), returned or stored. Synth would silently omit it.
/// Objects that intent helpers make count too: a Service from <c>web.ExposeViaService()</c> that is only used to
/// make an Ingress is never written.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SHIP5001ObjectNotAdded : BuilderAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ObjectNotAdded,
        title: "Built object is never added to the app",
        messageFormat: "{0} is built but never added to an App, so Synth() will not write it: pass it to app.Add(...), or delete it",
        category: RuleCategories.Builder,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Only objects added to an App are linted and written; one that is built and dropped is usually a forgotten app.Add(...).",
        helpLinkUri: HelpLinks.For(RuleIds.ObjectNotAdded));

    public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private protected override void AnalyzeObject(SyntaxNodeAnalysisContext context, BuilderTypes types, FluentChain chain)
    {
        var description = chain.ConstantName is null && chain.MadeByHelper is null ? "This " + chain.Description : chain.SentenceDescription;
        switch (chain.Top.Parent)
        {
            case ExpressionStatementSyntax:
            case MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax helper } access
                when access.Expression == chain.Top && types.IsIntentHelperCall(helper, context.SemanticModel, context.CancellationToken):
                // Dropped, or only used to make another object (new Deployment()...ExposeViaService()).
                context.ReportDiagnostic(Diagnostic.Create(Rule, chain.Top.GetLocation(), description));
                break;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when declarator.Parent?.Parent is LocalDeclarationStatementSyntax
                && context.SemanticModel.GetDeclaredSymbol(declarator, context.CancellationToken) is ILocalSymbol local
                && !FluentChain.IsHandedOn(local, declarator, chain.Type, context.SemanticModel, context.CancellationToken):
                context.ReportDiagnostic(Diagnostic.Create(Rule, declarator.Identifier.GetLocation(), description));
                break;
        }
    }
}
