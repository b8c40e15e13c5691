namespace Shipshape.Core.Schema.Cel;

/// <summary>A CEL expression that does not compile: a syntax error, an unknown name or function.</summary>
internal sealed class CelCompileException(string message) : Exception(message);

/// <summary>
/// One compiled CEL expression with the variables of a Kubernetes validation rule (<c>self</c>, and <c>oldSelf</c>
/// in transition rules). Compiling parses the text and checks that every name and function it uses exists, as the
/// API server's type check does for them; the fields it selects are only known when it runs. Immutable and
/// shared between threads; each evaluation gets its own interpreter and cost count.
/// </summary>
internal sealed class CelProgram
{
    /// <summary>The API server's per-expression runtime cost limit (apiextensions' PerCallLimit).</summary>
    public const long DefaultBudget = 1_000_000;

    private readonly CelExpr _expression;

    private CelProgram(CelExpr expression, bool usesOldSelf)
    {
        _expression = expression;
        UsesOldSelf = usesOldSelf;
    }

    /// <summary>A transition rule: it compares with the object's previous state, which a linter does not have.</summary>
    public bool UsesOldSelf { get; }

    /// <param name="variables">The names the expression may use besides its own macro variables.</param>
    /// <param name="checkNames">
    /// Reject unknown names and functions now, as the API server does; false leaves them to fail when evaluated, as
    /// cel-spec's unchecked (<c>disable_check</c>) conformance cases expect.
    /// </param>
    /// <exception cref="CelCompileException">The text is not a valid expression over those names.</exception>
    public static CelProgram Compile(string text, IReadOnlyCollection<string> variables, bool checkNames = true)
    {
        CelExpr expression;
        try
        {
            expression = CelParser.Parse(text);
        }
        catch (CelSyntaxException exception)
        {
            throw new CelCompileException(exception.Message);
        }

        var check = new NameCheck(variables, checkNames);
        check.Visit(expression);
        return new CelProgram(expression, check.UsesOldSelf);
    }

    /// <summary>The expression's value with <paramref name="variables"/> bound.</summary>
    /// <exception cref="CelError">The expression evaluates to an error.</exception>
    /// <exception cref="CelCostExceeded">The evaluation needs more than <paramref name="budget"/>.</exception>
    public object Evaluate(IReadOnlyList<(string Name, object Value)> variables, long budget = DefaultBudget) =>
        CelInterpreter.Evaluate(_expression, variables, budget, out _);

    /// <inheritdoc cref="Evaluate(IReadOnlyList{ValueTuple{string, object}}, long)"/>
    /// <param name="cost">The cost the evaluation spent.</param>
    public object Evaluate(IReadOnlyList<(string Name, object Value)> variables, long budget, out long cost) =>
        CelInterpreter.Evaluate(_expression, variables, budget, out cost);

    /// <summary>Finds the uses of <c>oldSelf</c>, names that are neither variables nor types, and functions no library defines.</summary>
    private sealed class NameCheck(IReadOnlyCollection<string> variables, bool reject)
    {
        private readonly List<string> _scope = [.. variables];

        public bool UsesOldSelf { get; private set; }

        public void Visit(CelExpr expression)
        {
            switch (expression)
            {
                case CelIdent ident:
                    if (ident.Name == "oldSelf")
                    {
                        UsesOldSelf = true;
                    }

                    if (reject && !_scope.Contains(ident.Name) && CelStandardLibrary.TypeNamed(ident.Name) is null)
                    {
                        throw new CelCompileException($"undeclared reference to '{ident.Name}'");
                    }

                    break;
                case CelSelect select:
                    if (!(Qualifier(select) is { } type && CelStandardLibrary.TypeNamed(type) is not null && !_scope.Contains(Root(select))))
                    {
                        Visit(select.Operand);
                    }

                    break;
                case CelCall call:
                    var name = call.Function;
                    if (call.Target is not null)
                    {
                        if (Qualifier(call.Target) is { } qualifier && CelStandardLibrary.IsKnown(qualifier + "." + name) && !_scope.Contains(Root(call.Target)))
                        {
                            name = qualifier + "." + name;
                        }
                        else
                        {
                            Visit(call.Target);
                        }
                    }

                    if (reject && !name.StartsWith('_') && !name.StartsWith('-') && !name.StartsWith('!') && name != "@in" && !CelStandardLibrary.IsKnown(name))
                    {
                        throw new CelCompileException($"undeclared reference to '{name}'");
                    }

                    foreach (var arg in call.Args)
                    {
                        Visit(arg);
                    }

                    break;
                case CelList list:
                    foreach (var item in list.Items)
                    {
                        Visit(item);
                    }

                    break;
                case CelMapLiteral map:
                    foreach (var entry in map.Entries)
                    {
                        Visit(entry.Key);
                        Visit(entry.Value);
                    }

                    break;
                case CelMacro macro:
                    Visit(macro.Range);
                    _scope.Add(macro.Variable);
                    Visit(macro.Body);
                    if (macro.Filter is not null)
                    {
                        Visit(macro.Filter);
                    }

                    _scope.RemoveAt(_scope.Count - 1);
                    break;
            }
        }

        private static string? Qualifier(CelExpr expression) => expression switch
        {
            CelIdent ident => ident.Name,
            CelSelect { TestOnly: false, Optional: false } select when Qualifier(select.Operand) is { } prefix => prefix + "." + select.Field,
            _ => null,
        };

        private static string Root(CelExpr expression) => expression is CelSelect select ? Root(select.Operand) : ((CelIdent)expression).Name;
    }
}
