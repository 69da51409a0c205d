using CxAsCode.Tests.Integration;

namespace CxAsCode.Tests.Workflows;

public sealed class WorkflowRulesTests
{
    private const string Checkout = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1";
    private const string SetupDotnet = "actions/setup-dotnet@a98b56852c35b8e3190ac28c8c2271da59106c68";
    private const string Upload = "actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f";

    // A workflow that follows every rule; each bad case below breaks exactly one of them.
    private const string Good = $$$"""
        on: workflow_dispatch
        permissions: {}
        jobs:
          deploy:
            runs-on: ubuntu-latest
            timeout-minutes: 30
            permissions:
              contents: read
            concurrency:
              group: deploy-${{ inputs.environment }}
              cancel-in-progress: false
            env:
              ENVIRONMENT: ${{ inputs.environment }}
            steps:
              - uses: {{{Checkout}}}
              - uses: {{{SetupDotnet}}}
                with:
                  cache: true
                  cache-dependency-path: "**/packages.lock.json"
              - run: ./build.sh --target=Deploy --env="$ENVIRONMENT"
              - uses: {{{Upload}}}
                if: always()
                with:
                  path: artifacts/
        """;

    public static IEnumerable<TestCaseData> BrokenRules()
    {
        yield return Case(WorkflowRules.TopPermissions, Good.Replace("permissions: {}\n", "permissions: write-all\n", StringComparison.Ordinal));
        yield return Case(WorkflowRules.JobPermissions, Good.Replace("    permissions:\n      contents: read\n", string.Empty, StringComparison.Ordinal));
        yield return Case(WorkflowRules.Timeout, Good.Replace("    timeout-minutes: 30\n", string.Empty, StringComparison.Ordinal));
        yield return Case(WorkflowRules.Pinned, Good.Replace(Checkout, "actions/checkout@v4", StringComparison.Ordinal));
        yield return Case(WorkflowRules.Pinned, Good.Replace(Checkout, "someone/checkout@main", StringComparison.Ordinal));
        yield return Case(WorkflowRules.NoExpressionInScript, Good.Replace("--env=\"$ENVIRONMENT\"", "--env=${{ inputs.environment }}", StringComparison.Ordinal));
        yield return Case(WorkflowRules.WriterConcurrency, Good.Replace("      cancel-in-progress: false\n", "      cancel-in-progress: true\n", StringComparison.Ordinal));
        yield return Case(WorkflowRules.WriterConcurrency, Good.Replace("    concurrency:\n      group: deploy-${{ inputs.environment }}\n      cancel-in-progress: false\n", string.Empty, StringComparison.Ordinal));
        yield return Case(WorkflowRules.DotnetCache, Good.Replace("          cache: true\n", string.Empty, StringComparison.Ordinal));
        yield return Case(WorkflowRules.Artifacts, Good.Replace("        if: always()\n", string.Empty, StringComparison.Ordinal));
        yield return Case(WorkflowRules.NoExpressionInScript, Good.Replace(
            "      - run: ./build.sh",
            $"      - uses: actions/github-script@ed597411d8f924073f98dfc5c65a23a2325f34cd\n        with:\n          script: console.log('${{{{ github.event.issue.title }}}}')\n      - run: ./build.sh",
            StringComparison.Ordinal));

        static TestCaseData Case(string rule, string yaml) => new TestCaseData(rule, yaml).SetArgDisplayNames(rule + "#" + yaml.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The project's workflows, plus the example release workflow that calls the reusable one.</summary>
    public static IEnumerable<string> RepositoryWorkflows() =>
        Directory.EnumerateFiles(Path.Combine(TestRepository.RepositoryRoot, ".github", "workflows"), "*.yml")
            .Append(Path.Combine(TestRepository.RepositoryRoot, "tests", "CxAsCode.Tests", "Chaining", "release-workflow.yml"))
            .Order(StringComparer.Ordinal);

    [Test]
    public void Check_WorkflowFollowingEveryRule_NoViolations() =>
        Assert.That(WorkflowRules.Check(Good), Is.Empty);

    [TestCaseSource(nameof(BrokenRules))]
    public void Check_WorkflowBreakingOneRule_ReportsThatRuleOnly(string rule, string yaml)
    {
        var violations = WorkflowRules.Check(yaml);

        Assert.That(violations.Select(v => v.Rule).Distinct(), Is.EqualTo(new[] { rule }), string.Join("\n", violations));
    }

    [TestCaseSource(nameof(RepositoryWorkflows))]
    public void Check_RepositoryWorkflow_FollowsEveryRule(string path) =>
        Assert.That(WorkflowRules.Check(File.ReadAllText(path)), Is.Empty);

    [Test]
    public void RepositoryWorkflows_CoverTheJobsTheProjectPromises()
    {
        var text = string.Concat(RepositoryWorkflows().Select(File.ReadAllText));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("pull_request:"));
            Assert.That(text, Does.Contain("workflow_dispatch:"));
            Assert.That(text, Does.Contain("schedule:"));
            Assert.That(text, Does.Contain("workflow_call:"));
            Assert.That(text, Does.Contain("--target=Sync"));
            Assert.That(text, Does.Contain("--detailed-exitcode"));
        }
    }
}
