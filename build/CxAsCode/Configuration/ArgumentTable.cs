namespace CxAsCode.Configuration;

/// <summary>
/// Every argument the pipeline takes, in the order help lists them: the single source for parsing
/// (<see cref="PipelineArguments"/>), <c>./build.sh --help</c> and the README's Arguments table (a test
/// compares the README with <see cref="HelpText.ArgumentsMarkdown"/>).
/// </summary>
public static class ArgumentTable
{
    private static readonly string[] Every = [.. PipelineTargets.All.Select(t => t.Name)];
    private static readonly string[] ReachingTheOrg = [.. PipelineTargets.All.Where(t => t.ReachesOrg).Select(t => t.Name)];

    public static PipelineArgument Target { get; } = new()
    {
        Name = "target",
        Kind = ArgumentKind.Text,
        Placeholder = "<name>",
        Default = PipelineTargets.Default,
        UsedBy = Every,
        Help = "the task to run: one of the targets",
    };

    public static PipelineArgument Env { get; } = new()
    {
        Name = "env",
        Kind = ArgumentKind.Text,
        Placeholder = "<name>",
        Default = "dev",
        UsedBy = ReachingTheOrg,
        Help = "the environment: one of the folders under `state/`; anything else is refused",
    };

    public static PipelineArgument Out { get; } = new()
    {
        Name = "out",
        Kind = ArgumentKind.Text,
        Placeholder = "<file>",
        UsedBy = ["DryRun", "Deploy"],
        Help = "also save the plan to this file",
    };

    public static PipelineArgument Plan { get; } = new()
    {
        Name = "plan",
        Kind = ArgumentKind.Text,
        Placeholder = "<file>",
        UsedBy = ["DryRun", "Deploy"],
        Help = "deploy exactly this saved plan: no re-planning, `state/` not read; refused before the first write if the file was edited (hash) or any planned object changed since",
    };

    public static PipelineArgument Prune { get; } = new()
    {
        Name = "prune",
        Kind = ArgumentKind.Flag,
        Default = "false",
        UsedBy = ["DryRun", "Deploy"],
        Help = "plan deletes for live objects state does not have (without it they are reported as unmanaged)",
    };

    public static PipelineArgument ForceDelete { get; } = new()
    {
        Name = "force-delete",
        Kind = ArgumentKind.Flag,
        Default = "false",
        UsedBy = ["DryRun", "Deploy"],
        Help = "planned queue deletes end the queue's conversations in progress (`forceDelete=true`); the plan records and shows it (without it the platform refuses to delete a queue in use)",
    };

    public static PipelineArgument ForceUnlock { get; } = new()
    {
        Name = "force-unlock",
        Kind = ArgumentKind.Flag,
        Default = "false",
        UsedBy = ["Deploy"],
        Help = "a flow someone has checked out in Architect is unlocked and published over (their unsaved changes are lost; the unlock is journaled and reported) instead of stopping the deploy before any write",
    };

    public static PipelineArgument DetailedExitCode { get; } = new()
    {
        Name = "detailed-exitcode",
        Kind = ArgumentKind.Flag,
        Default = "false",
        UsedBy = ["DryRun"],
        Help = "DryRun exits 2 when it finds changes",
    };

    public static PipelineArgument Sandbox { get; } = new()
    {
        Name = "sandbox",
        Kind = ArgumentKind.Flag,
        Default = "false",
        UsedBy = ReachingTheOrg,
        Help = "use the local sandbox even in CI or with credentials set",
    };

    public static PipelineArgument Confirm { get; } = new()
    {
        Name = "confirm",
        Kind = ArgumentKind.Text,
        Placeholder = "<env>",
        UsedBy = ["Deploy"],
        Help = "`--confirm=prod` is required for a deploy to `prod` from a workstation (not in CI)",
    };

    public static PipelineArgument Journal { get; } = new()
    {
        Name = "journal",
        Kind = ArgumentKind.Text,
        Placeholder = "<file>",
        UsedBy = ["Rollback"],
        Help = "the journal `Rollback` works from (default the newest under `artifacts/<env>/`)",
    };

    public static PipelineArgument Commit { get; } = new()
    {
        Name = "commit",
        Kind = ArgumentKind.Flag,
        Default = "false",
        UsedBy = ["Sync", "Promote"],
        Help = "Sync and Promote commit the files they changed, with a message naming the environment(s) and counts",
    };

    public static PipelineArgument From { get; } = new()
    {
        Name = "from",
        Kind = ArgumentKind.Text,
        Placeholder = "<env>",
        UsedBy = ["Promote"],
        Help = "the environment `Promote` copies desired state from",
    };

    public static PipelineArgument To { get; } = new()
    {
        Name = "to",
        Kind = ArgumentKind.Text,
        Placeholder = "<env>",
        UsedBy = ["Promote"],
        Help = "the environment `Promote` copies desired state into (its `mappings/` file is left alone)",
    };

    public static PipelineArgument Only { get; } = new()
    {
        Name = "only",
        Kind = ArgumentKind.Text,
        Placeholder = "<kind>/<name>",
        Repeatable = true,
        UsedBy = ["Promote"],
        Help = "promote just this object (e.g. `queues/Billing Support`; a user by email, `users/priya.shah@northwind-energy.example`; a flow by type and name, `flows/inboundCall/Main IVR`); repeat it for more; without it everything is promoted",
    };

    public static PipelineArgument Force { get; } = new()
    {
        Name = "force",
        Kind = ArgumentKind.Flag,
        Default = "false",
        UsedBy = ["Sync"],
        Help = "Sync overwrites uncommitted changes in `state/<env>` (without it, it refuses)",
    };

    public static PipelineArgument Parallelism { get; } = new()
    {
        Name = "parallelism",
        Kind = ArgumentKind.Number,
        Placeholder = "<n>",
        Default = "4",
        Minimum = 1,
        UsedBy = ["Deploy"],
        Help = "objects written at once inside one dependency rank",
    };

    public static PipelineArgument RateLimit { get; } = new()
    {
        Name = "rate-limit",
        Kind = ArgumentKind.Number,
        Placeholder = "<n>",
        Default = "300",
        Minimum = 1,
        UsedBy = [.. ReachingTheOrg, "Benchmark"],
        Help = "requests per minute for the whole run, all calls sharing one budget (300 is the per-token limit)",
    };

    public static PipelineArgument TokenPoolSize { get; } = new()
    {
        Name = "token-pool-size",
        Kind = ArgumentKind.Number,
        Placeholder = "<n>",
        Default = "10",
        Minimum = 1,
        Maximum = 20,
        UsedBy = [.. ReachingTheOrg, "Benchmark"],
        Help = "tokens obtained from the same credentials, each with its own rate window (the platform limits each token; the Terraform provider's `token_pool_size`); also `GENESYSCLOUD_TOKEN_POOL_SIZE`",
    };

    public static PipelineArgument Objects { get; } = new()
    {
        Name = "objects",
        Kind = ArgumentKind.Number,
        Placeholder = "<n>",
        Default = "1000",
        Minimum = 10,
        Maximum = 200_000,
        UsedBy = ["Benchmark"],
        Help = "managed objects in the benchmark's generated org (skills, wrap-up codes and queues in the proportions of a real one)",
    };

    public static PipelineArgument Changes { get; } = new()
    {
        Name = "changes",
        Kind = ArgumentKind.Number,
        Placeholder = "<n>",
        Default = "50",
        Minimum = 0,
        Maximum = 10_000,
        UsedBy = ["Benchmark"],
        Help = "changes the benchmark's deploy makes (updated queues and wrap-up codes, new skills)",
    };

    public static PipelineArgument Scales { get; } = new()
    {
        Name = "scales",
        Kind = ArgumentKind.Text,
        Placeholder = "<n,n,…>",
        Default = "1000,10000,50000",
        UsedBy = ["Benchmark"],
        Help = "org sizes at which the benchmark measures a DryRun's CPU and peak memory (each in a process of its own)",
    };

    public static PipelineArgument MaxRetryAfter { get; } = new()
    {
        Name = "max-retry-after",
        Kind = ArgumentKind.Number,
        Placeholder = "<s>",
        Default = "180",
        Minimum = 0,
        UsedBy = ReachingTheOrg,
        Help = "the longest `Retry-After` (seconds) worth waiting for; a longer one stops the run",
    };

    public static PipelineArgument ConsistencyWindow { get; } = new()
    {
        Name = "consistency-window",
        Kind = ArgumentKind.Number,
        Placeholder = "<s>",
        Default = "60",
        Minimum = 0,
        UsedBy = ["Deploy", "Rollback"],
        Help = "how long (seconds) to keep re-reading an eventually consistent API before reporting an outcome as unknown",
    };

    public static PipelineArgument Port { get; } = new()
    {
        Name = "port",
        Kind = ArgumentKind.Number,
        Placeholder = "<n>",
        Default = "8787",
        Minimum = 0,
        Maximum = 65535,
        UsedBy = ["Sandbox"],
        Help = "the port the `Sandbox` target listens on (0: any free port)",
    };

    /// <summary>Every argument, in help order. Declared last: static properties initialise top to bottom.</summary>
    public static IReadOnlyList<PipelineArgument> All { get; } =
        [Target, Env, Out, Plan, Prune, ForceDelete, ForceUnlock, DetailedExitCode, Sandbox, Confirm, Journal, Commit, Force, From, To, Only, Parallelism, RateLimit, TokenPoolSize, MaxRetryAfter, ConsistencyWindow, Port, Objects, Changes, Scales];

    /// <summary>The argument of that name, ignoring case as Cake does; null when there is none.</summary>
    public static PipelineArgument? Find(string name) =>
        All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
}
