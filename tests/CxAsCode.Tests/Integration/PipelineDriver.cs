using CxAsCode.Configuration;
using CxAsCode.Pipeline;

namespace CxAsCode.Tests.Integration;

/// <summary>Runs the engine the way build/build.cake wires it, without Cake: same order, same failure flow.</summary>
internal sealed class PipelineDriver : IDisposable
{
    private readonly List<PipelineRun> _runs = [];
    private readonly SandboxHost _sandbox;
    private readonly TestRepository _repository;

    public PipelineDriver(SandboxHost sandbox, TestRepository repository)
    {
        _sandbox = sandbox;
        _repository = repository;
    }

    public StringWriter Output { get; } = new();

    /// <summary>The environment variables runs see; the sandbox's credentials unless a test sets others.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; set; }

    public PipelineRun NewRun(string target, Func<PipelineOptions, PipelineOptions>? adjust = null)
    {
        var options = new PipelineOptions { Target = target, Environment = "dev", RepositoryRoot = _repository.Root, Parallelism = 1 };
        var environment = Environment ?? _sandbox.Environment;
        var run = PipelineRun.Create(adjust?.Invoke(options) ?? options, name => environment.GetValueOrDefault(name), TimeProvider.System, Output);
        _runs.Add(run);
        return run;
    }

    public void Dispose()
    {
        foreach (var run in _runs)
        {
            run.Dispose();
        }

        Output.Dispose();
    }

    /// <summary>Auth → Extract → Normalize → Validate → DryRun.</summary>
    public static async Task PlanAsync(PipelineRun run)
    {
        await run.AuthAsync();
        await run.ExtractAsync();
        run.Normalize();
        run.Validate();
        run.DryRun();
    }

    /// <summary>
    /// Deploy with the Cake graph's OnError hook (rollback), then Finish; returns the exit code. Like the
    /// graph, Deploy runs with no changes too (it says so and sends nothing).
    /// </summary>
    public static async Task<int> DeployAsync(PipelineRun run)
    {
        try
        {
            await run.DeployAsync();
        }
        catch (Exception e)
        {
            await run.RollBackFailedDeployAsync(e);
        }

        return run.Finish(null);
    }

    /// <summary>The Rollback target as the graph wires it (Auth → Rollback), then Finish; returns the exit code.</summary>
    public async Task<(PipelineRun Run, int ExitCode)> RollbackAsync(Func<PipelineOptions, PipelineOptions>? adjust = null)
    {
        var run = NewRun("Rollback", adjust);
        try
        {
            await run.AuthAsync();
            await run.RollbackAsync();
            return (run, run.Finish(null));
        }
        catch (Exception e)
        {
            return (run, run.Finish(e));
        }
    }

    /// <summary>A whole run of a target; returns the exit code (Finish records any failure, as Teardown does).</summary>
    public async Task<(PipelineRun Run, int ExitCode)> RunAsync(string target, Func<PipelineOptions, PipelineOptions>? adjust = null)
    {
        var run = NewRun(target, adjust);
        try
        {
            await PlanAsync(run);
            return (run, target == "Deploy" ? await DeployAsync(run) : run.Finish(null));
        }
        catch (Exception e)
        {
            return (run, run.Finish(e));
        }
    }

    /// <summary>
    /// Sync with <c>--force</c>, phase by phase: for tests about what Sync writes, not its refusal to overwrite local
    /// work (SyncGuardTests).
    /// </summary>
    public async Task<PipelineRun> SyncForcedAsync()
    {
        var run = NewRun("Sync", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Parallelism = o.Parallelism, Force = true });
        await run.AuthAsync();
        await run.ExtractAsync();
        run.Normalize();
        run.SyncState();
        return run;
    }

    /// <summary>The run's options with a per-token pace and a token pool, for runs against a sandbox that limits each token.</summary>
    public static PipelineOptions Paced(PipelineOptions o, int requestsPerMinute, int tokenPoolSize) => new()
    {
        Target = o.Target,
        Environment = o.Environment,
        RepositoryRoot = o.RepositoryRoot,
        Parallelism = o.Parallelism,
        RequestsPerMinute = requestsPerMinute,
        TokenPoolSize = tokenPoolSize,
    };
}
