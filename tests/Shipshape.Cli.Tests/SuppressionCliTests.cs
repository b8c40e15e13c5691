namespace Shipshape.Cli.Tests;

public sealed class SuppressionCliTests
{
    [Fact]
    public void Disable_next_line_above_the_second_containerPort_removes_that_finding_and_counts_it()
    {
        using var files = new TempFiles();
        var manifest = files.Write("pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: simple-echo
            spec:
              containers:
                - name: nginx
                  image: nginx:1.27
                  ports:
                    - containerPort: 80
                - name: echo
                  image: gihyodocker/echo:1.0
                  ports:
                    # shipshape-disable-next-line SHIP2005 -- reviewed
                    - containerPort: 80
            """);

        var result = CliRunner.Run("lint", manifest, "--format", "json");

        Assert.DoesNotContain(result.JsonFindings(), f => f.StartsWith("SHIP2005@", StringComparison.Ordinal));
        var summary = result.Json.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("suppressed").GetInt32());
        Assert.Equal(0, summary.GetProperty("errors").GetInt32());
        Assert.Equal(0, result.ExitCode);
    }
}
