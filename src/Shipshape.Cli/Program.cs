using System.CommandLine;
using System.Text;
using Shipshape.Cli;
using Shipshape.Cli.Commands;
using Shipshape.Core.Loading;

// Console.Out flushes on every write, a system call each; reports of thousands of findings go out in blocks of 8K
// characters. Larger blocks save nothing measurable, and their buffers (a 64K one took 320 KB) are cleared at every start.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 13);
return ShipshapeCli.Run(args, stdout, Console.Error);

namespace Shipshape.Cli
{
    /// <summary>The command tree and the one place where failures become exit code 2 and a one-line message.</summary>
    public static class ShipshapeCli
    {
        /// <param name="openStandardInput">Opens the stream of <c>-</c>; the console's standard input when null.</param>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream>? openStandardInput = null)
        {
            var verbose = new Option<bool>("--verbose") { Description = "Show stack traces for internal errors", Recursive = true };
            var root = new RootCommand("shipshape: lint and validate Kubernetes manifests")
            {
                LintCommand.Create(stdout, openStandardInput ?? InputCollector.OpenStandardInput),
                RulesCommand.Create(stdout),
                ExplainCommand.Create(stdout),
                SchemasCommand.Create(stdout),
                GenerateCommand.Create(stdout, openStandardInput ?? InputCollector.OpenStandardInput),
            };
            root.Add(verbose);

            var parse = root.Parse(args);
            try
            {
                var exit = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });

                // System.CommandLine reports parse errors with exit code 1; the contract reserves 1 for findings.
                return parse.Errors.Count > 0 ? ExitCodes.Failure : exit;
            }
            catch (Exception exception) when (exception is UsageException or InputException)
            {
                stderr.WriteLine($"shipshape: {exception.Message}");
                return ExitCodes.Failure;
            }
            catch (Exception exception)
            {
                stderr.WriteLine(parse.GetValue(verbose)
                    ? $"shipshape: internal error: {exception}"
                    : $"shipshape: internal error: {exception.GetType().Name}: {exception.Message} (run with --verbose for details)");
                return ExitCodes.Failure;
            }
        }
    }
}
