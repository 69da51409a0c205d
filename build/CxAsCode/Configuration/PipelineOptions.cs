namespace CxAsCode.Configuration;

/// <summary>
/// Everything a run was asked to do, from the build arguments (<see cref="PipelineArguments"/> parses them by
/// <see cref="ArgumentTable"/>, which also holds the defaults). Secrets are not here: they are read from
/// environment variables once, by <see cref="Connection"/>.
/// </summary>
public sealed class PipelineOptions
{
    /// <summary>The Cake target (DryRun, Deploy…).</summary>
    public string Target { get; init; } = PipelineTargets.Default;

    /// <summary>The environment: a folder under <c>state/</c>. Default <c>dev</c>.</summary>
    public string Environment { get; init; } = ArgumentTable.Env.Default!;

    /// <summary>The repository root (holds <c>state/</c>, <c>mappings/</c>, <c>artifacts/</c>).</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>--out: also save the plan here (<c>artifacts/&lt;env&gt;/plan.json</c> is always written).</summary>
    public string? OutPath { get; init; }

    /// <summary>--plan: apply this saved plan exactly instead of planning again.</summary>
    public string? PlanPath { get; init; }

    /// <summary>--prune: delete live objects that state does not have. Default off: they are reported as unmanaged.</summary>
    public bool Prune { get; init; }

    /// <summary>--force-delete: planned deletes of kinds that can end work in progress do so (queues: <c>forceDelete=true</c>).</summary>
    public bool ForceDelete { get; init; }

    /// <summary>--force-unlock: a flow someone holds the lock of is unlocked and published over, not a reason to stop.</summary>
    public bool ForceUnlock { get; init; }

    /// <summary>--detailed-exitcode: exit 2 when DryRun finds changes.</summary>
    public bool DetailedExitCode { get; init; }

    /// <summary>--sandbox: use the local sandbox even in CI or with credentials set.</summary>
    public bool UseSandbox { get; init; }

    /// <summary>--confirm: must name the environment for a deploy to prod from a workstation.</summary>
    public string? Confirm { get; init; }

    /// <summary>--journal: the journal a Rollback run resumes; default the newest under <c>artifacts/&lt;env&gt;</c>.</summary>
    public string? JournalPath { get; init; }

    /// <summary>--commit: Sync commits what it changed.</summary>
    public bool Commit { get; init; }

    /// <summary>--from: the environment Promote copies from.</summary>
    public string? From { get; init; }

    /// <summary>--to: the environment Promote copies into.</summary>
    public string? To { get; init; }

    /// <summary>--only (repeatable): the <c>kind/name</c> objects Promote copies; empty means all.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>--force: Sync overwrites uncommitted changes in <c>state/&lt;env&gt;</c>.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// --consistency-window: how long (seconds) the engine keeps re-reading an eventually consistent
    /// platform before it reports an outcome as unknown. Default 60.
    /// </summary>
    public int ConsistencyWindowSeconds { get; init; } = ArgumentTable.ConsistencyWindow.DefaultNumber;

    /// <summary>--port: where the Sandbox target listens. Default 8787.</summary>
    public int SandboxPort { get; init; } = ArgumentTable.Port.DefaultNumber;

    /// <summary>--parallelism: objects written at once inside a dependency rank. Default 4.</summary>
    public int Parallelism { get; init; } = ArgumentTable.Parallelism.DefaultNumber;

    /// <summary>--rate-limit: requests per minute for the whole run. Default 300.</summary>
    public int RequestsPerMinute { get; init; } = ArgumentTable.RateLimit.DefaultNumber;

    /// <summary><c>--token-pool-size</c>, 1–20; null when not given (then <c>GENESYSCLOUD_TOKEN_POOL_SIZE</c>, else 10:
    /// <see cref="TokenPoolSizes.Resolve"/>).</summary>
    public int? TokenPoolSize { get; init; }

    /// <summary>The Benchmark target's org size (<c>--objects</c>).</summary>
    public int BenchmarkObjects { get; init; } = ArgumentTable.Objects.DefaultNumber;

    /// <summary>The Benchmark target's changes (<c>--changes</c>).</summary>
    public int BenchmarkChanges { get; init; } = ArgumentTable.Changes.DefaultNumber;

    /// <summary>The Benchmark target's org sizes for CPU and memory (<c>--scales</c>).</summary>
    public IReadOnlyList<int> BenchmarkScales { get; init; } = [1000, 10_000, 50_000];

    /// <summary>--max-retry-after: the longest Retry-After (seconds) worth waiting for. Default 180.</summary>
    public int MaxRetryAfterSeconds { get; init; } = ArgumentTable.MaxRetryAfter.DefaultNumber;

    /// <summary>Arguments given that this target does not read (printed as warnings, kept in the report).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public string ArtifactsFolder => Path.Combine(RepositoryRoot, "artifacts", Environment);
}
