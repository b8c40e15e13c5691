using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Shipshape.Cli.Commands;

/// <summary>A subcommand of the root by its name, made only when the command line needs it.</summary>
public sealed record Subcommand(string Name, Func<Command> Create);

/// <summary>
/// The command at the root of the tree. System.CommandLine's <see cref="RootCommand"/> costs a one-file lint about a
/// millisecond to build: it finds the executable's name through reflection and loads the localized descriptions of
/// its --help and --version options from resources. The root here is a plain command named shipshape with the same
/// two options, written out: same names, texts and behaviour. Only a directive (<c>[suggest:N]</c>, which the shell
/// completion scripts send) needs the real <see cref="RootCommand"/>, the one command that parses directives.
/// </summary>
public static class CommandRoot
{
    public const string Name = "shipshape";

    /// <summary>
    /// The root with <paramref name="subcommands"/> and <paramref name="options"/>, then --help and --version. When the
    /// first argument names a subcommand, only that one is made: the words after it are that command's and never a
    /// sibling's, so the others (their options, descriptions and defaults, a third of a one-file lint's start-up) are
    /// not needed. Anything else (no arguments, a typo, --help, a directive) gets them all.
    /// </summary>
    public static Command Create(string description, IReadOnlyList<string> args, IReadOnlyList<Subcommand> subcommands, params IEnumerable<Option> options)
    {
        var isDirective = args.Count > 0 && args[0].StartsWith('[');
        var root = isDirective ? new RootCommand(description) : new Command(Name, description);
        foreach (var subcommand in Needed(subcommands, args))
        {
            var command = subcommand.Create();
            if (command.Name != subcommand.Name)
            {
                throw new InvalidOperationException($"The subcommand registered as '{subcommand.Name}' is named '{command.Name}'.");
            }

            root.Add(command);
        }

        foreach (var option in options)
        {
            root.Add(option);
        }

        if (!isDirective)
        {
            root.Add(CreateHelp());
            root.Add(CreateVersion());
        }

        return root;
    }

    private static IEnumerable<Subcommand> Needed(IReadOnlyList<Subcommand> subcommands, IReadOnlyList<string> args)
    {
        foreach (var subcommand in subcommands)
        {
            if (args.Count > 0 && subcommand.Name == args[0])
            {
                return [subcommand];
            }
        }

        return subcommands;
    }

    /// <summary>True for the root, whichever of the two kinds <see cref="Create"/> made.</summary>
    public static bool IsRoot(CommandResult result) => result.Parent is null;

    private static Option<bool> CreateHelp() => new("--help", "-h", "/h", "-?", "/?")
    {
        Description = "Show help and usage information",
        Recursive = true,
        Arity = ArgumentArity.Zero,
        Action = new HelpAction(),
    };

    private static Option<bool> CreateVersion()
    {
        var version = new Option<bool>("--version")
        {
            Description = "Show version information",
            Arity = ArgumentArity.Zero,
            Action = new PrintVersion(),
        };
        version.Validators.Add(result =>
        {
            // Options not on the command line (--verbose's default, this option's own) are results too, but implicit ones.
            if (result is { Implicit: false, Parent: CommandResult command } && command.Children.Any(child => child != result && child is not OptionResult { Implicit: true }))
            {
                result.AddError("The --version option cannot be combined with other arguments: give it alone.");
            }
        });
        return version;
    }

    /// <summary>Prints the informational version, as System.CommandLine's own --version does.</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(ToolInfo.InformationalVersion);
            return ExitCodes.Clean;
        }
    }
}
