using CxAsCode.Planning;
using CxAsCode.Planning.Rendering;

namespace CxAsCode.Pipeline;

/// <summary>DryRun: the plan, shown on the console and saved as JSON and Markdown.</summary>
public sealed partial class PipelineRun
{
    /// <summary>Plans (or loads the saved plan), prints it, and writes <c>plan.json</c> and <c>plan.md</c>.</summary>
    public void DryRun()
    {
        Plan = _savedPlan ?? ForceDeletes.Mark(
            Planner.Create(
                CurrentBinding,
                DesiredObjects,
                Live ?? throw new InvalidOperationException("Extract has not run."),
                Options.Prune,
                StartedAt,
                Commit),
            Options.ForceDelete);
        Write(PlanConsoleRenderer.Render(Plan, color: UseColor));
        WarnLockedFlows(Plan);

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
        if (Options.DetailedExitCode)
        {
            AnnotateDrift(Plan);
        }
    }

    /// <summary>
    /// A planned flow someone holds the lock of stops a deploy before its first write (or is unlocked with
    /// <c>--force-unlock</c>): said with the plan, not only when the deploy refuses.
    /// </summary>
    private void WarnLockedFlows(Plan plan)
    {
        foreach (var entry in plan.Writes.Where(e => e.Kind == Resources.ResourceKinds.Flows.Name && e.LiveId is not null))
        {
            if (Live?.ById(Resources.ResourceKinds.Flows, entry.LiveId!)?.Raw is { } raw && CxAsCode.Deployment.FlowLock.HolderOf(raw) is { } holder)
            {
                Warn($"flows '{entry.Key}' is locked by {holder}: a deploy stops before its first write unless they check it in, or --force-unlock publishes over their unsaved work.");
            }
        }
    }

    /// <summary>A drift check (<c>--detailed-exitcode</c>): one annotation per object live differs on, at its state file.</summary>
    private void AnnotateDrift(Plan plan)
    {
        foreach (var entry in plan.Writes)
        {
            var fields = entry.Changes.Count == 0 ? string.Empty : $": {string.Join(", ", entry.Changes.Select(c => c.Path).Take(5))}{(entry.Changes.Count > 5 ? ", …" : string.Empty)}";
            GitHub.Warning(Masker.Apply($"Drift in {Options.Environment}: {entry.Kind} '{entry.Key}' differs from state ({entry.Action.ToString().ToLowerInvariant()} planned){fields}"), entry.SourceFile);
        }
    }
}
