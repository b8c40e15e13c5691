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

    /// <summary>
    /// True for a call of one of the builder's intent helpers, which make a new object from another
    /// (<c>web.ExposeViaService()</c> makes a Service, <c>service.ExposeViaIngress(...)</c> an Ingress): a method of
    /// Shipshape.Builder that returns a builder object of another type than the one it is called on.
    /// </summary>
    public bool IsIntentHelperCall(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
        && model.GetSymbolInfo(expression, cancellationToken).Symbol is IMethodSymbol { IsStatic: false } method
        && method.ContainingNamespace is { Name: "Builder", ContainingNamespace.Name: "Shipshape" }
        && IsResource(method.ReturnType)
        && model.GetTypeInfo(access.Expression, cancellationToken).Type is { } receiver && IsResource(receiver)
        && !SymbolEqualityComparer.Default.Equals(method.ReturnType, receiver);

    /// <summary>
    /// Where the builder object <paramref name="value"/> is made, when it is written in one expression: its creation
    /// (<c>new Service()</c>) or the intent helper call that makes it (<c>web.ExposeViaService()</c>), before the fluent
    /// calls that configure it; null for anything else (a local, <c>app.Add(...)</c>'s result, a method of the user's).
    /// </summary>
    public ExpressionSyntax? MadeIn(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        var start = value;
        while (start is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } && !IsIntentHelperCall(start, model, cancellationToken))
        {
            start = access.Expression;
        }

        return start is BaseObjectCreationExpressionSyntax || IsIntentHelperCall(start, model, cancellationToken) ? start : null;
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
    private FluentChain(ExpressionSyntax start, ExpressionSyntax top, ITypeSymbol type, IReadOnlyList<FluentCall> calls)
    {
        Start = start;
        Top = top;
        Type = type;
        Calls = calls;
    }

    /// <summary>Where the object is made: its creation, or the intent helper call that returns it (<c>web.ExposeViaService()</c>).</summary>
    public ExpressionSyntax Start { get; }

    /// <summary>The intent helper call that made the object, or null when the chain starts with <c>new</c>.</summary>
    public InvocationExpressionSyntax? MadeByHelper => Start as InvocationExpressionSyntax;

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

        return new FluentChain(start, current, type, calls);
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

    /// <summary>
    /// "Deployment 'echo'", or just "Deployment" when the name is not a constant; "the Service ExposeViaService() makes"
    /// for an object an intent helper makes and the chain does not name.
    /// </summary>
    public string Description => ConstantName is { } name ? $"{Type.Name} '{name}'"
        : MadeByHelper is { Expression: MemberAccessExpressionSyntax helper } ? $"the {Type.Name} {helper.Name.Identifier.ValueText}() makes"
        : Type.Name;

    /// <summary><see cref="Description"/> at the start of a sentence.</summary>
    public string SentenceDescription => char.ToUpperInvariant(Description[0]) + Description.Substring(1);

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

    /// <summary>
    /// The chain that builds the object <paramref name="value"/> stands for, when the code shows it: the value written
    /// inline (<c>new Deployment()...</c>), or a local initialised with one and configured by that chain alone.
    /// </summary>
    public static FluentChain? Building(ExpressionSyntax value, BuilderTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        if (value is IdentifierNameSyntax
            && model.GetSymbolInfo(value, cancellationToken).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
        {
            return Written(Unadded(initializer, types, model, cancellationToken), types, model, cancellationToken) is { } chain
                && chain.ConfiguresWholeObject(types, model, cancellationToken) ? chain : null;
        }

        return Written(Unadded(value, types, model, cancellationToken), types, model, cancellationToken);
    }

    /// <summary>The object <c>app.Add(...)</c> adds (and returns) when <paramref name="value"/> is such a call, else the value itself.</summary>
    private static ExpressionSyntax Unadded(ExpressionSyntax value, BuilderTypes types, SemanticModel model, CancellationToken cancellationToken) =>
        value is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } invocation && IsAppAddArgument(invocation.ArgumentList.Arguments[0].Expression, types, model, cancellationToken)
            ? invocation.ArgumentList.Arguments[0].Expression
            : value;

    /// <summary>The chain whose whole expression is <paramref name="value"/>, from where the object is made (see <see cref="BuilderTypes.MadeIn"/>).</summary>
    public static FluentChain? Written(ExpressionSyntax value, BuilderTypes types, SemanticModel model, CancellationToken cancellationToken) =>
        types.MadeIn(value, model, cancellationToken) is { } start
        && model.GetTypeInfo(start, cancellationToken).Type is { } type && types.IsResource(type)
        && Follow(start, type, model, cancellationToken) is { } chain && chain.Top == value
            ? chain
            : null;

    /// <summary>
    /// True when some reference to <paramref name="local"/> hands the object on: as an argument, a returned or
    /// assigned value, an element. Calls on it that return the same object count through their result
    /// (<c>app.Add(web.Replicas(2))</c>); other calls (<c>web.ExposeViaService()</c>) do not add it.
    /// </summary>
    public static bool IsHandedOn(ILocalSymbol local, VariableDeclaratorSyntax declarator, ITypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var reference in References(local, declarator, model, cancellationToken))
        {
            if (IsHandedOn(Follow(reference, type, model, cancellationToken).Top))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the object's value <paramref name="value"/> goes somewhere: not only called on, nor dropped.</summary>
    public static bool IsHandedOn(ExpressionSyntax value) => value.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression != value,
        ExpressionStatementSyntax => false,
        AssignmentExpressionSyntax assignment => assignment.Right == value,
        _ => true,
    };

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
