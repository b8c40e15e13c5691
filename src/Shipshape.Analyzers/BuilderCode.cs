using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Shipshape.Analyzers;

/// <summary>The Shipshape.Builder types the analyzers look for, resolved once per compilation.</summary>
internal sealed class BuilderTypes
{
    private BuilderTypes(INamedTypeSymbol resource, INamedTypeSymbol container, INamedTypeSymbol service, INamedTypeSymbol? app)
    {
        Resource = resource;
        Container = container;
        Service = service;
        App = app;
    }

    public INamedTypeSymbol Resource { get; }

    public INamedTypeSymbol Container { get; }

    public INamedTypeSymbol Service { get; }

    public INamedTypeSymbol? App { get; }

    /// <summary>The builder's types, or null when the compilation does not reference Shipshape.Builder (nothing to analyze).</summary>
    public static BuilderTypes? From(Compilation compilation)
    {
        var resource = compilation.GetTypeByMetadataName("Shipshape.Builder.Resource");
        var container = compilation.GetTypeByMetadataName("Shipshape.Builder.Container");
        var service = compilation.GetTypeByMetadataName("Shipshape.Builder.Service");
        return resource is null || container is null || service is null
            ? null
            : new BuilderTypes(resource, container, service, compilation.GetTypeByMetadataName("Shipshape.Builder.App"));
    }

    public bool IsResource(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, Resource))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for objects that run pods (Pod, Deployment, ReplicaSet): they derive from the builder's PodResource.</summary>
    public static bool IsPodResource(ITypeSymbol type) => DerivesFromBuilderType(type, "PodResource");

    /// <summary>True for a workload with a pod template and its own selector (Deployment, ReplicaSet).</summary>
    public static bool IsWorkload(ITypeSymbol type) => DerivesFromBuilderType(type, "Workload");

    private static bool DerivesFromBuilderType(ITypeSymbol type, string baseName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == baseName && current.ContainingNamespace is { Name: "Builder", ContainingNamespace.Name: "Shipshape" })
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One call of a fluent chain (<c>.Port(80)</c>) with its arguments matched to parameters.</summary>
internal readonly struct FluentCall(IInvocationOperation operation)
{
    public IInvocationOperation Operation { get; } = operation;

    public string Name => Operation.TargetMethod.Name;

    /// <summary>The argument written for <paramref name="parameter"/> (positionally or by name), or null when it was left to its default.</summary>
    public IOperation? Argument(string parameter)
    {
        foreach (var argument in Operation.Arguments)
        {
            if (argument.Parameter?.Name == parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The argument's compile-time string, or null when it is missing or not a constant.</summary>
    public string? ConstantString(string parameter) => Constant(Argument(parameter)) as string;

    /// <summary>The argument's compile-time value, looking through implicit conversions (an int passed as a TargetPort).</summary>
    public static object? Constant(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion && !operation.ConstantValue.HasValue)
        {
            operation = conversion.Operand;
        }

        return operation is { ConstantValue.HasValue: true } ? operation.ConstantValue.Value : null;
    }
}

/// <summary>
/// A builder object written as one expression: <c>new Deployment().Name("echo").Replicas(3)...</c>. The chain is
/// the creation and every call after it that returns the same builder, so its calls describe one object.
/// </summary>
internal sealed class FluentChain
{
    private FluentChain(ExpressionSyntax top, ITypeSymbol type, IReadOnlyList<FluentCall> calls)
    {
        Top = top;
        Type = type;
        Calls = calls;
    }

    /// <summary>The outermost expression of the chain (its value is the built object).</summary>
    public ExpressionSyntax Top { get; }

    public ITypeSymbol Type { get; }

    public IReadOnlyList<FluentCall> Calls { get; }

    public IEnumerable<FluentCall> CallsNamed(string name) => Calls.Where(c => c.Name == name);

    /// <summary>The chain that starts at <paramref name="start"/>, following calls for as long as they return <paramref name="type"/>.</summary>
    public static FluentChain Follow(ExpressionSyntax start, ITypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
    {
        var calls = new List<FluentCall>();
        var current = start;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current
            && access.Parent is InvocationExpressionSyntax invocation
            && model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation
            && SymbolEqualityComparer.Default.Equals(operation.TargetMethod.ReturnType, type))
        {
            calls.Add(new FluentCall(operation));
            current = invocation;
        }

        return new FluentChain(current, type, calls);
    }

    /// <summary>
    /// The chains of the builder objects passed inline to this chain's <paramref name="method"/> calls
    /// (<c>.Container(new Container().Name("echo"))</c>), in source order; objects built elsewhere are not seen.
    /// </summary>
    public IEnumerable<FluentChain> Inline(string method, string parameter, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var call in CallsNamed(method))
        {
            var expression = call.Argument(parameter)?.Syntax as ExpressionSyntax;
            while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
            {
                expression = access.Expression;
            }

            if (expression is BaseObjectCreationExpressionSyntax creation && model.GetTypeInfo(creation, cancellationToken).Type is { } type)
            {
                yield return Follow(creation, type, model, cancellationToken);
            }
        }
    }

    /// <summary>The constant value of the chain's last <c>.Name(...)</c>, or null.</summary>
    public string? ConstantName => CallsNamed("Name").Select(c => c.ConstantString("name")).LastOrDefault(n => n is not null);

    /// <summary>"Deployment 'echo'", or just "Deployment" when the name is not a constant.</summary>
    public string Description => ConstantName is { } name ? $"{Type.Name} '{name}'" : Type.Name;

    /// <summary>
    /// True when this chain is all the code that configures its object, so its calls tell the whole object: the
    /// object is added to the app or dropped, or kept in a local on which no further fluent call is made and which is
    /// only passed to <c>app.Add</c> or read by calls that build other objects (<c>web.ExposeViaService()</c>). An
    /// object that is returned, stored or passed elsewhere may be changed there.
    /// </summary>
    public bool ConfiguresWholeObject(BuilderTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        var value = IsAppAddArgument(Top, types, model, cancellationToken) ? (ExpressionSyntax)Top.Parent!.Parent!.Parent! : Top;
        return value.Parent switch
        {
            ExpressionStatementSyntax => true,
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when declarator.Parent?.Parent is LocalDeclarationStatementSyntax
                && model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local =>
                References(local, declarator, model, cancellationToken).All(reference =>
                    IsAppAddArgument(reference, types, model, cancellationToken) || BuildsAnotherObject(reference, model, cancellationToken)),
            _ => false,
        };
    }

    /// <summary>Every reference to <paramref name="local"/> in the block that declares it.</summary>
    public static IEnumerable<IdentifierNameSyntax> References(ILocalSymbol local, VariableDeclaratorSyntax declarator, SemanticModel model, CancellationToken cancellationToken)
    {
        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode)declarator.SyntaxTree.GetRoot(cancellationToken);
        return scope.DescendantNodes().OfType<IdentifierNameSyntax>().Where(reference => reference.Identifier.ValueText == local.Name
            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(reference, cancellationToken).Symbol, local));
    }

    private static bool IsAppAddArgument(ExpressionSyntax expression, BuilderTypes types, SemanticModel model, CancellationToken cancellationToken) =>
        expression.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax invocation }
        && model.GetOperation(invocation, cancellationToken) is IInvocationOperation { TargetMethod: { Name: "Add" } method }
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.App);

    /// <summary>True for <c>web.ExposeViaService()</c>: a call on the object that returns something else, so it does not configure the object.</summary>
    private static bool BuildsAnotherObject(IdentifierNameSyntax reference, SemanticModel model, CancellationToken cancellationToken) =>
        reference.Parent is MemberAccessExpressionSyntax access && access.Expression == reference
        && access.Parent is InvocationExpressionSyntax invocation
        && model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation
        && !SymbolEqualityComparer.Default.Equals(operation.TargetMethod.ReturnType, model.GetTypeInfo(reference, cancellationToken).Type);
}
