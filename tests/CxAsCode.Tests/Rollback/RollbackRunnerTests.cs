using CxAsCode.Deployment;
using CxAsCode.Resources;
using CxAsCode.Rollback;
using CxAsCode.Tests.Deployment;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Rollback;

/// <summary>The rollback loop over a journal: what it undoes, what it leaves for a person, what it tells.</summary>
public sealed class RollbackRunnerTests
{
    private const string Queues = "/api/v2/routing/queues";
    private readonly List<string> _lines = [];
    private FakeApi _api = null!;
    private string _journalPath = null!;

    [SetUp]
    public void SetUp()
    {
        _api = new FakeApi();
        _journalPath = Path.Combine(Path.GetTempPath(), $"cxascode-journal-{Guid.NewGuid():N}.jsonl");
        _lines.Clear();
    }

    [TearDown]
    public void TearDown()
    {
        _api.Dispose();
        File.Delete(_journalPath);
    }

    [Test]
    public async Task RollbackAsync_WriteWhoseOutcomeStaysUnknown_ListedForAPersonNeverCountedAsUndone()
    {
        // Our PUT's response was lost, and the queue now shows neither what it had nor what we sent.
        _api.Answer("GET", Queues + "/q1", 200, Queue("a third text"));
        var before = Queue("old");
        WriteJournal(new JournalEntry
        {
            Seq = 1,
            Phase = JournalPhase.Intent,
            Kind = "queues",
            Key = "Support",
            Operation = WriteOperation.Update,
            Method = "PUT",
            Path = Queues + "/q1",
            ObjectId = "q1",
            Body = new JObject { ["name"] = "Support", ["description"] = "new" },
            PreImage = before,
            PreFingerprint = Fingerprints.OfObject(ResourceKinds.Queues, before),
            Timestamp = JournalTimes.Format(_api.Time.GetUtcNow()),
        });

        var result = await RollbackAsync();

        var journal = Journal.Read(_journalPath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsComplete, Is.False);
            Assert.That(result.ManualActions.Select(c => (c.Key, c.Status)), Is.EqualTo(new[] { ("Support", WriteStatus.Unknown) }));
            Assert.That(result.Compensations[0].Detail, Does.Contain("check queues 'Support' by hand"));
            Assert.That(journal.Last().Phase, Is.EqualTo(JournalPhase.Compensation));
            Assert.That(journal.Last().Status, Is.EqualTo(WriteStatus.Unknown));
            Assert.That(_api.Writes(), Is.Empty, "nothing is undone on a guess");
            Assert.That(_lines.Last(), Does.Contain("UNKNOWN, left for a person"));
        }
    }

    [Test]
    public async Task RollbackAsync_MemberWriteOfAQueueAnEarlierRollbackDeleted_DoneWithoutARequest()
    {
        // The earlier run deleted the queue it had created (#1) but failed to remove its code (#2) first.
        var create = Applied(1, WriteOperation.Create, Queues, "q-new");
        var members = Applied(2, WriteOperation.AddMembers, Queues + "/q-new/wrapupcodes", "q-new") with { MemberIds = ["w1"], PreImage = MemberLists.Image([]) };
        WriteJournal(
            create with { Phase = JournalPhase.Intent, Status = null, ObjectId = null },
            create,
            members with { Phase = JournalPhase.Intent, Status = null },
            members,
            members with { Phase = JournalPhase.Compensation, Status = WriteStatus.CompensationFailed },
            create with { Phase = JournalPhase.Compensation, Status = WriteStatus.Compensated });

        var result = await RollbackAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsComplete, Is.True);
            Assert.That(result.Compensations.Select(c => (c.Seq, c.Status)), Is.EqualTo(new[] { (2, WriteStatus.Compensated) }));
            Assert.That(_api.Server.LogEntries, Is.Empty, "gone is done: no read, no write");
        }
    }

    private async Task<RollbackResult> RollbackAsync()
    {
        using var journal = CxAsCode.Tests.Deployment.TestJournals.OpenOrCreate(_journalPath);
        var window = _api.Window();
        var runner = new RollbackRunner(journal, new Reconciler(_api.Reader, window), new Compensator(_api.Sender(), _api.Reader), _api.Masker, _api.Time, _lines.Add);
        return await _api.RunAsync(runner.RollbackAsync(CancellationToken.None));
    }

    private void WriteJournal(params JournalEntry[] entries)
    {
        using var journal = CxAsCode.Tests.Deployment.TestJournals.OpenOrCreate(_journalPath);
        foreach (var entry in entries)
        {
            journal.Append(entry);
        }
    }

    private JournalEntry Applied(int seq, WriteOperation operation, string path, string id) => new()
    {
        Seq = seq,
        Phase = JournalPhase.Outcome,
        Kind = "queues",
        Key = "Support",
        Operation = operation,
        Method = operation == WriteOperation.Create || operation == WriteOperation.AddMembers ? "POST" : "PUT",
        Path = path,
        ObjectId = id,
        Status = WriteStatus.Applied,
        Timestamp = JournalTimes.Format(_api.Time.GetUtcNow()),
    };

    private static JObject Queue(string description) => new() { ["id"] = "q1", ["name"] = "Support", ["description"] = description };
}
