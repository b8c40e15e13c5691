using System.CommandLine;

namespace Shipshape.Cli.Commands;

/// <summary>
/// <c>shipshape completion bash|zsh|fish|powershell</c>: prints a script that wires the shell's completion to
/// System.CommandLine's <c>[suggest:POSITION]</c> directive, so the completions always match this version's commands,
/// options and values. Load it from the shell's start-up file (the README shows how for each shell).
/// </summary>
public static class CompletionCommand
{
    private static readonly Dictionary<string, string> Scripts = new(StringComparer.Ordinal)
    {
        ["bash"] = """
            _shipshape_complete() {
              local IFS=$'\n'
              COMPREPLY=($(shipshape "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null))
            }
            complete -o default -F _shipshape_complete shipshape
            """,
        ["zsh"] = """
            _shipshape_complete() {
              local -a completions
              completions=("${(@f)$(shipshape "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
              compadd -a completions
              _files
            }
            compdef _shipshape_complete shipshape
            """,
        ["fish"] = """
            complete -c shipshape -a '(shipshape "[suggest:"(string length -- (commandline -cp))"]" (commandline -cp) 2>/dev/null)'
            """,
        ["powershell"] = """
            Register-ArgumentCompleter -Native -CommandName shipshape -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                shipshape "[suggest:$cursorPosition]" "$commandAst" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }
            """,
    };

    public static Command Create(TextWriter stdout)
    {
        var shell = new Argument<string>("shell") { Description = "The shell to complete in" };
        shell.AcceptOnlyFromAmong([.. Scripts.Keys]);
        var command = new Command("completion", "Print the shell completion script for bash, zsh, fish or powershell") { shell };
        command.SetAction(parse =>
        {
            stdout.WriteLine(Scripts[parse.GetValue(shell)!]);
            return ExitCodes.Clean;
        });
        return command;
    }
}
