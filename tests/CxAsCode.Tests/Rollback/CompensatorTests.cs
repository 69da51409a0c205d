using CxAsCode.Deployment;
using CxAsCode.Http;
using CxAsCode.Resources;
using CxAsCode.Rollback;
using CxAsCode.Tests.Deployment;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Rollback;

/// <summary>
/// Rollback's guards against a lagging API on a fake clock: no guard concludes from one read, a stale
/// replica is recognised by its marker, our own partial undo is finished, and gone is done.
/// </summary>
public sealed class CompensatorTests
{
    private const string Queues = "/api/v2/routing/queues";
    private const string Ours = "2026-03-02T09:00:00.000Z";
    private FakeApi _api = null!;
    private AttemptCounter _attempts = null!;

    [SetUp]
    public void SetUp()
    {
        _api = new FakeApi();
        _attempts = new AttemptCounter();
    }

    [TearDown]
    public void TearDown() => _api.Dispose();

    [Test]
    public async Task UndoUpdate_ReadLagsBehindOurWrite_RestoresThePreImageInsteadOfCallingItDone()
    {
        // The first reads come from a replica that has not seen our write: the object as it was, older marker.
        var reads = 0;
        _api.Answer("GET", Queues + "/q1", _ => ++reads <= 2 ? (200, Queue("old", "2026-03-01T08:00:00.000Z")) : (200, Queue("new", Ours)));
        _api.Answer("PUT", Queues + "/q1", 200, Queue("old", "2026-03-02T09:00:05.000Z"));

        var (status, detail) = await CompensateAsync(UpdateWrite());

        using (Assert.EnterMultipleScope())
        {
            Assert.That((status, detail), Is.EqualTo((WriteStatus.Compensated, "pre-image restored")));
            Assert.That(_api.Requests("PUT", Queues + "/q1"), Has.Count.EqualTo(1));
            Assert.That(JObject.Parse(_api.Requests("PUT", Queues + "/q1")[0].Body!)["description"]!.ToString(), Is.EqualTo("old"));
        }
    }

    [Test]
    public async Task UndoUpdate_RestoredBySomeoneAfterOurWrite_AlreadyAsBeforeFromItsMarker()
    {
        _api.Answer("GET", Queues + "/q1", 200, Queue("old", "2026-03-02T09:00:10.000Z"));

        var (status, detail) = await CompensateAsync(UpdateWrite());

        using (Assert.EnterMultipleScope())
        {
            Assert.That((status, detail), Is.EqualTo((WriteStatus.Compensated, "already as before")));
            Assert.That(_api.Requests("GET", Queues + "/q1"), Has.Count.EqualTo(1), "a marker newer than our write is proof enough");
            Assert.That(_api.Writes(), Is.Empty);
        }
    }

    [Test]
    public async Task UndoUpdate_AsBeforeWithNoMarkerToTell_BelievedOnlyOnceTheWindowHasPassed()
    {
        _api.Answer("GET", Queues + "/q1", 200, Queue("old", null));

        var (status, _) = await CompensateAsync(UpdateWrite(withMarkers: false));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(WriteStatus.Compensated));
            Assert.That(_api.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(_api.Writes(), Is.Empty);
        }
    }

    [Test]
    public async Task UndoUpdate_EditedBySomeoneAfterOurWrite_RefusedWithoutAWrite()
    {
        _api.Answer("GET", Queues + "/q1", 200, Queue("a supervisor's words", "2026-03-02T09:00:30.000Z"));

        var (status, _) = await CompensateAsync(UpdateWrite());

        Assert.That((status, _api.Writes().Count), Is.EqualTo((WriteStatus.ChangedSince, 0)));
    }

    [Test]
    public async Task UndoCreate_404RightAfterOurCreate_IsLagSoItWaitsAndDeletes()
    {
        _api.Answer("GET", Queues + "/q-new", _ => _api.Elapsed < TimeSpan.FromSeconds(4) ? (404, FakeApi.Error(404, "not.found")) : (200, Queue("new", Ours, "q-new")));
        _api.Answer("DELETE", Queues + "/q-new", 204, null);

        var (status, detail) = await CompensateAsync(CreateWrite());

        using (Assert.EnterMultipleScope())
        {
            Assert.That((status, detail), Is.EqualTo((WriteStatus.Compensated, "deleted")));
            Assert.That(_api.Requests("DELETE", Queues + "/q-new"), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task UndoCreate_Still404OnceTheWindowHasPassed_AlreadyGone()
    {
        _api.Answer("GET", Queues + "/q-new", 404, FakeApi.Error(404, "not.found"));

        var (status, detail) = await CompensateAsync(CreateWrite());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(WriteStatus.Compensated));
            Assert.That(detail, Does.StartWith("already gone"));
            Assert.That(_api.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(_api.Writes(), Is.Empty);
        }
    }

    [Test]
    public async Task UndoCreate_ReadsFailThroughoutTheWindow_UnknownAndNotTouched()
    {
        _api.Answer("GET", Queues + "/q-new", 500, FakeApi.Error(500, "internal.server.error"));

        var (status, detail) = await CompensateAsync(CreateWrite());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(WriteStatus.Unknown));
            Assert.That(detail, Does.Contain("no read could be trusted").And.Contain("check it by hand"));
            Assert.That(_api.Writes(), Is.Empty);
        }
    }

    [Test]
    public async Task UndoMembers_PartWayBackFromOurOwnEarlierUndo_RemovesOnlyWhatRemains()
    {
        // We added b, c, d; an earlier undo removed b and was refused on c.
        _api.Answer("GET", Queues + "/q1/wrapupcodes", 200, Codes("a", "c", "d"));
        _api.Answer("DELETE", Queues + "/q1/wrapupcodes/c", 204, null);
        _api.Answer("DELETE", Queues + "/q1/wrapupcodes/d", 204, null);

        var (status, _) = await CompensateAsync(MembersWrite(["a"], ["b", "c", "d"]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(WriteStatus.Compensated), "our own partial undo, not someone else's edit");
            Assert.That(_api.Writes().Select(w => $"{w.Method} {w.Path}"), Is.EquivalentTo(new[] { $"DELETE {Queues}/q1/wrapupcodes/c", $"DELETE {Queues}/q1/wrapupcodes/d" }));
        }
    }

    [Test]
    public async Task UndoMembers_ListHoldsACodeNobodyOfOursAdded_RefusedAfterTwoAgreeingReads()
    {
        _api.Answer("GET", Queues + "/q1/wrapupcodes", 200, Codes("a", "b", "x"));

        var (status, _) = await CompensateAsync(MembersWrite(["a"], ["b"]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(WriteStatus.ChangedSince));
            Assert.That(_api.Requests("GET", Queues + "/q1/wrapupcodes"), Has.Count.EqualTo(2));
            Assert.That(_api.Writes(), Is.Empty);
        }
    }

    [Test]
    public async Task UndoMembers_OwnerDeletedByThisRollback_DoneWithoutARequest()
    {
        var context = new RollbackContext();
        context.Deleted("q1");

        var (status, detail) = await CompensateAsync(MembersWrite(["a"], ["b"]), context);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(WriteStatus.Compensated));
            Assert.That(detail, Does.Contain("deleted by this rollback"));
            Assert.That(_api.Server.LogEntries, Is.Empty);
        }
    }

    [Test]
    public async Task UndoMembers_OwnerAnswers404_GoneIsDoneOnceTheWindowHasPassed()
    {
        _api.Answer("GET", Queues + "/q1/wrapupcodes", 404, FakeApi.Error(404, "not.found"));

        var (status, detail) = await CompensateAsync(MembersWrite(["a"], ["b"]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((status, detail), Is.EqualTo((WriteStatus.Compensated, "its queues is gone, wrapupCodes and all")));
            Assert.That(_api.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(60)), "a 404 is believed only once lag cannot explain it");
            Assert.That(_api.Writes(), Is.Empty);
        }
    }

    [Test]
    public async Task UndoDelete_DeletedQueueStillListed_WaitsUntilItGoesThenRecreatesWithItsCodes()
    {
        _api.Answer("GET", Queues, _ => (200, _api.Elapsed < TimeSpan.FromSeconds(10) ? FakeApi.List(Queue("old", Ours, "q-deleted")) : FakeApi.List()));
        _api.Answer("POST", Queues, 200, Queue("old", "2026-03-02T09:00:11.000Z", "q-again"));
        _api.Answer("POST", Queues + "/q-again/wrapupcodes", 200, Codes("a"));

        var (status, detail) = await CompensateAsync(DeleteWrite());

        using (Assert.EnterMultipleScope())
        {
            Assert.That((status, detail), Is.EqualTo((WriteStatus.Compensated, "recreated with a new id q-again; the platform dropped its agent members and every reference to its old id (flows, user memberships) with it: add them again")), "a lingering copy is not a recreation");
            Assert.That(_api.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(_api.Writes().Select(w => $"{w.Method} {w.Path}"), Is.EqualTo(new[] { $"POST {Queues}", $"POST {Queues}/q-again/wrapupcodes" }));
        }
    }

    [Test]
    public async Task UndoDelete_RecreatedEarlierWithoutItsCodes_CompletesThem()
    {
        // An earlier undo recreated the queue and stopped before its wrap-up codes.
        _api.Answer("GET", Queues, 200, FakeApi.List(Queue("old", Ours, "q-again")));
        _api.Answer("GET", Queues + "/q-again/wrapupcodes", 200, FakeApi.List());
        _api.Answer("POST", Queues + "/q-again/wrapupcodes", 200, Codes("a"));

        var (status, detail) = await CompensateAsync(DeleteWrite());

        using (Assert.EnterMultipleScope())
        {
            Assert.That((status, detail), Is.EqualTo((WriteStatus.Compensated, "already recreated; its wrapupCodes completed")));
            Assert.That(_api.Writes().Select(w => $"{w.Method} {w.Path}"), Is.EqualTo(new[] { $"POST {Queues}/q-again/wrapupcodes" }));
        }
    }

    [Test]
    public async Task UndoDelete_NameRefusedAndTheHolderIsTheQueueWeDeleted_NotMistakenForARecreation()
    {
        // The guard's name lookup no longer lists it, but the refusal's own lookup meets it again (replicas).
        var lookups = 0;
        _api.Answer("GET", Queues, _ => (200, ++lookups == 1 ? FakeApi.List() : FakeApi.List(Queue("old", Ours, "q-deleted"))));
        _api.Answer("POST", Queues, 400, FakeApi.Error(400, "duplicate.name"));

        var (status, detail) = await CompensateAsync(DeleteWrite());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(WriteStatus.CompensationFailed), "resumable, not 'already recreated'");
            Assert.That(detail, Does.Contain("still held by the queues we deleted"));
            Assert.That(_api.Writes().Select(w => w.Method), Is.EqualTo(new[] { "POST" }));
        }
    }

    private Task<(WriteStatus Status, string Detail)> CompensateAsync(JournalEntry write, RollbackContext? context = null) =>
        _api.RunAsync(new Compensator(_api.Sender(), _api.Reader).CompensateAsync(write, _api.Time.GetUtcNow(), context ?? new RollbackContext(), _attempts, CancellationToken.None));

    private static JournalEntry UpdateWrite(bool withMarkers = true)
    {
        var before = Queue("old", withMarkers ? "2026-03-01T08:00:00.000Z" : null);
        var after = Queue("new", withMarkers ? Ours : null);
        return Write(WriteOperation.Update, Queues + "/q1", "q1") with
        {
            PreImage = before,
            PreFingerprint = Fingerprints.OfObject(ResourceKinds.Queues, before),
            PostImage = after,
            PostFingerprint = Fingerprints.OfObject(ResourceKinds.Queues, after),
        };
    }

    private static JournalEntry CreateWrite()
    {
        var created = Queue("new", Ours, "q-new");
        return Write(WriteOperation.Create, Queues, "q-new") with { PostImage = created, PostFingerprint = Fingerprints.OfObject(ResourceKinds.Queues, created) };
    }

    private static JournalEntry DeleteWrite()
    {
        var before = Queue("old", Ours, "q-deleted");
        before["wrapupCodes"] = new JArray(new JObject { ["id"] = "a" });
        return Write(WriteOperation.Delete, Queues + "/q-deleted", "q-deleted") with { PreImage = before, PreFingerprint = Fingerprints.OfObject(ResourceKinds.Queues, before) };
    }

    private static JournalEntry MembersWrite(string[] before, string[] added) =>
        Write(WriteOperation.AddMembers, Queues + "/q1/wrapupcodes", "q1") with
        {
            MemberIds = added,
            PreImage = MemberLists.Image(before),
            PreFingerprint = Fingerprints.OfMembers(before),
            PostImage = MemberLists.Image(before.Concat(added)),
            PostFingerprint = Fingerprints.OfMembers(before.Concat(added)),
        };

    private static JournalEntry Write(WriteOperation operation, string path, string id) => new()
    {
        Seq = 1,
        Phase = JournalPhase.Intent,
        Kind = "queues",
        Key = "Support",
        Operation = operation,
        Path = path,
        ObjectId = id,
    };

    private static JObject Queue(string description, string? modified, string id = "q1")
    {
        var queue = new JObject { ["id"] = id, ["name"] = "Support", ["description"] = description };
        if (modified is not null)
        {
            queue["dateModified"] = modified;
        }

        return queue;
    }

    private static JObject Codes(params string[] ids) => FakeApi.List([.. ids.Select(id => new JObject { ["id"] = id, ["name"] = "Code " + id })]);
}
