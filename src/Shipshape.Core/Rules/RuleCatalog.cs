using Shipshape.Core.Analysis;
using Shipshape.Core.Rules.Consistency;
using Shipshape.Core.Rules.Input;
using Shipshape.Core.Rules.Schema;
using Shipshape.Core.Rules.Reliability;
using Shipshape.Core.Rules.Security;

namespace Shipshape.Core.Rules;

/// <summary>
/// Every built-in rule. Listed by hand rather than found by reflection so the NativeAOT binary stays
/// trim-safe and start-up does no scanning; a test fails when a rule class is missing here.
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<ManifestAnalyzer> All { get; } =
    [
        new SHIP0001YamlSyntaxError(),
        new SHIP0002DuplicateKey(),
        new SHIP0003NotAKubernetesObject(),
        new SHIP0004InputLimitExceeded(),
        new SHIP0005InvalidSuppression(),
        new SHIP0006UnreadableFile(),
        new SHIP0007UnrenderedTemplate(),
        new SHIP1001SchemaViolation(),
        new SHIP1002UnknownField(),
        new SHIP1003NoSchema(),
        new SHIP1004ApiRemoved(),
        new SHIP1005ApiDeprecated(),
        new SHIP1006ContainerPortOutOfRange(),
        new SHIP1007ContainerPortNameInvalid(),
        new SHIP1008DuplicatePortName(),
        new SHIP1009JobRestartPolicyInvalid(),
        new SHIP1010TopologySpreadInvalid(),
        new SHIP1011CronJobScheduleInvalid(),
        new SHIP1012RequestAboveLimit(),
        new SHIP1013ProbeHandlerCount(),
        new SHIP1014HpaMinAboveMax(),
        new SHIP1015WorkloadRestartPolicyInvalid(),
        new SHIP1016DeprecatedServiceAccountField(),
        new SHIP1017CelRuleInvalid(),
        new SHIP2001WorkloadSelectorMismatch(),
        new SHIP2002ServiceSelectsNothing(),
        new SHIP2003ServiceTargetPortNotExposed(),
        new SHIP2004IngressBackendNotFound(),
        new SHIP2005ContainerPortCollision(),
        new SHIP2006DuplicateContainerName(),
        new SHIP2007DuplicateObject(),
        new SHIP2008AutoscalerTargetNotFound(),
        new SHIP2009DisruptionBudgetSelectsNothing(),
        new SHIP2010NetworkPolicySelectsNothing(),
        new SHIP2011PodReferenceNotFound(),
        new SHIP2012StatefulSetServiceNotHeadless(),
        new SHIP2013IngressReferenceNotFound(),
        new SHIP2014RouteBackendNotFound(),
        new SHIP2015RouteParentNotFound(),
        new SHIP2016RouteNotAllowedByListener(),
        new SHIP2017NetworkPolicyPeerSelectsNothing(),
        new SHIP3001PrivilegedContainer(),
        new SHIP3002PrivilegeEscalationAllowed(),
        new SHIP3003RunAsNonRootNotSet(),
        new SHIP3004HostNamespaceShared(),
        new SHIP3005SensitiveHostPath(),
        new SHIP3006WritableHostPath(),
        new SHIP3007DangerousCapability(),
        new SHIP3008NetRawNotDropped(),
        new SHIP3009WritableRootFilesystem(),
        new SHIP3010HostPortSet(),
        new SHIP3011SecretInEnvValue(),
        new SHIP3012ServiceAccountTokenAutomounted(),
        new SHIP3013IngressNginxSnippet(),
        new SHIP3014RunAsRootGroup(),
        new SHIP3015WindowsHostProcess(),
        new SHIP3016CapabilityBeyondBaseline(),
        new SHIP3017HostPathVolume(),
        new SHIP3018AppArmorUnconfined(),
        new SHIP3019SeLinuxOptionsUnsafe(),
        new SHIP3020ProcMountUnmasked(),
        new SHIP3021SeccompUnconfined(),
        new SHIP3022UnsafeSysctl(),
        new SHIP3023VolumeTypeNotAllowed(),
        new SHIP3024RunAsRootUser(),
        new SHIP3025SeccompProfileMissing(),
        new SHIP3026CapabilitiesNotRestricted(),
        new SHIP3040ClusterAdminBinding(),
        new SHIP3041RbacWildcard(),
        new SHIP3042SecretsReadAccess(),
        new SHIP3043PodExecAccess(),
        new SHIP3044RbacEscalationVerb(),
        new SHIP3045BroadSubjectBinding(),
        new SHIP3046SecretInConfigMap(),
        new SHIP3047SecretInCommandArgs(),
        new SHIP3048WorkloadNotIsolated(),
        new SHIP3049PodCreationAccess(),
        new SHIP3050IngressWithoutTls(),
        new SHIP3051DefaultServiceAccount(),
        new SHIP3052ServiceExposedOutsideCluster(),
        new SHIP3053PrivilegedPort(),
        new SHIP3054SecretExposedAsEnv(),
        new SHIP3055SshPortExposed(),
        new SHIP4001ImageTagLatest(),
        new SHIP4002PullPolicyKeepsStaleImage(),
        new SHIP4003ResourceRequestsMissing(),
        new SHIP4004MemoryLimitMissing(),
        new SHIP4005ReadinessProbeMissing(),
        new SHIP4006LivenessProbeMissing(),
        new SHIP4007ProbePortNotDeclared(),
        new SHIP4008SingleReplica(),
        new SHIP4009RolloutCannotProgress(),
        new SHIP4010ServicePortUnnamed(),
        new SHIP4011NodePortOutOfRange(),
        new SHIP4012ExternalNameMisconfigured(),
        new SHIP4013InvalidObjectName(),
        new SHIP4014InvalidLabel(),
        new SHIP4015DuplicateEnvName(),
        new SHIP4016DefaultNamespace(),
        new SHIP4017ProbeOnUdpPort(),
        new SHIP4018TopologySpreadWithoutSelector(),
        new SHIP4019DisruptionBudgetBlocksEviction(),
        new SHIP4020ReplicasNotSpread(),
        new SHIP4021ReplicasManagedByAutoscaler(),
        new SHIP4022SelectorIncludesVersion(),
        new SHIP4023DisruptionBudgetMissing(),
        new SHIP4024DisruptionBudgetBlocksAutoscaledEviction(),
        new SHIP4025AutoscalerMinReplicasLow(),
        new SHIP4026JobWithoutTtl(),
        new SHIP4027UnhealthyPodEvictionPolicyUnset(),
        new SHIP4028DisruptionBudgetWithoutPolicy(),
        new SHIP4029CronJobWithoutDeadline(),
        new SHIP4030ProbesIdentical(),
        new SHIP4031DnsNdotsNotSet(),
        new SHIP4032NodeAffinityMissing(),
        new SHIP4033UpdateStrategyNotRolling(),
        new SHIP4034CpuLimitMissing(),
        new SHIP4035InstanceLabelMismatch(),
        new SHIP4036PullPolicyNotAlways(),
        new SHIP4037RequestsNotEqualLimits(),
        new SHIP4038EphemeralStorageLimitMissing(),
        new SHIP4039PriorityClassMissing(),
    ];

    /// <summary>Every descriptor, sorted by ID.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors => SortedDescriptors;

    private static readonly DiagnosticDescriptor[] SortedDescriptors = SortById(All);

    /// <summary>
    /// The first descriptor of each ID, sorted. Written out rather than as a LINQ chain: every run builds this list
    /// (presets and suppressions look rules up in it), and the chain's first use cost a one-file lint 0.3 ms.
    /// </summary>
    private static DiagnosticDescriptor[] SortById(IReadOnlyList<ManifestAnalyzer> analyzers)
    {
        var byId = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var analyzer in analyzers)
        {
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                if (!byId.ContainsKey(descriptor.Id))
                {
                    byId[descriptor.Id] = descriptor;
                }
            }
        }

        var sorted = new DiagnosticDescriptor[byId.Count];
        byId.Values.CopyTo(sorted, 0);
        Array.Sort(sorted, static (left, right) => string.CompareOrdinal(left.Id, right.Id));
        return sorted;
    }

    public static DiagnosticDescriptor? Find(string id)
    {
        foreach (var descriptor in SortedDescriptors)
        {
            if (string.Equals(descriptor.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return descriptor;
            }
        }

        return null;
    }
}
