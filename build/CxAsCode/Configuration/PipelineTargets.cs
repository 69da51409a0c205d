namespace CxAsCode.Configuration;

/// <summary>
/// The build graph's targets: the one list <c>build/build.cake</c> takes its task descriptions from, and
/// <c>--target</c> is checked against. The script declares the same dependencies with <c>IsDependentOn</c>;
/// a test keeps the two equal.
/// </summary>
public static class PipelineTargets
{
    /// <summary>The target that runs when <c>--target</c> is not given.</summary>
    public const string Default = "DryRun";

    public static IReadOnlyList<PipelineTarget> All { get; } =
    [
        new("Auth", "Picks the org and credential (`GENESYSCLOUD_*` variables, else the local sandbox) and gets a token.", null, true),
        new("Extract", "Reads `state/<env>` and every managed kind from the org, one list page at a time (largest page size).", "Auth", true),
        new("Normalize", "Turns live JSON and state files into one canonical form: references by name, no volatile fields.", "Extract", true),
        new("Validate", "Fails before any write on malformed files, schema errors, duplicates, dangling references or unmapped divisions.", "Normalize", true),
        new("DryRun", "Prints the plan; writes `artifacts/<env>/plan.json` and `plan.md` (and the GitHub step summary).", "Validate", true),
        new("Deploy", "Applies the plan in dependency order, journaling every write; on failure undoes this run's writes.", "DryRun", true),
        new("Rollback", "Undoes the writes a journal records (`--journal`, default the newest), newest first, guarded; resumable.", "Auth", true),
        new("Sync", "Writes live configuration into `state/<env>` in canonical form; `--commit` commits it.", "Normalize", true),
        new("Promote", "Copies desired state from `--from` to `--to` (all, or `--only` objects), validated against the target's mappings; `mappings/` untouched.", null, false),
        new("Sandbox", "Runs the local Genesys Cloud API emulator in the foreground on `127.0.0.1:<port>`, org kept in `.sandbox/`.", null, false),
        new("Benchmark", "Measures Extract, DryRun and Deploy against a generated org in the sandbox beside two baselines, and DryRun's CPU and memory as the org grows; writes `artifacts/benchmark/results.md` and `results.json`.", null, false),
        new("Test", "Checks formatting, then runs every test (unit, WireMock, sandbox integration, `./build.sh` end to end).", null, false),
        new("Help", "Prints the targets, arguments, environment variables and exit codes (also `./build.sh --help`).", null, false),
    ];

    /// <summary>The target of that name, ignoring case as Cake does; null when there is none.</summary>
    public static PipelineTarget? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The description for Cake's <c>--description</c>: the table's line without Markdown.</summary>
    public static string Describe(string name) =>
        (Find(name) ?? throw new ArgumentException($"No target named {name}.", nameof(name))).Description.Replace("`", string.Empty, StringComparison.Ordinal);

    /// <summary>What runs before <paramref name="name"/>, nearest first (Deploy: DryRun, Validate, … Auth).</summary>
    public static IReadOnlyList<string> DependenciesOf(string name)
    {
        var chain = new List<string>();
        for (var target = Find(name); target?.DependsOn is { } before; target = Find(before))
        {
            chain.Add(before);
        }

        return chain;
    }
}
