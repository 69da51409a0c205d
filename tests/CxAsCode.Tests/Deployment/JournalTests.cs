using System.Text;
using CxAsCode.Deployment;

namespace CxAsCode.Tests.Deployment;

internal sealed class JournalTests
{
    private static readonly JournalHeader Header = new()
    {
        Environment = "dev",
        OrgId = "9a8b7c6d-0000-4000-8000-00000000000a",
        ApiHost = "api.mypurecloud.ie",
        RunId = "20250501T100000Z-c0ffee",
        StartedAt = "2025-05-01T10:00:00.0000000+00:00",
    };

    private string _folder = null!;

    private string PathOf => Path.Combine(_folder, "journal.jsonl");

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("cxascode-journal-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Create_ThenAppend_HeaderIsTheFirstLineAndReadsBack()
    {
        using (var journal = Journal.Create(PathOf, Header))
        {
            journal.Append(Intent(journal.NextSeq()));
            journal.Append(Outcome(1, WriteStatus.Applied));
        }

        var lines = File.ReadAllLines(PathOf);
        var content = JournalFile.Read(PathOf);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Length.EqualTo(3));
            Assert.That(lines[0], Is.EqualTo("""{"header":{"environment":"dev","orgId":"9a8b7c6d-0000-4000-8000-00000000000a","apiHost":"api.mypurecloud.ie","runId":"20250501T100000Z-c0ffee","startedAt":"2025-05-01T10:00:00.0000000+00:00"}}"""));
            Assert.That(content.Header, Is.EqualTo(Header));
            Assert.That(content.Entries.Select(e => (e.Seq, e.Phase)), Is.EqualTo(new[] { (1, JournalPhase.Intent), (1, JournalPhase.Outcome) }));
            Assert.That(content.TornLine, Is.Null);
        }
    }

    [Test]
    public void Create_FileExists_RefusesToReuseIt()
    {
        File.WriteAllText(PathOf, "earlier run\n");

        Assert.That(() => Journal.Create(PathOf, Header), Throws.InstanceOf<IOException>());
        Assert.That(File.ReadAllText(PathOf), Is.EqualTo("earlier run\n"));
    }

    [Test]
    public void Read_TornFinalLine_KeepsWhatCameBeforeAndNamesTheLine()
    {
        var intact = Lines(JournalFile.Line(Header), JournalFile.Line(Intent(1)), JournalFile.Line(Intent(2)));
        File.WriteAllText(PathOf, intact + JournalFile.Line(Outcome(2, WriteStatus.Applied))[..25]);

        var content = JournalFile.Read(PathOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(content.Entries.Select(e => e.Seq), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(content.TornLine, Is.EqualTo(4));
            Assert.That(content.TornOffset, Is.EqualTo(Encoding.UTF8.GetByteCount(intact)));
            Assert.That(content.TornLength, Is.EqualTo(25));
            Assert.That(content.PendingIntents.Select(e => e.Seq), Is.EqualTo(new[] { 1, 2 }), "the torn outcome's write is pending: settled by reading");
        }
    }

    [Test]
    public void Read_DamagedMiddleLine_ThrowsNamingFileAndLine()
    {
        File.WriteAllText(PathOf, Lines(JournalFile.Line(Header), JournalFile.Line(Intent(1)), "{\"seq\":2,\"pha", JournalFile.Line(Outcome(1, WriteStatus.Applied))));

        Assert.That(() => JournalFile.Read(PathOf, "artifacts/dev/run/journal.jsonl"),
            Throws.TypeOf<InvalidDataException>().With.Message.StartsWith("artifacts/dev/run/journal.jsonl line 3: not a journal line"));
    }

    [Test]
    public void Read_CompleteLastLineThatIsNotJson_ThrowsNamingTheLine()
    {
        // Ended by a newline, so not a write cut off by a crash: something else damaged it.
        File.WriteAllText(PathOf, Lines(JournalFile.Line(Header), "garbage"));

        Assert.That(() => JournalFile.Read(PathOf), Throws.TypeOf<InvalidDataException>().With.Message.StartsWith(PathOf + " line 2:"));
    }

    [TestCase("""{"seq":1,"phase":"intent"}""", TestName = "Read_EntryWithoutKindKeyOperation_ThrowsNamingTheLine")]
    [TestCase("""{"seq":1,"phase":"sideways","kind":"skills","key":"A","operation":"create"}""", TestName = "Read_EntryWithUnknownPhase_ThrowsNamingTheLine")]
    [TestCase("""{"header":{"environment":"dev"}}""", TestName = "Read_SecondHeaderOrIncompleteOne_ThrowsNamingTheLine")]
    public void Read_LineThatIsNotAnEntry_ThrowsNamingTheLine(string line)
    {
        File.WriteAllText(PathOf, Lines(JournalFile.Line(Header), line, JournalFile.Line(Intent(2))));

        Assert.That(() => JournalFile.Read(PathOf), Throws.TypeOf<InvalidDataException>().With.Message.StartsWith(PathOf + " line 2: "));
    }

    [Test]
    public void Read_NoHeader_EntriesReadHeaderNull()
    {
        File.WriteAllText(PathOf, Lines(JournalFile.Line(Intent(1))));

        var content = JournalFile.Read(PathOf);

        Assert.That((content.Header, content.Entries.Count), Is.EqualTo(((JournalHeader?)null, 1)));
    }

    [Test]
    public void Open_TornFinalLine_CutsTheFragmentOffBeforeAppendingAndSaysSo()
    {
        File.WriteAllText(PathOf, Lines(JournalFile.Line(Header), JournalFile.Line(Intent(1))) + "{\"seq\":1,\"phase\":\"outc");
        var notices = new List<string>();

        using (var journal = Journal.Open(PathOf, notices.Add, "artifacts/dev/run/journal.jsonl"))
        {
            journal.Append(Outcome(1, WriteStatus.Applied));
        }

        var content = JournalFile.Read(PathOf);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(notices, Is.EqualTo(new[]
            {
                "artifacts/dev/run/journal.jsonl line 3 was cut off while it was being written (the process stopped): removed that 22-byte fragment before appending; the write it recorded is settled by reading the org.",
            }));
            Assert.That(File.ReadAllText(PathOf), Does.Not.Contain("outc\"").And.Not.Contain("\"outc{"), "nothing appended behind the fragment");
            Assert.That(content.Entries.Select(e => (e.Seq, e.Phase)), Is.EqualTo(new[] { (1, JournalPhase.Intent), (1, JournalPhase.Outcome) }));
            Assert.That(content.TornLine, Is.Null);
        }
    }

    [Test]
    public void Open_LastLineWithoutItsNewline_EndsItBeforeAppending()
    {
        File.WriteAllText(PathOf, Lines(JournalFile.Line(Header)) + JournalFile.Line(Intent(1)));
        var notices = new List<string>();

        using (var journal = Journal.Open(PathOf, notices.Add))
        {
            journal.Append(Outcome(1, WriteStatus.Applied));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(notices, Has.Count.EqualTo(1).And.Some.Contains("line 2 had no line end"));
            Assert.That(JournalFile.Read(PathOf).Entries.Select(e => e.Phase), Is.EqualTo(new[] { JournalPhase.Intent, JournalPhase.Outcome }));
        }
    }

    [Test]
    public void Open_IntactJournal_ContinuesItsSequenceAndSaysNothing()
    {
        File.WriteAllText(PathOf, Lines(JournalFile.Line(Header), JournalFile.Line(Intent(1)), JournalFile.Line(Intent(2))));
        var notices = new List<string>();

        using var journal = Journal.Open(PathOf, notices.Add);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(journal.NextSeq(), Is.EqualTo(3));
            Assert.That(journal.Header, Is.EqualTo(Header));
            Assert.That(notices, Is.Empty);
        }
    }

    [Test]
    public void HasIncompleteRollback_NoCompensation_False() =>
        Assert.That(Content(Intent(1), Outcome(1, WriteStatus.Applied)).HasIncompleteRollback, Is.False);

    [Test]
    public void HasIncompleteRollback_EveryAppliedWriteCompensated_False() =>
        Assert.That(Content(Intent(1), Outcome(1, WriteStatus.Applied), Intent(2), Outcome(2, WriteStatus.Failed), Compensation(1, WriteStatus.Compensated)).HasIncompleteRollback, Is.False);

    [TestCase(WriteStatus.CompensationFailed)]
    [TestCase(WriteStatus.ChangedSince)]
    public void HasIncompleteRollback_ACompensationNotDone_True(WriteStatus status) =>
        Assert.That(Content(Intent(1), Outcome(1, WriteStatus.Applied), Intent(2), Outcome(2, WriteStatus.Applied), Compensation(2, WriteStatus.Compensated), Compensation(1, status)).HasIncompleteRollback, Is.True);

    [Test]
    public void HasIncompleteRollback_RollbackStoppedPartWay_True() =>
        Assert.That(Content(Intent(1), Outcome(1, WriteStatus.Applied), Intent(2), Outcome(2, WriteStatus.Applied), Compensation(2, WriteStatus.Compensated)).HasIncompleteRollback, Is.True);

    [Test]
    public void HasIncompleteRollback_FailedCompensationLaterResumed_False() =>
        Assert.That(Content(Intent(1), Outcome(1, WriteStatus.Applied), Compensation(1, WriteStatus.CompensationFailed), Compensation(1, WriteStatus.Compensated)).HasIncompleteRollback, Is.False);

    private static JournalContent Content(params JournalEntry[] entries) => new(Header, entries);

    private static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));

    private static JournalEntry Intent(int seq) =>
        new() { Seq = seq, Phase = JournalPhase.Intent, Kind = "skills", Key = "Skill " + seq, Operation = WriteOperation.Create, Method = "POST", Path = "/api/v2/routing/skills" };

    private static JournalEntry Outcome(int seq, WriteStatus status) => Intent(seq) with { Phase = JournalPhase.Outcome, Status = status };

    private static JournalEntry Compensation(int seq, WriteStatus status) => Intent(seq) with { Phase = JournalPhase.Compensation, Status = status };
}
