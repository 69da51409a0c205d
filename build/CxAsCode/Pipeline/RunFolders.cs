using System.Globalization;
using System.Text.RegularExpressions;
using CxAsCode.Deployment;
using CxAsCode.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Pipeline;

/// <summary>
/// The layout of <c>artifacts/&lt;env&gt;/</c>: runs that write nothing to the org (Auth, Validate, DryRun,
/// Sync) share one <c>latest/</c> folder; each Deploy and Rollback keeps a folder named by its run id
/// (<c>20261203T095628Z-3b7995/</c>), holding its journal and report. Old run folders are pruned to
/// <see cref="Kept"/>, except any whose journal still needs a person or a rollback.
/// </summary>
internal static partial class RunFolders
{
    /// <summary>The folder runs that write nothing share.</summary>
    public const string Latest = "latest";

    /// <summary>How many run folders (deploys and rollbacks) each environment keeps; older ones are pruned.</summary>
    public const int Kept = 20;

    private const string JournalName = "journal.jsonl";

    /// <summary>Run folders by their names' run ids (which start with the run's UTC start time), oldest first.</summary>
    public static IReadOnlyList<string> List(string artifactsFolder) =>
        Directory.Exists(artifactsFolder)
            ? [.. Directory.EnumerateDirectories(artifactsFolder).Where(d => RunId().IsMatch(Path.GetFileName(d))).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// Deletes the oldest run folders beyond the newest <paramref name="keep"/>, never one whose journal has
    /// pending intents, an incomplete rollback, or cannot be read. Returns the folders deleted.
    /// </summary>
    public static IReadOnlyList<string> Prune(string artifactsFolder, int keep)
    {
        var folders = List(artifactsFolder);
        var deleted = new List<string>();
        foreach (var folder in folders.Take(Math.Max(0, folders.Count - keep)))
        {
            if (!MayDelete(folder))
            {
                continue;
            }

            Directory.Delete(folder, recursive: true);
            deleted.Add(folder);
        }

        return deleted;
    }

    /// <summary>Every journal directly under a folder of <paramref name="artifactsFolder"/> (not only run folders: a journal is never ignored).</summary>
    public static IEnumerable<string> Journals(string artifactsFolder) =>
        Directory.Exists(artifactsFolder)
            ? Directory.EnumerateDirectories(artifactsFolder).Select(d => Path.Combine(d, JournalName)).Where(File.Exists).Order(StringComparer.Ordinal)
            : [];

    /// <summary>When a journal's run started: its header's time, else its run folder's name, else the file's own time.</summary>
    public static DateTimeOffset StartOf(string journalPath, JournalHeader? header) =>
        header is not null && DateTimeOffset.TryParse(header.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started) ? started
        : StartOfFolder(Path.GetDirectoryName(journalPath)!) ?? new DateTimeOffset(File.GetLastWriteTimeUtc(journalPath), TimeSpan.Zero);

    /// <summary>The newest deploy that found nothing to change (it leaves a report and no journal), if any.</summary>
    public static (string Folder, DateTimeOffset Started)? NewestNoChangeDeploy(string artifactsFolder)
    {
        foreach (var folder in List(artifactsFolder).Reverse())
        {
            var report = Path.Combine(folder, "report.json");
            if (File.Exists(Path.Combine(folder, JournalName)) || !File.Exists(report))
            {
                continue;
            }

            JToken document;
            try
            {
                document = CanonicalJson.Parse(File.ReadAllText(report));
            }
            catch (Newtonsoft.Json.JsonException)
            {
                continue;
            }

            if ((string?)document.SelectToken("deploy.status") == "noChanges")
            {
                var started = DateTimeOffset.TryParse((string?)document["startedAt"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : StartOfFolder(folder);
                return (folder, started ?? DateTimeOffset.MinValue);
            }
        }

        return null;
    }

    private static bool MayDelete(string folder)
    {
        var journal = Path.Combine(folder, JournalName);
        if (!File.Exists(journal))
        {
            return true;
        }

        try
        {
            var content = JournalFile.Read(journal);
            return !content.PendingIntents.Any() && !content.HasIncompleteRollback;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return false; // unreadable: a person decides
        }
    }

    private static DateTimeOffset? StartOfFolder(string folder) =>
        RunId().Match(Path.GetFileName(folder)) is { Success: true } match
        && DateTimeOffset.TryParseExact(match.Groups["time"].Value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started)
            ? started
            : null;

    [GeneratedRegex("^(?<time>[0-9]{8}T[0-9]{6}Z)-[0-9a-f]{6}$")]
    private static partial Regex RunId();
}
