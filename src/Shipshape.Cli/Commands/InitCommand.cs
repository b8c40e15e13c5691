using System.CommandLine;
using Shipshape.Core.Configuration;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;

namespace Shipshape.Cli.Commands;

/// <summary>
/// <c>shipshape init</c>: writes a commented <c>.shipshape.yaml</c> in the current directory, where <c>lint</c> finds it.
/// An existing file (or a link of that name) is never overwritten: the file is created only if no file of that name exists.
/// </summary>
public static class InitCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("init", $"Write a commented {ConfigurationReader.FileName} in the current directory");
        command.SetAction(_ =>
        {
            var path = Path.Combine(Directory.GetCurrentDirectory(), ConfigurationReader.FileName);
            try
            {
                // CreateNew fails on any existing entry, a dangling symbolic link included, in the same call that creates it.
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(file);
                writer.NewLine = "\n";
                writer.Write(Template());
            }
            catch (IOException) when (Path.Exists(path) || File.ResolveLinkTarget(path, returnFinalTarget: false) is not null)
            {
                throw new UsageException($"{ConfigurationReader.FileName} already exists here; edit it, or remove it to start again");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"{path}: cannot write the configuration: {exception.Message}", exception);
            }

            stdout.WriteLine($"Wrote {ConfigurationReader.FileName}; 'shipshape lint' reads it from this directory and the ones below.");
            return ExitCodes.Clean;
        });
        return command;
    }

    /// <summary>The keys of schemas/shipshape-config.schema.json, each with what it does and its command-line override.</summary>
    private static string Template() => $"""
        # Shipshape configuration, found by `shipshape lint` in this directory or above it.
        # Schema: https://github.com/shipshape-io/shipshape/blob/main/schemas/shipshape-config.schema.json

        # The Kubernetes version whose API schemas the manifests are checked against (--kubernetes-version overrides it).
        kubernetesVersion: "{KubernetesVersions.Default}"

        # Which rules run: minimal, recommended (the default) or strict (--preset overrides it).
        # preset: recommended

        # Findings at or above this severity make the run fail: error, warning or info (--fail-level overrides it).
        failLevel: error

        # Fields unknown to the API schema are errors instead of warnings (--strict).
        strict: false

        # The level of single rules: off, info, warning or error ('shipshape rules' lists them).
        # rules:
        #   SHIP3001: warning

        # Glob patterns, relative to this file, of files to skip when a directory is linted.
        # A file named on the command line is always linted.
        exclude:
          - "**/node_modules/**"

        """;
}
