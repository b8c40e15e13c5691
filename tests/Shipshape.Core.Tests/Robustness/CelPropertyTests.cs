using CsCheck;
using Shipshape.Core.Schema.Cel;

namespace Shipshape.Core.Tests.Robustness;

/// <summary>
/// Any text given as a CEL rule either does not compile (a CelCompileException with a message) or evaluates to a value,
/// a CEL error or the end of its cost budget: never another exception, whatever the tokens and their order.
/// </summary>
public sealed class CelPropertyTests
{
    private static readonly Gen<string> Tokens = Gen.OneOf(
        "self", "self.a", "self.b", "x", "1", "-", "0", "9223372036854775807", "18446744073709551615u", "1.5e308", "'s'", "\"\\u00e9\"", "b'\\xff'",
        "r'\\d'", "'''", "null", "true", "(", ")", "[", "]", "{", "}", ",", ":", "?", ".", ".?", "[?", "+", "*", "/", "%", "==", "<", ">=",
        "&&", "||", "!", " in ", "has(", "all(", "exists_one(", "map(", "filter(", "size(", "int(", "uint(", "double(", "string(",
        "timestamp(", "duration(", "'1h'", "'2020-01-01T00:00:00Z'", "matches(", "'(a+)+$'", "quantity(", "'1Gi'", "ip(", "'::1'",
        "cidr(", "url(", "'http://x'", "format.named(", "cel.bind(", "optional.of(", "orValue(", ".split(", ".substring(", ".sum()",
        ".min()", ".isSorted()", ".format(", "sets.contains(", "__dash__", "' '", "//", "\n");

    [Fact]
    public void Any_token_soup_compiles_or_fails_to_compile_and_evaluates_or_errs()
    {
        var self = new CelMap();
        self.Add("a", new List<object> { 1L, 2L, "x" });
        self.Add("b", "text");
        Gen.Int[1, 40].SelectMany(count => Tokens.Array[count]).Select(parts => string.Concat(parts)).Sample(text =>
        {
            CelProgram program;
            try
            {
                program = CelProgram.Compile(text, ["self"]);
            }
            catch (CelCompileException exception)
            {
                Assert.False(string.IsNullOrEmpty(exception.Message));
                return;
            }

            try
            {
                program.Evaluate([("self", self)], budget: 100_000);
            }
            catch (Exception exception) when (exception is CelError or CelCostExceeded)
            {
                Assert.False(string.IsNullOrEmpty(exception.Message));
            }
        }, iter: 20_000, seed: "0N0XIzNsQ0O2");
    }
}
