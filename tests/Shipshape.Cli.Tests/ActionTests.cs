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
            new Dictionary<string, string> { ["sarif-file"] = "shipshape.sarif", ["errors"] = "0", ["warnings"] = "0" },
            run.Outputs);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Root, "shipshape.sarif")));
        Assert.Equal(0, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        Assert.Equal("## Shipshape\n\n**0 error(s), 0 warning(s).** SARIF report: `shipshape.sarif`\n", run.Summary);
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
            new Dictionary<string, string> { ["sarif-file"] = "reports/k8s.sarif", ["errors"] = "1", ["warnings"] = "0" },
            run.Outputs);
        Assert.Contains(
            "::error file=deploy/pod.yaml,line=14,col=26,endLine=14,endColumn=28,title=SHIP2005::Port 80/TCP of container 'echo' is already declared by container 'nginx' on line 10;",
            run.Log, StringComparison.Ordinal);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Root, "reports", "k8s.sarif")));
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("deploy/pod.yaml", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(
            "## Shipshape\n\n**1 error(s), 0 warning(s).** SARIF report: `reports/k8s.sarif`\n\n" +
            "| Severity | Rule | Location | Finding |\n|---|---|---|---|\n" +
            "| error | SHIP2005 | deploy/pod.yaml:14:26 | Port 80/TCP of container 'echo' is already declared by container 'nginx' on line 10; " +
            "containers of a pod share one network namespace, so only one of them can bind it: use a different port |\n",
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

    private ActionRun Run(TempFiles workspace, Dictionary<string, string> inputs)
    {
        var runnerTemp = Directory.CreateDirectory(Path.Combine(workspace.Root, "..", Path.GetFileName(workspace.Root) + "-runner")).FullName;
        var run = new ActionRun(fixture.Action, CiTestPaths.Root, workspace.Root, runnerTemp, inputs);
        run.SetStepOutputs("install", fixture.InstallOutputs);
        try
        {
            return run.RunSteps(skip: "install");
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
