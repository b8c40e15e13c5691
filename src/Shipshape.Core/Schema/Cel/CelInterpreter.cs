namespace Shipshape.Core.Schema.Cel;

/// <summary>
/// Evaluates a parsed expression against its variables, counting cost as it goes: one unit per expression node and
/// per item a macro or library function visits, more for work proportional to a string's or a list's size (as
/// cel-go estimates it). When the count passes the budget, evaluation stops with <see cref="CelCostExceeded"/>, so
/// no rule can run for ever or build values without bound. One interpreter per evaluation; not thread-safe.
/// </summary>
internal sealed class CelInterpreter
{
    private readonly long _budget;
    private readonly List<(string Name, object Value)> _variables = [];

    private CelInterpreter(long budget)
    {
        _budget = budget;
    }

    /// <summary>The cost spent so far.</summary>
    public long Cost { get; private set; }

    /// <exception cref="CelError">The expression evaluates to an error.</exception>
    /// <exception cref="CelCostExceeded">The evaluation needs more than <paramref name="budget"/>.</exception>
    public static object Evaluate(CelExpr expression, IReadOnlyList<(string Name, object Value)> variables, long budget, out long cost)
    {
        var interpreter = new CelInterpreter(budget);
        interpreter._variables.AddRange(variables);
        var value = interpreter.Eval(expression);
        cost = interpreter.Cost;
        return value;
    }

    /// <summary>Adds <paramref name="units"/> to the cost; throws when the budget is spent.</summary>
    public void Spend(long units)
    {
        Cost += units;
        if (Cost > _budget)
        {
            throw new CelCostExceeded();
        }
    }

    public object Eval(CelExpr expression)
    {
        Spend(1);
        switch (expression)
        {
            case CelLiteral literal:
                return literal.Value;
            case CelIdent ident:
                return Lookup(ident.Name);
            case CelSelect select:
                return Select(select);
            case CelCall call:
                return Call(call);
            case CelList list:
                return List(list);
            case CelMapLiteral map:
                return Map(map);
            case CelMacro macro:
                return Macro(macro);
            default:
                throw new CelError("unknown expression");
        }
    }

    private bool IsBound(string name)
    {
        for (var i = _variables.Count - 1; i >= 0; i--)
        {
            if (_variables[i].Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private object Lookup(string name)
    {
        for (var i = _variables.Count - 1; i >= 0; i--)
        {
            if (_variables[i].Name == name)
            {
                return _variables[i].Value;
            }
        }

        return CelStandardLibrary.TypeNamed(name) ?? throw new CelError($"undeclared reference to '{name}'");
    }

    private object Select(CelSelect select)
    {
        // net.IP, kubernetes.Quantity: a dotted name that is no variable may name a type.
        if (!select.TestOnly && RootName(select) is { } root && !IsBound(root) && QualifiedName(select) is { } qualified && CelStandardLibrary.TypeNamed(qualified) is { } type)
        {
            return type;
        }

        var operand = Eval(select.Operand);
        if (select.TestOnly)
        {
            if (operand is CelOptional present)
            {
                return present.HasValue && HasField(present.Value!, select.Field);
            }

            return HasField(operand, select.Field);
        }

        if (operand is CelOptional optional)
        {
            return optional.HasValue ? TryField(optional.Value!, select.Field) : CelOptional.None;
        }

        if (select.Optional)
        {
            return TryField(operand, select.Field);
        }

        if (operand is not CelMap fields)
        {
            throw new CelError($"type '{CelOperations.TypeName(operand)}' does not support field selection");
        }

        return fields.TryGet(select.Field, out var value) || fields.TryGet(Unescape(select.Field), out value)
            ? value
            : throw new CelError($"no such key: {select.Field}");
    }

    private static bool HasField(object operand, string field) => operand switch
    {
        CelMap map => map.TryGet(field, out _) || map.TryGet(Unescape(field), out _),
        _ => throw new CelError($"invalid type for field selection: {CelOperations.TypeName(operand)}"),
    };

    private static CelOptional TryField(object operand, string field) => operand is CelMap map
        ? map.TryGet(field, out var value) || map.TryGet(Unescape(field), out value) ? new CelOptional(value) : CelOptional.None
        : throw new CelError($"type '{CelOperations.TypeName(operand)}' does not support field selection");

    /// <summary>
    /// Kubernetes escapes property names that are not CEL identifiers: <c>x-y</c> is <c>x__dash__y</c>, <c>a.b</c> is
    /// <c>a__dot__b</c>, <c>a/b</c> is <c>a__slash__b</c>, a name that is a CEL keyword is <c>__keyword__</c>.
    /// </summary>
    private static string Unescape(string field)
    {
        if (!field.Contains("__", StringComparison.Ordinal))
        {
            return field;
        }

        if (field.Length > 4 && field.StartsWith("__", StringComparison.Ordinal) && field.EndsWith("__", StringComparison.Ordinal)
            && field[2..^2] is var keyword && keyword.All(char.IsAsciiLetter) && keyword != "dash" && keyword != "dot" && keyword != "slash" && keyword != "underscores")
        {
            return keyword;
        }

        return field.Replace("__underscores__", "__", StringComparison.Ordinal)
            .Replace("__dash__", "-", StringComparison.Ordinal)
            .Replace("__dot__", ".", StringComparison.Ordinal)
            .Replace("__slash__", "/", StringComparison.Ordinal);
    }

    private object Call(CelCall call)
    {
        switch (call.Function)
        {
            case "_&&_":
                return Logical(call.Args, stopAt: false);
            case "_||_":
                return Logical(call.Args, stopAt: true);
            case "_?_:_":
                return Eval(call.Args[0]) switch
                {
                    true => Eval(call.Args[1]),
                    false => Eval(call.Args[2]),
                    var other => throw CelOperations.NoOverload("_?_:_", other),
                };
        }

        var name = call.Function;
        object? target = null;
        if (call.Target is not null)
        {
            // ip.isCanonical(x), optional.of(x), math.greatest(...): a name before the dot that is no variable is a namespace.
            if (RootName(call.Target) is { } root && !IsBound(root) && QualifiedName(call.Target) is { } qualifier && CelStandardLibrary.IsKnown(qualifier + "." + name))
            {
                name = qualifier + "." + name;
            }
            else
            {
                target = Eval(call.Target);
            }
        }

        var args = new object[call.Args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Eval(call.Args[i]);
        }

        try
        {
            return CelStandardLibrary.Invoke(this, name, target, args);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // cel-go's RE2 is linear; .NET's engine may backtrack, and gives up after its time limit.
            throw new CelError($"the regular expression of {name}() took too long on this value (it backtracks too much)");
        }
        catch (Exception exception) when (exception is OverflowException or ArgumentException)
        {
            // A value beyond what .NET's types hold (a quantity past a decimal, a time past year 9999) is an error value, as in cel-go.
            throw new CelError($"{name}() cannot compute this value: {exception.Message}");
        }
    }

    private static string? QualifiedName(CelExpr expression) => expression switch
    {
        CelIdent ident => ident.Name,
        CelSelect { TestOnly: false, Optional: false } select when QualifiedName(select.Operand) is { } prefix => prefix + "." + select.Field,
        _ => null,
    };

    /// <summary>The identifier a chain of selections starts from (<c>a</c> of <c>a.b.c</c>), or null when it starts from something else.</summary>
    private static string? RootName(CelExpr expression) => expression switch
    {
        CelIdent ident => ident.Name,
        CelSelect { TestOnly: false, Optional: false } select => RootName(select.Operand),
        _ => null,
    };

    /// <summary><c>&amp;&amp;</c> and <c>||</c> are commutative over errors: a false (or true) on either side decides, whatever the other side gives.</summary>
    private bool Logical(CelExpr[] operands, bool stopAt)
    {
        CelError? error = null;
        foreach (var operand in operands)
        {
            try
            {
                switch (Eval(operand))
                {
                    case bool value when value == stopAt:
                        return stopAt;
                    case bool:
                        break;
                    case var other:
                        error ??= CelOperations.NoOverload(stopAt ? "_||_" : "_&&_", other);
                        break;
                }
            }
            catch (CelError caught)
            {
                error ??= caught;
            }
        }

        return error is null ? !stopAt : throw error;
    }

    private List<object> List(CelList list)
    {
        var items = new List<object>(list.Items.Length);
        for (var i = 0; i < list.Items.Length; i++)
        {
            var value = Eval(list.Items[i]);
            if (list.OptionalIndices?.Contains(i) == true)
            {
                if (value is not CelOptional optional)
                {
                    throw CelOperations.NoOverload("optional list element", value);
                }

                if (optional.HasValue)
                {
                    items.Add(optional.Value!);
                }
            }
            else
            {
                items.Add(value);
            }
        }

        return items;
    }

    private CelMap Map(CelMapLiteral literal)
    {
        var map = new CelMap();
        foreach (var entry in literal.Entries)
        {
            var key = Eval(entry.Key);
            var value = Eval(entry.Value);
            if (entry.Optional)
            {
                if (value is not CelOptional optional)
                {
                    throw CelOperations.NoOverload("optional map entry", value);
                }

                if (!optional.HasValue)
                {
                    continue;
                }

                value = optional.Value!;
            }

            map.Add(key, value);
        }

        return map;
    }

    private object Macro(CelMacro macro)
    {
        var range = Eval(macro.Range);
        switch (macro.Kind)
        {
            case CelMacroKind.Bind:
                return WithVariable(macro.Variable, range, macro.Body);
            case CelMacroKind.OptMap or CelMacroKind.OptFlatMap:
                if (range is not CelOptional optional)
                {
                    throw CelOperations.NoOverload(macro.Kind == CelMacroKind.OptMap ? "optMap" : "optFlatMap", range);
                }

                if (!optional.HasValue)
                {
                    return CelOptional.None;
                }

                var mapped = WithVariable(macro.Variable, optional.Value!, macro.Body);
                return macro.Kind == CelMacroKind.OptMap ? new CelOptional(mapped)
                    : mapped as CelOptional ?? throw CelOperations.NoOverload("optFlatMap", mapped);
        }

        IReadOnlyList<object> items = range switch
        {
            IReadOnlyList<object> list => list,
            CelMap map => map.Keys,
            _ => throw CelOperations.NoOverload(macro.Kind.ToString().ToLowerInvariant(), range),
        };
        switch (macro.Kind)
        {
            case CelMacroKind.All or CelMacroKind.Exists:
            {
                var decisive = macro.Kind == CelMacroKind.Exists;
                CelError? error = null;
                foreach (var item in items)
                {
                    try
                    {
                        var result = WithVariable(macro.Variable, item, macro.Body);
                        if (result is not bool value)
                        {
                            throw CelOperations.NoOverload(macro.Kind == CelMacroKind.All ? "all" : "exists", result);
                        }

                        if (value == decisive)
                        {
                            return decisive;
                        }
                    }
                    catch (CelError caught)
                    {
                        error ??= caught;
                    }
                }

                return error is null ? !decisive : throw error;
            }

            case CelMacroKind.ExistsOne:
            {
                var count = 0;
                foreach (var item in items)
                {
                    if (WithVariable(macro.Variable, item, macro.Body) is not bool value)
                    {
                        throw CelOperations.NoOverload("exists_one", item);
                    }

                    count += value ? 1 : 0;
                }

                return count == 1;
            }

            case CelMacroKind.Filter:
            {
                var kept = new List<object>();
                foreach (var item in items)
                {
                    var result = WithVariable(macro.Variable, item, macro.Body);
                    if (result is true)
                    {
                        kept.Add(item);
                    }
                    else if (result is not false)
                    {
                        throw CelOperations.NoOverload("filter", result);
                    }
                }

                return kept;
            }

            default:
            {
                var results = new List<object>(items.Count);
                foreach (var item in items)
                {
                    if (macro.Filter is not null)
                    {
                        var keep = WithVariable(macro.Variable, item, macro.Filter);
                        if (keep is false)
                        {
                            continue;
                        }

                        if (keep is not true)
                        {
                            throw CelOperations.NoOverload("map", keep);
                        }
                    }

                    results.Add(WithVariable(macro.Variable, item, macro.Body));
                }

                return results;
            }
        }
    }

    private object WithVariable(string name, object value, CelExpr body)
    {
        _variables.Add((name, value));
        try
        {
            return Eval(body);
        }
        finally
        {
            _variables.RemoveAt(_variables.Count - 1);
        }
    }
}
