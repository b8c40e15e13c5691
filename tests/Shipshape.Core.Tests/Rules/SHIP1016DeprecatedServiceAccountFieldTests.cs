using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests.Rules;

public sealed class SHIP1016DeprecatedServiceAccountFieldTests
{
    private static string StatefulSet(string accountFields) => $$"""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: ledger
        spec:
          serviceName: ledger
          selector:
            matchLabels: {app: ledger}
          template:
            metadata:
              labels: {app: ledger}
            spec:
        {{accountFields}}
              containers:
                - name: ledger
                  image: example/ledger:3.0
        """;

    [Theory]
    [InlineData("      serviceAccount: ledger-writer", "that the API server copies into serviceAccountName; tools and readers look for serviceAccountName, so rename the field")]
    [InlineData("      serviceAccountName: ledger-writer\n      serviceAccount: ledger-writer", "; serviceAccountName already names the same account, so remove serviceAccount")]
    [InlineData("      serviceAccountName: ledger-reader\n      serviceAccount: ledger-writer", ", and differs from serviceAccountName 'ledger-reader', which the API server uses while it ignores serviceAccount")]
    public void The_deprecated_key_is_reported_with_what_the_API_server_makes_of_it(string accountFields, string consequence)
    {
        var report = Lint.Text(StatefulSet(accountFields));

        var line = accountFields.Contains('\n', StringComparison.Ordinal) ? 14 : 13;
        Assert.Equal([$"SHIP1016@{line}:7"], report.Findings(RuleIds.DeprecatedServiceAccountField));
        var finding = report.Single(RuleIds.DeprecatedServiceAccountField);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith("The pod spec of StatefulSet 'ledger' sets serviceAccount 'ledger-writer', a deprecated alias of serviceAccountName", finding.Message, StringComparison.Ordinal);
        Assert.Contains(consequence, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceAccountName_alone_is_clean()
    {
        Assert.Empty(Lint.Text(StatefulSet("      serviceAccountName: ledger-writer")).Findings(RuleIds.DeprecatedServiceAccountField));
    }
}
