using Shipshape.Core.Analysis;
using Shipshape.Core.Model;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Rules.Security;

/// <summary>
/// A container's command or args pass a credential as a literal: <c>--password=hunter2</c>, <c>--token abc…</c>, or a
/// value with the shape of a private key or a provider's token.
/// </summary>
public sealed class SHIP3047SecretInCommandArgs : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.SecretInCommandArgs,
        title: "Secret in a container's command or args",
        messageFormat: "The {0} list of {1} holds {2} as plain text; it is visible in the manifest, in kubectl describe and in the process list of the node: put it in a Secret and pass it as $(VAR) from an env var with valueFrom.secretKeyRef, or mount it as a file",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "Command lines are stored with the pod spec and shown by many tools; a credential written there leaks to anyone who can read the pod.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            foreach (var field in (string[])["command", "args"])
            {
                var items = container.Node.Sequence(field)?.Scalars.Where(i => !i.IsNull).ToArray() ?? [];
                for (var i = 0; i < items.Length; i++)
                {
                    if (Credential(items, i) is { } what)
                    {
                        context.Report(Rule, items[i], field, container.Describe(), what);
                    }
                }
            }
        }
    }

    /// <summary>What credential item <paramref name="index"/> passes, or null: a flag with its value, or a recognisable token.</summary>
    private static string? Credential(ScalarNode[] items, int index)
    {
        var text = items[index].Value;
        if (SecretShapes.Recognize(text) is { } shape)
        {
            return shape;
        }

        // Shell scripts (sh -c "...") hold many words in one item; each word is read as a separate argument.
        string[] words = text.Length > 4096 ? [] : text.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w];
            if (!word.StartsWith('-'))
            {
                // An assignment before a command (PGPASSWORD=s3cret psql …), or a setting (--set auth.password=…).
                if (word.IndexOf('=') is > 0 and var assignment && SecretShapes.IsCredentialName(word[..assignment])
                    && IsLiteral(word[(assignment + 1)..]))
                {
                    return $"a literal value for '{word[..assignment]}'";
                }

                continue;
            }

            var flag = word.TrimStart('-');
            var equals = flag.IndexOf('=');
            string? value;
            if (equals >= 0)
            {
                value = flag[(equals + 1)..];
                flag = flag[..equals];
            }
            else
            {
                // "--password hunter2": the value is the next word, or the next item when the flag ends this one.
                value = w + 1 < words.Length ? words[w + 1] : words.Length == 1 && index + 1 < items.Length ? items[index + 1].Value : null;
            }

            if (value is not null && SecretShapes.IsCredentialFlag(flag) && IsLiteral(value))
            {
                return $"a literal value for '{word.Split('=')[0]}'";
            }
        }

        return null;
    }

    /// <summary>
    /// A value written out, not taken from elsewhere ($(VAR), $VAR, a file path, a flag) nor a switch or an empty
    /// string; read without the quotes and the SQL or list punctuation of a script (MASTER_PASSWORD='',).
    /// </summary>
    private static bool IsLiteral(string word)
    {
        var value = word.TrimEnd(',', ';', ')').Trim('"', '\'');
        return value.Any(char.IsLetterOrDigit) && !value.StartsWith('-') && !SecretShapes.IsReferenceOrPlaceholder(value);
    }
}
