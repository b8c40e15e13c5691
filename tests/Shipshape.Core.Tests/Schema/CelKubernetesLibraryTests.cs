using System.Diagnostics;
using Shipshape.Core.Schema.Cel;

namespace Shipshape.Core.Tests.Schema;

/// <summary>
/// The Kubernetes CEL libraries (quantity, lists, regex, url, ip and cidr, sets, format) and the evaluator's limits,
/// beyond what cel-spec's conformance files cover. Each expression states its expected result itself.
/// </summary>
public sealed class CelKubernetesLibraryTests
{
    [Theory]
    // quantity
    [InlineData("quantity('1Gi') == quantity('1024Mi')")]
    [InlineData("quantity('500m').isLessThan(quantity('1'))")]
    [InlineData("quantity('2k').isGreaterThan(quantity('1999'))")]
    [InlineData("quantity('1.5').compareTo(quantity('1500m')) == 0")]
    [InlineData("quantity('64Mi').asInteger() == 67108864")]
    [InlineData("quantity('1e3').asInteger() == 1000")]
    [InlineData("!quantity('500m').isInteger()")]
    [InlineData("quantity('-3').sign() == -1")]
    [InlineData("quantity('1Gi').add(quantity('1Gi')) == quantity('2Gi')")]
    [InlineData("quantity('1').sub(1).sign() == 0")]
    [InlineData("quantity('250m').asApproximateFloat() == 0.25")]
    [InlineData("isQuantity('100Mi') && !isQuantity('100MB') && !isQuantity('')")]
    // lists
    [InlineData("[1, 2, 2, 5].isSorted() && !['b', 'a'].isSorted()")]
    [InlineData("[1, 2, 3].sum() == 6 && [1.5, 2.5].sum() == 4.0 && [].sum() == 0")]
    [InlineData("[3, 1, 2].min() == 1 && ['b', 'c', 'a'].max() == 'c'")]
    [InlineData("[1, 2, 1].indexOf(1) == 0 && [1, 2, 1].lastIndexOf(1) == 2 && [1].indexOf(7) == -1")]
    // strings
    [InlineData("'Hello'.lowerAscii() == 'hello' && 'hello'.upperAscii() == 'HELLO'")]
    [InlineData("'a,b,c'.split(',') == ['a', 'b', 'c'] && 'a,b,c'.split(',', 2) == ['a', 'b,c']")]
    [InlineData("'  x  '.trim() == 'x' && 'abc'.substring(1) == 'bc' && 'abc'.substring(0, 2) == 'ab'")]
    [InlineData("'a-b-c'.replace('-', '.') == 'a.b.c' && 'a-b-c'.replace('-', '.', 1) == 'a.b-c'")]
    [InlineData("['a', 'b'].join('/') == 'a/b' && 'tacocat'.indexOf('c', 3) == 4 && 'tacocat'.lastIndexOf('a') == 5")]
    [InlineData("'%s has %d replicas'.format(['web', 3]) == 'web has 3 replicas'")]
    [InlineData("'1.50'.matches('^[0-9]+[.][0-9]+$') && !'x1'.matches('^[0-9]')")]
    // regex
    [InlineData("'abc 123'.find('[0-9]+') == '123' && 'abc'.find('[0-9]+') == ''")]
    [InlineData("'a1b22c333'.findAll('[0-9]+') == ['1', '22', '333'] && 'a1b22c333'.findAll('[0-9]+', 2) == ['1', '22']")]
    // url
    [InlineData("url('https://example.com:8443/a/b?x=1&x=2&y=3').getScheme() == 'https'")]
    [InlineData("url('https://example.com:8443/a/b').getHost() == 'example.com:8443' && url('https://example.com:8443/a').getHostname() == 'example.com'")]
    [InlineData("url('https://example.com:8443/a/b').getPort() == '8443' && url('https://example.com/a/b').getEscapedPath() == '/a/b'")]
    [InlineData("url('https://example.com/?x=1&x=2&y=3').getQuery() == {'x': ['1', '2'], 'y': ['3']}")]
    [InlineData("url('https://[::1]:80/').getHostname() == '::1' && url('/relative/path').getEscapedPath() == '/relative/path'")]
    [InlineData("isURL('https://example.com') && !isURL('example.com') && !isURL('http://exa mple.com')")]
    // ip and cidr
    [InlineData("ip('10.0.0.1').family() == 4 && ip('fe80::1').family() == 6")]
    [InlineData("ip('127.0.0.1').isLoopback() && ip('0.0.0.0').isUnspecified() && ip('169.254.1.1').isLinkLocalUnicast()")]
    [InlineData("ip('8.8.8.8').isGlobalUnicast() && !ip('255.255.255.255').isGlobalUnicast() && ip('224.0.0.1').isLinkLocalMulticast()")]
    [InlineData("isIP('10.0.0.1') && !isIP('10.0.0.01') && !isIP('10.0.0') && !isIP('fe80::1%eth0')")]
    [InlineData("cidr('10.0.0.0/8').containsIP(ip('10.1.2.3')) && !cidr('10.0.0.0/8').containsIP('11.0.0.1')")]
    [InlineData("cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16') && !cidr('10.1.0.0/16').containsCIDR('10.0.0.0/8')")]
    [InlineData("cidr('10.1.2.3/8').masked() == cidr('10.0.0.0/8') && cidr('10.0.0.0/8').prefixLength() == 8")]
    [InlineData("string(cidr('192.168.0.0/24').ip()) == '192.168.0.0' && isCIDR('fd00::/8') && !isCIDR('10.0.0.0/33')")]
    // sets
    [InlineData("sets.contains([1, 2, 3], [2, 3]) && !sets.contains([1, 2], [3])")]
    [InlineData("sets.equivalent([1, 2, 2], [2, 1]) && sets.intersects([1, 2], [2, 5]) && !sets.intersects([1], [])")]
    // format
    [InlineData("!format.dns1123Label().validate('web-1').hasValue() && format.dns1123Label().validate('Web_1').hasValue()")]
    [InlineData("!format.dns1123Subdomain().validate('a.example.com').hasValue() && format.dns1035Label().validate('1abc').hasValue()")]
    [InlineData("!format.qualifiedName().validate('app.kubernetes.io/name').hasValue() && format.labelValue().validate('-x').hasValue()")]
    [InlineData("format.named('uuid').hasValue() && !format.named('no-such-format').hasValue()")]
    // the optional library and bindings, as Kubernetes enables them
    [InlineData("{'a': 1}[?'b'].orValue(7) == 7 && {'a': {'b': 2}}.?a.?b.value() == 2")]
    [InlineData("cel.bind(limit, 3, [1, 2, 3].all(x, x <= limit))")]
    // property names that are not CEL identifiers, escaped as Kubernetes escapes them
    [InlineData("{'x-y': 1, 'a.b': 2, 'c/d': 3, 'namespace': 4}.x__dash__y + {'a.b': 2}.a__dot__b + {'c/d': 3}.c__slash__d + {'namespace': 4}.__namespace__ == 10")]
    public void Expression_holds(string expression)
    {
        Assert.Equal(true, CelProgram.Compile(expression, ["self"]).Evaluate([]));
    }

    [Theory]
    [InlineData("quantity('1.5Gx')", "quantities must match")]
    [InlineData("quantity('500m').asInteger()", "cannot convert value to integer")]
    [InlineData("ip('10.0.0.256')", "IP Address '10.0.0.256' parse error")]
    [InlineData("url('no scheme')", "URL parse error")]
    [InlineData("[].min()", "min called on an empty list")]
    [InlineData("9223372036854775807 + 1", "overflow")]
    [InlineData("'abc'.substring(2, 1)", "index out of range")]
    public void Expression_is_an_error(string expression, string error)
    {
        var exception = Assert.Throws<CelError>(() => CelProgram.Compile(expression, ["self"]).Evaluate([]));
        Assert.Contains(error, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("self.a +", "the expression ends where a value was expected (at character 9)")]
    [InlineData("self.a.nosuch()", "undeclared reference to 'nosuch'")]
    [InlineData("other > 1", "undeclared reference to 'other'")]
    [InlineData("'unclosed", "a string is not closed (at character 10)")]
    [InlineData("self.if > 1 || if", "'if' is a reserved word (at character 18)")]
    public void Expression_does_not_compile(string expression, string error)
    {
        var exception = Assert.Throws<CelCompileException>(() => CelProgram.Compile(expression, ["self"]));
        Assert.Equal(error, exception.Message);
    }

    [Fact]
    public void Deep_expressions_are_refused_when_compiled_not_overflowed_when_run()
    {
        var chain = string.Join(" + ", Enumerable.Repeat("1", 100_000));
        var nested = new string('(', 5_000) + "1" + new string(')', 5_000);
        var selections = "self" + string.Concat(Enumerable.Repeat(".a", 100_000));

        Assert.Equal("the expression is more than 250 operations deep; split it", Assert.Throws<CelCompileException>(() => CelProgram.Compile(chain, ["self"])).Message);
        Assert.Equal("the expression nests more than 100 levels deep (at character 101)", Assert.Throws<CelCompileException>(() => CelProgram.Compile(nested, ["self"])).Message);
        Assert.Equal("the expression is more than 250 operations deep; split it", Assert.Throws<CelCompileException>(() => CelProgram.Compile(selections, ["self"])).Message);
    }

    [Fact]
    public void Hostile_rules_end_on_the_cost_budget_quickly()
    {
        var stopwatch = Stopwatch.StartNew();
        // A string that doubles at every step, and a comprehension of a million items.
        var doubling = string.Concat(Enumerable.Range(0, 40).Select(i => $"cel.bind(s{i + 1}, s{i} + s{i}, ")) + "size(s40) > 0" + new string(')', 40);

        Assert.Throws<CelCostExceeded>(() => CelProgram.Compile("cel.bind(s0, 'abcdefghij', " + doubling + ")", ["self"]).Evaluate([]));
        Assert.Throws<CelCostExceeded>(() => CelProgram.Compile("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(a, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(b, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(c, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(d, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(e, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(f, a + b + c + d + e + f > 0))))))", ["self"]).Evaluate([]));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }
}
