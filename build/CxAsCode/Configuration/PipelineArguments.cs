using System.Globalization;

namespace CxAsCode.Configuration;

/// <summary>
/// Turns every argument Cake received into <see cref="PipelineOptions"/>, strictly, by <see cref="ArgumentTable"/>:
/// an unknown name, a repeated one, a flag that is not true/false, a number out of range or a missing value
/// is a <see cref="ConfigurationException"/> naming the argument, before any task runs.
/// </summary>
public static class PipelineArguments
{
    /// <param name="arguments">Cake's <c>Context.Arguments.GetArguments()</c>: name → the values given (null for none).</param>
    /// <param name="repositoryRoot">Where <c>state/</c> lives (the environment allow-list).</param>
    /// <param name="exclusive">Whether Cake's <c>--exclusive</c> was given.</param>
    /// <param name="ownTargets">Targets a script that loads <c>build/pipeline.cake</c> adds (a release build's
    /// "Package" or "SmokeTest"): accepted as <c>--target</c> too.</param>
    public static PipelineOptions Parse(IDictionary<string, ICollection<string>> arguments, string repositoryRoot, bool exclusive = false, IReadOnlyCollection<string>? ownTargets = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var given = new Dictionary<PipelineArgument, string?>();
        var repeated = new Dictionary<PipelineArgument, IReadOnlyList<string>>();
        foreach (var (name, values) in arguments)
        {
            if (CakeOptions.Owns(name))
            {
                continue;
            }

            var argument = ArgumentTable.Find(name) ?? throw Unknown(name);
            if (argument.Repeatable)
            {
                repeated[argument] = [.. values.Select(v => RequireText(argument, v))];
                given[argument] = values.FirstOrDefault();
                continue;
            }

            if (values.Count > 1)
            {
                throw new ConfigurationException($"--{argument.Name} was given {values.Count} times ({string.Join(", ", values.Select(v => $"'{Printable(v)}'"))}); give it once.");
            }

            given[argument] = values.FirstOrDefault();
        }

        string? Text(PipelineArgument argument) => given.TryGetValue(argument, out var value) ? RequireText(argument, value) : argument.Default;
        bool Flag(PipelineArgument argument) => given.TryGetValue(argument, out var value) && ParseFlag(argument, value);
        int Number(PipelineArgument argument) => given.TryGetValue(argument, out var value) ? ParseNumber(argument, value) : argument.DefaultNumber;

        var requested = Text(ArgumentTable.Target)!;
        var own = ownTargets?.FirstOrDefault(t => string.Equals(t, requested, StringComparison.OrdinalIgnoreCase));
        var target = own ?? RequireTarget(requested, exclusive, ownTargets ?? []);
        return new PipelineOptions
        {
            Target = target,
            Environment = Environments.Require(Text(ArgumentTable.Env), repositoryRoot),
            RepositoryRoot = repositoryRoot,
            OutPath = Text(ArgumentTable.Out),
            PlanPath = Text(ArgumentTable.Plan),
            Prune = Flag(ArgumentTable.Prune),
            ForceDelete = Flag(ArgumentTable.ForceDelete),
            ForceUnlock = Flag(ArgumentTable.ForceUnlock),
            DetailedExitCode = Flag(ArgumentTable.DetailedExitCode),
            UseSandbox = Flag(ArgumentTable.Sandbox),
            Confirm = Text(ArgumentTable.Confirm),
            JournalPath = Text(ArgumentTable.Journal),
            Commit = Flag(ArgumentTable.Commit),
            Force = Flag(ArgumentTable.Force),
            From = Text(ArgumentTable.From),
            To = Text(ArgumentTable.To),
            Only = repeated.GetValueOrDefault(ArgumentTable.Only) ?? [],
            Parallelism = Number(ArgumentTable.Parallelism),
            RequestsPerMinute = Number(ArgumentTable.RateLimit),
            TokenPoolSize = given.ContainsKey(ArgumentTable.TokenPoolSize) ? Number(ArgumentTable.TokenPoolSize) : null,
            BenchmarkObjects = Number(ArgumentTable.Objects),
            BenchmarkChanges = Number(ArgumentTable.Changes),
            BenchmarkScales = Sizes(Text(ArgumentTable.Scales)!),
            MaxRetryAfterSeconds = Number(ArgumentTable.MaxRetryAfter),
            ConsistencyWindowSeconds = Number(ArgumentTable.ConsistencyWindow),
            SandboxPort = Number(ArgumentTable.Port),
            // A loading script's own target may run any of ours before it: no argument is out of place there.
            Warnings = own is not null ? [] : [.. given.Keys.Where(a => !a.UsedBy.Contains(target, StringComparer.Ordinal)).Select(a => $"--{a.Name} has no effect on {target}; it is read by {a.UsedByText}.")],
        };
    }

    /// <summary>A comma-separated list of org sizes, each at least 10.</summary>
    private static IReadOnlyList<int> Sizes(string text)
    {
        var sizes = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return sizes.Length > 0 && sizes.All(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 10 and <= 200_000)
            ? [.. sizes.Select(s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture))]
            : throw new ConfigurationException($"--scales takes org sizes separated by commas, each a whole number from 10 to 200000 (got '{Printable(text)}').");
    }

    private static ConfigurationException Unknown(string name)
    {
        var bare = name.TrimStart('-');
        var target = PipelineTargets.All.FirstOrDefault(t => string.Equals(t.Name, bare.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        var nearest = NearestName.Suggest(bare, ArgumentTable.All.Select(a => a.Name).Concat(CakeOptions.Names));
        var hint = target is not null ? $"; did you mean --target={target.Name}?"
            : nearest is not null ? $"; did you mean --{nearest}?"
            : ".";
        return new ConfigurationException($"Unknown argument --{Printable(bare)}{hint} ./build.sh --help lists the arguments.");
    }

    private static string RequireTarget(string name, bool exclusive, IReadOnlyCollection<string> ownTargets)
    {
        var target = PipelineTargets.Find(name);
        if (target is null)
        {
            var names = PipelineTargets.All.Select(t => t.Name).Concat(ownTargets).ToList();
            var nearest = NearestName.Suggest(name, names);
            throw new ConfigurationException($"--target must be one of: {string.Join(", ", names)} (got '{Printable(name)}'){(nearest is null ? "." : $"; did you mean {nearest}?")}");
        }

        // Cake's --exclusive skips the dependencies, but each task needs what the ones before it produced.
        var before = PipelineTargets.DependenciesOf(target.Name);
        if (exclusive && before.Count > 0)
        {
            throw new ConfigurationException($"--exclusive would run {target.Name} without {string.Join(", ", before)}, which produce what it needs: leave --exclusive out.");
        }

        return target.Name;
    }

    private static string RequireText(PipelineArgument argument, string? value) =>
        !string.IsNullOrWhiteSpace(value) ? value : throw new ConfigurationException($"--{argument.Name} needs a value: {argument.Usage}.");

    private static bool ParseFlag(PipelineArgument argument, string? value) => value switch
    {
        null => true,
        _ when string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) => true,
        _ when string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw new ConfigurationException($"--{argument.Name} takes {argument.Accepts} (got '{Printable(value)}'): --{argument.Name} or --{argument.Name}=false."),
    };

    private static int ParseNumber(PipelineArgument argument, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigurationException($"--{argument.Name} needs a value: {argument.Usage}, {argument.Accepts}.");
        }

        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            throw new ConfigurationException($"--{argument.Name} takes {argument.Accepts} (got '{Printable(value)}').");
        }

        return number >= argument.Minimum && number <= argument.Maximum
            ? number
            : throw new ConfigurationException($"--{argument.Name} must be {(argument.Maximum == int.MaxValue ? $"at least {argument.Minimum}" : $"from {argument.Minimum} to {argument.Maximum}")} (got {number}).");
    }

    /// <summary>Arguments come from anywhere (CI inputs): show at most 40 characters, control characters as '?'.</summary>
    private static string Printable(string? value) =>
        value is null ? string.Empty : new string([.. value.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
}
