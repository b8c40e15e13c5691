using Shipshape.Analyzers.Fixes;
using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Tests.Rules;

public sealed class SHIP4013InvalidObjectNameTests
{
    [Fact]
    public Task Echo_Server_is_reported_with_the_nearest_valid_name() => Verify.Analyzer<SHIP4013InvalidObjectName>(
        """
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("Echo_Server"));
        """,
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("SHIP4013").WithSpan(4, 31, 4, 44).WithArguments(
            "Echo_Server", "Deployment", "lowercase letters, digits, '-' and '.', starting and ending with a letter or digit", ", such as 'echo-server'"));

    [Fact]
    public Task The_code_fix_renames_to_echo_server() => Verify.CodeFix<SHIP4013InvalidObjectName, InvalidNameCodeFix>(
        """
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name({|SHIP4013:"Echo_Server"|}).Container(new Container().Name({|SHIP4013:"Web.Proxy"|})));
        """,
        """
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("echo-server").Container(new Container().Name("web-proxy")));
        """);

    [Fact]
    public Task Service_names_are_dns_labels_while_deployment_names_may_have_dots() => Verify.Analyzer<SHIP4013InvalidObjectName>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("echo.v2"));
        app.Add(new Service().Name({|SHIP4013:"echo.v2"|}));
        app.Add(new Namespace().Name({|SHIP4013:"-shop"|}));
        app.Add(new ConfigMap().Name({|SHIP4013:""|}));
        app.Add(new Pod().Name("simple-echo").Container(new Container().Name("nginx")));
        """);
}
