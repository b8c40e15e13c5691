using Shipshape.Analyzers.Fixes;
using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Tests.Rules;

public sealed class SHIP2001WorkloadSelectorMismatchTests
{
    [Fact]
    public Task A_selector_value_the_template_spells_differently_is_reported_at_the_value() => Verify.Analyzer<SHIP2001WorkloadSelectorMismatch>(
        """
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("echo")
            .TemplateLabel("app", "ehco")
            .Selector("app", "echo")
            .Container(new Container().Name("echo").Image("echo:1.0")));
        """,
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("SHIP2001").WithSpan(6, 22, 6, 28)
            .WithArguments("app", "echo", "Deployment 'echo'", "app=ehco"));

    [Fact]
    public Task A_selector_key_the_template_lacks_is_reported_at_the_key() => Verify.Analyzer<SHIP2001WorkloadSelectorMismatch>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new ReplicaSet().Name("echo").TemplateLabel("app", "echo").Selector("app", "echo").Selector({|SHIP2001:"release"|}, "spring"));
        """);

    [Fact]
    public Task The_code_fix_adds_the_missing_template_label() => Verify.CodeFix<SHIP2001WorkloadSelectorMismatch, MissingTemplateLabelCodeFix>(
        """
        using Shipshape.Builder;

        var app = new App();
        app.Add(new ReplicaSet().Name("echo").TemplateLabel("app", "echo").Selector({|SHIP2001:"release"|}, "spring"));
        """,
        """
        using Shipshape.Builder;

        var app = new App();
        app.Add(new ReplicaSet().Name("echo").TemplateLabel("app", "echo").Selector("release", "spring").TemplateLabel("release", "spring"));
        """);

    [Fact]
    public Task A_matching_selector_and_the_default_selector_are_fine() => Verify.Analyzer<SHIP2001WorkloadSelectorMismatch>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("a").TemplateLabel("app", "a").TemplateLabel("tier", "web").Selector("app", "a"));
        app.Add(new Deployment().Name("b").TemplateLabel("app", "b"));
        """);

    [Fact]
    public Task Template_labels_known_only_at_run_time_are_not_judged() => Verify.Analyzer<SHIP2001WorkloadSelectorMismatch>("""
        using Shipshape.Builder;

        var app = new App();
        app.Add(new Deployment().Name("a").TemplateLabel("app", System.Environment.MachineName).Selector("app", "a"));
        """);
}
