using CxAsCode.Configuration;
using CxAsCode.Deployment;

namespace CxAsCode.Pipeline;

/// <summary>Where a run keeps its report and journal, and which journal a plain Rollback works from.</summary>
public sealed partial class PipelineRun
{
    private bool _ownRunFolder;
    private string? _rollbackJournal;

    /// <summary>The journal the Rollback target worked from (null before it picked one).</summary>
    public string? RollbackJournalPath => _rollbackJournal;

    /// <summary>
    /// A deploy or rollback keeps its own run folder (its journal and report); making one prunes the
    /// oldest beyond <see cref="RunFolders.Kept"/>.
    /// </summary>
    private void StartRunFolder()
    {
        _ownRunFolder = true;
        var pruned = RunFolders.Prune(Options.ArtifactsFolder, RunFolders.Kept - 1);
        if (pruned.Count > 0)
        {
            Log($"Pruned {pruned.Count} old run folder(s) under {Relative(Options.ArtifactsFolder)}: each environment keeps its newest {RunFolders.Kept}, and any whose journal has pending writes or an incomplete rollback.");
        }
    }

    /// <summary>
    /// The newest journal under <c>artifacts/&lt;env&gt;</c> by when its run started (not by file time, which a
    /// resumed rollback changes), named with that time. Refused when a later deploy found nothing to change:
    /// then this journal is not the latest deploy's, and undoing it would move the org away from what that
    /// deploy confirmed; <c>--journal</c> does it on purpose.
    /// </summary>
    private string PickNewestJournal()
    {
        var newest = RunFolders.Journals(Options.ArtifactsFolder)
            .Select(path => (Path: path, Header: ReadJournal(path).Header))
            .Select(j => (j.Path, j.Header, Started: RunFolders.StartOf(j.Path, j.Header)))
            .OrderByDescending(j => j.Started)
            .FirstOrDefault();
        if (newest.Path is null)
        {
            throw new ConfigurationException($"No journal under {Relative(Options.ArtifactsFolder)}; pass --journal=<path>.");
        }

        var run = newest.Header?.RunId ?? Path.GetFileName(Path.GetDirectoryName(newest.Path));
        var journal = Relative(newest.Path);
        Log($"Rollback: from {journal}, the newest journal of {Options.Environment} (run {run}, started {newest.Started:u}).");
        if (RunFolders.NewestNoChangeDeploy(Options.ArtifactsFolder) is { } later && later.Started > newest.Started)
        {
            throw new ConfigurationException(
                $"{journal} (run {run}, started {newest.Started:u}) is older than the latest deploy to {Options.Environment} " +
                $"(run {Path.GetFileName(later.Folder)}, started {later.Started:u}, which found nothing to change): undoing it would move {Options.Environment} away from what that deploy confirmed. " +
                $"To roll it back anyway, pass --journal={journal}.");
        }

        return newest.Path;
    }

    /// <summary>Reads a journal, tolerating a torn last line; any other damage stops the run naming the file and line.</summary>
    private JournalContent ReadJournal(string path) => JournalFile.Read(path, Relative(path));
}
