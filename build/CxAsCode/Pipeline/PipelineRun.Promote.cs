using CxAsCode.Configuration;
using CxAsCode.State;
using CxAsCode.Validation;

namespace CxAsCode.Pipeline;

/// <summary>Promote: desired state copied from one environment to another, validated before a file changes.</summary>
public sealed partial class PipelineRun
{
    /// <summary>
    /// Copies <c>state/&lt;from&gt;</c> (or the <c>--only</c> objects) into <c>state/&lt;to&gt;</c>, leaving
    /// <c>mappings/</c> alone. The target as it would be is validated against the target's mappings first
    /// (a <c>{{key}}</c> or a division the target does not map is named before any file is written); then
    /// the changed files are listed and, with <c>--commit</c>, committed.
    /// </summary>
    public void Promote()
    {
        var from = Environments.Require(Options.From ?? throw new ConfigurationException("Promote needs --from=<env> and --to=<env>."), Options.RepositoryRoot);
        var to = Environments.Require(Options.To ?? throw new ConfigurationException("Promote needs --to=<env>."), Options.RepositoryRoot);
        if (from == to)
        {
            throw new ConfigurationException($"--from and --to are both '{from}': promote between two environments.");
        }

        var source = _store.LoadDesired(from);
        if (source.Problems.Count > 0)
        {
            ReportProblems(source.Problems, $"{source.EnvironmentPath} has problems; fix them before promoting it; nothing was copied.");
        }

        var target = _store.LoadDesired(to);
        var promoted = Promotion.Select(source, Options.Only);
        var everything = Options.Only.Count == 0;
        var (mappings, mappingProblems) = _store.LoadMappings(to);
        var after = new DesiredState(target.EnvironmentPath, target.MappingsPath, Promotion.Merge(promoted, target, everything), [])
        {
            Flows = Promotion.MergeFlows(source, promoted, target, everything),
        };
        var problems = mappingProblems.Concat(StateValidator.Validate(after, mappings, _ => null)).ToList();
        if (problems.Count > 0)
        {
            ReportProblems(problems, $"promoting {from} into {to} would leave {problems.Count} problem(s) in {target.EnvironmentPath}; nothing was copied.");
        }

        var fromFolder = _store.EnvironmentFolder(from);
        var toFolder = _store.EnvironmentFolder(to);
        var changes = Promotion.Changes(
            promoted,
            target,
            everything,
            file => SameBytes(Path.Combine(fromFolder, file), Path.Combine(toFolder, file)),
            file => File.Exists(Path.Combine(fromFolder, file)),
            file => File.Exists(Path.Combine(toFolder, file)));
        foreach (var change in changes)
        {
            var destination = Path.Combine(toFolder, change.File);
            if (change.Kind == PromotionChangeKind.Removed)
            {
                File.Delete(destination);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(Path.Combine(fromFolder, change.File), destination, overwrite: true);
            }

            Log($"  {change.Kind.ToString().ToLowerInvariant(),-7} state/{to}/{change.File}");
        }

        var counts = $"{Count(PromotionChangeKind.Added)} added, {Count(PromotionChangeKind.Updated)} updated, {Count(PromotionChangeKind.Removed)} removed";
        Log(changes.Count == 0
            ? $"Promote: state/{to} already holds {(everything ? $"state/{from}" : "those objects")}; no file changed."
            : $"Promote {from} → {to}: {counts} ({promoted.Count} object(s) promoted). Next: ./build.sh --target=DryRun --env={to}");
        if (Options.Commit && changes.Count > 0)
        {
            var message = $"Promote {from} to {to}: {counts}";
            Log(Git.CommitPath(Options.RepositoryRoot, $"state/{to}", message) ? $"Promote: committed \"{message}\"." : "Promote: nothing to commit.");
        }

        int Count(PromotionChangeKind kind) => changes.Count(c => c.Kind == kind);
    }

    private void ReportProblems(IReadOnlyList<ValidationError> problems, string summary)
    {
        ValidationErrors = problems;
        foreach (var problem in problems)
        {
            Log("  " + problem);
            GitHub.Error($"{problem.JsonPath}: {problem.Message}", problem.File);
        }

        throw new ValidationFailedException(summary);
    }

    private static bool SameBytes(string left, string right) =>
        File.Exists(right) && File.ReadAllBytes(left).AsSpan().SequenceEqual(File.ReadAllBytes(right));
}
