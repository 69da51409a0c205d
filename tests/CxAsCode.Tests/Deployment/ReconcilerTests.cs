using CxAsCode.Deployment;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Deployment;

/// <summary>Settling a lost response by reading, on a lagging API and a fake clock: seen is settled, not seen only once the window has passed, unclear is unknown.</summary>
public sealed class ReconcilerTests
{
    private const string Queues = "/api/v2/routing/queues";
    private FakeApi _api = null!;

    [SetUp]
    public void SetUp() => _api = new FakeApi();

    [TearDown]
    public void TearDown() => _api.Dispose();

    [Test]
    public async Task ReconcileAsync_UpdateStillAsBefore_NotAppliedOnlyOnceTheWindowHasPassed()
    {
        _api.Answer("GET", Queues + "/q1", 200, Queue("old"));

        var outcome = await _api.RunAsync(Reconciler().ReconcileAsync(UpdateIntent(sentAgo: TimeSpan.Zero), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Status, Is.EqualTo(WriteStatus.Failed));
            Assert.That(outcome.Error, Does.Contain("no trace of it 60 s after it was sent"));
            Assert.That(_api.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(_api.Requests("GET", Queues + "/q1"), Has.Count.InRange(8, 14));
        }
    }

    [Test]
    public async Task ReconcileAsync_UpdateSentLongAgo_OneReadDecides()
    {
        // A deploy killed mid-write, settled by a later run: the window has long passed.
        _api.Answer("GET", Queues + "/q1", 200, Queue("old"));

        var outcome = await _api.RunAsync(Reconciler().ReconcileAsync(UpdateIntent(sentAgo: TimeSpan.FromHours(3)), CancellationToken.None));

        Assert.That((outcome.Status, _api.Requests("GET", Queues + "/q1").Count), Is.EqualTo(((WriteStatus?)WriteStatus.Failed, 1)));
    }

    [Test]
    public async Task ReconcileAsync_UpdateShowsWhatWeSentPlusServerDefaults_AppliedAtOnce()
    {
        var shown = Queue("new");
        shown["enableTranscription"] = false;
        _api.Answer("GET", Queues + "/q1", 200, shown);

        var outcome = await _api.RunAsync(Reconciler().ReconcileAsync(UpdateIntent(TimeSpan.Zero), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Status, Is.EqualTo(WriteStatus.Applied));
            Assert.That(outcome.PostFingerprint, Is.EqualTo(Fingerprints.OfObject(ResourceKinds.Queues, shown)));
            // At once: one read decided it (the fake clock can tick while the first request is being set up,
            // so the count of reads says "no wait" more reliably than the clock).
            Assert.That(_api.Requests("GET", Queues + "/q1"), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task ReconcileAsync_UpdateChangedToSomethingWeDidNotSend_UnknownNeverGuessed()
    {
        _api.Answer("GET", Queues + "/q1", 200, Queue("someone else's words"));

        var outcome = await _api.RunAsync(Reconciler().ReconcileAsync(UpdateIntent(TimeSpan.Zero), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Status, Is.EqualTo(WriteStatus.Unknown));
            Assert.That(outcome.Error, Does.Contain("someone else wrote to it"));
        }
    }

    [Test]
    public async Task ReconcileAsync_DeletedQueueStillAnswers_UnknownRatherThanNotApplied()
    {
        // A deleted queue can answer for about a minute: still being there proves nothing.
        _api.Answer("GET", Queues + "/q1", 200, Queue("old"));
        var intent = UpdateIntent(TimeSpan.Zero) with { Operation = WriteOperation.Delete, Method = "DELETE", Body = null };

        var outcome = await _api.RunAsync(Reconciler().ReconcileAsync(intent, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Status, Is.EqualTo(WriteStatus.Unknown));
            Assert.That(outcome.Error, Does.Contain("still answers"));
        }
    }

    [Test]
    public async Task ReconcileAsync_DeleteWhoseObjectAnswers404_AppliedAtOnce()
    {
        _api.Answer("GET", Queues + "/q1", 404, FakeApi.Error(404, "not.found"));
        var intent = UpdateIntent(TimeSpan.Zero) with { Operation = WriteOperation.Delete, Method = "DELETE", Body = null };

        var outcome = await _api.RunAsync(Reconciler().ReconcileAsync(intent, CancellationToken.None));

        Assert.That((outcome.Status, _api.Requests("GET", Queues + "/q1").Count), Is.EqualTo(((WriteStatus?)WriteStatus.Applied, 1)), "one read decided it");
    }

    [Test]
    public async Task ReconcileAsync_MemberAddVisibleOnlyAfterAFewSeconds_Applied()
    {
        _api.Answer("GET", Queues + "/q1/wrapupcodes", _ => (200, _api.Elapsed < TimeSpan.FromSeconds(4)
            ? FakeApi.List(new JObject { ["id"] = "w1" })
            : FakeApi.List(new JObject { ["id"] = "w1" }, new JObject { ["id"] = "w2" })));
        var intent = new JournalEntry
        {
            Seq = 1,
            Phase = JournalPhase.Intent,
            Kind = "queues",
            Key = "Support",
            Operation = WriteOperation.AddMembers,
            Method = "POST",
            Path = Queues + "/q1/wrapupcodes",
            ObjectId = "q1",
            MemberIds = ["w2"],
            PreImage = MemberLists.Image(["w1"]),
            Timestamp = JournalTimes.Format(_api.Time.GetUtcNow()),
        };

        var outcome = await _api.RunAsync(Reconciler().ReconcileAsync(intent, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Status, Is.EqualTo(WriteStatus.Applied));
            Assert.That(MemberLists.Ids(outcome.PostImage), Is.EqualTo(new[] { "w1", "w2" }));
            Assert.That(_api.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(4)).And.LessThan(TimeSpan.FromSeconds(60)));
        }
    }

    private Reconciler Reconciler() => new(_api.Reader, _api.Window());

    private JournalEntry UpdateIntent(TimeSpan sentAgo) => new()
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
        PreImage = Queue("old"),
        PreFingerprint = Fingerprints.OfObject(ResourceKinds.Queues, Queue("old")),
        Timestamp = JournalTimes.Format(_api.Time.GetUtcNow() - sentAgo),
    };

    private static JObject Queue(string description) => new() { ["id"] = "q1", ["name"] = "Support", ["description"] = description };
}
