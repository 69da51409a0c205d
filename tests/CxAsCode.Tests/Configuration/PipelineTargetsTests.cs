using System.Text.RegularExpressions;
using CxAsCode.Configuration;
using CxAsCode.Tests.Integration;

namespace CxAsCode.Tests.Configuration;

public sealed partial class PipelineTargetsTests
{
    [Test]
    public void DependenciesOf_Deploy_IsTheChainNearestFirst() =>
        Assert.That(PipelineTargets.DependenciesOf("Deploy"), Is.EqualTo(new[] { "DryRun", "Validate", "Normalize", "Extract", "Auth" }));

    [Test]
    public void DependenciesOf_Tool_IsEmpty() =>
        Assert.That(PipelineTargets.DependenciesOf("Sandbox"), Is.Empty);

    [Test]
    public void Describe_Target_IsItsLineWithoutMarkdown() =>
        Assert.That(PipelineTargets.Describe("dryrun"), Is.EqualTo("Prints the plan; writes artifacts/<env>/plan.json and plan.md (and the GitHub step summary)."));

    [Test]
    public void PipelineCake_Tasks_AreTheTableWithItsDependenciesAndDescriptions()
    {
        // The script declares the graph for Cake; the table describes it for people. Keep them one graph.
        var script = File.ReadAllText(Path.Combine(TestRepository.RepositoryRoot, "build", "pipeline.cake"));
        var tasks = TaskDeclaration().Matches(script).Select(m => (
            Name: m.Groups["name"].Value,
            DependsOn: m.Groups["dependsOn"].Success ? m.Groups["dependsOn"].Value : null,
            Described: m.Groups["described"].Value)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tasks.Select(t => (t.Name, t.DependsOn)), Is.EqualTo(PipelineTargets.All.Select(t => (t.Name, t.DependsOn))));
            Assert.That(tasks.Select(t => t.Described), Is.EqualTo(tasks.Select(t => t.Name)), "each task takes its own description from the table");
        }
    }

    [GeneratedRegex("""Task\("(?<name>\w+)"\)\s*\.Description\(PipelineTargets\.Describe\("(?<described>\w+)"\)\)(\s*\.IsDependentOn\("(?<dependsOn>\w+)"\))?""")]
    private static partial Regex TaskDeclaration();
}
