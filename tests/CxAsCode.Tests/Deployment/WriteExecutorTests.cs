using CxAsCode.Deployment;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CxAsCode.Tests.Deployment;

/// <summary>
/// One journaled write against an API that lags, applies late and holds names: lost responses are settled
/// by reading within the consistency window, never sent again; refusals only lag explains are waited out.
/// </summary>
public sealed class WriteExecutorTests
{
    private const string Queues = "/api/v2/routing/queues";
    private const string Skills = "/api/v2/routing/skills";
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
    public async Task ExecuteAsync_PutAppliedAfterTheClientGaveUp_FoundByReadingAndSentOnce()
    {
        GiveUpQuickly();
        // The server takes the PUT, answers too late for the client, and its effect shows 32 s after arrival.
        DateTimeOffset? arrived = null;
        _api.Answer("PUT", Queues + "/q1", _ =>
        {
            arrived = _api.Time.GetUtcNow();
            return (200, Queue("q1", "new", "2026-03-02T09:00:32.000Z"));
        }, realDelay: TimeSpan.FromMilliseconds(1200));
        _api.Answer("GET", Queues + "/q1", _ => arrived is { } at && _api.Time.GetUtcNow() - at >= TimeSpan.FromSeconds(32)
            ? (200, Queue("q1", "new", "2026-03-02T09:00:32.000Z"))
            : (200, Queue("q1", "old", "2026-03-01T09:00:00.000Z")));

        var outcome = await _api.RunAsync(Writer().ExecuteAsync(Update("q1", "new"), CancellationToken.None));

        await WaitForLoggedAsync("PUT", Queues + "/q1");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Status, Is.EqualTo(WriteStatus.Applied));
            Assert.That(Outcomes(1), Is.EqualTo(new WriteStatus?[] { WriteStatus.Unknown, WriteStatus.Applied }));
            Assert.That(_api.Requests("PUT", Queues + "/q1"), Has.Count.EqualTo(1), "a write that got no answer is never sent again");
            Assert.That(_api.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(32)), "it kept reading until the late write showed");
            Assert.That(_lines.Last(), Does.StartWith("Deploy: settled  PUT    queues 'Support'"));
        }
    }

    [Test]
    public async Task ExecuteAsync_CreateWhoseResponseIsLostListedOnlyAfterFiveSeconds_SettledAsAppliedNeverResent()
    {
        GiveUpQuickly();
        DateTimeOffset? created = null;
        _api.Answer("POST", Skills, _ =>
        {
            created = _api.Time.GetUtcNow();
            return (200, new JObject { ["id"] = "s1", ["name"] = "Heat Pumps", ["state"] = "active", ["version"] = "1" });
        }, realDelay: TimeSpan.FromMilliseconds(1200));
        _api.Answer("GET", Skills, _ => created is { } at && _api.Time.GetUtcNow() - at >= TimeSpan.FromSeconds(5)
            ? (200, FakeApi.List(new JObject { ["id"] = "s1", ["name"] = "Heat Pumps", ["state"] = "active", ["version"] = "1" }))
            : (200, FakeApi.List()));

        var outcome = await _api.RunAsync(Writer().ExecuteAsync(Create(ResourceKinds.Skills, "Heat Pumps", Skills), CancellationToken.None));

        await WaitForLoggedAsync("POST", Skills);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((outcome.Status, outcome.ObjectId), Is.EqualTo(((WriteStatus?)WriteStatus.Applied, "s1")));
            Assert.That(_api.Requests("POST", Skills), Has.Count.EqualTo(1), "never re-POSTed");
            Assert.That(_api.Requests("GET", Skills), Has.Count.GreaterThan(1), "one empty name lookup is not believed");
            Assert.That(Outcomes(1), Is.EqualTo(new WriteStatus?[] { WriteStatus.Unknown, WriteStatus.Applied }));
        }
    }

    [Test]
    public async Task ExecuteAsync_NameHeldByAnObjectNoReadCanSee_WaitsAndSendsAgainNeverDeletes()
    {
        // A queue deleted moments ago keeps its name for a while, and no list shows it.
        _api.Answer("POST", Queues, _ => _api.Elapsed < TimeSpan.FromSeconds(20)
            ? (400, FakeApi.Error(400, "duplicate.name"))
            : (200, Queue("q-new", "new", "2026-03-02T09:00:20.000Z")));
        _api.Answer("GET", Queues, 200, FakeApi.List());

        var outcome = await _api.RunAsync(Writer().ExecuteAsync(Create(ResourceKinds.Queues, "Support", Queues), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((outcome.Status, outcome.ObjectId), Is.EqualTo(((WriteStatus?)WriteStatus.Applied, "q-new")));
            Assert.That(_api.Requests("POST", Queues), Has.Count.GreaterThan(1));
            Assert.That(_api.Writes().Where(w => w.Method == "DELETE"), Is.Empty, "nothing is deleted to make room");
            Assert.That(_lines.Last(), Does.Match(@"^Deploy: applied  POST   queues 'Support' \(\d+ attempts\)$"));
        }
    }

    [Test]
    public async Task ExecuteAsync_NameStillHeldWhenTheWindowEnds_FailsSayingSoNothingDeleted()
    {
        _api.Answer("POST", Skills, 409, FakeApi.Error(409, "general.conflict"));
        _api.Answer("GET", Skills, 200, FakeApi.List());

        var error = await CatchAsync<NameTakenException>(() => _api.RunAsync(Writer().ExecuteAsync(Create(ResourceKinds.Skills, "Heat Pumps", Skills), CancellationToken.None)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain("still taken 60 s after the first refusal").And.Contain("nothing was deleted"));
            Assert.That(_api.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(60)).And.LessThan(TimeSpan.FromSeconds(70)));
            Assert.That(_api.Writes().All(w => w.Method == "POST"), Is.True);
            Assert.That(Outcomes(1), Is.EqualTo(new WriteStatus?[] { WriteStatus.Failed }));
        }
    }

    [Test]
    public async Task ExecuteAsync_NameHeldByAVisibleObject_FailsAtOnceNamingIt()
    {
        _api.Answer("POST", Queues, 400, FakeApi.Error(400, "duplicate.name"));
        _api.Answer("GET", Queues, 200, FakeApi.List(Queue("someone-elses", "theirs", "2026-03-02T08:59:00.000Z")));

        var error = await CatchAsync<NameTakenException>(() => _api.RunAsync(Writer().ExecuteAsync(Create(ResourceKinds.Queues, "Support", Queues), CancellationToken.None)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain("id someone-elses"));
            Assert.That(_api.Requests("POST", Queues), Has.Count.EqualTo(1));
            Assert.That(_api.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        }
    }

    [Test]
    public async Task ExecuteAsync_MemberWriteToAQueueCreatedMomentsAgoAnswers404_WaitsOutTheLag()
    {
        _api.Answer("POST", Queues + "/q-new/wrapupcodes", _ => _api.Elapsed < TimeSpan.FromSeconds(3)
            ? (404, FakeApi.Error(404, "not.found"))
            : (200, new JArray(new JObject { ["id"] = "w1" })));
        var write = new PlannedWrite(ResourceKinds.Queues, "Support", WriteOperation.AddMembers, HttpMethod.Post, Queues + "/q-new/wrapupcodes")
        {
            Body = new JArray(new JObject { ["id"] = "w1" }),
            ObjectId = "q-new",
            Sub = ResourceKinds.Queues.SubResources[0],
            MemberIds = ["w1"],
            PreImage = MemberLists.Image([]),
            OwnerCreatedAt = _api.Time.GetUtcNow(),
        };

        var outcome = await _api.RunAsync(Writer().ExecuteAsync(write, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Status, Is.EqualTo(WriteStatus.Applied));
            Assert.That(_api.Requests("POST", Queues + "/q-new/wrapupcodes"), Has.Count.GreaterThan(1));
            Assert.That(_lines.Last(), Does.StartWith("Deploy: applied  POST   queues 'Support' +1 wrapupCodes ("));
        }
    }

    [Test]
    public async Task ExecuteAsync_404FromAnObjectWeDidNotJustCreate_FailsAtOnce()
    {
        _api.Answer("PUT", Queues + "/q1", 404, FakeApi.Error(404, "not.found"));

        await CatchAsync<CxAsCode.Http.NotFoundException>(() => _api.RunAsync(Writer().ExecuteAsync(Update("q1", "new"), CancellationToken.None)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_api.Requests("PUT", Queues + "/q1"), Has.Count.EqualTo(1));
            Assert.That(_lines.Single(), Does.StartWith("Deploy: failed   PUT    queues 'Support': PUT /api/v2/routing/queues/q1 answered 404"));
        }
    }

    [Test]
    public async Task ExecuteAsync_RateLimitedOnceThenApplied_OneLineSayingTwoAttempts()
    {
        _api.Server.Given(Request.Create().WithPath(Queues + "/q1").UsingPut()).InScenario("429").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0").WithBody(FakeApi.Error(429, "too.many.requests.retry.after").ToString()));
        _api.Server.Given(Request.Create().WithPath(Queues + "/q1").UsingPut()).InScenario("429").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Queue("q1", "new", "2026-03-02T09:00:01.000Z").ToString()));

        await _api.RunAsync(Writer().ExecuteAsync(Update("q1", "new"), CancellationToken.None));

        Assert.That(_lines, Is.EqualTo(new[] { "Deploy: applied  PUT    queues 'Support' (2 attempts)" }));
    }

    /// <summary>The client gives up on an attempt after 0.4 s (30 s in production): the late answers below take 1.2 s.</summary>
    private void GiveUpQuickly()
    {
        _api.Dispose();
        _api = new FakeApi(attemptTimeout: TimeSpan.FromMilliseconds(400));
    }

    private WriteExecutor Writer()
    {
        var window = _api.Window();
        return new WriteExecutor(new PatientSender(_api.Client, _api.Reader, window), _journal, new Reconciler(_api.Reader, window), _api.Masker, _api.Time, _lines.Add);
    }

    private static PlannedWrite Update(string id, string description)
    {
        var before = Queue(id, "old", "2026-03-01T09:00:00.000Z");
        return new PlannedWrite(ResourceKinds.Queues, "Support", WriteOperation.Update, HttpMethod.Put, $"{Queues}/{id}")
        {
            Body = new JObject { ["name"] = "Support", ["description"] = description },
            ObjectId = id,
            PreImage = before,
            PreFingerprint = Fingerprints.OfObject(ResourceKinds.Queues, before),
        };
    }

    private static PlannedWrite Create(ResourceKind kind, string name, string path) =>
        new(kind, name, WriteOperation.Create, HttpMethod.Post, path) { Body = new JObject { ["name"] = name } };

    private static JObject Queue(string id, string description, string modified) =>
        new() { ["id"] = id, ["name"] = "Support", ["description"] = description, ["dateModified"] = modified };

    private IEnumerable<WriteStatus?> Outcomes(int seq) =>
        Journal.Read(_journalPath).Where(e => e.Seq == seq && e.Phase == JournalPhase.Outcome).Select(e => e.Status);

    private async Task WaitForLoggedAsync(string method, string path)
    {
        // WireMock logs a delayed response only when it ends.
        for (var i = 0; i < 150 && _api.Requests(method, path).Count == 0; i++)
        {
            await Task.Delay(20);
        }
    }

    private static async Task<T> CatchAsync<T>(Func<Task> action)
        where T : Exception
    {
        try
        {
            await action();
        }
        catch (T expected)
        {
            return expected;
        }

        Assert.Fail($"Expected {typeof(T).Name}.");
        return null!;
    }
}
