using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;
using Shipshape.Core.Rules;

namespace Shipshape.Core.Tests;

/// <summary>
/// The rules tagged with a Pod Security Standards profile are that profile's controls: run alone (as the
/// pss-baseline and pss-restricted presets will run them), a pod that satisfies the profile is clean, and taking
/// away one control's setting gives exactly that control's finding, naming the profile.
/// </summary>
public sealed class PodSecurityProfileTests
{
    private const string RestrictedPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          securityContext:
            runAsNonRoot: true
            runAsUser: 10001
            seccompProfile:
              type: RuntimeDefault
          containers:
            - name: web
              image: nginx:1.27
              ports:
                - containerPort: 8080
              securityContext:
                allowPrivilegeEscalation: false
                capabilities:
                  drop: [ALL]
                  add: [NET_BIND_SERVICE]
          volumes:
            - name: cache
              emptyDir: {}
        """;

    [Theory]
    [InlineData(PodSecurityProfile.Baseline)]
    [InlineData(PodSecurityProfile.Restricted)]
    public void A_pod_that_satisfies_the_restricted_profile_raises_no_control_of_either_profile(PodSecurityProfile profile)
    {
        Assert.Empty(LintWithControlsOf(profile, RestrictedPod).Findings());
    }

    [Fact]
    public void Removing_the_seccomp_profile_raises_one_restricted_finding_that_names_the_profile()
    {
        var withoutSeccomp = RestrictedPod.Replace("    seccompProfile:\n      type: RuntimeDefault\n", string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(RestrictedPod, withoutSeccomp);

        var report = LintWithControlsOf(PodSecurityProfile.Restricted, withoutSeccomp);

        Assert.Equal([$"{RuleIds.SeccompProfileMissing}@10:13"], report.Findings());
        Assert.Contains("restricted profile", report.Active.Single().Message, StringComparison.Ordinal);
        Assert.Empty(LintWithControlsOf(PodSecurityProfile.Baseline, withoutSeccomp).Findings());
    }

    [Fact]
    public void A_privileged_host_network_pod_raises_baseline_controls_that_name_the_profile()
    {
        var privileged = RestrictedPod
            .Replace("spec:\n  securityContext:", "spec:\n  hostNetwork: true\n  securityContext:", StringComparison.Ordinal)
            .Replace("allowPrivilegeEscalation: false", "privileged: true", StringComparison.Ordinal);

        var report = LintWithControlsOf(PodSecurityProfile.Baseline, privileged);

        Assert.Equal([RuleIds.PrivilegedContainer, RuleIds.HostNamespaceShared], report.Active.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(report.Active, d => Assert.Contains("baseline profile", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_control_names_its_profile_in_its_message()
    {
        var controls = RuleCatalog.Descriptors.Where(d => d.PodSecurityProfile != PodSecurityProfile.None).ToArray();

        Assert.True(controls.Length >= 17, $"only {controls.Length} rules are tagged as Pod Security Standards controls");
        Assert.All(controls, d => Assert.Contains($"{d.PodSecurityProfile.ToString().ToLowerInvariant()} profile", d.MessageFormat, StringComparison.Ordinal));
    }

    /// <summary>
    /// Lints <paramref name="yaml"/> with only the controls a profile enforces turned on: the restricted profile
    /// includes every baseline control.
    /// </summary>
    private static LintReport LintWithControlsOf(PodSecurityProfile profile, string yaml)
    {
        var severities = new Dictionary<string, Severity?>();
        foreach (var descriptor in RuleCatalog.Descriptors)
        {
            var enforced = descriptor.PodSecurityProfile != PodSecurityProfile.None && descriptor.PodSecurityProfile <= profile;
            severities[descriptor.Id] = enforced ? descriptor.DefaultSeverity : null;
        }

        return Lint.Text(yaml, options: new LintOptions { Threads = 1, Rules = new RuleSettings(severities, strict: false) });
    }
}
