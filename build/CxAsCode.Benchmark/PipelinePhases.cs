using System.Diagnostics;
using CxAsCode.Configuration;
using CxAsCode.Pipeline;

namespace CxAsCode.Benchmark;

/// <summary>Our pipeline's phases, run in this process as <c>./build.sh</c> runs them (same engine calls, same
/// order), against the benchmark's sandbox and a temporary repository holding the generated state.</summary>
internal sealed class PipelinePhases(BenchSandbox sandbox, string repositoryRoot, BenchmarkSettings settings)
{
    public const string Environment = "bench";

    /// <summary>The changes the last phase's plan held.</summary>
    public int LastPlannedWrites { get; private set; }

    /// <summary>Auth → Extract: the reads every later target starts with.</summary>
    public Task<PhaseResult> ExtractAsync() => MeasureAsync("Extract", "Extract", async run =>
    {
        await run.AuthAsync();
        await run.ExtractAsync();
    });

    /// <summary>Auth → Extract → Normalize → Validate → DryRun.</summary>
    public Task<PhaseResult> DryRunAsync() => MeasureAsync("DryRun", "DryRun", PlanAsync);

    /// <summary>The whole Deploy target: the plan, then its writes, each checked and journaled.</summary>
    public Task<PhaseResult> DeployAsync() => MeasureAsync("Deploy", "Deploy", async run =>
    {
        await PlanAsync(run);
        await run.DeployAsync();
    });

    /// <summary>
    /// A reviewed plan's Deploy, as the workflow's dispatched deploy runs it: a DryRun writes the plan (not measured,
    /// it is the reviewers' step), then Deploy with <c>--plan</c> applies exactly that plan. It reads the list pages and
    /// only the sub-resources the plan changes, then each object before its write.
    /// </summary>
    public async Task<PhaseResult> DeployReviewedPlanAsync()
    {
        var plan = Path.Combine(repositoryRoot, "reviewed-plan.json");
        await RunAsync("DryRun", "DryRun", null, plan, PlanAsync);
        return await MeasureAsync("Deploy", "Deploy", async run =>
        {
            await PlanAsync(run);
            await run.DeployAsync();
        }, planPath: plan, tool: "pipeline, reviewed plan (--plan)");
    }

    private static async Task PlanAsync(PipelineRun run)
    {
        await run.AuthAsync();
        await run.ExtractAsync();
        run.Normalize();
        run.Validate();
        run.DryRun();
    }

    private async Task<PhaseResult> MeasureAsync(string phase, string target, Func<PipelineRun, Task> body, string? planPath = null, string tool = "pipeline")
    {
        await sandbox.ClearLogAsync();
        var clock = Stopwatch.StartNew();
        await RunAsync(phase, target, planPath, null, body);
        clock.Stop();
        return new PhaseResult(phase, tool, await sandbox.TallyAsync(), clock.Elapsed, settings.TokenPoolSize, settings.RateLimit);
    }

    private async Task RunAsync(string phase, string target, string? planPath, string? outPath, Func<PipelineRun, Task> body)
    {
        var options = new PipelineOptions
        {
            Target = target,
            Environment = Environment,
            RepositoryRoot = repositoryRoot,
            RequestsPerMinute = settings.RateLimit,
            TokenPoolSize = settings.TokenPoolSize,
            PlanPath = planPath,
            OutPath = outPath,
        };
        using var output = new StringWriter();
        using var run = PipelineRun.Create(options, name => sandbox.Environment.GetValueOrDefault(name), TimeProvider.System, output);
        Exception? failure = null;
        try
        {
            await body(run);
        }
        catch (Exception e)
        {
            failure = e;
        }

        LastPlannedWrites = run.Plan?.Writes.Count() ?? 0;
        var exit = run.Finish(failure);
        if (exit != 0)
        {
            throw new InvalidOperationException($"The pipeline's {phase} ended with exit code {exit}:\n{output}");
        }
    }
}
