using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;

namespace Shipshape.Core.Tests.Schema;

/// <summary>Schema validation over real manifests: known-valid examples stay clean, and what fires is a real problem.</summary>
public sealed class CorpusSchemaTests
{
    private static string Public => Path.Combine(RepositoryPaths.Corpus, "public");

    [Fact]
    public void Website_examples_have_no_schema_errors_under_1_14()
    {
        var report = Lint.Files([Path.Combine(Public, "website-examples")], new LintOptions { KubernetesVersion = "1.14" });

        Assert.Empty(report.Findings(RuleIds.SchemaViolation));
        Assert.Empty(report.Findings(RuleIds.UnknownField));

        // The 1.13 spec has the alpha InitializerConfiguration, the 1.14 spec no longer does.
        Assert.Equal(["SHIP1004@2:13"], report.Findings(RuleIds.ApiRemoved));
        Assert.Equal("admissionregistration.k8s.io/v1alpha1 InitializerConfiguration was removed in Kubernetes 1.14, so a 1.14 cluster rejects it; there is no replacement API", report.Single(RuleIds.ApiRemoved).Message);
        Assert.EndsWith("pvl-initializer-config.yaml", report.Single(RuleIds.ApiRemoved).FilePath, StringComparison.Ordinal);

        // Not validated, with reason: kinds the 1.14 spec does not contain (its alpha PodPreset it does).
        var unvalidated = report.Active.Where(d => d.Id == RuleIds.NoSchema)
            .Select(d => $"{Path.GetRelativePath(Public, d.FilePath).Replace('\\', '/')} {d.Resource!.ApiVersion} {d.Resource.Kind}")
            .ToArray();
        Assert.Equal(
            [
                "website-examples/examples/audit/audit-policy.yaml audit.k8s.io/v1beta1 Policy", // a configuration file format, not an API resource
            ],
            unvalidated);
    }

    [Fact]
    public void Whole_corpus_lints_under_the_default_version_and_schema_findings_are_real_problems()
    {
        var report = Lint.Files([RepositoryPaths.Seed, Public]);

        // Each of these was checked by hand against the manifest and the API (see the comments).
        var schemaFindings = report.Active.Where(d => d.Id is RuleIds.SchemaViolation or RuleIds.UnknownField)
            .Select(d => $"{d.Id} {Path.GetRelativePath(RepositoryPaths.Corpus, d.FilePath).Replace('\\', '/')}:{d.Span.Line}:{d.Span.Column}")
            .ToArray();
        Assert.Equal(
            [
                "SHIP1001 public/kubernetes-examples/_archived/volumes/fibre_channel/fc.yaml:17:13", // lun: "<ADD LUN ID Here>" placeholder for an int32
                "SHIP1002 public/kubernetes-examples/_archived/volumes/rbd/rbd.yaml:25:9", // imageformat is a StorageClass parameter, not an RBD volume field
                "SHIP1002 public/kubernetes-examples/_archived/volumes/rbd/rbd.yaml:26:9", // imagefeatures: likewise
                "SHIP1002 public/kubernetes-examples/_archived/volumes/scaleio/pod.yaml:17:7", // protectionDoamin: typo of protectionDomain
                "SHIP1002 public/kubernetes-examples/_archived/volumes/storageos/storageos-pod.yaml:35:9", // pool is not a StorageOS volume field
                "SHIP1002 public/kubernetes-examples/_archived/volumes/storageos/storageos-pv.yaml:22:5", // secretName belongs in secretRef
                "SHIP1001 public/prometheus-operator/example/user-guides/scrapeclass/scrapeclass-example-podmonitor.yaml:3:1", // the PodMonitor CRD requires spec.selector
                "SHIP1001 public/prometheus-operator/example/user-guides/scrapeclass/scrapeclass-example-servicemonitor.yaml:5:1", // the ServiceMonitor CRD requires spec.selector
            ],
            schemaFindings);
    }
}
