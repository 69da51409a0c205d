using System.Net;
using CxAsCode.Sandbox;

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
}
