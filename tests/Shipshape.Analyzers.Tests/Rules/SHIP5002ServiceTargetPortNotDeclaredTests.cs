using Microsoft.CodeAnalysis.Testing;
using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Tests.Rules;

public sealed class SHIP5002ServiceTargetPortNotDeclaredTests
{
    [Fact]
    public Task A_numeric_target_port_no_container_declares_is_reported_at_the_literal() => Verify.Analyzer<SHIP5002ServiceTargetPortNotDeclared>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("echo").TemplateLabel("app", "echo")
            .Container(new Container().Name("echo").Image("echo:1.0").Port(80)));
        app.Add(new Service().Name("echo").Selector("app", "echo").Port(80, {|SHIP5002:8080|}));
        """);

    [Fact]
    public Task A_named_target_port_no_container_declares_is_reported_with_the_declared_ports() => Verify.Analyzer<SHIP5002ServiceTargetPortNotDeclared>(
        """
        using Shipshape.Builder;

        var app = new App();
        var echo = app.Add(new Deployment().Name("echo").TemplateLabel("app", "echo").TemplateLabel("tier", "web")
            .Container(new Container().Name("nginx").Port(80, "http"))
            .Container(new Container().Name("echo").Port(8080)));
        app.Add(new Service().Name("echo").Selector("app", "echo").Port(80, targetPort: "web"));
        """,
        DiagnosticResult.CompilerWarning("SHIP5002").WithSpan(7, 81, 7, 86)
            .WithArguments("Service 'echo'", 80, "web", "Deployment 'echo'", "80 (http) and 8080"));

    [Fact]
    public Task Without_a_target_port_the_port_itself_is_the_target() => Verify.Analyzer<SHIP5002ServiceTargetPortNotDeclared>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Pod().Name("echo").Label("app", "echo").Container(new Container().Name("echo").Port(8080)));
        app.Add(new Service().Name("echo").Selector("app", "echo").Port({|SHIP5002:80|}).Port(8080));
        """);

    [Fact]
    public Task The_protocol_must_match_too() => Verify.Analyzer<SHIP5002ServiceTargetPortNotDeclared>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new ReplicaSet().Name("dns").TemplateLabel("app", "dns").Container(new Container().Name("dns").Port(53, "dns", Protocol.Udp)));
        app.Add(new Service().Name("dns").Selector("app", "dns").Port(53, "dns", protocol: Protocol.Udp).Port(53, {|SHIP5002:53|}));
        """);

    [Fact]
    public Task Matching_numbers_and_names_are_fine() => Verify.Analyzer<SHIP5002ServiceTargetPortNotDeclared>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("echo").TemplateLabel("app", "echo")
            .Container(new Container().Name("nginx").Port(80, "http"))
            .Container(new Container().Name("echo").Port(8080)));
        app.Add(new Service().Name("echo").Selector("app", "echo").Port(80, "http").Port(8080).Port(9090, 8080));
        """);

    [Fact]
    public Task A_service_selecting_no_pods_built_in_the_file_is_not_judged() => Verify.Analyzer<SHIP5002ServiceTargetPortNotDeclared>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("web").TemplateLabel("app", "web").Container(new Container().Name("web").Port(80)));
        app.Add(new Service().Name("echo").Selector("app", "echo").Port(80, 8080));
        app.Add(new Service().Name("web").Namespace("other").Selector("app", "web").Port(80, 8080));
        """);

    [Fact]
    public Task Services_made_by_ExposeViaService_are_correct_by_construction() => Verify.Analyzer<SHIP5002ServiceTargetPortNotDeclared>("""
        using Shipshape.Builder;

        var app = new App();
        var echo = app.Add(new Deployment().Name("echo").TemplateLabel("app", "echo")
            .Container(new Container().Name("nginx").Port(80, "http")));
        app.Add(echo.ExposeViaService());
        app.Add(echo.ExposeViaService(containerPort: 80, servicePort: 8080, name: "echo-alt"));
        """);

    [Fact]
    public Task Pods_configured_outside_their_chain_or_at_run_time_are_not_judged() => Verify.Analyzer<SHIP5002ServiceTargetPortNotDeclared>("""
        using Shipshape.Builder;

        var app = new App();
        var sidecar = new Container().Name("proxy").Port(8080);
        app.Add(new Deployment().Name("a").TemplateLabel("app", "a").Container(new Container().Name("a").Port(80)).Container(sidecar));
        app.Add(new Service().Name("a").Selector("app", "a").Port(80, 8080));

        var b = app.Add(new Deployment().Name("b").TemplateLabel("app", "b").Container(new Container().Name("b").Port(80)));
        b.Container(new Container().Name("proxy").Port(8080));
        app.Add(new Service().Name("b").Selector("app", "b").Port(80, 8080));

        var name = System.Environment.GetEnvironmentVariable("PORT_NAME") ?? "http";
        app.Add(new Pod().Name("c").Label("app", "c").Container(new Container().Name("c").Port(80, name)));
        app.Add(new Service().Name("c").Selector("app", "c").Port(80, "web"));
        """);

    [Fact]
    public Task A_numeric_target_on_pods_that_declare_no_ports_is_not_judged() => Verify.Analyzer<SHIP5002ServiceTargetPortNotDeclared>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("echo").TemplateLabel("app", "echo").Container(new Container().Name("echo").Image("echo:1.0")));
        app.Add(new Service().Name("echo").Selector("app", "echo").Port(80, 8080).Port(81, {|SHIP5002:"http"|}));
        """);

    [Fact]
    public Task ExposeViaService_of_a_port_no_container_declares_is_reported_at_the_port() => Verify.Analyzer<SHIP5002ServiceTargetPortNotDeclared>(
        """
        using Shipshape.Builder;

        var app = new App();
        var web = app.Add(new Deployment().Name("web").TemplateLabel("app", "web")
            .Container(new Container().Name("web").Port(8080, "http")));
        app.Add(web.ExposeViaService(containerPort: 9999, servicePort: 80));
        var api = new Deployment().Name("api").Container(new Container().Name("api").Port(80));
        app.Add(api);
        app.Add(api.ExposeViaService(9090));
        """,
        DiagnosticResult.CompilerWarning("SHIP5002").WithSpan(6, 45, 6, 49)
            .WithArguments("The Service ExposeViaService() makes", 80, 9999, "Deployment 'web'", "8080 (http)"),
        DiagnosticResult.CompilerWarning("SHIP5002").WithSpan(9, 30, 9, 34)
            .WithArguments("The Service ExposeViaService() makes", 9090, 9090, "Deployment 'api'", "80"));

    [Fact]
    public Task ExposeViaService_of_a_workload_whose_ports_the_code_does_not_show_is_not_judged() => Verify.Analyzer<SHIP5002ServiceTargetPortNotDeclared>("""
        using Shipshape.Builder;

        var app = new App();
        var sidecar = new Container().Name("proxy").Port(9999);
        var web = app.Add(new Deployment().Name("web").Container(new Container().Name("web").Port(8080)).Container(sidecar));
        app.Add(web.ExposeViaService(containerPort: 9999));
        Deployment Make() => new Deployment().Name("made");
        app.Add(Make().ExposeViaService(containerPort: 1234));
        """);
}
