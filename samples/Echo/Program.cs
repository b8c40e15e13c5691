// The seed's echo application (a Deployment of nginx + echo, its Service and Ingress) built with Shipshape.Builder.
// `dotnet run --project samples/Echo -- echo.yaml` lints it with the Shipshape engine and writes the YAML.
using Shipshape.Builder;

var app = new App();

// Images are pinned: a moving tag such as :latest makes rollouts unrepeatable.
var echo = app.Add(new Deployment()
    .Name("echo")
    .Label("app", "echo")
    .Replicas(3)
    .TemplateLabel("app", "echo")
    .Container(new Container()
        .Name("nginx")
        .Image("gihyodocker/nginx-proxy:1.0.0")
        .Env("BACKEND_HOST", "localhost:8080")
        .Port(80, "http"))
    .Container(new Container()
        .Name("echo")
        .Image("gihyodocker/echo:1.0.0")
        .Port(8080)));

// Selector and target port come from the Deployment, so the Service reaches its pods by construction.
var service = app.Add(echo.ExposeViaService(containerPort: 80));
app.Add(service.ExposeViaIngress("ch05.gihyo.local", "/"));

// On purpose: built but never added, so `dotnet build` shows the analyzer warning SHIP5001 here.
var debug = new ConfigMap().Name("echo-debug").Data("LOG_LEVEL", "debug");

var output = args.Length > 0 ? args[0] : "echo.yaml";
var result = app.Synth(new SynthOptions { OutputFile = output });
foreach (var finding in result.Report.Active)
{
    Console.Error.WriteLine(finding);
}

Console.WriteLine(result.Accepted ? $"wrote {output}" : $"not written: {result.Report.Summary.Errors} error(s)");
return result.Accepted ? 0 : 1;
