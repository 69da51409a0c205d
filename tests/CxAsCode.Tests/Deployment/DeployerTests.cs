using CxAsCode.Deployment;
using CxAsCode.Planning;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Deployment;

/// <summary>
/// The deploy's reads and writes against WireMock: one batched check before the first write, then each
/// object read by id right before its own write, so an edit that lands in between is seen, not overwritten.
/// </summary>
public sealed class DeployerTests
{
    private const string Queues = "/api/v2/routing/queues";
    private readonly List<string> _lines = [];
    private FakeApi _api = null!;
    private string _journalPath = null!;
    private Journal _journal = null!;

    [SetUp]
    public void SetUp()
    {
        _api = new FakeApi();
        _journalPath = Path.Combine(Path.GetTempPath(), $"cxascode-journal-{Guid.NewGuid():N}.jsonl");
        _journal = TestJournals.Create(_journalPath);
        _lines.Clear();
    }

    [TearDown]
    public void TearDown()
    {
        _journal.Dispose();
        _api.Dispose();
        File.Delete(_journalPath);
    }

    [Test]
    public async Task DeployAsync_Update_BatchedCheckThenItsOwnReadRightBeforeItsWrite()
    {
        _api.Answer("GET", Queues, 200, FakeApi.List(Queue("q1", "old")));
        _api.Answer("GET", Queues + "/q1", 200, Queue("q1", "old"));
        _api.Answer("PUT", Queues + "/q1", 200, Queue("q1", "new"));

        var result = await DeployAsync(Update("q1", Queue("q1", "old"), "new"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo(DeployStatus.Succeeded));
            Assert.That(Traffic(), Is.EqualTo(new[] { $"GET {Queues}", $"GET {Queues}/q1", $"PUT {Queues}/q1" }));
            Assert.That(_lines, Is.EqualTo(new[] { "Deploy: applied  PUT    queues 'Q1'" }));
            Assert.That(result.Summary, Is.EqualTo("1 change, 1 write"));
        }
    }

    [Test]
    public async Task DeployAsync_EditLandsBetweenTheBatchedCheckAndTheWrite_SeenAndNothingWritten()
    {
        // The batched check still sees the planned object; by the object's own read, someone has edited it.
        _api.Answer("GET", Queues, 200, FakeApi.List(Queue("q1", "old")));
        _api.Answer("GET", Queues + "/q1", 200, Queue("q1", "edited in the UI"));

        var result = await DeployAsync(Update("q1", Queue("q1", "old"), "new"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo(DeployStatus.Failed));
            Assert.That(result.Failure, Does.Contain("queues 'Q1' changed after the plan was made"));
            Assert.That(_api.Writes(), Is.Empty, "never overwritten");
        }
    }

    [Test]
    public async Task DeployAsync_PlanAlreadyStale_RefusedBeforeAnyObjectRead()
    {
        _api.Answer("GET", Queues, 200, FakeApi.List(Queue("q1", "edited"), Queue("q2", "old")));

        var result = await DeployAsync(Update("q2", Queue("q2", "old"), "new"), Update("q1", Queue("q1", "old"), "new"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo(DeployStatus.Failed));
            Assert.That(Traffic(), Is.EqualTo(new[] { $"GET {Queues}" }), "one batched read, nothing else");
            Assert.That(result.Summary, Is.EqualTo("2 changes, 0 writes (0 applied); 2 of the changes not started"));
        }
    }

    [Test]
    public async Task DeployAsync_MemberListEditedAfterTheCheck_NoMemberWrite()
    {
        var planned = Queue("q1", "same");
        planned["wrapupCodes"] = new JArray(new JObject { ["id"] = "w1" });
        _api.Answer("GET", Queues, 200, FakeApi.List(Queue("q1", "same")));
        var reads = 0;
        _api.Answer("GET", Queues + "/q1/wrapupcodes", _ => (200, ++reads == 1
            ? FakeApi.List(new JObject { ["id"] = "w1" })
            : FakeApi.List(new JObject { ["id"] = "w1" }, new JObject { ["id"] = "w9" })));
        var entry = new PlanEntry("queues", "Q1", ChangeAction.Update)
        {
            LiveId = "q1",
            Fingerprint = Fingerprints.Of(ResourceKinds.Queues, planned),
            Desired = new JObject { ["name"] = "Q1", ["wrapupCodes"] = new JArray("Resolved") },
            Changes = [new FieldChange("wrapupCodes", null, new JArray("Resolved"))],
        };

        var result = await DeployAsync(Live(new ResourceObject(ResourceKinds.WrapupCodes, "Resolved", []) { Id = "w2" }), entry);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Failure, Does.Contain("the wrapupCodes of queues 'Q1' changed after the plan was made"));
            Assert.That(_api.Writes(), Is.Empty);
        }
    }

    private Task<DeployResult> DeployAsync(params PlanEntry[] entries) => DeployAsync(Live(), entries);

    private Task<DeployResult> DeployAsync(LiveSnapshot live, params PlanEntry[] entries)
    {
        var window = _api.Window();
        var writer = new WriteExecutor(new PatientSender(_api.Client, _api.Reader, window), _journal, new Reconciler(_api.Reader, window), _api.Masker, _api.Time, _lines.Add);
        var deployer = new Deployer(writer, new Preconditions(_api.Reader), new DeployOptions { Parallelism = 1 }, _ => { });
        var plan = new Plan { Environment = "dev", CreatedAt = "2026-03-02T09:00:00Z", Entries = entries };
        return _api.RunAsync(deployer.DeployAsync(plan, live, _journalPath, CancellationToken.None));
    }

    private static LiveSnapshot Live(params ResourceObject[] objects) => new(objects);

    private static PlanEntry Update(string id, JObject planned, string description) => new("queues", id.ToUpperInvariant(), ChangeAction.Update)
    {
        LiveId = id,
        Fingerprint = Fingerprints.Of(ResourceKinds.Queues, planned),
        Desired = new JObject { ["name"] = id.ToUpperInvariant(), ["description"] = description },
        Changes = [new FieldChange("description", planned["description"], description)],
    };

    private static JObject Queue(string id, string description) =>
        new() { ["id"] = id, ["name"] = id.ToUpperInvariant(), ["description"] = description, ["division"] = new JObject { ["id"] = "home", ["name"] = "Home" } };

    private IEnumerable<string> Traffic() => _api.Server.LogEntries.Select(e => e.RequestMessage!).OrderBy(r => r.DateTime).Select(r => $"{r.Method} {r.Path}");
}
