using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Schema;

/// <summary>A CronJob's <c>schedule</c> is not a five-field cron expression or a descriptor, or its <c>timeZone</c> is not an IANA zone name.</summary>
public sealed class SHIP1011CronJobScheduleInvalid : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.CronJobScheduleInvalid,
        title: "CronJob schedule or time zone is not valid",
        messageFormat: "{0}",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Error,
        description: "The API server parses the schedule as standard cron (five fields, or @hourly, @daily, @every 1h …) and the timeZone as an IANA zone name; the OpenAPI schema says only 'string'.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private static readonly (string Name, int Min, int Max, string[]? Names)[] CronFields =
    [
        ("minute", 0, 59, null),
        ("hour", 0, 23, null),
        ("day of month", 1, 31, null),
        ("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        ("day of week", 0, 6, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeCronJob, "CronJob");

    private static void AnalyzeCronJob(ObjectAnalysisContext context)
    {
        var spec = context.Object.Spec;
        var owner = context.Object.Identity.Describe();
        if (spec?.Scalar("schedule") is { IsNull: false } schedule && ScheduleProblem(schedule.Value) is { } problem)
        {
            context.Report(Rule, schedule, $"Schedule '{schedule.Value}' of {owner} is not valid: {problem}; the API server rejects the CronJob. Use five fields (minute hour day-of-month month day-of-week), e.g. '*/15 * * * *', or @hourly, @daily, @weekly");
        }

        if (spec?.Scalar("timeZone") is { IsNull: false } zone && TimeZoneProblem(zone.Value) is { } zoneProblem)
        {
            context.Report(Rule, zone, $"Time zone '{zone.Value}' of {owner} is not an IANA zone name: {zoneProblem}; the API server rejects the CronJob. Use a name such as 'Etc/UTC' or 'Europe/Berlin'");
        }
    }

    internal static string? ScheduleProblem(string schedule)
    {
        var text = schedule.Trim();
        if (text.StartsWith("TZ=", StringComparison.Ordinal) || text.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            return "a time zone in the schedule is not allowed, set spec.timeZone instead";
        }

        if (text.StartsWith('@'))
        {
            return text is "@yearly" or "@annually" or "@monthly" or "@weekly" or "@daily" or "@midnight" or "@hourly"
                || (text.StartsWith("@every ", StringComparison.Ordinal) && text.Length > "@every ".Length)
                ? null
                : $"'{text}' is not a known descriptor";
        }

        var fields = text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != CronFields.Length)
        {
            return $"it has {fields.Length} fields, cron needs {CronFields.Length}";
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (FieldProblem(fields[i], CronFields[i]) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? FieldProblem(string field, (string Name, int Min, int Max, string[]? Names) spec)
    {
        foreach (var item in field.Split(','))
        {
            var range = item;
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(item.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var step) || step < 1)
                {
                    return $"the step in '{item}' ({spec.Name}) must be a positive number";
                }

                range = item[..slash];
            }

            if (range is "*" or "?")
            {
                continue;
            }

            var dash = range.IndexOf('-', StringComparison.Ordinal);
            var low = dash >= 0 ? range[..dash] : range;
            var high = dash >= 0 ? range[(dash + 1)..] : null;
            var from = Value(low, spec);
            var to = high is null ? from : Value(high, spec);
            if (from is null || to is null)
            {
                return $"'{item}' is not a {spec.Name} from {spec.Min} to {spec.Max}";
            }

            if (to < from)
            {
                return $"the range '{item}' ({spec.Name}) ends before it starts";
            }
        }

        return null;
    }

    private static int? Value(string text, (string Name, int Min, int Max, string[]? Names) spec)
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number >= spec.Min && number <= spec.Max ? number : null;
        }

        if (spec.Names is { } names)
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (string.Equals(names[i], text, StringComparison.OrdinalIgnoreCase))
                {
                    return i + spec.Min;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What makes <paramref name="zone"/> unlike an IANA zone name ("UTC", "Etc/GMT+5", "America/Argentina/Buenos_Aires"),
    /// or null. Only the shape is checked: whether the zone exists depends on the cluster's tz database.
    /// </summary>
    internal static string? TimeZoneProblem(string zone)
    {
        if (zone.Length == 0)
        {
            return "it is empty";
        }

        if (string.Equals(zone, "Local", StringComparison.OrdinalIgnoreCase))
        {
            return "'Local' depends on the controller's machine, so it is not allowed";
        }

        foreach (var part in zone.Split('/'))
        {
            if (part.Length == 0 || !char.IsAsciiLetter(part[0]))
            {
                return "each part between '/' must start with a letter";
            }

            foreach (var c in part)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+'))
                {
                    return $"'{c}' does not occur in zone names";
                }
            }
        }

        return null;
    }
}
