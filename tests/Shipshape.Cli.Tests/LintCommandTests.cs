namespace Shipshape.Cli.Tests;

/// <summary>The foundation's promises, checked through the command line as users call it.</summary>
public sealed class LintCommandTests
{
    [Fact]
    public void Port_collision_gives_exactly_one_SHIP2005_at_the_second_containerPort_value()
    {
        using var files = new TempFiles();
        var path = files.Write("pod.yaml", TestManifests.PortCollisionPod);

        var result = CliRunner.Run("lint", "--format", "json", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["SHIP2005@14:26"], result.JsonFindings("SHIP0", "SHIP1", "SHIP2"));
        var diagnostic = result.Json.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "SHIP2005");
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(path, diagnostic.GetProperty("file").GetString());
        Assert.Equal(14, diagnostic.GetProperty("endLine").GetInt32());
        Assert.Equal(28, diagnostic.GetProperty("endColumn").GetInt32());
        Assert.Equal("Pod", diagnostic.GetProperty("resource").GetProperty("kind").GetString());
        Assert.Equal("simple-echo", diagnostic.GetProperty("resource").GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, diagnostic.GetProperty("resource").GetProperty("namespace").ValueKind);
        Assert.Equal(
            "Port 80/TCP of container 'echo' is already declared by container 'nginx' on line 10; containers of a pod share one network namespace, so only one of them can bind it: use a different port",
            diagnostic.GetProperty("message").GetString());
        var summary = result.Json.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("errors").GetInt32());
        Assert.Equal(1, summary.GetProperty("resources").GetInt32());
        Assert.Equal("shipshape", result.Json.GetProperty("tool").GetProperty("name").GetString());
    }

    [Fact]
    public void Selector_typo_is_reported_at_the_selector_and_wrong_target_port_at_the_targetPort()
    {
        using var files = new TempFiles();
        var path = files.Write("app.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: echo
            spec:
              selector:
                matchLabels:
                  app: echo
              template:
                metadata:
                  labels:
                    app: ehco
                spec:
                  containers:
                    - name: nginx
                      image: nginx:1.27
                      ports:
                        - containerPort: 80
                        - containerPort: 8080
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: wrong
            spec:
              selector:
                app: ehco
              ports:
                - port: 80
                  targetPort: 8081
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: named
            spec:
              selector:
                app: ehco
              ports:
                - port: 80
                  targetPort: http
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: named
              labels:
                app: ehco
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports:
                    - name: http
                      containerPort: 8080
            """);

        var result = CliRunner.Run("lint", "--format", "json", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["SHIP2001@8:12", "SHIP2003@30:19"], result.JsonFindings("SHIP0", "SHIP1", "SHIP2"));
        Assert.Equal(
            "Service 'wrong' targets port 8081, but the pods it selects (Deployment 'echo', Pod 'named') expose 80 and 8080 (http); set targetPort to one of those ports or declare the port on the container",
            result.Json.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "SHIP2003").GetProperty("message").GetString());
    }

    [Fact]
    public void Every_seed_manifest_lints_without_crashing()
    {
        foreach (var file in Directory.EnumerateFiles(Seed.Directory))
        {
            var result = CliRunner.Run("lint", "--format", "json", file);
            Assert.True(result.ExitCode is 0 or 1, $"{file}: exit {result.ExitCode}: {result.Stderr}");
            Assert.Equal(string.Empty, result.Stderr);
            Assert.True(result.Json.GetProperty("summary").GetProperty("resources").GetInt32() >= 1, file);
        }
    }

    [Fact]
    public void Seed_service_alone_selects_nothing_but_with_its_replicasets_is_clean()
    {
        var alone = CliRunner.Run("lint", "--format", "json", Seed.Path("simple-service.yml"));
        Assert.Equal(["SHIP2002@6:3"], alone.JsonFindings().Where(f => f.StartsWith("SHIP2", StringComparison.Ordinal)));

        var together = CliRunner.Run("lint", "--format", "json", Seed.Path("simple-service.yml"), Seed.Path("simple-replicaset-with-label.yml"));
        Assert.DoesNotContain(together.JsonFindings(), f => f.StartsWith("SHIP2002", StringComparison.Ordinal) || f.StartsWith("SHIP2003", StringComparison.Ordinal));
    }

    [Fact]
    public void Syntax_error_gives_SHIP0001_with_its_line_exit_1_and_no_stack_trace()
    {
        using var files = new TempFiles();
        var path = files.Write("broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n   labels: {}\n");

        var result = CliRunner.Run("lint", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.StartsWith($"{path} (1 error)\n{path}:5:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(": error SHIP0001 YAML syntax error: ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_gives_SHIP0002_at_the_second_occurrence()
    {
        using var files = new TempFiles();
        var path = files.Write("dup.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
        Assert.Equal(["SHIP0002@5:3"], CliRunner.Run("lint", "--format", "json", path).JsonFindings());
    }

    [Fact(Timeout = 1000)]
    public async Task Billion_laughs_finishes_within_a_second_with_a_diagnostic()
    {
        using var files = new TempFiles();
        var lines = new List<string> { "apiVersion: v1", "kind: ConfigMap", "metadata: {name: lol}", "data:", "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var i = 1; i < 10; i++)
        {
            lines.Add($"  a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        var path = files.Write("lol.yaml", string.Join("\n", lines) + "\n");
        var result = await Task.Run(() => CliRunner.Run("lint", "--format", "json", path), TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["SHIP0004@10:57"], result.JsonFindings());
    }

    [Fact]
    public void Standard_input_is_read_for_a_dash()
    {
        var result = CliRunner.RunWithInput(TestManifests.PortCollisionPod, "lint", "--format", "json", "-");
        Assert.Equal(["SHIP2005@14:26"], result.JsonFindings("SHIP2"));
        Assert.All(result.Json.GetProperty("diagnostics").EnumerateArray(), d => Assert.Equal("<stdin>", d.GetProperty("file").GetString()));
    }

    [Fact]
    public void Directories_are_searched_recursively_for_manifest_extensions_only()
    {
        using var files = new TempFiles();
        files.Write("a/pod.yaml", TestManifests.PortCollisionPod);
        files.Write("a/b/pod.yml", TestManifests.PortCollisionPod);
        files.Write("a/b/c/pod.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}}");
        files.Write("a/notes.txt", "not yaml: [");
        files.Write("a/.git/config.yaml", "not: [linted");

        var result = CliRunner.Run("lint", "--format", "json", files.Root);

        Assert.Equal(3, result.Json.GetProperty("summary").GetProperty("files").GetInt32());
        var reported = result.Json.GetProperty("diagnostics").EnumerateArray().Where(d => d.GetProperty("id").GetString() == "SHIP2005").Select(d => Path.GetRelativePath(files.Root, d.GetProperty("file").GetString()!)).ToArray();
        Assert.Equal([Path.Combine("a", "b", "pod.yml"), Path.Combine("a", "pod.yaml")], reported);
    }

    [Fact]
    public void Fail_level_decides_the_exit_code()
    {
        var warningOnly = Seed.Path("simple-service.yml");
        Assert.Equal(0, CliRunner.Run("lint", warningOnly).ExitCode);
        Assert.Equal(1, CliRunner.Run("lint", "--fail-level", "warning", warningOnly).ExitCode);
    }

    [Fact]
    public void Missing_path_exits_2_with_one_line_on_stderr()
    {
        var result = CliRunner.Run("lint", "/no/such/manifest.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("shipshape: /no/such/manifest.yaml: no such file or directory\n", result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Unknown_option_exits_2()
    {
        var result = CliRunner.Run("lint", "--no-such-option", Seed.Path("simple-pod.yml"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-option", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_is_byte_identical_across_runs_and_thread_counts()
    {
        var first = CliRunner.Run("lint", "--format", "json", "--threads", "1", Seed.Directory);
        var second = CliRunner.Run("lint", "--format", "json", "--threads", "4", Seed.Directory);
        var third = CliRunner.Run("lint", "--format", "json", Seed.Directory);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Equal(first.Stdout, third.Stdout);
    }

    [Fact]
    public void Text_format_prints_file_line_column_severity_id_message_and_object_then_a_summary()
    {
        using var files = new TempFiles();
        var path = files.Write("pod.yaml", TestManifests.PortCollisionPod);
        var lines = CliRunner.Run("lint", "--no-source", "--preset", "strict", path).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var collision = Assert.Single(lines, l => l.Contains(" SHIP2005 ", StringComparison.Ordinal));
        Assert.StartsWith($"{path}:14:26: error SHIP2005 Port 80/TCP of container 'echo'", collision, StringComparison.Ordinal);
        Assert.EndsWith(" [Pod/simple-echo]", collision, StringComparison.Ordinal);

        // In the strict preset, each of the two containers also lacks a hardened securityContext and resources: SHIP3002,
        // SHIP3003, SHIP3025 (no seccomp profile), SHIP3026 (capabilities not dropped), SHIP4003 and SHIP4004 (warnings),
        // SHIP3008, SHIP3009, SHIP3053 (port 80), SHIP4034 (CPU limit), SHIP4036 (pull policy) and SHIP4038 (ephemeral
        // storage limit) (infos); and the pod mounts the default service account's token (SHIP3012, SHIP3051) and sets no
        // ndots, node affinity or priority class (SHIP4031, SHIP4032, SHIP4039; infos). No rule repeats three times, so
        // the summary has no counts by rule.
        Assert.Equal(31, lines.Length);
        Assert.Equal("1 error, 12 warnings, 17 infos in 1 file (1 object in 1 document)", lines[^1]);
    }

    [Fact]
    public void Output_option_writes_the_report_to_a_file()
    {
        using var files = new TempFiles();
        var path = files.Write("pod.yaml", TestManifests.PortCollisionPod);
        var report = Path.Combine(files.Root, "report.json");
        var result = CliRunner.Run("lint", "--format", "json", "--output", report, path);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("\"SHIP2005\"", File.ReadAllText(report), StringComparison.Ordinal);
    }
}
