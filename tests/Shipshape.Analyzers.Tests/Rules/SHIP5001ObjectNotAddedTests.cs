using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Tests.Rules;

public sealed class SHIP5001ObjectNotAddedTests
{
    [Fact]
    public Task A_local_that_is_only_exposed_and_a_discarded_object_are_reported() => Verify.Analyzer<SHIP5001ObjectNotAdded>(
        """
        using Shipshape.Builder;

        var app = new App();
        var web = new Deployment().Name("web").TemplateLabel("app", "web").Container(new Container().Name("web").Port(80));
        app.Add(web.ExposeViaService());
        new ConfigMap().Name("settings").Data("mode", "fast");
        """,
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("SHIP5001").WithSpan(4, 5, 4, 8).WithArguments("Deployment 'web'"),
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("SHIP5001").WithSpan(6, 1, 6, 54).WithArguments("ConfigMap 'settings'"));

    [Fact]
    public Task Objects_added_returned_or_passed_on_are_fine() => Verify.Analyzer<SHIP5001ObjectNotAdded>("""
        using Shipshape.Builder;

        var app = new App();
        var web = new Deployment().Name("web");
        app.Add(web.Replicas(2));
        var settings = new ConfigMap().Name("settings");
        Register(app, settings);
        app.Add(new Namespace().Name("shop"));
        var list = new Resource[] { new Secret().Name("token") };

        static void Register(App app, Resource resource) => app.Add(resource);
        static Service Make() => new Service().Name("made");
        """);

    [Fact]
    public Task A_service_an_intent_helper_makes_and_nobody_adds_is_reported() => Verify.Analyzer<SHIP5001ObjectNotAdded>(
        """
        using Shipshape.Builder;

        var app = new App();
        var web = app.Add(new Deployment().Name("web").TemplateLabel("app", "web").Container(new Container().Name("web").Port(80)));
        web.ExposeViaService();
        var service = web.ExposeViaService(name: "web-public");
        app.Add(service.ExposeViaIngress("web.example.com"));
        app.Add(web.ExposeViaService(name: "web-inline").ExposeViaIngress("inline.example.com"));
        """,
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("SHIP5001").WithSpan(5, 1, 5, 23).WithArguments("The Service ExposeViaService() makes"),
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("SHIP5001").WithSpan(6, 5, 6, 12).WithArguments("The Service ExposeViaService() makes"),
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("SHIP5001").WithSpan(8, 9, 8, 49).WithArguments("The Service ExposeViaService() makes"));

    [Fact]
    public Task Services_an_intent_helper_makes_and_the_app_adds_are_fine() => Verify.Analyzer<SHIP5001ObjectNotAdded>("""
        using Shipshape.Builder;

        var app = new App();
        var web = app.Add(new Deployment().Name("web").TemplateLabel("app", "web").Container(new Container().Name("web").Port(80)));
        var service = web.ExposeViaService();
        app.Add(service);
        app.Add(service.ExposeViaIngress("web.example.com"));
        app.Add(app.Add(web.ExposeViaService(name: "web-2")).ExposeViaIngress("two.example.com"));
        """);
}
