using System.CommandLine;
using Shipshape.Core.Schema;

namespace Shipshape.Cli.Commands;

/// <summary><c>shipshape schemas</c>: the embedded Kubernetes versions and where each schema set came from.</summary>
public static class SchemasCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("schemas", "List the embedded Kubernetes versions and their sources");
        command.SetAction(_ =>
        {
            stdout.WriteLine($"Embedded Kubernetes API schemas (default {EmbeddedSchemas.Newest}); nothing is downloaded at run time.");
            foreach (var source in EmbeddedSchemas.Sources)
            {
                stdout.WriteLine($"{source.Version}  {source.Describe()}  sha256 {source.OutputSha256}  {source.License}");
            }

            stdout.WriteLine($"API lifecycle (deprecations, removals): {ApiLifecycle.All.Count} apiVersion/kind pairs, removals up to {ApiLifecycle.All.Max(e => e.RemovedIn ?? default)}.");
            return ExitCodes.Clean;
        });
        return command;
    }
}
