using System.Net;
using CxAsCode.Sandbox;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

public sealed class PersistenceTests
{
    private string _dataDir = string.Empty;

    [SetUp]
    public void CreateDataDir() => _dataDir = Directory.CreateTempSubdirectory("cxascode-sandbox-").FullName;

    [TearDown]
    public void DeleteDataDir() => Directory.Delete(_dataDir, recursive: true);

    [Test]
    public async Task Restart_SameDataDir_LoadsTheSavedOrg()
    {
        await using (var first = await SandboxClient.StartAsync(new SandboxOptions { Port = 0, DataDir = _dataDir }))
        {
            await first.RefreshTokenAsync();
            var (status, _) = await first.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "Persisted" });
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        }

        await using var second = await SandboxClient.StartAsync(new SandboxOptions { Port = 0, DataDir = _dataDir });
        await second.RefreshTokenAsync();
        var list = await second.GetObjectAsync("api/v2/routing/skills?name=Persisted");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int?)list["total"], Is.EqualTo(1));
            Assert.That(File.Exists(Path.Combine(_dataDir, "org.json")), Is.True);
            Assert.That(Directory.GetFiles(_dataDir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "org.json", "org.journal.jsonl" }));
        }
    }

    [Test]
    public async Task Restart_WithReset_StartsFromTheSeed()
    {
        await using (var first = await SandboxClient.StartAsync(new SandboxOptions { Port = 0, DataDir = _dataDir }))
        {
            await first.RefreshTokenAsync();
            await first.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "Forgotten" });
        }

        await using var second = await SandboxClient.StartAsync(new SandboxOptions { Port = 0, DataDir = _dataDir, Reset = true });
        await second.RefreshTokenAsync();
        var list = await second.GetObjectAsync("api/v2/routing/skills?name=Forgotten");

        Assert.That((int?)list["total"], Is.EqualTo(0));
    }

    [Test]
    public async Task Write_AppendsOneJournalLineAndLeavesOrgJsonAlone()
    {
        await using var sandbox = await SandboxClient.StartAsync(new SandboxOptions { Port = 0, DataDir = _dataDir });
        await sandbox.RefreshTokenAsync();
        var orgJson = Path.Combine(_dataDir, "org.json");
        var snapshot = File.ReadAllText(orgJson);

        await sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "Journaled" });
        var journal = File.ReadAllLines(Path.Combine(_dataDir, "org.journal.jsonl"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(orgJson), Is.EqualTo(snapshot), "a write costs one appended line, not a rewrite of the org");
            Assert.That(journal, Has.Length.EqualTo(1));
            Assert.That((string?)JObject.Parse(journal[0])["item"]?["name"], Is.EqualTo("Journaled"));
        }
    }

    [Test]
    public async Task Restart_FormatOneOrgFile_LoadsIt()
    {
        File.WriteAllText(Path.Combine(_dataDir, "org.json"), """
            {"format":1,"organization":{"id":"org-1","name":"Old Org"},
             "divisions":[{"id":"d1","name":"Home","homeDivision":true}],
             "skills":[{"id":"s1","name":"Legacy","division":{"id":"d1"},"state":"active","version":3,"dateModified":"2024-01-01T00:00:00.000Z"}],
             "wrapupcodes":[],
             "queues":[{"id":"q1","name":"Old Queue","division":{"id":"d1"},"wrapupCodes":[],"dateCreated":"2024-01-01T00:00:00.000Z"}]}
            """);

        await using var sandbox = await SandboxClient.StartAsync(new SandboxOptions { Port = 0, DataDir = _dataDir });
        await sandbox.RefreshTokenAsync();
        var skill = await sandbox.GetObjectAsync("api/v2/routing/skills/s1");
        var queues = await sandbox.GetObjectAsync("api/v2/routing/queues?name=Old%20Queue");
        var org = await sandbox.GetObjectAsync("api/v2/organizations/me");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)skill["version"], Is.EqualTo("3"));
            Assert.That((int?)queues["total"], Is.EqualTo(1));
            Assert.That((string?)org["id"], Is.EqualTo("org-1"));
        }
    }

    [Test]
    public async Task Restart_WhileADeletedQueueLingers_KeepsItLingeringUntilItsTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        SandboxOptions Options() => new() { Port = 0, DataDir = _dataDir, TimeProvider = time, Realism = RealismProfile.Realistic() };
        string id;
        await using (var first = await SandboxClient.StartAsync(Options()))
        {
            await first.RefreshTokenAsync();
            id = await first.IdOfAsync("api/v2/routing/queues", "Complaints");
            await first.ApiAsync(HttpMethod.Delete, $"api/v2/routing/queues/{id}");
        }

        time.Advance(TimeSpan.FromSeconds(30));
        await using var second = await SandboxClient.StartAsync(Options());
        await second.RefreshTokenAsync();
        var (lingering, _) = await second.ApiAsync(HttpMethod.Get, $"api/v2/routing/queues/{id}");
        time.Advance(TimeSpan.FromSeconds(30));
        var (gone, _) = await second.ApiAsync(HttpMethod.Get, $"api/v2/routing/queues/{id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lingering, Is.EqualTo(HttpStatusCode.OK), "the platform would still show it 30 s after the delete");
            Assert.That(gone, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task Restart_AfterTwoQuickUpdatesWhoseFirstHasSettled_LoadsAndShowsTheNewest()
    {
        // Regression: loading an object whose older version had settled pruned the list being read
        // ("Collection was modified"), so the next start refused its own org file.
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        SandboxOptions Options() => new() { Port = 0, DataDir = _dataDir, TimeProvider = time, Realism = RealismProfile.Realistic() };
        string id;
        await using (var first = await SandboxClient.StartAsync(Options()))
        {
            await first.RefreshTokenAsync();
            id = await first.IdOfAsync("api/v2/routing/wrapupcodes", "Resolved");
            await first.ApiAsync(HttpMethod.Put, $"api/v2/routing/wrapupcodes/{id}", new { name = "Resolved", description = "first" });
            time.Advance(TimeSpan.FromSeconds(10));
            await first.ApiAsync(HttpMethod.Put, $"api/v2/routing/wrapupcodes/{id}", new { name = "Resolved", description = "second" });
        }

        time.Advance(TimeSpan.FromSeconds(10));
        await using var second = await SandboxClient.StartAsync(Options());
        await second.RefreshTokenAsync();

        Assert.That((string?)(await second.GetObjectAsync($"api/v2/routing/wrapupcodes/{id}"))["description"], Is.EqualTo("second"));
    }

    [Test]
    public async Task Restart_AfterASkillDelete_TheDeletedSkillStaysOutOfTheList()
    {
        string id;
        await using (var first = await SandboxClient.StartAsync(new SandboxOptions { Port = 0, DataDir = _dataDir }))
        {
            await first.RefreshTokenAsync();
            id = await first.IdOfAsync("api/v2/routing/skills", "Welsh");
            await first.ApiAsync(HttpMethod.Delete, $"api/v2/routing/skills/{id}");
        }

        await using var second = await SandboxClient.StartAsync(new SandboxOptions { Port = 0, DataDir = _dataDir });
        await second.RefreshTokenAsync();
        var listed = await second.GetObjectAsync("api/v2/routing/skills?name=Welsh");
        var read = await second.GetObjectAsync($"api/v2/routing/skills/{id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int?)listed["total"], Is.Zero);
            Assert.That((string?)read["state"], Is.EqualTo("deleted"));
        }
    }

    [TestCase("queues", "Complaints")]
    [TestCase("wrapupcodes", "Escalated")]
    public async Task Restart_AfterAHardDelete_TheObjectStaysGone(string kind, string name)
    {
        await using (var first = await SandboxClient.StartAsync(new SandboxOptions { Port = 0, DataDir = _dataDir }))
        {
            await first.RefreshTokenAsync();
            var id = await first.IdOfAsync($"api/v2/routing/{kind}", name);
            var (status, _) = await first.ApiAsync(HttpMethod.Delete, $"api/v2/routing/{kind}/{id}");
            Assert.That(status, Is.EqualTo(HttpStatusCode.NoContent));
        }

        await using var second = await SandboxClient.StartAsync(new SandboxOptions { Port = 0, DataDir = _dataDir });
        await second.RefreshTokenAsync();

        Assert.That((int?)(await second.GetObjectAsync($"api/v2/routing/{kind}?name={Uri.EscapeDataString(name)}"))["total"], Is.Zero);
    }

    [Test]
    public async Task Restart_TornLastJournalLine_IsIgnored()
    {
        await using (var first = await SandboxClient.StartAsync(new SandboxOptions { Port = 0, DataDir = _dataDir }))
        {
            await first.RefreshTokenAsync();
            await first.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "Whole" });
        }

        File.AppendAllText(Path.Combine(_dataDir, "org.journal.jsonl"), "{\"kind\":\"skills\",\"item\":{\"id\":\"x\",\"na");
        await using var second = await SandboxClient.StartAsync(new SandboxOptions { Port = 0, DataDir = _dataDir });
        await second.RefreshTokenAsync();

        Assert.That((int?)(await second.GetObjectAsync("api/v2/routing/skills?name=Whole"))["total"], Is.EqualTo(1));
    }

    [Test]
    public void Append_JournalOutgrowsTheOrg_IsFoldedIntoOrgJson()
    {
        var now = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var org = CxAsCode.Sandbox.Store.SeedLoader.Load(SeedNames.Default, null, now, RealismProfile.Off());
        var file = new CxAsCode.Sandbox.Store.OrgFile(_dataDir);
        file.Save(org, now);
        var skill = org.Skills.Entities.First();
        var line = CxAsCode.Sandbox.Store.OrgJson.JournalLine(org.Skills, skill.Id, skill, now);

        file.Append(org, [.. Enumerable.Repeat(line, CxAsCode.Sandbox.Store.OrgFile.MinimumJournalLines)], now);
        var before = file.JournalLines;
        file.Append(org, [line], now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.EqualTo(1000), "up to the threshold the journal only grows");
            Assert.That(file.JournalLines, Is.Zero);
            Assert.That(new FileInfo(file.JournalPath).Length, Is.Zero);
            Assert.That(file.Load(now).ObjectCount, Is.EqualTo(org.ObjectCount));
        }
    }
}
