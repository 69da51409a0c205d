using CxAsCode.Planning;
using CxAsCode.Planning.Rendering;

namespace CxAsCode.Pipeline;

/// <summary>DryRun: the plan, shown on the console and saved as JSON and Markdown.</summary>
public sealed partial class PipelineRun
{
    /// <summary>Plans (or loads the saved plan), prints it, and writes <c>plan.json</c> and <c>plan.md</c>.</summary>
    public void DryRun()
    {
        Plan = _savedPlan ?? Planner.Create(
            Options.Environment,
            DesiredObjects,
            Live ?? throw new InvalidOperationException("Extract has not run."),
            Options.Prune,
            StartedAt,
            Commit);
        Write(PlanConsoleRenderer.Render(Plan, color: UseColor));

        Directory.CreateDirectory(Options.ArtifactsFolder);
        var json = PlanFile.Serialize(Plan);
        var markdown = PlanMarkdownRenderer.Render(Plan);
        File.WriteAllText(Path.Combine(Options.ArtifactsFolder, "plan.json"), json);
        File.WriteAllText(Path.Combine(Options.ArtifactsFolder, "plan.md"), markdown);
        if (Options.OutPath is { } outPath)
        {
            var target = Path.GetFullPath(outPath, Options.RepositoryRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, json);
            Log($"Plan saved to {outPath}; apply exactly this plan with --target=Deploy --plan={outPath}.");
        }

        GitHub.AppendStepSummary(markdown);
        GitHub.SetOutput("has-changes", Plan.HasChanges ? "true" : "false");
    }
}
