namespace Shipshape.Cli.Tests;

/// <summary>
/// Standard output that cannot be written: every format ends in exit code 2 with one line on standard error, never a
/// signal (SIGABRT was exit 134); a reader that goes away early (<c>| head</c>) ends the run quietly.
/// </summary>
[Collection(ExternalProcessTests.Name)]
public sealed class OutputFailureTests : IDisposable
{
    private readonly TempFiles _files = new();

    public OutputFailureTests()
    {
        _files.Write(".shipshape.yaml", FocusedConfiguration.Text);
        _files.Write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      bogus: 1\n");
    }

    public static TheoryData<string> Formats => new(Output.ReportFormats.Names);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Standard_output_on_dev_full_is_exit_2_with_one_line(string format)
    {
        var result = RealCli.Run($"shipshape lint --format {format} pod.yaml >/dev/full", _files.Root);

        Assert.Equal((2, "shipshape: cannot write the report: No space left on device\n"), (result.ExitCode, result.Stderr));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Closed_standard_output_is_exit_2_with_one_line(string format)
    {
        var result = RealCli.Run($"shipshape lint --format {format} pod.yaml >&-", _files.Root);

        Assert.Equal((2, "shipshape: cannot write the report: standard output is closed or not writable\n"), (result.ExitCode, result.Stderr));
    }

    [Fact]
    public void Closed_standard_output_does_not_matter_when_every_report_goes_to_a_file()
    {
        var result = RealCli.Run("shipshape lint --format json --output report.json pod.yaml >&-", _files.Root);

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Stderr));
        Assert.Contains("\"SHIP1002\"", File.ReadAllText(Path.Combine(_files.Root, "report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reader_that_closes_early_ends_the_run_quietly()
    {
        // Far more than a pipe buffer holds, so the CLI is still writing when head has gone.
        _files.Write("many.yaml", string.Concat(Enumerable.Range(0, 3000).Select(i =>
            $"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{i}\ndatta: {i}\n")));

        var result = RealCli.Run("shipshape lint many.yaml | head -c 1; echo \" ${PIPESTATUS[0]}\"", _files.Root);

        // Warnings only: exit code 0, as with a reader that reads everything.
        Assert.Equal(("m 0\n", string.Empty), (result.Stdout, result.Stderr));
    }

    public void Dispose() => _files.Dispose();
}
