using System.CommandLine;
using System.CommandLine.Parsing;

namespace Shipshape.Cli;

/// <summary>
/// The values of a repeatable option or a variadic argument as a string array made directly from the words given.
/// System.CommandLine would make it through Array.CreateInstance, even for an option that is not given, and in the
/// NativeAOT binary that starts the reflection runtime: about half a millisecond of a one-file lint.
/// </summary>
public static class WordList
{
    public static Option<string[]> Repeatable(Option<string[]> option)
    {
        option.CustomParser = Words;
        option.DefaultValueFactory = _ => [];
        return option;
    }

    public static Argument<string[]> Variadic(Argument<string[]> argument)
    {
        argument.CustomParser = Words;
        return argument;
    }

    private static string[] Words(ArgumentResult result) => [.. result.Tokens.Select(token => token.Value)];
}
