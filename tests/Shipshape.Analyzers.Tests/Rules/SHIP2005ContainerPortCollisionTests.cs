using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Tests.Rules;

public sealed class SHIP2005ContainerPortCollisionTests
{
    [Fact]
    public Task Two_containers_of_one_template_on_port_80_are_reported_at_the_second_literal() => Verify.Analyzer<SHIP2005ContainerPortCollision>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("echo").TemplateLabel("app", "echo")
            .Container(new Container().Name("nginx").Image("nginx:1.27").Port(80))
            .Container(new Container().Name("echo").Image("echo:1.0").Port({|SHIP2005:80|})));
        """);

    [Fact]
    public Task The_message_names_both_containers_and_the_first_line() => Verify.Analyzer<SHIP2005ContainerPortCollision>(
        """
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Pod().Name("echo")
            .Container(new Container().Name("nginx").Port(80))
            .Container(new Container().Name("echo").Port(80)));
        """,
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("SHIP2005").WithSpan(6, 50, 6, 52)
            .WithArguments(80, "TCP", "echo", "container 'nginx'", 5));

    [Fact]
    public Task Other_ports_other_protocols_and_other_pods_do_not_collide() => Verify.Analyzer<SHIP2005ContainerPortCollision>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Pod().Name("dns")
            .Container(new Container().Name("tcp").Port(53))
            .Container(new Container().Name("udp").Port(53, protocol: Protocol.Udp))
            .Container(new Container().Name("web").Port(8080)));
        app.Add(new Pod().Name("other").Container(new Container().Name("tcp").Port(53)));
        """);

    [Fact]
    public Task The_same_port_twice_on_one_container_is_reported() => Verify.Analyzer<SHIP2005ContainerPortCollision>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new ReplicaSet().Name("web").Container(new Container().Name("web").Port(80, "http").Port({|SHIP2005:80|}, "web")));
        """);

    [Fact]
    public Task Ports_known_only_at_run_time_are_not_judged() => Verify.Analyzer<SHIP2005ContainerPortCollision>("""
        using Shipshape.Builder;

        var port = System.Environment.ProcessorCount;
        var app = new App();
        app.Add(new Pod().Name("echo")
            .Container(new Container().Name("a").Port(port))
            .Container(new Container().Name("b").Port(port)));
        """);

    [Fact]
    public void The_descriptor_points_at_the_rule_doc() =>
        Assert.Equal("https://github.com/shipshape-io/shipshape/blob/main/rules/SHIP2005.md", SHIP2005ContainerPortCollision.Rule.HelpLinkUri);
}
