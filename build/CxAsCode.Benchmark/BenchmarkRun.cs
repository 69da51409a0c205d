using System.Diagnostics;
using CxAsCode.Benchmark.Baselines;
using CxAsCode.Benchmark.Scaling;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Benchmark;

/// <summary>
/// One benchmark: a generated org in the sandbox; our Extract, DryRun and Deploy of its changes; the two
/// baselines applying the same changes to the same org (reset in between); then the DryRun's CPU and
/// memory as the org grows.
/// </summary>
internal static class BenchmarkRun
{
    public static async Task<BenchmarkResults> RunAsync(BenchmarkSettings settings, Action<string> progress)
    {
        var org = OrgGenerator.Generate(settings.Objects, settings.Changes);
        progress($"Benchmark: generating an org of {org.Objects:N0} objects ({org.Skills:N0} skills, {org.WrapupCodes:N0} wrap-up codes, {org.Queues:N0} queues) with {org.Changes.Count} changes; {settings.RateLimit} requests/min per token.");
        var phases = new List<PhaseResult>();
        await using (var sandbox = await BenchSandbox.StartAsync(org.Seed, settings.RateLimit))
        using (var repository = new BenchRepository())
        {
            var pipeline = new PipelinePhases(sandbox, repository.Root, settings);
            repository.WriteState(org.State);
            phases.Add(Report(await pipeline.ExtractAsync(), progress));
            repository.WriteState(org.ChangedState);
            phases.Add(Report(await pipeline.DryRunAsync(), progress));
            Require(pipeline.LastPlannedWrites == org.Changes.Count, $"the plan holds {pipeline.LastPlannedWrites} changes, the generator made {org.Changes.Count}: the generated state does not describe the generated org");
            phases.Add(Report(await pipeline.DeployAsync(), progress));

            await sandbox.ResetAsync();
            phases.Add(Report(await pipeline.DeployReviewedPlanAsync(), progress));
            Require(pipeline.LastPlannedWrites == org.Changes.Count, $"the reviewed plan applied {pipeline.LastPlannedWrites} changes, the generator made {org.Changes.Count}");

            await sandbox.ResetAsync();
            using var client = await BaselineClient.ConnectAsync(sandbox.BaseAddress, settings.TokenPoolSize);
            await sandbox.ClearLogAsync();
            phases.Add(Report(await MeasureAsync(sandbox, "Deploy", "baseline (a): shell loop", settings, () => ShellLoopBaseline.RunAsync(client, org.Changes)), progress));

            await sandbox.ResetAsync();
            var managed = await ManagedIdsAsync(client, org);
            await sandbox.ClearLogAsync();
            phases.Add(Report(await MeasureAsync(sandbox, "Deploy", "baseline (b): per-object refresh", settings, () => RefreshBaseline.RunAsync(client, managed, org.Changes)), progress));
        }

        foreach (var phase in phases.Where(p => p.Phase == "Deploy"))
        {
            Require(phase.Method("POST") + phase.Method("PUT") >= org.Changes.Count, $"{phase.Tool} sent {phase.Method("POST") + phase.Method("PUT")} writes for {org.Changes.Count} changes");
        }

        var (points, cpu, memory) = await PlanScaling.MeasureAsync(settings.Scales, progress);
        return new BenchmarkResults(settings, org, phases, points, cpu, memory, TimeProvider.System.GetUtcNow());
    }

    private static async Task<PhaseResult> MeasureAsync(BenchSandbox sandbox, string phase, string tool, BenchmarkSettings settings, Func<Task> body)
    {
        var clock = Stopwatch.StartNew();
        await body();
        clock.Stop();
        // A baseline takes all its tokens before the clock starts.
        var requests = await sandbox.TallyAsync() with { TokenRequests = settings.TokenPoolSize };
        return new PhaseResult(phase, tool, requests, clock.Elapsed, settings.TokenPoolSize, settings.RateLimit);
    }

    /// <summary>The ids a Terraform state file would hold for the objects in state, read before the clock starts.</summary>
    private static async Task<IReadOnlyList<(string Kind, string Id, string Name)>> ManagedIdsAsync(BaselineClient client, GeneratedOrg org)
    {
        var names = org.State.Values.Select(b => (string)b["name"]!).ToHashSet(StringComparer.Ordinal);
        var managed = new List<(string, string, string)>();
        foreach (var kind in new[] { "skills", "wrapupcodes", "queues" })
        {
            for (var page = 1; ; page++)
            {
                var list = (JObject)(await client.SendAsync(HttpMethod.Get, $"{Baselines.Baselines.ApiPath(kind)}?pageSize=100&pageNumber={page}"))!;
                managed.AddRange(list["entities"]!.OfType<JObject>()
                    .Where(e => names.Contains((string)e["name"]!) && (string?)e["state"] is null or "active")
                    .Select(e => (kind, (string)e["id"]!, (string)e["name"]!)));
                if (page >= ((int?)list["pageCount"] ?? 1))
                {
                    break;
                }
            }
        }

        return managed;
    }

    private static PhaseResult Report(PhaseResult result, Action<string> progress)
    {
        progress($"Benchmark: {result.Phase} ({result.Tool}): {result.Requests.Calls:N0} calls, {result.Requests.Throttled} × 429, {result.Wall.TotalSeconds:0.0} s (floor {result.Floor.TotalSeconds:0.0} s).");
        return result;
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The benchmark is not measuring what it says: " + problem + ".");
        }
    }
}
