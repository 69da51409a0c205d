using CxAsCode.Configuration;
using CxAsCode.Pipeline;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>
/// With the platform's lags on, one fault on a random write of a deploy of 20+ writes, over 50 seeds: every
/// run ends converged (exit 0, the next plan is empty) or restored exactly (exit 3, the org as before), and
/// a run never says "restored" when the org is not. The faults are the ones a real org shows: a 500 that
/// applied nothing, a write applied whose answer never came, a write applied late after the connection
/// closed, and a 429.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class RandomFaultTests
{
    private const int Seeds = 50;
    private const int AtOnce = 8; // each seed has its own sandbox and repository; most of a run is waiting out lag

    private static readonly JObject[] Faults =
    [
        new() { ["status"] = 500 },
        new() { ["dropAfterApply"] = true },
        new() { ["applyAfterMs"] = 300 },
        new() { ["status"] = 429, ["retryAfter"] = 1 },
    ];

    [Test]
    public async Task Deploy_FaultOnARandomWriteOverFiftySeeds_AlwaysConvergedOrRestoredExactly()
    {
        using var gate = new SemaphoreSlim(AtOnce);
        var outcomes = await Task.WhenAll(Enumerable.Range(1, Seeds).Select(async seed =>
        {
            await gate.WaitAsync();
            try
            {
                return await RunSeedAsync(seed);
            }
            finally
            {
                gate.Release();
            }
        }));

        var failures = outcomes.Where(o => o.Problem is not null).Select(o => $"seed {o.Seed} ({o.Fault}): {o.Problem}").ToList();
        TestContext.Out.WriteLine(string.Join("\n", outcomes.Select(o => $"seed {o.Seed}: exit {o.Exit}, {o.Writes} planned, {o.Fault}{(o.Problem is null ? string.Empty : ": " + o.Problem.Split('\n')[0])}")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failures, Is.Empty, string.Join("\n\n", failures));
            Assert.That(outcomes.Min(o => o.Writes), Is.GreaterThanOrEqualTo(20), "every deploy plans 20+ writes");
            Assert.That(outcomes.Count(o => o.Exit == 0), Is.Positive, "some faults are survived (429, lost answers)");
            Assert.That(outcomes.Count(o => o.Exit == 3), Is.Positive, "some faults are rolled back (500)");
        }
    }

    private static async Task<Outcome> RunSeedAsync(int seed)
    {
        // Neighbouring seeds give System.Random neighbouring first draws: spread them so fault, write and
        // parallelism vary independently.
        var random = new Random((int)((uint)seed * 2654435761u % int.MaxValue));
        await using var sandbox = await SandboxHost.StartAsync();
        using var repository = new TestRepository();
        using var driver = new PipelineDriver(sandbox, repository);
        await SyncAsync(driver);
        PlanTwentyOddWrites(repository);
        var before = await sandbox.ComparableStateAsync();

        var nth = random.Next(1, 27);
        var fault = (JObject)Faults[random.Next(Faults.Length)].DeepClone();
        fault["method"] = "WRITE";
        fault["path"] = "^/api/v2/";
        fault["nth"] = nth;
        var parallelism = random.Next(2) == 0 ? 1 : 4;
        await sandbox.FaultAsync(fault);
        var label = $"{fault.ToString(Newtonsoft.Json.Formatting.None)}, parallelism {parallelism}";

        var (run, exit) = await driver.RunAsync("Deploy", o => new PipelineOptions { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Parallelism = parallelism });
        var writes = run.Plan?.Writes.Count() ?? 0;
        await SandboxHost.SettleAsync(deletes: true);
        var problem = exit switch
        {
            0 => await NextPlanProblemAsync(driver),
            // The fault hit the first write: nothing applied, nothing to undo, and the org must show it.
            1 when run.Deployment?.Applied == 0 => JToken.DeepEquals(await sandbox.ComparableStateAsync(), before) ? null : "exit 1 (nothing applied) but the org differs from before",
            3 when run.Rollback?.IsComplete != true => "exit 3 but the rollback says it is incomplete",
            3 => JToken.DeepEquals(await sandbox.ComparableStateAsync(), before) ? null : "exit 3 (restored) but the org differs from before",
            _ => $"exit {exit}: neither converged nor restored",
        };
        return new Outcome(seed, label, exit, writes, problem is null ? null : problem + "\n" + driver.Output);
    }

    private static async Task<string?> NextPlanProblemAsync(PipelineDriver driver)
    {
        var (again, exit) = await driver.RunAsync("DryRun");
        return exit == 0 && again.Plan?.HasChanges == false ? null : "exit 0 but the next plan still has changes";
    }

    private static async Task SyncAsync(PipelineDriver driver)
    {
        var sync = driver.NewRun("Sync", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Force = true });
        await sync.AuthAsync();
        await sync.ExtractAsync();
        sync.Normalize();
        sync.SyncState();
        await SandboxHost.SettleAsync();
    }

    /// <summary>8 skills and 6 wrap-up codes to create, every queue's description to update, and two queues gaining codes: 26 writes.</summary>
    private static void PlanTwentyOddWrites(TestRepository repository)
    {
        for (var i = 1; i <= 8; i++)
        {
            repository.Write($"state/dev/routing/skills/random-skill-{i:00}.json", new JObject { ["name"] = $"Random Skill {i:00}" } + "\n");
        }

        for (var i = 1; i <= 6; i++)
        {
            repository.Write($"state/dev/routing/wrapupcodes/random-code-{i:00}.json", new JObject { ["name"] = $"Random Code {i:00}", ["division"] = "Home" } + "\n");
        }

        var queues = Directory.GetFiles(repository.PathOf("state/dev/routing/queues"), "*.json").Order(StringComparer.Ordinal).ToList();
        foreach (var (file, index) in queues.Select((f, i) => (f, i)))
        {
            var queue = JObject.Parse(File.ReadAllText(file));
            queue["description"] = $"{(string?)queue["description"]} (reviewed)";
            if (index < 2)
            {
                var codes = queue["wrapupCodes"] as JArray ?? [];
                codes.Add($"Random Code {index + 1:00}");
                queue["wrapupCodes"] = codes;
            }

            File.WriteAllText(file, queue + "\n");
        }
    }

    private sealed record Outcome(int Seed, string Fault, int Exit, int Writes, string? Problem);
}
