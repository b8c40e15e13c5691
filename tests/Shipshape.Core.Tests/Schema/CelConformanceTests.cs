using System.Globalization;
using System.Text;
using Shipshape.Core.Schema.Cel;

namespace Shipshape.Core.Tests.Schema;

/// <summary>
/// cel-spec's conformance cases (tests/simple/testdata, see CelSpec/SOURCE) run through Shipshape's CEL evaluator.
/// Cases on protobuf messages (TestAllTypes, google.protobuf wrappers, Any, enums, containers) are out of scope:
/// validation rules see JSON values only. Every case in scope must pass except those in <see cref="KnownFailures"/>,
/// each with its reason; a listed case that starts passing fails this test too, so the list stays true. An expected
/// error passes when evaluation (or compilation) gives an error; its text is not compared.
/// </summary>
public sealed class CelConformanceTests(ITestOutputHelper output)
{
    private const string Nanoseconds = "Timestamps and durations are .NET ticks (100 ns); CEL keeps nanoseconds.";

    /// <summary>The cases Shipshape's evaluator gets wrong, as "file/section/test", and why.</summary>
    private static readonly Dictionary<string, string> KnownFailures = new(StringComparer.Ordinal)
    {
        ["timestamps/timestamp_arithmetic/add_time_to_duration_nanos_negative"] = Nanoseconds,
        ["timestamps/timestamp_arithmetic/add_time_to_duration_nanos_positive"] = Nanoseconds,
        ["timestamps/timestamp_conversions/toString_timestamp_nanos"] = Nanoseconds,
        ["timestamps/timestamp_range/add_duration_nanos_over"] = Nanoseconds,
        ["timestamps/timestamp_range/add_duration_nanos_under"] = Nanoseconds,
    };

    private static readonly string[] Files =
    [
        "basic", "comparisons", "conversions", "fp_math", "integer_math", "lists", "logic", "macros", "string",
        "string_ext", "timestamps", "optionals", "network_ext", "parse",
    ];

    private static string SuiteDirectory => Path.Combine(RepositoryPaths.Root, "tests", "Shipshape.Core.Tests", "Schema", "CelSpec");

    [Fact]
    public void The_evaluator_passes_the_cases_in_scope_but_for_the_listed_failures()
    {
        var failures = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var total = 0;
        var outOfScope = 0;
        foreach (var file in Files)
        {
            var suite = TextProto.Parse(File.ReadAllText(Path.Combine(SuiteDirectory, file + ".textproto")));
            foreach (var section in suite.Messages("section"))
            {
                foreach (var test in section.Messages("test"))
                {
                    var name = $"{file}/{section.Text("name")}/{test.Text("name")}";
                    if (OutOfScope(test))
                    {
                        outOfScope++;
                        continue;
                    }

                    total++;
                    if (Run(test) is { } failure)
                    {
                        failures[name] = failure;
                    }
                }
            }
        }

        var passed = total - failures.Count;
        foreach (var (name, failure) in failures)
        {
            output.WriteLine($"fails: {name}: {failure} ({KnownFailures.GetValueOrDefault(name, "not a known failure")})");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cel-spec: {passed} of {total} cases in scope pass ({100.0 * passed / total:F1}%); {outOfScope} cases on protobuf messages are out of scope"));
        Assert.Equal([], failures.Keys.Except(KnownFailures.Keys, StringComparer.Ordinal).ToArray());
        Assert.Equal([], KnownFailures.Keys.Except(failures.Keys, StringComparer.Ordinal).ToArray());
    }

    private static bool OutOfScope(TextProto test)
    {
        var expression = test.Text("expr") ?? string.Empty;
        return test.Scalar("container") is not null || test.Scalar("check_only") is not null || test.Message("typed_result") is not null
            || expression.Contains("TestAllTypes", StringComparison.Ordinal) || expression.Contains("google.", StringComparison.Ordinal)
            || expression.Contains("cel.expr", StringComparison.Ordinal) || expression.Contains("proto", StringComparison.Ordinal)
            || test.Message("value") is { } value && !IsPlain(value)
            || test.Messages("bindings").Any(b => b.Message("value")?.Message("value") is not { } bound || !IsPlain(bound));
    }

    /// <summary>A value made of CEL's JSON-like types, with no message, enum or Any in it.</summary>
    private static bool IsPlain(TextProto value) => value.Fields.All(field => field.Name switch
    {
        "list_value" => ((TextProto)field.Value).Messages("values").All(IsPlain),
        "map_value" => ((TextProto)field.Value).Messages("entries").All(e => IsPlain(e.Message("key")!) && IsPlain(e.Message("value")!)),
        "object_value" or "enum_value" => false,
        _ => true,
    });

    /// <summary>Null when the case passes; else what went wrong.</summary>
    private static string? Run(TextProto test)
    {
        var expression = test.Text("expr")!;
        var bindings = test.Messages("bindings").Select(b => (b.Text("key")!, Value(b.Message("value")!.Message("value")!))).ToList();
        var expectsError = test.Message("eval_error") is not null;
        object actual;
        try
        {
            var program = CelProgram.Compile(expression, bindings.ConvertAll(b => b.Item1), checkNames: test.Scalar("disable_check") is not "true");
            actual = program.Evaluate(bindings);
        }
        catch (Exception exception) when (exception is CelCompileException or CelError or CelCostExceeded)
        {
            return expectsError ? null : $"error: {exception.Message}";
        }

        if (expectsError)
        {
            return $"expected an error, got {Describe(actual)}";
        }

        var expected = test.Message("value") is { } value ? Value(value) : true;
        return StrictEqual(expected, actual) ? null : $"expected {Describe(expected)}, got {Describe(actual)}";
    }

    private static object Value(TextProto value)
    {
        var (kind, content) = value.Fields.Single();
        return kind switch
        {
            "null_value" => CelNull.Instance,
            "bool_value" => (string)content == "true",
            "int64_value" => long.Parse((string)content, CultureInfo.InvariantCulture),
            "uint64_value" => ulong.Parse((string)content, CultureInfo.InvariantCulture),
            "double_value" => ParseDouble((string)content),
            "string_value" => Encoding.UTF8.GetString(((TextProtoString)content).Bytes),
            "bytes_value" => new CelBytes(((TextProtoString)content).Bytes),
            "type_value" => new CelType(Encoding.UTF8.GetString(((TextProtoString)content).Bytes)),
            "list_value" => ((TextProto)content).Messages("values").Select(Value).ToList(),
            "map_value" => Map((TextProto)content),
            _ => throw new InvalidDataException($"a value of kind {kind}"),
        };
    }

    private static CelMap Map(TextProto content)
    {
        var map = new CelMap();
        foreach (var entry in content.Messages("entries"))
        {
            map.Add(Value(entry.Message("key")!), Value(entry.Message("value")!));
        }

        return map;
    }

    private static double ParseDouble(string text) => text.ToLowerInvariant() switch
    {
        "inf" or "infinity" => double.PositiveInfinity,
        "-inf" or "-infinity" => double.NegativeInfinity,
        "nan" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>Equal values of the same CEL type (1 and 1.0 differ here; NaN equals NaN).</summary>
    private static bool StrictEqual(object expected, object actual)
    {
        switch (expected, actual)
        {
            case (double a, double b):
                return a.Equals(b);
            case (IReadOnlyList<object> a, IReadOnlyList<object> b):
                return a.Count == b.Count && a.Zip(b).All(pair => StrictEqual(pair.First, pair.Second));
            case (CelMap a, CelMap b):
                return a.Count == b.Count && a.Keys.All(key => a.TryGet(key, out var value) && b.TryGet(key, out var other) && StrictEqual(value, other));
            default:
                return expected.GetType() == actual.GetType() && CelOperations.Equal(expected, actual);
        }
    }

    private static string Describe(object value) => $"{CelOperations.Show(value)} ({CelOperations.TypeName(value)})";
}
