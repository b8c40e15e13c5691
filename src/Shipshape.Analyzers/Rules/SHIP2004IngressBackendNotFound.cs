using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Shipshape.Analyzers.Rules;

/// <summary>
/// An Ingress made by <c>service.ExposeViaIngress(...)</c> from a Service that is never added to the App: Synth writes
/// an Ingress whose backend Service does not exist, which manifest rule SHIP2004 reports in the files.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SHIP2004IngressBackendNotFound : BuilderAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.IngressBackendNotFound,
        title: "Ingress routes to a Service that is not added",
        messageFormat: "{0} routes to {1}, which is never added to an App, so Synth() writes an Ingress whose backend Service does not exist: pass the Service to app.Add(...)",
        category: RuleCategories.Consistency,
        defaultSeverity: EngineRules.DefaultSeverity(RuleIds.IngressBackendNotFound),
        isEnabledByDefault: true,
        description: "An Ingress sends requests to a Service by name; when that Service is not among the objects written, the controller answers 503 for the route.",
        helpLinkUri: HelpLinks.For(RuleIds.IngressBackendNotFound));

    public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private protected override void AnalyzeObject(SyntaxNodeAnalysisContext context, BuilderTypes types, FluentChain chain)
    {
        var (model, cancellationToken) = (context.SemanticModel, context.CancellationToken);
        if (chain.MadeByHelper is not { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ExposeViaIngress" } access }
            || model.GetTypeInfo(access.Expression, cancellationToken).Type is not { } serviceType
            || !SymbolEqualityComparer.Default.Equals(serviceType, types.Service)
            || !IsNeverAdded(access.Expression, serviceType, types, model, cancellationToken))
        {
            return;
        }

        var service = access.Expression is IdentifierNameSyntax local ? $"the Service in '{local.Identifier.ValueText}'" : "its Service";
        context.ReportDiagnostic(Diagnostic.Create(Rule, access.Name.GetLocation(), "The Ingress ExposeViaIngress() makes", service));
    }

    /// <summary>
    /// True when the Service <paramref name="receiver"/> stands for is written inline and used only to make the Ingress
    /// (<c>web.ExposeViaService().ExposeViaIngress(...)</c>), or is a local, made where it is declared, that no statement
    /// hands on. A Service that comes from <c>app.Add(...)</c> is added; one from a field, a parameter or a method may
    /// be added elsewhere: not known here, so not reported.
    /// </summary>
    private static bool IsNeverAdded(ExpressionSyntax receiver, ITypeSymbol serviceType, BuilderTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        if (receiver is not IdentifierNameSyntax)
        {
            return types.MadeIn(receiver, model, cancellationToken) is not null;
        }

        return model.GetSymbolInfo(receiver, cancellationToken).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } made } declarator
            && types.MadeIn(made, model, cancellationToken) is not null
            && !FluentChain.IsHandedOn(local, declarator, serviceType, model, cancellationToken);
    }
}
