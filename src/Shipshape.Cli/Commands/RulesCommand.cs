using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Shipshape.Core.Analysis;
using Shipshape.Core.Rules;

namespace Shipshape.Cli.Commands;

/// <summary><c>shipshape rules [--format json]</c>: every rule with its ID, category, default severity and title.</summary>
public static class RulesCommand
{
    public static Command Create(TextWriter stdout)
    {
        var format = new Option<string>("--format", "-f") { Description = "Listing format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("rules", "List the rules") { format };
        command.SetAction(parse =>
        {
            if (parse.GetValue(format) == "json")
            {
                WriteJson(stdout);
            }
            else
            {
                foreach (var rule in RuleCatalog.Descriptors)
                {
                    var state = rule.IsEnabledByDefault ? rule.DefaultSeverity.ToName() : "off";
                    stdout.WriteLine($"{rule.Id}  {state,-7}  {rule.Category,-12}  {rule.Title}");
                }
            }

            return ExitCodes.Clean;
        });
        return command;
    }

    private static void WriteJson(TextWriter stdout)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var rule in RuleCatalog.Descriptors)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("title", rule.Title);
                json.WriteString("category", rule.Category);
                json.WriteString("defaultSeverity", rule.DefaultSeverity.ToName());
                json.WriteBoolean("enabledByDefault", rule.IsEnabledByDefault);
                json.WriteString("description", rule.Description);
                json.WriteString("helpUri", rule.HelpLink);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
