using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Shipshape.Analyzers.Rules;

/// <summary>
/// A hand-built Service forwards to a target port (number or name) that no container of the pods it selects
/// declares, where the Service and those pods are built with constants in the same file: the builder twin of
/// manifest rule SHIP2003. <c>ExposeViaService()</c> takes its ports from the workload, so it is never reported;
/// <c>ExposeViaService(containerPort: 9999)</c> is, when no container of the workload declares 9999 (the builder
/// would throw at run time).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SHIP5002ServiceTargetPortNotDeclared : BuilderAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ServiceTargetPortNotDeclared,
        title: "Service targets a port no container of the selected pods declares",
        messageFormat: "{0} forwards port {1} to target port {2}, but no container of the pods it selects ({3}) declares it; they declare {4}: target one of those ports, or declare the port with Container.Port(...)",
        category: RuleCategories.Builder,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A Service sends traffic to its targetPort on the pods it selects; a port no container listens on, or a port name no container declares, leaves the Service without a working endpoint.",
        helpLinkUri: HelpLinks.For(RuleIds.ServiceTargetPortNotDeclared));

    /// <summary>ServiceType.ExternalName: such a Service selects no pods.</summary>
    private const int ExternalNameType = 3;

    public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private protected override void AnalyzeObject(SyntaxNodeAnalysisContext context, BuilderTypes types, FluentChain chain)
    {
        var (model, cancellationToken) = (context.SemanticModel, context.CancellationToken);
        if (chain.MadeByHelper is { } helper)
        {
            CheckExposedPort(context, types, chain, helper);
            return;
        }

        if (!SymbolEqualityComparer.Default.Equals(chain.Type, types.Service)
            || chain.CallsNamed("ExternalName").Any()
            || chain.CallsNamed("Type").Any(call => FluentCall.Constant(call.Argument("type")) is not int type || type == ExternalNameType)
            || ConstantLabels(chain, "Selector") is not { Count: > 0 } selector
            || !TryConstantNamespace(chain, out var serviceNamespace)
            || !chain.ConfiguresWholeObject(types, model, cancellationToken))
        {
            return;
        }

        var selected = new List<PodOwner>();
        foreach (var creation in chain.Top.SyntaxTree.GetRoot(cancellationToken).DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            if (model.GetTypeInfo(creation, cancellationToken).Type is not { } type || !BuilderTypes.IsPodResource(type))
            {
                continue;
            }

            var owner = PodOwner.Read(FluentChain.Follow(creation, type, model, cancellationToken), types, model, cancellationToken);
            if (owner is null)
            {
                return; // Pods built with values known only at run time may be the ones this Service selects.
            }

            if (owner.Namespace == serviceNamespace && selector.All(label => owner.Labels.TryGetValue(label.Key, out var value) && value == label.Value))
            {
                if (owner.Ports is null)
                {
                    return;
                }

                selected.Add(owner);
            }
        }

        if (selected.Count == 0)
        {
            return; // Its pods are built elsewhere: unknown here, not wrong.
        }

        var declared = selected.SelectMany(owner => owner.Ports!).ToList();
        foreach (var port in chain.CallsNamed("Port"))
        {
            var targetArgument = port.Argument("targetPort");
            var protocolArgument = port.Argument("protocol");
            if (port.Argument("port") is not { } numberArgument || FluentCall.Constant(numberArgument) is not int number
                || (protocolArgument is not null && FluentCall.Constant(protocolArgument) is not int)
                || (targetArgument ?? numberArgument) is not { } where || FluentCall.Constant(where) is not { } target)
            {
                continue;
            }

            var protocol = FluentCall.Constant(protocolArgument) as int? ?? 0;
            if (declared.Any(p => p.Protocol == protocol && (target is int targetNumber ? p.Number == targetNumber : p.Name == target as string))
                || (target is int && declared.Count == 0))
            {
                continue; // Kubernetes routes a numeric target whether or not it is declared; only declared ports show a mistake.
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                where.Syntax.GetLocation(),
                chain.Description,
                number,
                target,
                string.Join(", ", selected.Select(owner => owner.Description)),
                DescribePorts(declared)));
        }
    }

    /// <summary><c>web.ExposeViaService(containerPort: 9999)</c>, where the code shows every port of <c>web</c> and none is 9999.</summary>
    private static void CheckExposedPort(SyntaxNodeAnalysisContext context, BuilderTypes types, FluentChain chain, InvocationExpressionSyntax helper)
    {
        var (model, cancellationToken) = (context.SemanticModel, context.CancellationToken);
        if (model.GetOperation(helper, cancellationToken) is not IInvocationOperation { TargetMethod.Name: "ExposeViaService" } operation
            || new FluentCall(operation) is var call && call.Argument("containerPort") is not { } portArgument
            || FluentCall.Constant(portArgument) is not int containerPort
            || helper.Expression is not MemberAccessExpressionSyntax access
            || FluentChain.Building(access.Expression, types, model, cancellationToken) is not { } owner
            || PodOwner.DeclaredPorts(owner, model, cancellationToken) is not { } declared
            || declared.Any(port => port.Number == containerPort))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            portArgument.Syntax.GetLocation(),
            chain.SentenceDescription,
            FluentCall.Constant(call.Argument("servicePort")) as int? ?? containerPort,
            containerPort,
            owner.Description,
            DescribePorts(declared)));
    }

    /// <summary>The pairs given to the chain's <paramref name="method"/> calls, or null when one is not a constant.</summary>
    private static Dictionary<string, string>? ConstantLabels(FluentChain chain, string method)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var call in chain.CallsNamed(method))
        {
            if (call.ConstantString("key") is not { } key || call.ConstantString("value") is not { } value)
            {
                return null;
            }

            labels[key] = value;
        }

        return labels;
    }

    /// <summary>The chain's namespace (null when it sets none), or false when it is not a constant.</summary>
    private static bool TryConstantNamespace(FluentChain chain, out string? objectNamespace)
    {
        objectNamespace = null;
        foreach (var call in chain.CallsNamed("Namespace"))
        {
            objectNamespace = call.ConstantString("name");
            if (objectNamespace is null)
            {
                return false;
            }
        }

        return true;
    }

    private static string DescribePorts(List<DeclaredPort> ports)
    {
        var described = ports.GroupBy(p => p.Number).Select(g => (g.FirstOrDefault(p => p.Name is not null) ?? g.First()).Description).ToList();
        return described.Count == 0 ? "no ports" : Shipshape.Core.Analysis.ProseList.JoinWithAnd(described);
    }

    /// <summary>A container port; the protocol as the builder's Protocol enum value (0 is TCP, Kubernetes' default).</summary>
    private sealed class DeclaredPort(int number, string? name, int protocol)
    {
        public int Number { get; } = number;

        public string? Name { get; } = name;

        public int Protocol { get; } = protocol;

        public string Description => Name is null ? $"{Number}" : $"{Number} ({Name})";
    }

    /// <summary>A Pod, Deployment or ReplicaSet as its constant builder calls describe it.</summary>
    private sealed class PodOwner
    {
        private PodOwner(string description, string? ownerNamespace, Dictionary<string, string> labels, List<DeclaredPort>? ports)
        {
            Description = description;
            Namespace = ownerNamespace;
            Labels = labels;
            Ports = ports;
        }

        public string Description { get; }

        public string? Namespace { get; }

        /// <summary>The labels its pods carry: a workload's template labels, a Pod's own labels.</summary>
        public Dictionary<string, string> Labels { get; }

        /// <summary>The ports its containers declare, or null when a container or port is not written inline with constants.</summary>
        public List<DeclaredPort>? Ports { get; }

        /// <summary>The owner, or null when its namespace or pod labels are not constants or it is configured outside its chain.</summary>
        public static PodOwner? Read(FluentChain chain, BuilderTypes types, SemanticModel model, CancellationToken cancellationToken)
        {
            var labels = ConstantLabels(chain, BuilderTypes.IsWorkload(chain.Type) ? "TemplateLabel" : "Label");
            if (labels is null || !TryConstantNamespace(chain, out var ownerNamespace) || !chain.ConfiguresWholeObject(types, model, cancellationToken))
            {
                return null;
            }

            return new PodOwner(chain.Description, ownerNamespace, labels, DeclaredPorts(chain, model, cancellationToken));
        }

        /// <summary>The ports the chain's containers declare, or null when a container or port is not written inline with constants.</summary>
        public static List<DeclaredPort>? DeclaredPorts(FluentChain chain, SemanticModel model, CancellationToken cancellationToken)
        {
            var containers = chain.Inline("Container", "container", model, cancellationToken).ToList();
            if (containers.Count != chain.CallsNamed("Container").Count())
            {
                return null; // A container built elsewhere.
            }

            var ports = new List<DeclaredPort>();
            foreach (var port in containers.SelectMany(container => container.CallsNamed("Port")))
            {
                var nameArgument = port.Argument("name");
                var protocolArgument = port.Argument("protocol");
                if (FluentCall.Constant(port.Argument("containerPort")) is not int number
                    || (nameArgument is not null && FluentCall.Constant(nameArgument) is not string)
                    || (protocolArgument is not null && FluentCall.Constant(protocolArgument) is not int))
                {
                    return null;
                }

                ports.Add(new DeclaredPort(number, FluentCall.Constant(nameArgument) as string, FluentCall.Constant(protocolArgument) as int? ?? 0));
            }

            return ports;
        }
    }
}
