using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Tests;

/// <summary>Builder analyzers take their severity from .editorconfig (<c>dotnet_diagnostic.SHIPnnnn.severity</c>), like any Roslyn rule.</summary>
public sealed class SeverityConfigurationTests
{
    // Line 6, columns 50-52: the second port 80 of the pod.
    private const string PortCollision = """
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Pod().Name("echo")
            .Container(new Container().Name("nginx").Port(80))
            .Container(new Container().Name("echo").Port(80)));
        """;

    [Fact]
    public Task Without_a_setting_the_severity_is_the_engine_default_an_error_as_in_the_cli() => Verify.Analyzer<SHIP2005ContainerPortCollision>(
        PortCollision,
        editorConfig: null,
        Collision(DiagnosticSeverity.Error));

    [Fact]
    public Task Severity_warning_lowers_the_finding_to_a_warning() => Verify.Analyzer<SHIP2005ContainerPortCollision>(
        PortCollision,
        """
        root = true

        [*.cs]
        dotnet_diagnostic.SHIP2005.severity = warning
        """,
        Collision(DiagnosticSeverity.Warning));

    [Fact]
    public Task Severity_none_silences_the_rule() => Verify.Analyzer<SHIP2005ContainerPortCollision>(
        PortCollision,
        """
        root = true

        [*.cs]
        dotnet_diagnostic.SHIP2005.severity = none
        """);

    private static DiagnosticResult Collision(DiagnosticSeverity severity) =>
        new DiagnosticResult(SHIP2005ContainerPortCollision.Rule).WithSeverity(severity).WithSpan(6, 50, 6, 52).WithArguments(80, "TCP", "echo", "container 'nginx'", 5);
}
