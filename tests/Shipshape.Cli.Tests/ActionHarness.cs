using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Shipshape.Cli.Tests;

/// <summary>
/// One step of a composite action: its id, its bash script and its env (with unevaluated expressions), or the action
/// it uses (<c>uses:</c>, such as actions/cache), which the harness cannot run and leaves out.
/// </summary>
public sealed record ActionStep(string? Id, string Name, string Run, IReadOnlyList<KeyValuePair<string, string>> Env, string? Uses = null);

/// <summary>action.yml as the runner reads it: inputs with defaults, outputs as expressions, steps in order.</summary>
public sealed class ActionDefinition
{
    private ActionDefinition(Dictionary<string, string> inputDefaults, Dictionary<string, string> outputs, List<ActionStep> steps)
    {
        InputDefaults = inputDefaults;
        Outputs = outputs;
        Steps = steps;
    }

    public IReadOnlyDictionary<string, string> InputDefaults { get; }

    public IReadOnlyDictionary<string, string> Outputs { get; }

    public IReadOnlyList<ActionStep> Steps { get; }

    public static ActionDefinition Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var inputs = Mapping(root, "inputs").Children.ToDictionary(
            entry => Scalar(entry.Key),
            entry => ((YamlMappingNode)entry.Value).Children.TryGetValue(new YamlScalarNode("default"), out var value) ? Scalar(value) : string.Empty);
        var outputs = Mapping(root, "outputs").Children.ToDictionary(entry => Scalar(entry.Key), entry => Scalar(((YamlMappingNode)entry.Value)["value"]));
        var runs = Mapping(root, "runs");
        Assert.Equal("composite", Scalar(runs["using"]));
        var steps = ((YamlSequenceNode)runs["steps"]).Children.Cast<YamlMappingNode>().Select(step =>
        {
            if (step.Children.TryGetValue(new YamlScalarNode("uses"), out var uses))
            {
                return new ActionStep(null, Scalar(step["name"]), string.Empty, [], Scalar(uses));
            }

            Assert.Equal("bash", Scalar(step["shell"]));
            var env = step.Children.TryGetValue(new YamlScalarNode("env"), out var envNode)
                ? ((YamlMappingNode)envNode).Children.Select(e => KeyValuePair.Create(Scalar(e.Key), Scalar(e.Value))).ToList()
                : [];
            var id = step.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) ? Scalar(idNode) : null;
            return new ActionStep(id, Scalar(step["name"]), Scalar(step["run"]), env);
        }).ToList();
        return new ActionDefinition(inputs, outputs, steps);
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;
}

/// <summary>
/// Runs a composite action's steps the way the GitHub runner does: each <c>run:</c> with
/// <c>bash --noprofile --norc -eo pipefail</c> in the workspace, its <c>env:</c> expressions evaluated, fresh
/// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files whose contents become step outputs and the job summary, and no
/// further steps after one fails. Expressions are evaluated only in <c>env:</c> and outputs, as in the action.
/// </summary>
public sealed partial class ActionRun
{
    private readonly ActionDefinition _action;
    private readonly IReadOnlyDictionary<string, string> _inputs;
    private readonly Dictionary<string, Dictionary<string, string>> _stepOutputs = new(StringComparer.Ordinal);
    private readonly System.Text.StringBuilder _log = new();
    private readonly System.Text.StringBuilder _summary = new();

    public ActionRun(ActionDefinition action, string actionPath, string workspace, string runnerTemp, IReadOnlyDictionary<string, string> inputs)
    {
        _action = action;
        ActionPath = actionPath;
        Workspace = workspace;
        RunnerTemp = runnerTemp;
        _inputs = inputs;
        foreach (var name in inputs.Keys)
        {
            Assert.True(action.InputDefaults.ContainsKey(name), $"action.yml has no input '{name}'");
        }
    }

    public string ActionPath { get; }

    public string Workspace { get; }

    public string RunnerTemp { get; }

    /// <summary>The ref the workflow uses the action at (<c>github.action_ref</c>): a tag, a branch or a commit.</summary>
    public string ActionRef { get; init; } = string.Empty;

    /// <summary>Variables the runner's environment holds besides the usual ones, or overrides (RUNNER_OS, a test URL).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string ToolCache => Path.Combine(RunnerTemp, "tool-cache");

    public string Log => _log.ToString();

    public string Summary => _summary.ToString();

    /// <summary>The failing step's name and exit code, or null when every step succeeded.</summary>
    public (string Step, int ExitCode)? Failure { get; private set; }

    /// <summary>Makes a step's outputs known without running it (a step another run already ran, like the install).</summary>
    public void SetStepOutputs(string stepId, IReadOnlyDictionary<string, string> outputs) => _stepOutputs[stepId] = new(outputs);

    public IReadOnlyDictionary<string, string> StepOutputs(string stepId) => _stepOutputs[stepId];

    /// <summary>Runs the steps in order, skipping those named in <paramref name="skip"/>; stops at the first that fails.</summary>
    public ActionRun RunSteps(params string[] skip)
    {
        foreach (var step in _action.Steps.Where(s => s.Uses is null && (s.Id is null || !skip.Contains(s.Id))))
        {
            var exitCode = RunStep(step);
            if (exitCode != 0)
            {
                Failure = (step.Name, exitCode);
                break;
            }
        }

        return this;
    }

    /// <summary>
    /// Runs the one step with this id (the install, shared by several runs); true when it succeeded. With
    /// <paramref name="yieldCpu"/> it runs at the lowest CPU priority, so a build inside it does not starve the
    /// time-bounded tests of other test assemblies running at the same time.
    /// </summary>
    public bool RunOnly(string stepId, bool yieldCpu = false)
    {
        var step = _action.Steps.Single(s => s.Id == stepId);
        var exitCode = RunStep(step, yieldCpu);
        Failure = exitCode == 0 ? null : (step.Name, exitCode);
        return Failure is null;
    }

    /// <summary>The action's outputs, evaluated from the step outputs.</summary>
    public IReadOnlyDictionary<string, string> Outputs => _action.Outputs.ToDictionary(o => o.Key, o => Evaluate(o.Value));

    private int RunStep(ActionStep step, bool yieldCpu = false)
    {
        var stepDirectory = Directory.CreateDirectory(Path.Combine(RunnerTemp, "_steps", Guid.NewGuid().ToString("N"))).FullName;
        var script = Path.Combine(stepDirectory, "script.sh");
        var outputFile = Path.Combine(stepDirectory, "output");
        var summaryFile = Path.Combine(stepDirectory, "summary");
        File.WriteAllText(script, step.Run);
        File.WriteAllText(outputFile, string.Empty);
        File.WriteAllText(summaryFile, string.Empty);

        var environment = RunnerEnvironment();
        environment["GITHUB_OUTPUT"] = outputFile;
        environment["GITHUB_STEP_SUMMARY"] = summaryFile;
        foreach (var (name, value) in step.Env)
        {
            environment[name] = Evaluate(value);
        }

        string[] bash = ["bash", "--noprofile", "--norc", "-eo", "pipefail", script];
        var (exitCode, output) = yieldCpu
            ? CiProcess.Run("nice", ["-n", "19", .. bash], Workspace, environment, clearEnvironment: true)
            : CiProcess.Run(bash[0], bash[1..], Workspace, environment, clearEnvironment: true);
        _log.Append(output);
        _summary.Append(File.ReadAllText(summaryFile));
        if (step.Id is not null)
        {
            _stepOutputs[step.Id] = ParseOutputFile(File.ReadAllText(outputFile));
        }

        return exitCode;
    }

    /// <summary>
    /// What the runner gives every step: a small, clean environment (the test host's MSBuild variables would confuse
    /// a nested dotnet build), plus the GITHUB_* and RUNNER_* variables.
    /// </summary>
    private Dictionary<string, string> RunnerEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "PATH", "HOME", "USER", "LANG", "TMPDIR", "MSBUILDDISABLENODEREUSE" })
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if ((name.StartsWith("DOTNET_", StringComparison.Ordinal) || name.StartsWith("NUGET_", StringComparison.Ordinal)) && name != "DOTNET_HOST_PATH")
            {
                environment[name] = (string)entry.Value!;
            }
        }

        environment["CI"] = "true";
        environment["GITHUB_ACTIONS"] = "true";
        environment["GITHUB_WORKSPACE"] = Workspace;
        environment["GITHUB_ACTION_PATH"] = ActionPath;
        environment["RUNNER_TEMP"] = RunnerTemp;
        environment["RUNNER_TOOL_CACHE"] = ToolCache;
        environment["RUNNER_OS"] = OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : "Linux";
        environment["RUNNER_ARCH"] = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "ARM64" : "X64";
        foreach (var (name, value) in Environment)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>The expressions action.yml uses; anything else fails the test rather than being guessed.</summary>
    private string Evaluate(string text) => Expression().Replace(text, match =>
    {
        var path = match.Groups[1].Value.Split('.');
        return path switch
        {
            ["inputs", var name] => _inputs.TryGetValue(name, out var value) ? value : _action.InputDefaults[name],
            ["github", "action_path"] => ActionPath,
            ["github", "workspace"] => Workspace,
            ["github", "action_ref"] => ActionRef,
            ["github", "token"] => "test-token",
            ["runner", "temp"] => RunnerTemp,
            ["runner", "tool_cache"] => ToolCache,
            ["steps", var id, "outputs", var name] => _stepOutputs.TryGetValue(id, out var outputs) && outputs.TryGetValue(name, out var value) ? value : string.Empty,
            _ => throw new InvalidOperationException($"The harness does not evaluate '{match.Value}'"),
        };
    });

    /// <summary>GITHUB_OUTPUT lines: <c>name=value</c>, or <c>name&lt;&lt;DELIMITER</c>, lines, <c>DELIMITER</c>.</summary>
    private static Dictionary<string, string> ParseOutputFile(string text)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var delimiter = line[(heredoc + 2)..];
                var end = Array.IndexOf(lines, delimiter, i + 1);
                Assert.True(end > i, $"GITHUB_OUTPUT: no closing {delimiter}");
                outputs[line[..heredoc]] = string.Join('\n', lines[(i + 1)..end]);
                i = end;
            }
            else
            {
                Assert.True(equals > 0, $"GITHUB_OUTPUT: not an output line: {line}");
                outputs[line[..equals]] = line[(equals + 1)..];
            }
        }

        return outputs;
    }

    [GeneratedRegex(@"\$\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex Expression();
}
