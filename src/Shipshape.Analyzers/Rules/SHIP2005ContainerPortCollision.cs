using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Shipshape.Analyzers.Rules;

/// <summary>Two containers of one pod (or one container twice) declare the same constant port and protocol.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SHIP2005ContainerPortCollision : BuilderAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ContainerPortCollision,
        title: "Port collision inside a pod",
        messageFormat: "Port {0}/{1} of container '{2}' is already declared by {3} on line {4}; containers of a pod share one network namespace, so only one of them can bind it: use a different port",
        category: RuleCategories.Consistency,
        defaultSeverity: EngineRules.DefaultSeverity(RuleIds.ContainerPortCollision),
        isEnabledByDefault: true,
        description: "All containers of a pod share its network namespace; two of them cannot listen on the same port and protocol.",
        helpLinkUri: HelpLinks.For(RuleIds.ContainerPortCollision));

    public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private protected override void AnalyzeObject(SyntaxNodeAnalysisContext context, BuilderTypes types, FluentChain chain)
    {
        if (!BuilderTypes.IsPodResource(chain.Type))
        {
            return;
        }

        var seen = new Dictionary<(int Port, int Protocol), (string Container, Location Location)>();
        var index = 0;
        foreach (var container in chain.Inline("Container", "container", context.SemanticModel, context.CancellationToken))
        {
            var name = container.ConstantName ?? $"#{index + 1}";
            index++;
            foreach (var port in container.CallsNamed("Port"))
            {
                var protocolArgument = port.Argument("protocol");
                if (port.Argument("containerPort") is not { } numberArgument || FluentCall.Constant(numberArgument) is not int number
                    || (protocolArgument is not null && FluentCall.Constant(protocolArgument) is not int))
                {
                    continue;
                }

                // Protocol is an enum whose first member, TCP, is Kubernetes' default.
                var protocol = FluentCall.Constant(protocolArgument) as int? ?? 0;
                var location = numberArgument.Syntax.GetLocation();
                if (seen.TryGetValue((number, protocol), out var first))
                {
                    var owner = first.Container == name ? "the same container" : $"container '{first.Container}'";
                    var line = first.Location.GetLineSpan().StartLinePosition.Line + 1;
                    context.ReportDiagnostic(Diagnostic.Create(Rule, location, number, ProtocolName(protocol), name, owner, line));
                }
                else
                {
                    seen[(number, protocol)] = (name, location);
                }
            }
        }
    }

    private static string ProtocolName(int protocol) => protocol switch
    {
        1 => "UDP",
        2 => "SCTP",
        _ => "TCP",
    };
}
