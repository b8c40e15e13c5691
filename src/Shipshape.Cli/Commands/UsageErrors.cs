using System.CommandLine;
using Shipshape.Core.Analysis;
using System.CommandLine.Parsing;

namespace Shipshape.Cli.Commands;

/// <summary>
/// What is wrong with a command line, as one line: the first problem, a suggestion when a word looks like a misspelt
/// option or command, and where the help is. System.CommandLine would print every error and then the whole help on
/// standard output, which a script reading the report takes for the report.
/// </summary>
public static class UsageErrors
{
    /// <summary>Null when the command line can run.</summary>
    public static string? Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (UnknownOption(parse) is { } unknown)
        {
            return $"Unknown option '{unknown}'.{Suggest(unknown, command)} {HelpHint(parse)}";
        }

        if (parse.Errors.Count == 0)
        {
            return null;
        }

        if (parse.UnmatchedTokens.Count > 0)
        {
            var word = parse.UnmatchedTokens[0];
            return $"Unknown command or argument '{word}'.{Suggest(word, command)} {HelpHint(parse)}";
        }

        // The help of the command the faulty option or argument belongs to: a root option's (--version) is the root's.
        var error = parse.Errors[0];
        return $"{OneLine(error.Message)}. {HelpHint(CommandOf(error.SymbolResult) ?? parse.CommandResult)}";
    }

    /// <summary>System.CommandLine lists allowed values a line each, indented; here they follow one another.</summary>
    private static string OneLine(string message) =>
        message.Replace(":\n\t", ": ", StringComparison.Ordinal).Replace("\n\t", ", ", StringComparison.Ordinal).TrimEnd('.');

    /// <summary>
    /// A word that starts with a dash but names no option, given where a path goes (<c>lint --formt json</c>): a typo,
    /// never a path, unless it comes after <c>--</c>, which ends the options.
    /// </summary>
    private static string? UnknownOption(ParseResult parse)
    {
        var endOfOptions = -1;
        for (var i = 0; i < parse.Tokens.Count; i++)
        {
            if (parse.Tokens[i].Type == TokenType.DoubleDash)
            {
                endOfOptions = i;
                break;
            }
        }

        foreach (var argument in parse.CommandResult.Command.Arguments)
        {
            foreach (var token in parse.GetResult(argument)?.Tokens ?? [])
            {
                var position = IndexOf(parse.Tokens, token);
                var beforeEndOfOptions = endOfOptions < 0 || position < endOfOptions;
                if (beforeEndOfOptions && token.Value.Length > 1 && token.Value[0] == '-')
                {
                    return token.Value;
                }
            }
        }

        return null;
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Token token)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>" Did you mean '--format'?" for the option or subcommand closest in spelling, or nothing when none is close.</summary>
    private static string Suggest(string word, Command command)
    {
        var candidates = new List<string>();
        for (var symbol = (Command?)command; symbol is not null; symbol = symbol.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in symbol.Options)
            {
                if (symbol == command || option.Recursive)
                {
                    candidates.Add(option.Name);
                    candidates.AddRange(option.Aliases);
                }
            }

            if (symbol == command)
            {
                foreach (var subcommand in symbol.Subcommands)
                {
                    candidates.Add(subcommand.Name);
                }
            }
        }

        return Spelling.Closest(word, candidates) is { } best ? $" Did you mean '{best}'?" : string.Empty;
    }

    private static CommandResult? CommandOf(SymbolResult? symbol)
    {
        while (symbol is not null and not CommandResult)
        {
            symbol = symbol.Parent;
        }

        return symbol as CommandResult;
    }

    private static string HelpHint(ParseResult parse) => HelpHint(parse.CommandResult);

    private static string HelpHint(CommandResult command)
    {
        var names = new List<string>();
        for (var result = (SymbolResult?)command; result is CommandResult commandResult; result = result.Parent)
        {
            names.Insert(0, CommandRoot.IsRoot(commandResult) ? CommandRoot.Name : commandResult.Command.Name);
        }

        return $"Run '{string.Join(' ', names)} --help' for the usage.";
    }
}
