using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;
using Shipshape.Core.Schema;
using Shipshape.Core.Schema.Versions;

namespace Shipshape.Core.Tests.Schema;

/// <summary>Each embedded Kubernetes version validates as that release does, and API lifecycle comes from the specs.</summary>
public sealed class KubernetesVersionTests
{
    private const string PodWithHostnameOverride = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          hostnameOverride: web-0
          containers:
            - name: web
              image: nginx:1.27
        """;

    private const string ExtensionsIngress = """
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata:
          name: web
        spec:
          backend:
            serviceName: web
            servicePort: 80
        """;

    [Fact]
    public void A_field_added_in_1_35_is_accepted_there_and_unknown_at_1_30()
    {
        var current = Lint.Text(PodWithHostnameOverride, options: new LintOptions { KubernetesVersion = "1.35" });
        Assert.Empty(current.SchemaFindings());
        Assert.Empty(current.Notes);

        var old = Lint.Text(PodWithHostnameOverride, options: new LintOptions { KubernetesVersion = "1.30" });
        Assert.Equal(["SHIP1002@6:3"], old.Findings(RuleIds.UnknownField));
        Assert.Equal("spec.hostnameOverride is not a field of v1 Pod; the API server drops unknown fields without a word, so fix the name or remove it", old.Single(RuleIds.UnknownField).Message);
    }

    [Fact]
    public void Resource_v1_objects_validate_at_1_34_and_have_no_schema_at_1_33()
    {
        var yaml = """
            apiVersion: resource.k8s.io/v1
            kind: DeviceClass
            metadata:
              name: gpu
            spec:
              selectors:
                - cel:
                    expression: device.driver == "gpu.example.com"
            ---
            apiVersion: resource.k8s.io/v1
            kind: ResourceClaim
            metadata:
              name: claim
            spec:
              devices:
                requests:
                  - name: gpu
                    exactly:
                      deviceClassName: gpu
                      count: "two"
            """;
        var report = Lint.Text(yaml, options: new LintOptions { KubernetesVersion = "1.34" });
        Assert.Empty(report.Notes);
        Assert.Empty(report.Findings(RuleIds.NoSchema));
        Assert.Empty(report.Findings(RuleIds.UnknownField));
        Assert.Equal(["SHIP1001@20:18"], report.Findings(RuleIds.SchemaViolation));

        Assert.Equal(["SHIP1003@2:7", "SHIP1003@11:7"], Lint.Text(yaml, options: new LintOptions { KubernetesVersion = "1.33" }).Findings(RuleIds.NoSchema));
    }

    [Theory]
    [InlineData("1.15", "Pod", "preemptionPolicy: Never")]
    [InlineData("1.16", "Pod", "topologySpreadConstraints: []")]
    [InlineData("1.22", "PersistentVolumeClaim", "dataSourceRef: {kind: VolumeSnapshot, name: snap}")]
    public void A_field_added_in_a_release_of_the_godaddy_specs_is_known_there_and_unknown_in_the_release_before(string version, string kind, string field)
    {
        var yaml = $"""
            apiVersion: v1
            kind: {kind}
            metadata:
              name: web
            spec:
              {field}
            """;
        var report = Lint.Text(yaml, options: new LintOptions { KubernetesVersion = version });
        Assert.Equal(version, report.KubernetesVersion);
        Assert.Empty(report.Notes);
        Assert.Empty(report.Findings(RuleIds.UnknownField));

        var before = new KubernetesVersion(1, KubernetesVersion.Parse(version).Minor - 1).ToString();
        Assert.Equal(["SHIP1002@6:3"], Lint.Text(yaml, options: new LintOptions { KubernetesVersion = before }).Findings(RuleIds.UnknownField));
    }

    [Fact]
    public void A_networking_v1beta1_ingress_is_validated_from_1_14_on()
    {
        var yaml = """
            apiVersion: networking.k8s.io/v1beta1
            kind: Ingress
            metadata:
              name: web
            spec:
              backend:
                serviceName: web
                servicePort: 80
            """;
        foreach (var version in new[] { "1.14", "1.15", "1.16", "1.17", "1.18" })
        {
            var report = Lint.Text(yaml, options: new LintOptions { KubernetesVersion = version });
            Assert.Empty(report.Notes);
            Assert.Empty(report.Findings(RuleIds.NoSchema));
            Assert.Empty(report.SchemaFindings());
        }

        // Deprecated from 1.19 (SHIP1005 on its apiVersion), still validated until its removal in 1.22.
        foreach (var version in new[] { "1.19", "1.20", "1.21" })
        {
            Assert.Equal(["SHIP1005@1:13"], Lint.Text(yaml, options: new LintOptions { KubernetesVersion = version }).SchemaFindings());
        }

        Assert.Equal(["SHIP1003@2:7"], Lint.Text(yaml, options: new LintOptions { KubernetesVersion = "1.13" }).Findings(RuleIds.NoSchema));
    }

    [Theory]
    [InlineData("1.34")]
    [InlineData("v1.34")]
    [InlineData("1.34.2")]
    public void Every_spelling_of_a_version_validates_against_that_version_without_a_note(string requested)
    {
        // spec.hostnameOverride came with 1.34 (alpha there, in the spec all the same): 1.33 does not know it.
        var report = Lint.Text(PodWithHostnameOverride, options: new LintOptions { KubernetesVersion = requested });
        Assert.Equal("1.34", report.KubernetesVersion);
        Assert.Empty(report.Notes);
        Assert.Empty(report.SchemaFindings());
        Assert.Equal(["SHIP1002@6:3"], Lint.Text(PodWithHostnameOverride, options: new LintOptions { KubernetesVersion = requested.Replace("34", "33", StringComparison.Ordinal) }).Findings(RuleIds.UnknownField));
    }

    [Theory]
    [InlineData("1.16", "networking.k8s.io/v1beta1")]
    [InlineData("1.17", "networking.k8s.io/v1beta1")]
    [InlineData("1.18", "networking.k8s.io/v1beta1")]
    [InlineData("1.19", "networking.k8s.io/v1")]
    [InlineData("1.20", "networking.k8s.io/v1")]
    [InlineData("1.21", "networking.k8s.io/v1")]
    public void Extensions_ingress_is_deprecated_in_each_release_before_its_removal_with_a_replacement_that_release_serves(string version, string replacement)
    {
        var report = Lint.Text(ExtensionsIngress, options: new LintOptions { KubernetesVersion = version });
        Assert.Equal(version, report.KubernetesVersion);
        Assert.Equal(["SHIP1005@1:13"], report.SchemaFindings());
        Assert.Equal($"extensions/v1beta1 Ingress is deprecated since Kubernetes 1.14 and is removed in 1.22; use {replacement}", report.Single(RuleIds.ApiDeprecated).Message);
    }

    [Fact]
    public void Extensions_ingress_is_told_to_use_what_the_target_serves()
    {
        var at116 = Lint.Text(ExtensionsIngress, options: new LintOptions { KubernetesVersion = "1.16" });
        Assert.Empty(at116.Findings(RuleIds.ApiRemoved));
        Assert.Equal("extensions/v1beta1 Ingress is deprecated since Kubernetes 1.14 and is removed in 1.22; use networking.k8s.io/v1beta1", at116.Single(RuleIds.ApiDeprecated).Message);

        var at120 = Lint.Text(ExtensionsIngress, options: new LintOptions { KubernetesVersion = "1.20" });
        Assert.Equal("extensions/v1beta1 Ingress is deprecated since Kubernetes 1.14 and is removed in 1.22; use networking.k8s.io/v1", at120.Single(RuleIds.ApiDeprecated).Message);

        var at122 = Lint.Text(ExtensionsIngress, options: new LintOptions { KubernetesVersion = "1.22" });
        Assert.Equal(["SHIP1004@1:13"], at122.Findings(RuleIds.ApiRemoved));
        Assert.Equal("extensions/v1beta1 Ingress was removed in Kubernetes 1.22, so a 1.22 cluster rejects it; use networking.k8s.io/v1", at122.Single(RuleIds.ApiRemoved).Message);
        Assert.Empty(at122.Findings(RuleIds.NoSchema));
    }

    [Fact]
    public void A_networking_v1beta1_ingress_validates_against_the_1_18_spec()
    {
        var yaml = """
            apiVersion: networking.k8s.io/v1beta1
            kind: Ingress
            metadata:
              name: web
            spec:
              backend:
                serviceName: web
                servicePort: http
                serviceWeight: 1
            """;
        var report = Lint.Text(yaml, options: new LintOptions { KubernetesVersion = "1.18" });
        Assert.Equal("1.18", report.KubernetesVersion);
        Assert.Empty(report.Notes);
        Assert.Empty(report.Findings(RuleIds.NoSchema));
        Assert.Equal(["SHIP1002@9:5"], report.Findings(RuleIds.UnknownField));
        Assert.Equal("spec.backend.serviceWeight is not a field of networking.k8s.io/v1beta1 Ingress; the API server drops unknown fields without a word, so fix the name or remove it", report.Single(RuleIds.UnknownField).Message);
    }

    [Theory]
    [InlineData("1.17", false, true, true)]
    [InlineData("1.18", false, true, true)]
    [InlineData("1.19", true, true, true)]
    [InlineData("1.21", true, true, true)]
    [InlineData("1.23", true, false, false)]
    public void The_1_17_to_1_21_specs_serve_the_ingress_of_their_release(string version, bool networkingV1, bool networkingV1beta1, bool extensionsV1beta1)
    {
        var at = KubernetesVersion.Parse(version);
        Assert.Equal(networkingV1, EmbeddedSchemas.Serves(at, GroupVersionKind.From("networking.k8s.io/v1", "Ingress")));
        Assert.Equal(networkingV1beta1, EmbeddedSchemas.Serves(at, GroupVersionKind.From("networking.k8s.io/v1beta1", "Ingress")));
        Assert.Equal(extensionsV1beta1, EmbeddedSchemas.Serves(at, GroupVersionKind.From("extensions/v1beta1", "Ingress")));
        // extensions/v1beta1 Deployment went in 1.16 (the 1.17 spec still lists it: see OffByDefaultIn116And117).
        Assert.False(ApiAvailability.IsServed(GroupVersionKind.From("extensions/v1beta1", "Deployment"), at));
        Assert.True(EmbeddedSchemas.Serves(at, GroupVersionKind.From("apps/v1", "Deployment")));
    }

    private const string PodPreset = """
        apiVersion: settings.k8s.io/v1alpha1
        kind: PodPreset
        metadata:
          name: proxy
        spec:
          selector:
            matchLabels:
              role: web
          env:
            - name: HTTP_PROXY
              value: http://proxy:3128
          volumeMount:
            - name: cache
              mountPath: /cache
        """;

    [Theory]
    [InlineData("1.17")]
    [InlineData("1.18")]
    [InlineData("1.19")]
    public void An_alpha_kind_of_the_full_1_17_to_1_19_specs_is_validated_there(string version)
    {
        // settings.k8s.io/v1alpha1 PodPreset is in each release's own spec; a default cluster's dump (the former
        // source of these versions) left every alpha group version out, which made this SHIP1003.
        var report = Lint.Text(PodPreset, options: new LintOptions { KubernetesVersion = version });
        Assert.Equal(version, report.KubernetesVersion);
        Assert.Empty(report.Notes);
        Assert.Equal(["SHIP1002@12:3"], report.SchemaFindings());
        Assert.Equal("spec.volumeMount is not a field of settings.k8s.io/v1alpha1 PodPreset (did you mean 'volumeMounts'?); the API server drops unknown fields without a word, so fix the name or remove it", report.Single(RuleIds.UnknownField).Message);
    }

    [Fact]
    public void An_alpha_kind_missing_from_the_next_full_spec_is_removed_there()
    {
        var report = Lint.Text(PodPreset, options: new LintOptions { KubernetesVersion = "1.20" });
        Assert.Equal(["SHIP1004@1:13"], report.SchemaFindings());
        Assert.Equal("settings.k8s.io/v1alpha1 PodPreset was removed in Kubernetes 1.20, so a 1.20 cluster rejects it; there is no replacement API", report.Single(RuleIds.ApiRemoved).Message);

        var flowSchema = """
            apiVersion: flowcontrol.apiserver.k8s.io/v1alpha1
            kind: FlowSchema
            metadata:
              name: system
            spec:
              priorityLevelConfiguration:
                name: system
            """;
        Assert.Empty(Lint.Text(flowSchema, options: new LintOptions { KubernetesVersion = "1.20" }).SchemaFindings());
        var at121 = Lint.Text(flowSchema, options: new LintOptions { KubernetesVersion = "1.21" });
        Assert.Equal(["SHIP1004@1:13"], at121.SchemaFindings());
        Assert.Equal("flowcontrol.apiserver.k8s.io/v1alpha1 FlowSchema was removed in Kubernetes 1.21, so a 1.21 cluster rejects it; use flowcontrol.apiserver.k8s.io/v1beta1", at121.Single(RuleIds.ApiRemoved).Message);
        Assert.Equal("flowcontrol.apiserver.k8s.io/v1alpha1 FlowSchema was removed in Kubernetes 1.21, so a 1.36 cluster rejects it; use flowcontrol.apiserver.k8s.io/v1", Lint.Text(flowSchema, options: new LintOptions { KubernetesVersion = "1.36" }).Single(RuleIds.ApiRemoved).Message);
    }

    [Fact]
    public void A_removal_the_table_does_not_list_is_found_in_the_specs()
    {
        var yaml = """
            apiVersion: authentication.k8s.io/v1beta1
            kind: SelfSubjectReview
            metadata:
              name: me
            """;
        Assert.Null(ApiLifecycle.Find("authentication.k8s.io/v1beta1", "SelfSubjectReview"));
        var report = Lint.Text(yaml, options: new LintOptions { KubernetesVersion = "1.36" });
        Assert.Equal("authentication.k8s.io/v1beta1 SelfSubjectReview was removed in Kubernetes 1.33, so a 1.36 cluster rejects it; use authentication.k8s.io/v1", report.Single(RuleIds.ApiRemoved).Message);
        Assert.Empty(report.Findings(RuleIds.NoSchema));
        Assert.Empty(Lint.Text(yaml, options: new LintOptions { KubernetesVersion = "1.32" }).Findings(RuleIds.ApiRemoved));
    }

    // 1.16 stopped serving these by default, but an API server flag (--runtime-config) could turn them back on
    // until 1.18, so the full 1.16 and 1.17 specs (kubernetes' api/openapi-spec, not a default cluster's) still list them.
    private static bool OffByDefaultIn116And117(GroupVersionKind gvk, KubernetesVersion version) =>
        (version == new KubernetesVersion(1, 16) || version == new KubernetesVersion(1, 17))
        && gvk.ApiVersion is "apps/v1beta1" or "apps/v1beta2" or "extensions/v1beta1";

    [Fact]
    public void The_lifecycle_table_agrees_with_the_specs()
    {
        var versions = EmbeddedSchemas.Versions;
        foreach (var entry in ApiLifecycle.All)
        {
            var gvk = GroupVersionKind.From(entry.ApiVersion, entry.Kind);
            var served = versions.Where(v => EmbeddedSchemas.Serves(v, gvk)).ToArray();
            Assert.True(served.Length > 0, $"{gvk} is in no embedded spec");
            if (entry.RemovedIn is { } removed)
            {
                // No spec of the removal release or later serves it (the 1.27 kube-openapi snapshot that did is gone).
                Assert.True(served.All(v => v < removed || OffByDefaultIn116And117(gvk, v)), $"{gvk} is served by {string.Join(", ", served.Where(v => v >= removed))}, after its removal in {removed}");
            }

            if (entry.Replacement is { } replacement)
            {
                var next = GroupVersionKind.From(replacement, entry.ReplacementKind ?? entry.Kind);
                Assert.True(versions.Any(v => EmbeddedSchemas.Serves(v, next)), $"{gvk}'s replacement {next} is in no embedded spec");
            }

            // Where the spec of the deprecation release is embedded, it still serves the API.
            if (versions.Contains(entry.DeprecatedIn) && (entry.RemovedIn is null || entry.DeprecatedIn < entry.RemovedIn))
            {
                Assert.True(EmbeddedSchemas.Serves(entry.DeprecatedIn, gvk), $"{gvk} is deprecated in {entry.DeprecatedIn} but that spec does not serve it");
            }
        }
    }

    [Fact]
    public void The_default_version_is_the_newest_embedded()
    {
        Assert.Equal(new KubernetesVersion(1, 36), EmbeddedSchemas.Newest);
        Assert.Equal("1.36", KubernetesVersions.Default);
        Assert.Empty(Lint.Text(PodWithHostnameOverride).SchemaFindings());
    }
}
