using Microsoft.CodeAnalysis.Testing;
using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Tests.Rules;

public sealed class SHIP2004IngressBackendNotFoundTests
{
    [Fact]
    public Task An_ingress_to_a_service_that_is_never_added_is_reported_at_ExposeViaIngress() => Verify.Analyzer<SHIP2004IngressBackendNotFound>(
        """
        using Shipshape.Builder;

        var app = new App();
        var web = app.Add(new Deployment().Name("web").TemplateLabel("app", "web").Container(new Container().Name("web").Port(80)));
        app.Add(web.ExposeViaService().ExposeViaIngress("web.example.com"));
        var service = web.ExposeViaService(name: "web-public");
        app.Add(service.ExposeViaIngress("public.example.com"));
        """,
        DiagnosticResult.CompilerWarning("SHIP2004").WithSpan(5, 32, 5, 48).WithArguments("The Ingress ExposeViaIngress() makes", "its Service"),
        DiagnosticResult.CompilerWarning("SHIP2004").WithSpan(7, 17, 7, 33).WithArguments("The Ingress ExposeViaIngress() makes", "the Service in 'service'"));

    [Fact]
    public Task An_ingress_to_an_added_service_or_one_from_elsewhere_is_fine() => Verify.Analyzer<SHIP2004IngressBackendNotFound>("""
        using Shipshape.Builder;

        var app = new App();
        var web = app.Add(new Deployment().Name("web").TemplateLabel("app", "web").Container(new Container().Name("web").Port(80)));
        var service = web.ExposeViaService();
        app.Add(service);
        app.Add(service.ExposeViaIngress("web.example.com"));
        app.Add(app.Add(web.ExposeViaService(name: "web-2")).ExposeViaIngress("two.example.com"));
        app.Add(Shared().ExposeViaIngress("shared.example.com"));

        static Service Shared() => new Service().Name("shared").Port(80);
        """);
}
