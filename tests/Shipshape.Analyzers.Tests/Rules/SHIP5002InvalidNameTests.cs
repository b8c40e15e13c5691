using Shipshape.Analyzers.Fixes;
using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Tests.Rules;

public sealed class SHIP5002InvalidNameTests
{
    [Fact]
    public Task Echo_Server_is_reported_with_the_nearest_valid_name() => Verify.Analyzer<SHIP5002InvalidName>(
        """
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("Echo_Server"));
        """,
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("SHIP5002").WithSpan(4, 31, 4, 44).WithArguments(
            "Echo_Server", "Deployment", "lowercase letters, digits, '-' and '.', starting and ending with a letter or digit", ", such as 'echo-server'"));

    [Fact]
    public Task The_code_fix_renames_to_echo_server() => Verify.CodeFix<SHIP5002InvalidName, InvalidNameCodeFix>(
        """
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name({|SHIP5002:"Echo_Server"|}).Container(new Container().Name({|SHIP5002:"Web.Proxy"|})));
        """,
        """
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("echo-server").Container(new Container().Name("web-proxy")));
        """);

    [Fact]
    public Task Service_names_are_dns_labels_while_deployment_names_may_have_dots() => Verify.Analyzer<SHIP5002InvalidName>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("echo.v2"));
        app.Add(new Service().Name({|SHIP5002:"echo.v2"|}));
        app.Add(new Namespace().Name({|SHIP5002:"-shop"|}));
        app.Add(new ConfigMap().Name({|SHIP5002:""|}));
        app.Add(new Pod().Name("simple-echo").Container(new Container().Name("nginx")));
        """);
}
