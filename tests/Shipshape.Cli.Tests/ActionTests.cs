using System.Text.Json;

namespace Shipshape.Cli.Tests;

/// <summary>
/// Runs action.yml's install step once per test run (<c>version: local</c>, a build from this checkout) and shares
/// the CLI it produced; each test then runs the remaining steps in order against its own workspace.
/// </summary>
public sealed class ActionInstallFixture : IDisposable
{
    private readonly TempFiles _temp = new();

    public ActionInstallFixture()
    {
        Action = ActionDefinition.Load(Path.Combine(CiTestPaths.Root, "action.yml"));
        var install = new ActionRun(Action, CiTestPaths.Root, _temp.Root, _temp.Root, new Dictionary<string, string> { ["version"] = "local" });
        Assert.True(install.RunOnly("resolve"), $"The resolve step failed: {install.Failure}\n{install.Log}");
        Assert.True(install.RunOnly("install", yieldCpu: true), $"The install step failed: {install.Failure}\n{install.Log}");
        InstallOutputs = install.StepOutputs("install");
    }

    public ActionDefinition Action { get; }

    public IReadOnlyDictionary<string, string> InstallOutputs { get; }

    public void Dispose() => _temp.Dispose();
}

[Collection(ExternalProcessTests.Name)]
public sealed class ActionTests(ActionInstallFixture fixture) : IClassFixture<ActionInstallFixture>
{
    private const string CleanDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports:
                    - containerPort: 80

        """;

    private const string PortCollisionPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: echo
        spec:
          containers:
            - name: nginx
              image: nginx:1.27
              ports:
                - containerPort: 80
            - name: echo
              image: echo:1.0
              ports:
                - containerPort: 80

        """;

    [Fact]
    public void Run_blocks_take_inputs_only_through_env()
    {
        foreach (var step in fixture.Action.Steps)
        {
            Assert.DoesNotContain("${{", step.Run, StringComparison.Ordinal);
        }

        var referenced = fixture.Action.Steps.SelectMany(s => s.Env).Select(e => e.Value).ToArray();
        foreach (var input in fixture.Action.InputDefaults.Keys)
        {
            Assert.Contains($"${{{{ inputs.{input} }}}}", referenced);
        }
    }

    [Fact]
    public void Clean_manifests_pass_with_zero_errors_an_empty_sarif_and_a_summary()
    {
        using var workspace = Workspace(("deploy/web.yaml", CleanDeployment));

        var run = Run(workspace, new() { ["paths"] = "deploy" });

        Assert.True(run.Failure is null, $"{run.Failure}\n{run.Log}");
        Assert.Equal(
            new Dictionary<string, string> { ["sarif-file"] = "shipshape.sarif", ["errors"] = "0", ["warnings"] = "0", ["infos"] = "0", ["exit-code"] = "0" },
            run.Outputs);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Root, "shipshape.sarif")));
        Assert.Equal(0, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        Assert.Equal("## Shipshape\n\n**0 error(s), 0 warning(s), 0 info(s).** SARIF report: shipshape\\.sarif\n", run.Summary);
    }

    [Fact]
    public void A_checked_in_sarif_symlink_makes_the_run_fail_without_writing_outside_the_workspace()
    {
        using var workspace = Workspace(("deploy/web.yaml", CleanDeployment));
        using var outside = new TempFiles();
        var target = Path.Combine(outside.Root, "victim.sarif");
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "shipshape.sarif"), target);

        var run = Run(workspace, new() { ["paths"] = "deploy" });

        Assert.Equal(("Lint manifests", 2), run.Failure);
        Assert.Contains("shipshape: --output: shipshape.sarif is a symbolic link", run.Log, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Root));
    }

    [Fact]
    public void An_error_annotates_writes_sarif_and_summary_and_fails_the_last_step()
    {
        using var workspace = Workspace(("deploy/web.yaml", CleanDeployment), ("deploy/pod.yaml", PortCollisionPod));

        var run = Run(workspace, new() { ["paths"] = "deploy", ["sarif-file"] = "reports/k8s.sarif" });

        Assert.Equal(("Apply fail level", 1), run.Failure);
        Assert.Equal(
            new Dictionary<string, string> { ["sarif-file"] = "reports/k8s.sarif", ["errors"] = "1", ["warnings"] = "0", ["infos"] = "0", ["exit-code"] = "1" },
            run.Outputs);
        Assert.Contains(
            "::error file=deploy/pod.yaml,line=14,col=26,endLine=14,endColumn=28,title=SHIP2005::Port 80/TCP of container 'echo' is already declared by container 'nginx' on line 10;",
            run.Log, StringComparison.Ordinal);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Root, "reports", "k8s.sarif")));
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("deploy/pod.yaml", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(
            "## Shipshape\n\n**1 error(s), 0 warning(s), 0 info(s).** SARIF report: reports\\/k8s\\.sarif\n\n" +
            "| Severity | Rule | Location | Finding |\n|---|---|---|---|\n" +
            "| error | SHIP2005 | deploy\\/pod\\.yaml:14:26 | Port 80\\/TCP of container \\'echo\\' is already declared by container \\'nginx\\' on line 10\\; " +
            "containers of a pod share one network namespace\\, so only one of them can bind it\\: use a different port |\n\n" +
            "| Rule | Findings |\n|---|---|\n| SHIP2005 | 1 |\n",
            run.Summary);
    }

    [Theory]
    [InlineData("false", "0", "1", null)]
    [InlineData("true", "1", "0", "Apply fail level")]
    public void Strict_turns_an_unknown_field_from_a_warning_into_a_failing_error(string strict, string errors, string warnings, string? failingStep)
    {
        using var workspace = Workspace(("config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndatta:\n  mode: fast\n"));

        var run = Run(workspace, new() { ["strict"] = strict });

        Assert.Equal(failingStep, run.Failure?.Step);
        Assert.Equal((errors, warnings), (run.Outputs["errors"], run.Outputs["warnings"]));
        Assert.Contains("file=config.yaml,line=5,col=1,endLine=5,endColumn=6,title=SHIP1002::datta is not a field of v1 ConfigMap", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_level_none_reports_the_error_without_failing()
    {
        using var workspace = Workspace(("pod.yaml", PortCollisionPod));

        var run = Run(workspace, new() { ["fail-level"] = "none" });

        Assert.True(run.Failure is null, $"{run.Failure}\n{run.Log}");
        Assert.Equal("1", run.Outputs["errors"]);
    }

    [Fact]
    public void Inputs_holding_shell_code_run_nothing()
    {
        var marker = Path.Combine(Path.GetTempPath(), "pwned-" + Guid.NewGuid().ToString("N"));
        var payload = $"$(touch {marker})";
        using var workspace = Workspace(("deploy/web.yaml", CleanDeployment));

        var run = Run(workspace, new()
        {
            ["paths"] = $"deploy {payload} `touch {marker}`",
            ["sarif-file"] = $"{payload}.sarif",
            ["fail-level"] = $"error; touch {marker}",
        });

        Assert.False(File.Exists(marker), "an input was executed as shell code");
        Assert.Equal(("Lint manifests", 2), run.Failure);
    }

    [Fact]
    public void A_path_holding_shell_code_is_a_missing_file_not_a_command()
    {
        var marker = Path.Combine(Path.GetTempPath(), "pwned-" + Guid.NewGuid().ToString("N"));
        using var workspace = Workspace(("deploy/web.yaml", CleanDeployment));

        var run = Run(workspace, new() { ["paths"] = $"deploy $(touch\t{marker})" });

        Assert.False(File.Exists(marker), "an input was executed as shell code");
        Assert.Equal(("Lint manifests", 2), run.Failure);
        Assert.Contains("$(touch", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void A_markdown_link_or_html_from_a_manifest_is_text_in_the_summary()
    {
        using var workspace = Workspace(("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n\"[Fix here](https://evil.example/x)<img src=x>\": 1\n"));

        var run = Run(workspace, new());

        Assert.True(run.Failure is null, $"{run.Failure}\n{run.Log}");
        Assert.Contains(
            "| warning | SHIP1002 | cm\\.yaml:5:1 | \\[Fix here\\]\\(https\\:\\/\\/evil\\.example\\/x\\)\\<img src\\=x\\> is not a field of v1 ConfigMap",
            run.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("](", run.Summary, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)<img", run.Summary);
    }

    [Fact]
    public void The_summary_lists_errors_first_then_counts_per_rule()
    {
        using var workspace = Workspace(
            ("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\ndatta: 1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\ndatta: 2\n"),
            ("b.yaml", PortCollisionPod));

        var run = Run(workspace, new() { ["fail-level"] = "none" });

        var rows = run.Summary.Split('\n').Where(l => l.StartsWith("| error", StringComparison.Ordinal) || l.StartsWith("| warning", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["| error | SHIP2005", "| warning | SHIP1002", "| warning | SHIP1002"], rows.Select(r => string.Join(" | ", r.Split(" | ").Take(2))).ToArray());
        Assert.EndsWith("| Rule | Findings |\n|---|---|\n| SHIP1002 | 2 |\n| SHIP2005 | 1 |\n", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_fail_level_input_the_configuration_decides()
    {
        using var workspace = Workspace(("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndatta: 1\n"));
        File.AppendAllText(Path.Combine(workspace.Root, ".shipshape.yaml"), "failLevel: warning\n");

        var run = Run(workspace, new());

        Assert.Equal(("Apply fail level", 1), run.Failure);
        Assert.Equal(("0", "1", "1"), (run.Outputs["errors"], run.Outputs["warnings"], run.Outputs["exit-code"]));
    }

    [Theory]
    [InlineData("kubernetes-version", "@evil.rsp", "The kubernetes-version input must be a version like 1.34, v1.34 or 1.34.2.")]
    [InlineData("kubernetes-version", "1.34 --disable SHIP2005", "The kubernetes-version input must be a version like 1.34, v1.34 or 1.34.2.")]
    [InlineData("fail-level", "never", "The fail-level input must be error, warning, info, none or empty.")]
    [InlineData("strict", "yes", "The strict input must be true or false.")]
    [InlineData("config", "--disable=SHIP2005", "The config input must be a path that starts with neither - nor @ and holds no control characters.")]
    [InlineData("sarif-file", "@out.sarif", "The sarif-file input must be a path that starts with neither - nor @ and holds no control characters.")]
    [InlineData("working-directory", "missing", "The working-directory input must be an existing directory.")]
    public void An_input_of_the_wrong_shape_is_refused_before_it_becomes_an_argument(string input, string value, string message)
    {
        using var workspace = Workspace(("pod.yaml", PortCollisionPod));
        File.WriteAllText(Path.Combine(workspace.Root, "evil.rsp"), "--disable\nSHIP2005\n");

        var run = Run(workspace, new() { [input] = value });

        Assert.Equal(("Lint manifests", 2), run.Failure);
        Assert.Contains($"::error title=shipshape::{message}\n", run.Log, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(workspace.Root, "shipshape.sarif")), "the CLI ran");
    }

    [Theory]
    [InlineData("1.34")]
    [InlineData("v1.34")]
    [InlineData("1.34.2")]
    public void A_kubernetes_version_input_takes_the_forms_of_a_version(string version)
    {
        using var workspace = Workspace(("deploy/web.yaml", CleanDeployment));

        var run = Run(workspace, new() { ["kubernetes-version"] = version });

        Assert.DoesNotContain("The kubernetes-version input", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void The_working_directory_input_runs_the_lint_there()
    {
        using var workspace = Workspace(("sub/pod.yaml", PortCollisionPod), ("elsewhere/pod.yaml", PortCollisionPod));

        var run = Run(workspace, new() { ["working-directory"] = "sub", ["paths"] = "." });

        Assert.Equal(("Apply fail level", 1), run.Failure);
        Assert.Equal("1", run.Outputs["errors"]);
        Assert.Contains("::error file=sub/pod.yaml,line=14,col=26,", run.Log, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(workspace.Root, "sub", "shipshape.sarif")));
    }

    private ActionRun Run(TempFiles workspace, Dictionary<string, string> inputs)
    {
        var runnerTemp = Directory.CreateDirectory(Path.Combine(workspace.Root, "..", Path.GetFileName(workspace.Root) + "-runner")).FullName;
        var run = new ActionRun(fixture.Action, CiTestPaths.Root, workspace.Root, runnerTemp, inputs);
        run.SetStepOutputs("install", fixture.InstallOutputs);
        try
        {
            return run.RunSteps("resolve", "install");
        }
        finally
        {
            Directory.Delete(runnerTemp, recursive: true);
        }
    }

    /// <summary>A workspace like a checkout: a repository root (.git) with the given manifests.</summary>
    private static TempFiles Workspace(params (string Path, string Text)[] files)
    {
        var workspace = new TempFiles();
        Directory.CreateDirectory(Path.Combine(workspace.Root, ".git"));
        workspace.Write(".shipshape.yaml", FocusedConfiguration.Text);
        foreach (var (path, text) in files)
        {
            workspace.Write(path, text);
        }

        return workspace;
    }
}
