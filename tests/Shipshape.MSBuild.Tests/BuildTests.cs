using System.Text.RegularExpressions;

namespace Shipshape.MSBuild.Tests;

/// <summary>
/// End to end: real <c>dotnet build</c> runs of sample projects that use the packed Shipshape.MSBuild package. The
/// tests of this class share the projects and run one after another; each writes the manifests it needs first.
/// </summary>
public sealed partial class BuildTests(SampleProjects samples) : IClassFixture<SampleProjects>
{
    private const string LintTarget = "ShipshapeLintKubernetesManifests";

    // Line 16, column 26 is the second "8080": the port the sidecar declares again.
    private const string PodWithPortCollision = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels:
            app: web
        spec:
          containers:
            - name: app
              image: nginx:1.27
              ports:
                - containerPort: 8080
            - name: sidecar
              image: envoyproxy/envoy:v1.30.0
              ports:
                - containerPort: 8080
        """;

    // Line 6, column 3 is the selector, which matches no pod in the linted files (SHIP2002, a warning).
    private const string ServiceSelectingNothing = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
            - port: 80
              targetPort: 8080
        """;

    // extensions/v1beta1 (line 1, column 13) was removed in Kubernetes 1.16; "colour" (line 15, column 11) is no field.
    private const string DeploymentOfRemovedApiWithUnknownField = """
        apiVersion: extensions/v1beta1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: app
                  image: nginx:1.27
                  colour: blue
        """;

    // The same pod with the sidecar on a port of its own.
    private static readonly string PodWithoutCollision =
        string.Concat(PodWithPortCollision.AsSpan(0, PodWithPortCollision.LastIndexOf("8080", StringComparison.Ordinal)), "9090");

    [Fact]
    public async Task A_port_collision_fails_the_build_at_its_line_and_column()
    {
        var project = samples.SingleTarget;
        SampleProjects.WriteManifests(project, ("deploy/pod.yaml", PodWithPortCollision));

        var build = await samples.BuildAsync(project);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal([$"{Path.Combine(project, "deploy", "pod.yaml")}(16,26): error SHIP2005"], Findings(build, "SHIP2005"));
        Assert.Contains("error SHIP2005: Port 8080/TCP of container 'sidecar' is already declared by container 'app' on line 12", build.Output, StringComparison.Ordinal);

        // A failed lint leaves no stamp behind, so the next build lints again and fails again.
        var again = await samples.BuildAsync(project);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Equal(Findings(build), Findings(again));
    }

    [Fact]
    public async Task A_fixed_manifest_builds_and_an_unchanged_second_build_skips_the_lint()
    {
        var project = samples.SingleTarget;
        SampleProjects.WriteManifests(project, ("deploy/pod.yaml", PodWithoutCollision));

        var build = await samples.BuildAsync(project, "-v:d");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(Findings(build, "SHIP2005"));
        Assert.Contains("Task \"LintKubernetesManifests\"", build.Output, StringComparison.Ordinal);

        var unchanged = await samples.BuildAsync(project, "-v:d");
        Assert.True(unchanged.ExitCode == 0, unchanged.Output);
        Assert.Contains($"Skipping target \"{LintTarget}\" because all output files are up-to-date", unchanged.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Task \"LintKubernetesManifests\"", unchanged.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_in_deploy_that_are_not_manifests_do_not_fail_the_build()
    {
        var project = samples.SingleTarget;
        SampleProjects.WriteManifests(project,
            ("deploy/pod.yaml", PodWithoutCollision),
            ("deploy/values.yaml", "replicaCount: 2\n"),
            ("deploy/settings.json", "{\"editor\": {\"tabSize\": 2}}\n"));

        var build = await samples.BuildAsync(project);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(Findings(build, "SHIP0003"));
    }

    [Fact]
    public async Task A_warning_only_manifest_builds_and_prints_the_warning()
    {
        var project = samples.SingleTarget;
        SampleProjects.WriteManifests(project, ("web.k8s.yaml", ServiceSelectingNothing));

        var build = await samples.BuildAsync(project);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal([$"{Path.Combine(project, "web.k8s.yaml")}(6,3): warning SHIP2002"], Findings(build, "SHIP2002"));
        // The message reaches the log as written: its braces are not taken for format placeholders.
        Assert.Contains("warning SHIP2002: Service 'web' selects pods with {app=web}, but no Pod", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TreatWarningsAsErrors_makes_warning_findings_fail_the_build()
    {
        var project = samples.SingleTarget;
        SampleProjects.WriteManifests(project, ("k8s/service.yml", ServiceSelectingNothing));

        var build = await samples.BuildAsync(project, "-p:TreatWarningsAsErrors=true");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal([$"{Path.Combine(project, "k8s", "service.yml")}(6,3): error SHIP2002"], Findings(build, "SHIP2002"));
    }

    [Theory]
    [InlineData("NoWarn", 0, "")]
    [InlineData("WarningsAsErrors", 1, "(6,3): error SHIP2002")]
    public async Task NoWarn_and_WarningsAsErrors_take_rule_IDs_as_they_take_compiler_IDs(string property, int exitCode, string finding)
    {
        var project = samples.SingleTarget;
        SampleProjects.WriteManifests(project, ("k8s/service.yml", ServiceSelectingNothing));

        var build = await samples.BuildAsync(project, $"-p:{property}=SHIP2002");

        Assert.True(build.ExitCode == exitCode, build.Output);
        Assert.Equal(finding.Length == 0 ? [] : [Path.Combine(project, "k8s", "service.yml") + finding], Findings(build, "SHIP2002"));
    }

    [Fact]
    public async Task NoWarn_silences_info_findings_and_a_change_of_it_lints_again()
    {
        var project = samples.SingleTarget;
        SampleProjects.WriteManifests(project, (".shipshape.yaml", "rules:\n  SHIP3008: info\n"), ("deploy/pod.yaml", PodWithoutCollision));
        const string NetRawFinding = "SHIP3008: Container 'app' keeps the NET_RAW capability";

        var shown = await samples.BuildAsync(project, "-v:d");
        var silenced = await samples.BuildAsync(project, "-v:d", "-p:NoWarn=SHIP3008");

        Assert.True(shown.ExitCode == 0, shown.Output);
        Assert.Contains(NetRawFinding, shown.Output, StringComparison.Ordinal);
        Assert.True(silenced.ExitCode == 0, silenced.Output);
        Assert.Contains("Task \"LintKubernetesManifests\"", silenced.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(NetRawFinding, silenced.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipshape_yaml_found_above_the_project_sets_rule_levels_and_exclusions()
    {
        var project = samples.SingleTarget;
        SampleProjects.WriteManifests(
            project,
            (".shipshape.yaml", "rules:\n  SHIP2002: error\nexclude:\n  - deploy/**\n"),
            ("k8s/service.yml", ServiceSelectingNothing),
            ("deploy/pod.yaml", PodWithPortCollision));

        var build = await samples.BuildAsync(project);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal([$"{Path.Combine(project, "k8s", "service.yml")}(6,3): error SHIP2002"], Findings(build, "SHIP2002", "SHIP2005"));
        Assert.DoesNotContain(Path.Combine(project, "deploy"), build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_project_settings_override_the_shipshape_yaml()
    {
        var project = samples.SingleTarget;
        SampleProjects.WriteManifests(
            project,
            (".shipshape.yaml", "kubernetesVersion: \"1.30\"\nstrict: false\n"),
            ("deploy/web.yaml", DeploymentOfRemovedApiWithUnknownField));

        var build = await samples.BuildAsync(project, "-p:ShipshapeKubernetesVersion=1.14;ShipshapeStrict=true");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(
            [Path.Combine(project, "deploy", "web.yaml") + "(1,13): warning SHIP1005", Path.Combine(project, "deploy", "web.yaml") + "(15,11): error SHIP1002"],
            Findings(build, "SHIP1002", "SHIP1004", "SHIP1005"));
    }

    [Theory]
    [InlineData("ShipshapeFailLevel=fatal", "ShipshapeFailLevel is 'fatal'; set it to error, warning or info.")]
    [InlineData("ShipshapeKubernetesVersion=latest", "ShipshapeKubernetesVersion is 'latest'; set it to a version like 1.30")]
    public async Task A_setting_with_a_wrong_value_fails_the_build_and_says_what_to_set(string setting, string message)
    {
        var project = samples.SingleTarget;
        SampleProjects.WriteManifests(project, ("deploy/pod.yaml", PodWithoutCollision));

        var build = await samples.BuildAsync(project, "-p:" + setting);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error : " + message, build.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "(1,13): error SHIP1004")]
    [InlineData("-p:ShipshapeKubernetesVersion=1.14;ShipshapeStrict=true", "(1,13): warning SHIP1005|(15,11): error SHIP1002")]
    public async Task The_Kubernetes_version_and_strictness_reach_the_engine(string settings, string findings)
    {
        var project = samples.SingleTarget;
        SampleProjects.WriteManifests(project, ("deploy/web.yaml", DeploymentOfRemovedApiWithUnknownField));

        var build = await samples.BuildAsync(project, settings.Length == 0 ? [] : [settings]);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(findings.Split('|').Select(f => Path.Combine(project, "deploy", "web.yaml") + f), Findings(build, "SHIP1002", "SHIP1004", "SHIP1005"));
    }

    [Theory]
    [InlineData("ShipshapeEnabled")]
    [InlineData("EnableDefaultKubernetesManifestItems")]
    public async Task Linting_can_be_turned_off(string property)
    {
        var project = samples.SingleTarget;
        SampleProjects.WriteManifests(project, ("manifests/pod.yaml", PodWithPortCollision));

        var build = await samples.BuildAsync(project, $"-p:{property}=false");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(Findings(build));
    }

    [Fact]
    public async Task A_multi_targeting_project_is_linted_once_in_its_outer_build()
    {
        var project = samples.MultiTarget;
        SampleProjects.WriteManifests(project, ("deploy/pod.yaml", PodWithPortCollision));

        var build = await samples.BuildAsync(project, "-v:d");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal([$"{Path.Combine(project, "deploy", "pod.yaml")}(16,26): error SHIP2005"], Findings(build, "SHIP2005"));
        Assert.Single(Regex.Matches(build.Output, "Task \"LintKubernetesManifests\""));
        Assert.Contains("(target \"DispatchToInnerBuilds\" depends on it)", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_task_host_that_Visual_Studio_uses_reports_the_same_findings()
    {
        var project = samples.SingleTarget;
        SampleProjects.WriteManifests(project, ("deploy/pod.yaml", PodWithPortCollision));

        var build = await samples.BuildAsync(project, "-v:d", "-p:ShipshapeTaskOutOfProcess=true");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("Launching task \"LintKubernetesManifests\"", build.Output, StringComparison.Ordinal);
        Assert.Contains("in an external task host with a runtime of \"NET\"", build.Output, StringComparison.Ordinal);
        Assert.Equal([$"{Path.Combine(project, "deploy", "pod.yaml")}(16,26): error SHIP2005"], Findings(build, "SHIP2005"));
    }

    /// <summary>
    /// "path(line,col): severity ID" for each finding MSBuild printed, once each (the summary repeats them), in order;
    /// only those of the rules <paramref name="ids"/> when given, as other rules may fire on the same manifest.
    /// </summary>
    private static string[] Findings(CommandResult build, params string[] ids) =>
        FindingLine().Matches(build.Output)
            .Where(m => ids.Length == 0 || ids.Contains(m.Groups["id"].Value))
            .Select(m => $"{m.Groups["location"].Value}: {m.Groups["severity"].Value} {m.Groups["id"].Value}")
            .Distinct(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"^\s*(?:\d+>)?(?<location>\S[^\r\n]*?\(\d+,\d+\)): (?<severity>error|warning) (?<id>SHIP\d{4}): ", RegexOptions.Multiline)]
    private static partial Regex FindingLine();
}
