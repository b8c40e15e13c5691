namespace Shipshape.Core.Analysis;

/// <summary>
/// The Pod Security Standards profile whose control a rule checks (kubernetes.io/docs/concepts/security/pod-security-standards).
/// The restricted profile includes every baseline control, so a restricted check runs the rules of both.
/// </summary>
public enum PodSecurityProfile
{
    /// <summary>The rule is not a Pod Security Standards control.</summary>
    None,

    /// <summary>A control of the baseline profile: it prevents known privilege escalations.</summary>
    Baseline,

    /// <summary>A control the restricted profile adds: current pod hardening practice.</summary>
    Restricted,
}
