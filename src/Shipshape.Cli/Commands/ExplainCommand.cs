using System.CommandLine;
using Shipshape.Core.Rules;

namespace Shipshape.Cli.Commands;

/// <summary><c>shipshape explain ID</c>: prints the rule's documentation (rules/ID.md, embedded in the tool).</summary>
public static class ExplainCommand
{
    public static Command Create(TextWriter stdout)
    {
        var id = new Argument<string>("id") { Description = "Rule ID, such as SHIP2005" };
        var command = new Command("explain", "Print a rule's documentation") { id };
        command.SetAction(parse =>
        {
            var requested = parse.GetValue(id)!;
            var rule = RuleCatalog.Find(requested) ?? throw new UsageException($"no rule '{requested}'; 'shipshape rules' lists them");
            stdout.Write(RuleDocs.Get(rule.Id) ?? $"{rule.Id}: {rule.Title}\n\n{rule.Description}\n");
            return ExitCodes.Clean;
        });
        return command;
    }
}
