using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Tests.Rules;

public sealed class SHIP4014InvalidLabelTests
{
    [Fact]
    public Task Invalid_keys_and_values_are_reported_where_they_are_written() => Verify.Analyzer<SHIP4014InvalidLabel>(
        """
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("echo")
            .Label("app.kubernetes.io/name", "echo")
            .Label("Example.com/team", "web")
            .TemplateLabel("app", "echo server")
            .Selector("app", "echo"));
        app.Add(new Service().Name("echo").Selector("tier", "-front"));
        """,
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("SHIP4014").WithSpan(6, 12, 6, 30)
            .WithArguments("key", "Example.com/team", "its prefix 'Example.com' is not a lowercase DNS subdomain"),
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("SHIP4014").WithSpan(7, 27, 7, 40)
            .WithArguments("value", "echo server", "it may only hold letters, digits, '-', '_' and '.', and must start and end with a letter or digit"),
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("SHIP4014").WithSpan(9, 53, 9, 61)
            .WithArguments("value", "-front", "it may only hold letters, digits, '-', '_' and '.', and must start and end with a letter or digit"));

    [Fact]
    public Task Empty_values_and_prefixed_keys_are_valid() => Verify.Analyzer<SHIP4014InvalidLabel>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Pod().Name("echo").Label("example.com/owner", "").Label("Tier", "Front_End.1"));
        """);
}
