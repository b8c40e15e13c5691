// The seed's echo application (a Deployment of nginx + echo, its Service and Ingress) built with Shipshape.Builder in
// EchoApplication.cs. `dotnet run --project samples/Echo -- echo.yaml` lints it with the Shipshape engine and writes the YAML.
using Echo;
using Shipshape.Builder;

var app = EchoApplication.Build();

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
