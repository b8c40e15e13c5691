using System.Globalization;
using System.Text;

namespace Shipshape.Core.Schema.Cel;

/// <summary>A CEL expression that cannot be parsed; the message says what and at which character.</summary>
internal sealed class CelSyntaxException(string message) : Exception(message);

/// <summary>
/// Parses CEL text (the grammar of cel-spec's langdef.md) into a <see cref="CelExpr"/> tree, expanding the macros
/// (<c>has</c>, <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c>, <c>filter</c>, <c>cel.bind</c>,
/// <c>optMap</c>, <c>optFlatMap</c>) as it goes. Recursive descent with a nesting limit, so hostile text ends with
/// a syntax error rather than a stack overflow.
/// </summary>
internal sealed class CelParser
{
    /// <summary>cel-go's default parser recursion limit is 250; rules of real CRDs nest a handful of levels.</summary>
    private const int MaxDepth = 100;

    /// <summary>
    /// The deepest tree the interpreter walks (recursively). Operator chains (<c>a + b + c …</c>, <c>x.f.g.h …</c>)
    /// deepen the tree without nesting parentheses, so the whole tree is measured too.
    /// </summary>
    private const int MaxTreeDepth = 250;

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
        "namespace", "return", "var", "void", "while",
    };

    private readonly string _text;
    private int _position;
    private int _depth;

    private CelParser(string text)
    {
        _text = text;
    }

    /// <exception cref="CelSyntaxException">The text is not a CEL expression.</exception>
    public static CelExpr Parse(string text)
    {
        var parser = new CelParser(text);
        var expression = parser.Expression();
        parser.SkipSpace();
        if (parser._position < text.Length)
        {
            throw parser.Error($"unexpected '{text[parser._position]}'");
        }

        if (TreeDepth(expression) > MaxTreeDepth)
        {
            throw new CelSyntaxException($"the expression is more than {MaxTreeDepth} operations deep; split it");
        }

        return expression;
    }

    /// <summary>The depth of the tree, measured without recursion (the tree may be too deep to recurse over).</summary>
    private static int TreeDepth(CelExpr root)
    {
        var deepest = 0;
        var pending = new Stack<(CelExpr Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            if (deepest > MaxTreeDepth)
            {
                return deepest;
            }

            foreach (var child in Children(node))
            {
                pending.Push((child, depth + 1));
            }
        }

        return deepest;
    }

    private static IEnumerable<CelExpr> Children(CelExpr node) => node switch
    {
        CelSelect select => [select.Operand],
        CelCall call => call.Target is null ? call.Args : [call.Target, .. call.Args],
        CelList list => list.Items,
        CelMapLiteral map => map.Entries.SelectMany(entry => new[] { entry.Key, entry.Value }),
        CelMacro macro => macro.Filter is null ? [macro.Range, macro.Body] : [macro.Range, macro.Body, macro.Filter],
        _ => [],
    };

    private CelExpr Expression()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"the expression nests more than {MaxDepth} levels deep");
        }

        var condition = Or();
        if (Accept("?"))
        {
            var whenTrue = Or();
            Expect(":");
            var whenFalse = Expression();
            condition = new CelCall(null, "_?_:_", [condition, whenTrue, whenFalse]);
        }

        _depth--;
        return condition;
    }

    private CelExpr Or()
    {
        var left = And();
        while (Accept("||"))
        {
            left = new CelCall(null, "_||_", [left, And()]);
        }

        return left;
    }

    private CelExpr And()
    {
        var left = Relation();
        while (Accept("&&"))
        {
            left = new CelCall(null, "_&&_", [left, Relation()]);
        }

        return left;
    }

    private CelExpr Relation()
    {
        var left = Addition();
        while (true)
        {
            SkipSpace();
            string? op = Peek("<=") ? "<=" : Peek(">=") ? ">=" : Peek("==") ? "==" : Peek("!=") ? "!=" : Peek("<") ? "<" : Peek(">") ? ">" : null;
            if (op is not null)
            {
                _position += op.Length;
                left = new CelCall(null, "_" + op + "_", [left, Addition()]);
            }
            else if (PeekWord("in"))
            {
                _position += 2;
                left = new CelCall(null, "@in", [left, Addition()]);
            }
            else
            {
                return left;
            }
        }
    }

    private CelExpr Addition()
    {
        var left = Multiplication();
        while (true)
        {
            SkipSpace();
            if (Peek("+") || Peek("-"))
            {
                var op = _text[_position++];
                left = new CelCall(null, op == '+' ? "_+_" : "_-_", [left, Multiplication()]);
            }
            else
            {
                return left;
            }
        }
    }

    private CelExpr Multiplication()
    {
        var left = Unary();
        while (true)
        {
            SkipSpace();
            if (Peek("*") || Peek("/") || Peek("%"))
            {
                var op = _text[_position++];
                left = new CelCall(null, "_" + op + "_", [left, Unary()]);
            }
            else
            {
                return left;
            }
        }
    }

    private CelExpr Unary()
    {
        SkipSpace();
        if (Peek("!"))
        {
            var count = 0;
            while (Accept("!"))
            {
                count++;
            }

            var operand = Member();
            return count % 2 == 0 ? new CelCall(null, "!_", [new CelCall(null, "!_", [operand])]) : new CelCall(null, "!_", [operand]);
        }

        if (Peek("-"))
        {
            var count = 0;
            while (Accept("-"))
            {
                count++;
            }

            // -9223372036854775808 is a literal, not the negation of an integer that does not exist.
            SkipSpace();
            CelExpr operand;
            if (count % 2 == 1 && _position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                operand = Member(negativeLiteral: true);
                count--;
            }
            else
            {
                operand = Member();
            }

            for (var i = 0; i < count; i++)
            {
                operand = new CelCall(null, "-_", [operand]);
            }

            return operand;
        }

        return Member();
    }

    private CelExpr Member(bool negativeLiteral = false)
    {
        var operand = Primary(negativeLiteral);
        while (true)
        {
            SkipSpace();
            if (Accept(".?"))
            {
                operand = new CelSelect(operand, Identifier(afterDot: true), TestOnly: false, Optional: true);
            }
            else if (Peek(".") && !(_position + 1 < _text.Length && char.IsAsciiDigit(_text[_position + 1])))
            {
                _position++;
                var name = Identifier(afterDot: true);
                SkipSpace();
                if (Accept("("))
                {
                    operand = MemberCall(operand, name, Arguments(")"));
                }
                else
                {
                    operand = new CelSelect(operand, name, TestOnly: false, Optional: false);
                }
            }
            else if (Accept("[?"))
            {
                var index = Expression();
                Expect("]");
                operand = new CelCall(null, "_[?_]", [operand, index]);
            }
            else if (Accept("["))
            {
                var index = Expression();
                Expect("]");
                operand = new CelCall(null, "_[_]", [operand, index]);
            }
            else
            {
                return operand;
            }
        }
    }

    private CelExpr MemberCall(CelExpr target, string name, CelExpr[] args)
    {
        var kind = (name, args.Length) switch
        {
            ("all", 2) => CelMacroKind.All,
            ("exists", 2) => CelMacroKind.Exists,
            ("exists_one", 2) => CelMacroKind.ExistsOne,
            ("map", 2 or 3) => CelMacroKind.Map,
            ("filter", 2) => CelMacroKind.Filter,
            ("optMap", 2) => CelMacroKind.OptMap,
            ("optFlatMap", 2) => CelMacroKind.OptFlatMap,
            ("bind", 3) when target is CelIdent { Name: "cel" } => CelMacroKind.Bind,
            _ => (CelMacroKind?)null,
        };
        if (kind is not { } macro)
        {
            return new CelCall(target, name, args);
        }

        if (macro == CelMacroKind.Bind)
        {
            return new CelMacro(macro, args[1], VariableName(args[0], name), args[2], null);
        }

        var variable = VariableName(args[0], name);
        return args.Length == 3
            ? new CelMacro(macro, target, variable, args[2], args[1])
            : new CelMacro(macro, target, variable, args[1], null);
    }

    private string VariableName(CelExpr argument, string macro) =>
        argument is CelIdent { Name: var name } ? name : throw Error($"the first argument of {macro}() must be a variable name");

    private CelExpr Primary(bool negativeLiteral)
    {
        SkipSpace();
        if (_position >= _text.Length)
        {
            throw Error("the expression ends where a value was expected");
        }

        var c = _text[_position];
        if (char.IsAsciiDigit(c) || (c == '.' && _position + 1 < _text.Length && char.IsAsciiDigit(_text[_position + 1])))
        {
            return new CelLiteral(Number(negativeLiteral));
        }

        if (c is '"' or '\'')
        {
            return new CelLiteral(StringLiteral(raw: false, bytes: false));
        }

        if (c == '(')
        {
            _position++;
            var inner = Expression();
            Expect(")");
            return inner;
        }

        if (c == '[')
        {
            _position++;
            return ListLiteral();
        }

        if (c == '{')
        {
            _position++;
            return MapLiteral();
        }

        var leadingDot = Accept(".");
        if (_position < _text.Length && (c = _text[_position]) is 'r' or 'R' or 'b' or 'B' && !leadingDot && TryPrefixedString() is { } prefixed)
        {
            return new CelLiteral(prefixed);
        }

        var name = Identifier();
        switch (name)
        {
            case "true" when !leadingDot:
                return new CelLiteral(true);
            case "false" when !leadingDot:
                return new CelLiteral(false);
            case "null" when !leadingDot:
                return new CelLiteral(CelNull.Instance);
        }

        SkipSpace();
        if (Accept("("))
        {
            var args = Arguments(")");
            if (name == "has")
            {
                return args is [CelSelect select] ? select with { TestOnly = true } : throw Error("has() takes one field selection, as in has(self.field)");
            }

            return new CelCall(null, name, args);
        }

        if (Peek("{") && char.IsUpper(name[0]))
        {
            throw Error($"message construction ({name}{{...}}) is not supported: rules of CustomResourceDefinitions have no message types");
        }

        return new CelIdent(name);
    }

    private object? TryPrefixedString()
    {
        var start = _position;
        var raw = false;
        var bytes = false;
        for (var i = 0; i < 2 && _position < _text.Length; i++)
        {
            var c = _text[_position];
            if (c is 'r' or 'R' && !raw)
            {
                raw = true;
            }
            else if (c is 'b' or 'B' && !bytes)
            {
                bytes = true;
            }
            else
            {
                break;
            }

            _position++;
            if (_position < _text.Length && _text[_position] is '"' or '\'')
            {
                return StringLiteral(raw, bytes);
            }
        }

        _position = start;
        return null;
    }

    private CelList ListLiteral()
    {
        var items = new List<CelExpr>();
        HashSet<int>? optional = null;
        SkipSpace();
        while (!Accept("]"))
        {
            if (Accept("?"))
            {
                (optional ??= []).Add(items.Count);
            }

            items.Add(Expression());
            SkipSpace();
            if (!Accept(","))
            {
                Expect("]");
                break;
            }

            SkipSpace();
        }

        return new CelList([.. items], optional);
    }

    private CelMapLiteral MapLiteral()
    {
        var entries = new List<CelMapEntry>();
        SkipSpace();
        while (!Accept("}"))
        {
            var optional = Accept("?");
            var key = Expression();
            Expect(":");
            var value = Expression();
            entries.Add(new CelMapEntry(key, value, optional));
            SkipSpace();
            if (!Accept(","))
            {
                Expect("}");
                break;
            }

            SkipSpace();
        }

        return new CelMapLiteral([.. entries]);
    }

    private CelExpr[] Arguments(string close)
    {
        var args = new List<CelExpr>();
        SkipSpace();
        while (!Accept(close))
        {
            args.Add(Expression());
            SkipSpace();
            if (!Accept(","))
            {
                Expect(close);
                break;
            }
        }

        return [.. args];
    }

    private string Identifier(bool afterDot = false)
    {
        SkipSpace();
        var start = _position;
        if (_position < _text.Length && (char.IsAsciiLetter(_text[_position]) || _text[_position] == '_'))
        {
            _position++;
            while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_'))
            {
                _position++;
            }
        }

        if (start == _position)
        {
            throw _position < _text.Length ? Error($"unexpected '{_text[_position]}'") : Error("the expression ends where a name was expected");
        }

        var name = _text[start.._position];
        if (!afterDot && Reserved.Contains(name))
        {
            throw Error($"'{name}' is a reserved word");
        }

        return name;
    }

    private object Number(bool negative)
    {
        var start = _position;
        if (Peek("0x") || Peek("0X"))
        {
            _position += 2;
            var digitsStart = _position;
            while (_position < _text.Length && char.IsAsciiHexDigit(_text[_position]))
            {
                _position++;
            }

            var hex = _text[digitsStart.._position];
            var unsignedHex = Accept("u") || Accept("U");
            if (hex.Length == 0 || !ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hexValue))
            {
                throw Error("invalid hexadecimal literal");
            }

            return unsignedHex ? hexValue : IntegerValue(hexValue, negative);
        }

        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        var isDouble = false;
        if (_position + 1 < _text.Length && _text[_position] == '.' && char.IsAsciiDigit(_text[_position + 1]))
        {
            isDouble = true;
            _position++;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }
        }

        if (_position < _text.Length && _text[_position] is 'e' or 'E')
        {
            var save = _position;
            _position++;
            if (_position < _text.Length && _text[_position] is '+' or '-')
            {
                _position++;
            }

            if (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                isDouble = true;
                while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
                {
                    _position++;
                }
            }
            else
            {
                _position = save;
            }
        }

        var text = _text[start.._position];
        if (isDouble)
        {
            var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return negative ? -value : value;
        }

        if (Accept("u") || Accept("U"))
        {
            return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned) && !negative
                ? unsigned
                : throw Error($"the unsigned integer {text}u is out of range");
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var magnitude)
            ? IntegerValue(magnitude, negative)
            : throw Error($"the integer {text} is out of range");
    }

    private long IntegerValue(ulong magnitude, bool negative)
    {
        if (negative)
        {
            return magnitude <= 9223372036854775808UL ? (long)(0 - magnitude) : throw Error("the integer is out of range");
        }

        return magnitude <= long.MaxValue ? (long)magnitude : throw Error("the integer is out of range");
    }

    private object StringLiteral(bool raw, bool bytes)
    {
        var quote = _text[_position];
        var triple = _position + 2 < _text.Length && _text[_position + 1] == quote && _text[_position + 2] == quote;
        _position += triple ? 3 : 1;
        var builder = new StringBuilder();
        var octets = bytes ? new List<byte>() : null;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("a string is not closed");
            }

            var c = _text[_position];
            if (c == quote && (!triple || (_position + 2 < _text.Length && _text[_position + 1] == quote && _text[_position + 2] == quote)))
            {
                _position += triple ? 3 : 1;
                break;
            }

            if (!triple && c is '\n' or '\r')
            {
                throw Error("a string is not closed on its line");
            }

            if (c != '\\' || raw)
            {
                if (raw && c == '\\' && _position + 1 < _text.Length && _text[_position + 1] == quote && !triple)
                {
                    // A raw string still cannot hold its own quote unescaped; the backslash stays.
                    builder.Append(c);
                    _position++;
                    c = _text[_position];
                }

                Append(builder, octets, c.ToString());
                _position++;
                continue;
            }

            _position++;
            if (_position >= _text.Length)
            {
                throw Error("a string ends in a backslash");
            }

            var escape = _text[_position++];
            switch (escape)
            {
                case 'a': Append(builder, octets, "\a"); break;
                case 'b': Append(builder, octets, "\b"); break;
                case 'f': Append(builder, octets, "\f"); break;
                case 'n': Append(builder, octets, "\n"); break;
                case 'r': Append(builder, octets, "\r"); break;
                case 't': Append(builder, octets, "\t"); break;
                case 'v': Append(builder, octets, "\v"); break;
                case '\\' or '\'' or '"' or '`' or '?': Append(builder, octets, escape.ToString()); break;
                case 'x' or 'X':
                    AppendCode(builder, octets, HexDigits(2), isByte: true);
                    break;
                case 'u':
                    if (bytes)
                    {
                        throw Error("\\u escapes are not allowed in bytes literals");
                    }

                    AppendCode(builder, octets, HexDigits(4), isByte: false);
                    break;
                case 'U':
                    if (bytes)
                    {
                        throw Error("\\U escapes are not allowed in bytes literals");
                    }

                    AppendCode(builder, octets, HexDigits(8), isByte: false);
                    break;
                case >= '0' and <= '3':
                    if (_position + 1 >= _text.Length || _text[_position] is < '0' or > '7' || _text[_position + 1] is < '0' or > '7')
                    {
                        throw Error("an octal escape needs three digits");
                    }

                    var octal = ((escape - '0') * 64) + ((_text[_position] - '0') * 8) + (_text[_position + 1] - '0');
                    _position += 2;
                    AppendCode(builder, octets, octal, isByte: true);
                    break;
                default:
                    throw Error($"unknown escape \\{escape}");
            }
        }

        return octets is not null ? new CelBytes([.. octets]) : builder.ToString();
    }

    private static void Append(StringBuilder builder, List<byte>? octets, string text)
    {
        if (octets is not null)
        {
            octets.AddRange(Encoding.UTF8.GetBytes(text));
        }
        else
        {
            builder.Append(text);
        }
    }

    /// <summary>In a bytes literal \x and octal escapes are single octets; in a string they are code points.</summary>
    private void AppendCode(StringBuilder builder, List<byte>? octets, int code, bool isByte)
    {
        if (octets is not null && isByte)
        {
            octets.Add((byte)code);
            return;
        }

        if (code is > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            throw Error("the escape is not a Unicode code point");
        }

        Append(builder, octets, char.ConvertFromUtf32(code));
    }

    private int HexDigits(int count)
    {
        if (_position + count > _text.Length
            || !int.TryParse(_text.AsSpan(_position, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw Error($"the escape needs {count} hexadecimal digits");
        }

        for (var i = 0; i < count; i++)
        {
            if (!char.IsAsciiHexDigit(_text[_position + i]))
            {
                throw Error($"the escape needs {count} hexadecimal digits");
            }
        }

        _position += count;
        return code;
    }

    private void SkipSpace()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private bool Peek(string token) => string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0;

    private bool PeekWord(string word) =>
        Peek(word) && (_position + word.Length >= _text.Length || !(char.IsAsciiLetterOrDigit(_text[_position + word.Length]) || _text[_position + word.Length] == '_'));

    private bool Accept(string token)
    {
        SkipSpace();
        if (!Peek(token))
        {
            return false;
        }

        // '|' alone, '&' alone and '=' alone are not CEL operators; accepting "!" must not eat "!=".
        if (token == "!" && Peek("!="))
        {
            return false;
        }

        _position += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw _position < _text.Length ? Error($"expected '{token}' but found '{_text[_position]}'") : Error($"expected '{token}' but the expression ends");
        }
    }

    private CelSyntaxException Error(string what) => new($"{what} (at character {_position + 1})");
}
