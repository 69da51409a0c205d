namespace CxAsCode.Tests.Workflows;

public sealed class ActionlintTests
{
    [Test]
    public async Task Lint_RepositoryWorkflows_NoFindings()
    {
        var files = WorkflowRulesTests.RepositoryWorkflows().ToArray();

        var findings = await Actionlint.LintAsync(files);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(files, Has.Length.GreaterThanOrEqualTo(2));
            Assert.That(findings.Select(f => f.ToString(Newtonsoft.Json.Formatting.None)), Is.Empty);
        }
    }

    [Test]
    public async Task Lint_UntrustedExpressionInScript_Flagged()
    {
        // Proves the linter runs and catches script injection, so "no findings" above means something.
        var bad = Path.Combine(Path.GetTempPath(), $"cxascode-bad-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(bad, """
            on: pull_request
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "${{ github.event.pull_request.title }}"
            """);
        try
        {
            var findings = await Actionlint.LintAsync(bad);

            Assert.That(findings.Select(f => (string?)f["message"]), Has.Some.Contains("potentially untrusted"));
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
