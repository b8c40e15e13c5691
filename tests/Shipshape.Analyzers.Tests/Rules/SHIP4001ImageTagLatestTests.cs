using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Tests.Rules;

public sealed class SHIP4001ImageTagLatestTests
{
    [Fact]
    public Task Latest_and_missing_tags_are_reported_at_the_image() => Verify.Analyzer<SHIP4001ImageTagLatest>(
        """
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Pod().Name("echo")
            .Container(new Container().Name("nginx").Image("gihyodocker/nginx-proxy:latest"))
            .Container(new Container().Name("echo").Image({|SHIP4001:"registry.local:5000/echo"|})));
        """,
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("SHIP4001").WithSpan(5, 52, 5, 84)
            .WithArguments("gihyodocker/nginx-proxy:latest", "nginx", "uses the 'latest' tag"));

    [Fact]
    public Task Version_tags_and_digests_are_pinned() => Verify.Analyzer<SHIP4001ImageTagLatest>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Pod().Name("echo")
            .Container(new Container().Name("a").Image("registry.local:5000/echo:1.2.3"))
            .Container(new Container().Name("b").Image("echo@sha256:4c3b2d1e")));
        """);
}
