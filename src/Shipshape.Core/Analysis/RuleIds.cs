namespace Shipshape.Core.Analysis;

/// <summary>
/// Every rule ID in one place. IDs are never reused: a retired rule keeps its number.
/// Ranges: 0xxx input, 1xxx schema and API versions, 2xxx cross-resource consistency,
/// 3xxx security, 4xxx reliability and good practice, 5xxx builder analyzers.
/// </summary>
public static class RuleIds
{
    public const string YamlSyntaxError = "SHIP0001";
    public const string DuplicateKey = "SHIP0002";
    public const string NotAKubernetesObject = "SHIP0003";
    public const string InputLimitExceeded = "SHIP0004";
    public const string InvalidSuppression = "SHIP0005";
    public const string UnreadableFile = "SHIP0006";
    public const string UnrenderedTemplate = "SHIP0007";

    public const string SchemaViolation = "SHIP1001";
    public const string UnknownField = "SHIP1002";
    public const string NoSchema = "SHIP1003";
    public const string ApiRemoved = "SHIP1004";
    public const string ApiDeprecated = "SHIP1005";
    public const string ContainerPortOutOfRange = "SHIP1006";
    public const string ContainerPortNameInvalid = "SHIP1007";
    public const string DuplicatePortName = "SHIP1008";
    public const string JobRestartPolicyInvalid = "SHIP1009";
    public const string TopologySpreadInvalid = "SHIP1010";
    public const string CronJobScheduleInvalid = "SHIP1011";
    public const string RequestAboveLimit = "SHIP1012";
    public const string ProbeHandlerCount = "SHIP1013";
    public const string HpaMinAboveMax = "SHIP1014";
    public const string WorkloadRestartPolicyInvalid = "SHIP1015";
    public const string DeprecatedServiceAccountField = "SHIP1016";
    public const string CelRuleInvalid = "SHIP1017";

    public const string WorkloadSelectorMismatch = "SHIP2001";
    public const string ServiceSelectsNothing = "SHIP2002";
    public const string ServiceTargetPortNotExposed = "SHIP2003";
    public const string IngressBackendNotFound = "SHIP2004";
    public const string ContainerPortCollision = "SHIP2005";
    public const string DuplicateContainerName = "SHIP2006";
    public const string DuplicateObject = "SHIP2007";
    public const string AutoscalerTargetNotFound = "SHIP2008";
    public const string DisruptionBudgetSelectsNothing = "SHIP2009";
    public const string NetworkPolicySelectsNothing = "SHIP2010";
    public const string PodReferenceNotFound = "SHIP2011";
    public const string StatefulSetServiceNotHeadless = "SHIP2012";
    public const string IngressReferenceNotFound = "SHIP2013";
    public const string RouteBackendNotFound = "SHIP2014";
    public const string RouteParentNotFound = "SHIP2015";
    public const string RouteNotAllowedByListener = "SHIP2016";
    public const string NetworkPolicyPeerSelectsNothing = "SHIP2017";

    public const string PrivilegedContainer = "SHIP3001";
    public const string PrivilegeEscalationAllowed = "SHIP3002";
    public const string RunAsNonRootNotSet = "SHIP3003";
    public const string HostNamespaceShared = "SHIP3004";
    public const string SensitiveHostPath = "SHIP3005";
    public const string WritableHostPath = "SHIP3006";
    public const string DangerousCapability = "SHIP3007";
    public const string NetRawNotDropped = "SHIP3008";
    public const string WritableRootFilesystem = "SHIP3009";
    public const string HostPortSet = "SHIP3010";
    public const string SecretInEnvValue = "SHIP3011";
    public const string ServiceAccountTokenAutomounted = "SHIP3012";
    public const string IngressNginxSnippet = "SHIP3013";
    public const string RunAsRootGroup = "SHIP3014";
    public const string WindowsHostProcess = "SHIP3015";
    public const string CapabilityBeyondBaseline = "SHIP3016";
    public const string HostPathVolume = "SHIP3017";
    public const string AppArmorUnconfined = "SHIP3018";
    public const string SeLinuxOptionsUnsafe = "SHIP3019";
    public const string ProcMountUnmasked = "SHIP3020";
    public const string SeccompUnconfined = "SHIP3021";
    public const string UnsafeSysctl = "SHIP3022";
    public const string VolumeTypeNotAllowed = "SHIP3023";
    public const string RunAsRootUser = "SHIP3024";
    public const string SeccompProfileMissing = "SHIP3025";
    public const string CapabilitiesNotRestricted = "SHIP3026";
    public const string ClusterAdminBinding = "SHIP3040";
    public const string RbacWildcard = "SHIP3041";
    public const string SecretsReadAccess = "SHIP3042";
    public const string PodExecAccess = "SHIP3043";
    public const string RbacEscalationVerb = "SHIP3044";
    public const string BroadSubjectBinding = "SHIP3045";
    public const string SecretInConfigMap = "SHIP3046";
    public const string SecretInCommandArgs = "SHIP3047";
    public const string WorkloadNotIsolated = "SHIP3048";
    public const string PodCreationAccess = "SHIP3049";
    public const string IngressWithoutTls = "SHIP3050";
    public const string DefaultServiceAccount = "SHIP3051";
    public const string ServiceExposedOutsideCluster = "SHIP3052";
    public const string PrivilegedPort = "SHIP3053";
    public const string SecretExposedAsEnv = "SHIP3054";
    public const string SshPortExposed = "SHIP3055";

    public const string ImageTagLatest = "SHIP4001";
    public const string PullPolicyKeepsStaleImage = "SHIP4002";
    public const string ResourceRequestsMissing = "SHIP4003";
    public const string MemoryLimitMissing = "SHIP4004";
    public const string ReadinessProbeMissing = "SHIP4005";
    public const string LivenessProbeMissing = "SHIP4006";
    public const string ProbePortNotDeclared = "SHIP4007";
    public const string SingleReplica = "SHIP4008";
    public const string RolloutCannotProgress = "SHIP4009";
    public const string ServicePortUnnamed = "SHIP4010";
    public const string NodePortOutOfRange = "SHIP4011";
    public const string ExternalNameMisconfigured = "SHIP4012";
    public const string InvalidObjectName = "SHIP4013";
    public const string InvalidLabel = "SHIP4014";
    public const string DuplicateEnvName = "SHIP4015";
    public const string DefaultNamespace = "SHIP4016";
    public const string ProbeOnUdpPort = "SHIP4017";
    public const string TopologySpreadWithoutSelector = "SHIP4018";
    public const string DisruptionBudgetBlocksEviction = "SHIP4019";
    public const string ReplicasNotSpread = "SHIP4020";
    public const string ReplicasManagedByAutoscaler = "SHIP4021";
    public const string SelectorIncludesVersion = "SHIP4022";
    public const string DisruptionBudgetMissing = "SHIP4023";
    public const string DisruptionBudgetBlocksAutoscaledEviction = "SHIP4024";
    public const string AutoscalerMinReplicasLow = "SHIP4025";
    public const string JobWithoutTtl = "SHIP4026";
    public const string UnhealthyPodEvictionPolicyUnset = "SHIP4027";
    public const string DisruptionBudgetWithoutPolicy = "SHIP4028";
    public const string CronJobWithoutDeadline = "SHIP4029";
    public const string ProbesIdentical = "SHIP4030";
    public const string DnsNdotsNotSet = "SHIP4031";
    public const string NodeAffinityMissing = "SHIP4032";
    public const string UpdateStrategyNotRolling = "SHIP4033";
    public const string CpuLimitMissing = "SHIP4034";
    public const string InstanceLabelMismatch = "SHIP4035";
    public const string PullPolicyNotAlways = "SHIP4036";
    public const string RequestsNotEqualLimits = "SHIP4037";
    public const string EphemeralStorageLimitMissing = "SHIP4038";
    public const string PriorityClassMissing = "SHIP4039";
}
