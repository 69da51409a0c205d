using CxAsCode.Deployment;
using CxAsCode.Pipeline;

namespace CxAsCode.Tests.Pipeline;

internal sealed class RunFoldersTests
{
    private string _artifacts = null!;

    [SetUp]
    public void SetUp() => _artifacts = Directory.CreateTempSubdirectory("cxascode-artifacts-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_artifacts, recursive: true);

    [Test]
    public void Prune_MoreThanKept_DeletesTheOldestOnly()
    {
        var folders = Enumerable.Range(0, 5).Select(i => Folder($"2025050{i + 1}T100000Z-00000{i}", Settled())).ToList();

        var deleted = RunFolders.Prune(_artifacts, keep: 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted, Is.EqualTo(folders.Take(2)));
            Assert.That(RunFolders.List(_artifacts), Is.EqualTo(folders.Skip(2)));
        }
    }

    [Test]
    public void Prune_OldJournalWithPendingIntent_KeptForTheNextDeployToSettle()
    {
        var pending = Folder("20250501T100000Z-aaaaaa", [Intent(1)]);
        Folder("20250502T100000Z-bbbbbb", Settled());

        var deleted = RunFolders.Prune(_artifacts, keep: 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted, Is.Empty);
            Assert.That(Directory.Exists(pending), Is.True);
        }
    }

    [Test]
    public void Prune_OldJournalWithIncompleteRollback_KeptForAPerson()
    {
        var incomplete = Folder("20250501T100000Z-aaaaaa", [.. Settled(), Entry(1, JournalPhase.Compensation, WriteStatus.CompensationFailed)]);
        var undone = Folder("20250502T100000Z-bbbbbb", [.. Settled(), Entry(1, JournalPhase.Compensation, WriteStatus.Compensated)]);
        Folder("20250503T100000Z-cccccc", Settled());

        var deleted = RunFolders.Prune(_artifacts, keep: 1);

        Assert.That((deleted, Directory.Exists(incomplete)), Is.EqualTo((new[] { undone }, true)));
    }

    [Test]
    public void Prune_UnreadableJournal_Kept()
    {
        var damaged = Folder("20250501T100000Z-aaaaaa", Settled());
        File.AppendAllText(Path.Combine(damaged, "journal.jsonl"), "damaged\n");
        Folder("20250502T100000Z-bbbbbb", Settled());

        Assert.That(RunFolders.Prune(_artifacts, keep: 1), Is.Empty);
    }

    [Test]
    public void Prune_FoldersNotNamedByARunId_NeverTouched()
    {
        var latest = Directory.CreateDirectory(Path.Combine(_artifacts, RunFolders.Latest)).FullName;
        var other = Directory.CreateDirectory(Path.Combine(_artifacts, "kept-by-hand")).FullName;
        Folder("20250501T100000Z-aaaaaa", Settled());

        var deleted = RunFolders.Prune(_artifacts, keep: 0);

        Assert.That((deleted.Count, Directory.Exists(latest), Directory.Exists(other)), Is.EqualTo((1, true, true)));
    }

    [Test]
    public void StartOf_HeaderTimeWinsOverTheFolderName()
    {
        var folder = Folder("20250501T100000Z-aaaaaa", Settled());
        var journal = Path.Combine(folder, "journal.jsonl");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RunFolders.StartOf(journal, JournalFile.Read(journal).Header), Is.EqualTo(new DateTimeOffset(2025, 5, 1, 10, 0, 0, 500, TimeSpan.Zero)));
            Assert.That(RunFolders.StartOf(journal, null), Is.EqualTo(new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero)));
        }
    }

    [Test]
    public void NewestNoChangeDeploy_ReadsTheReportsOfFoldersWithoutAJournal()
    {
        Folder("20250501T100000Z-aaaaaa", Settled());
        var noChange = Directory.CreateDirectory(Path.Combine(_artifacts, "20250502T100000Z-bbbbbb")).FullName;
        File.WriteAllText(Path.Combine(noChange, "report.json"), """{"deploy": {"status": "noChanges"}, "startedAt": "2025-05-02T10:00:00.2500000+00:00"}""");
        var rollback = Directory.CreateDirectory(Path.Combine(_artifacts, "20250503T100000Z-cccccc")).FullName;
        File.WriteAllText(Path.Combine(rollback, "report.json"), """{"deploy": {"status": "rolledBack"}}""");

        var found = RunFolders.NewestNoChangeDeploy(_artifacts);

        Assert.That(found, Is.EqualTo((noChange, new DateTimeOffset(2025, 5, 2, 10, 0, 0, 250, TimeSpan.Zero))));
    }

    private string Folder(string runId, IEnumerable<JournalEntry> entries)
    {
        var folder = Path.Combine(_artifacts, runId);
        using var journal = Journal.Create(Path.Combine(folder, "journal.jsonl"), new JournalHeader
        {
            Environment = "dev",
            OrgId = "org",
            ApiHost = "host",
            RunId = runId,
            StartedAt = $"{runId[..4]}-{runId[4..6]}-{runId[6..8]}T10:00:00.5000000+00:00",
        });
        foreach (var entry in entries)
        {
            journal.Append(entry);
        }

        return folder;
    }

    private static JournalEntry[] Settled() => [Intent(1), Entry(1, JournalPhase.Outcome, WriteStatus.Applied)];

    private static JournalEntry Intent(int seq) =>
        new() { Seq = seq, Phase = JournalPhase.Intent, Kind = "skills", Key = "Skill", Operation = WriteOperation.Create };

    private static JournalEntry Entry(int seq, JournalPhase phase, WriteStatus status) => Intent(seq) with { Phase = phase, Status = status };
}
