using Shipshape.Core.Analysis;
using Shipshape.Core.Schema;

namespace Shipshape.Core.Tests.Schema;

public sealed class SchemaPartsTests
{
    [Theory]
    [InlineData("500m", true)]
    [InlineData("1Gi", true)]
    [InlineData("1", true)]
    [InlineData("0.5", true)]
    [InlineData("1e3", true)]
    [InlineData("-2Mi", true)]
    [InlineData("129M", true)]
    [InlineData("1 GB", false)]
    [InlineData("1GB", false)]
    [InlineData("Gi", false)]
    [InlineData("", false)]
    [InlineData("1.5.0", false)]
    public void Quantity_syntax(string text, bool valid) => Assert.Equal(valid, Quantities.IsValid(text));

    [Theory]
    [InlineData("replicaz", "replicas")]
    [InlineData("contianers", "containers")]
    [InlineData("Replicas", "replicas")]
    [InlineData("selectr", "selector")]
    [InlineData("zzzzzz", null)]
    public void Closest_field_name(string unknown, string? expected) =>
        Assert.Equal(expected, Spelling.Closest(unknown, ["replicas", "selector", "template", "containers", "strategy"]));

    [Theory]
    [InlineData("1.30", 1, 30)]
    [InlineData("v1.27", 1, 27)]
    [InlineData("1.20.2", 1, 20)]
    [InlineData(" 1.36 ", 1, 36)]
    [InlineData("2147483647.0", int.MaxValue, 0)]
    public void Versions_parse(string text, int major, int minor) =>
        Assert.Equal(new KubernetesVersion(major, minor), KubernetesVersion.Parse(text));

    [Theory]
    [InlineData("1")]
    [InlineData("one.two")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1.")]
    [InlineData(".30")]
    [InlineData("1..30")]
    [InlineData("1.30.2.1")]
    [InlineData("+1.30")]
    [InlineData("1.-30")]
    [InlineData("1.3O")]
    [InlineData("1.٣٠")]
    [InlineData("2147483648.0")]
    public void Bad_versions_do_not_parse(string text) => Assert.False(KubernetesVersion.TryParse(text, out _));
}
