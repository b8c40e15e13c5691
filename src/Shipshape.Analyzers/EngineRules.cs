using Microsoft.CodeAnalysis;
using Shipshape.Core.Rules;
using EngineSeverity = Shipshape.Core.Analysis.Severity;

namespace Shipshape.Analyzers;

/// <summary>
/// The engine's rule catalogue as the analyzers see it: a builder analyzer that reports an ID the CLI and the MSBuild
/// task also report takes its default severity from the catalogue, so a mistake is an error (or a warning) in every
/// front end alike and a change of severity is made in one place.
/// </summary>
internal static class EngineRules
{
    /// <summary>The catalogue's default severity of the engine rule <paramref name="id"/>, as Roslyn names it.</summary>
    public static DiagnosticSeverity DefaultSeverity(string id) =>
        ToRoslyn((RuleCatalog.Find(id) ?? throw new ArgumentException($"The engine's rule catalogue has no rule {id}.", nameof(id))).DefaultSeverity);

    public static DiagnosticSeverity ToRoslyn(EngineSeverity severity) => severity switch
    {
        EngineSeverity.Error => DiagnosticSeverity.Error,
        EngineSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
