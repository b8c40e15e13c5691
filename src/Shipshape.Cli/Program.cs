using System.CommandLine;
using System.Text;
using Shipshape.Cli;
using Shipshape.Cli.Commands;
using Shipshape.Cli.Diagnostics;
using Shipshape.Cli.Output;
using Shipshape.Core.Loading;

StartupTrace.Mark("runtime");

// Console.Out flushes on every write, a system call each; reports of thousands of findings go out in blocks of 2K
// characters. The writer's buffers are fresh heap that every start clears (the characters, and three bytes per character
// for the encoded block): 10 KB at 2K, 40 KB at 8K, which a one-file lint felt (about 0.2 ms) and a report of thousands of
// findings did not (a write per 2K characters is microseconds against the milliseconds spent finding them).
using var stdout = new StreamWriter(
    new StandardOutputStream(StandardStreams.OpenOutput), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 11);
var exitCode = ShipshapeCli.Run(args, stdout, StandardStreams.Error);
StartupTrace.Mark("exit");
StartupTrace.Print();
return exitCode;

namespace Shipshape.Cli
{
    /// <summary>The command tree and the one place where failures become exit code 2 and a one-line message.</summary>
    public static class ShipshapeCli
    {
        /// <summary>
        /// Arguments are taken as written: System.CommandLine would otherwise read <c>@file</c> as a response file of
        /// more arguments, and an argument that comes from a pull request (an Action input) could add options.
        /// </summary>
        private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

        /// <param name="openStandardInput">Opens the stream of <c>-</c>; the console's standard input when null.</param>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream>? openStandardInput = null)
        {
            var verbose = new Option<bool>("--verbose") { Description = "Show stack traces for internal errors", Recursive = true };
            var input = openStandardInput ?? InputCollector.OpenStandardInput;
            Subcommand[] commands =
            [
                new("lint", () => LintCommand.Create(stdout, input)),
                new("init", () => InitCommand.Create(stdout)),
                new("rules", () => RulesCommand.Create(stdout)),
                new("explain", () => ExplainCommand.Create(stdout)),
                new("schemas", () => SchemasCommand.Create(stdout)),
                new("generate", () => GenerateCommand.Create(stdout, input)),
                new("completion", () => CompletionCommand.Create(stdout)),
            ];
            var root = CommandRoot.Create("shipshape: lint and validate Kubernetes manifests", args, commands, verbose);
            StartupTrace.Mark("commands");

            var parse = root.Parse(args, Parsing);
            StartupTrace.Mark("parse");
            try
            {
                if (UsageErrors.Describe(parse) is { } usageError)
                {
                    return Fail(stderr, usageError);
                }

                var exit = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
                stdout.Flush();
                return exit;
            }
            catch (Exception exception) when (exception is UsageException or InputException or ReportWriteException)
            {
                return Fail(stderr, exception.Message);
            }
            catch (Exception exception)
            {
                // The stack trace is the tool's own code; only the message can quote the input.
                return parse.GetValue(verbose)
                    ? Fail(stderr, $"internal error: {exception.GetType().Name}: {exception.Message}", exception.StackTrace)
                    : Fail(stderr, $"internal error: {exception.GetType().Name}: {exception.Message} (run with --verbose for details)");
            }
        }

        /// <summary>
        /// The one line of a failed run. The message quotes paths, keys and arguments from the input, so it is escaped:
        /// a newline in it could otherwise start a line that a CI runner obeys as a command.
        /// </summary>
        private static int Fail(TextWriter stderr, string message, string? stackTrace = null)
        {
            try
            {
                stderr.WriteLine($"shipshape: {Terminal.SafeText.Escape(message)}");
                if (stackTrace is not null)
                {
                    stderr.WriteLine(stackTrace);
                }

                stderr.Flush();
            }
            catch (IOException)
            {
                // Standard error is gone too: the exit code is all that is left to say it.
            }

            return ExitCodes.Failure;
        }
    }
}
