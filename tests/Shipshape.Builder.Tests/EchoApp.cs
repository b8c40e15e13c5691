namespace Shipshape.Builder.Tests;

/// <summary>The seed's echo application (simple-deployment.yml and its Service and Ingress), built with the builder.</summary>
internal static class EchoApp
{
    public static Deployment Deployment() => new Deployment()
        .Name("echo")
        .Label("app", "echo")
        .Replicas(3)
        .TemplateLabel("app", "echo")
        .Container(new Container()
            .Name("nginx")
            .Image("gihyodocker/nginx-proxy:1.0")
            .Env("BACKEND_HOST", "localhost:8080")
            .Port(80))
        .Container(new Container()
            .Name("echo")
            .Image("gihyodocker/echo:1.0")
            .Port(8080));

    public static App Build()
    {
        var app = new App();
        var deployment = app.Add(Deployment());
        var service = app.Add(deployment.ExposeViaService(containerPort: 80, portName: "http"));
        app.Add(service.ExposeViaIngress("ch05.gihyo.local", "/"));
        return app;
    }
}
