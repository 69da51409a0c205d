using CxAsCode.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration.Users;

/// <summary>
/// Issue 10, must show: adding 50 skills to 200 users in one deploy goes through the bulk endpoint (one
/// <c>PUT …/routingskills/bulk</c> per user, never a call per skill) and stays inside the rate budget: the
/// sandbox limits each token to 300 requests a minute, as the platform does, and answers no 429.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class UserBulkSkillsTests : SandboxPipelineFixture
{
    private const int Users = 200;
    private const int Skills = 50;
    private const int PerToken = 300;

    [Test]
    public async Task Deploy_FiftySkillsForTwoHundredUsers_OneBulkPutPerUserAndNo429()
    {
        for (var s = 0; s < Skills; s++)
        {
            var name = $"Bulk Skill {s:00}";
            await Sandbox.PostAsync("/sandbox/edit", new JObject { ["kind"] = "skills", ["create"] = new JObject { ["name"] = name } });
            Repository.Write($"state/dev/routing/skills/bulk-skill-{s:00}.json", CanonicalJson.Serialize(new JObject { ["name"] = name }));
        }

        var skills = new JArray(Enumerable.Range(0, Skills).Select(s => new JObject { ["skill"] = $"Bulk Skill {s:00}", ["proficiency"] = (s % 5) + 1 }));
        for (var u = 0; u < Users; u++)
        {
            var email = $"agent{u:000}@northwind-energy.example";
            await Sandbox.PostAsync("/sandbox/edit", new JObject { ["kind"] = "users", ["create"] = new JObject { ["name"] = $"Agent {u:000}", ["email"] = email } });
            Repository.Write($"state/dev/users/{email}.json", CanonicalJson.Serialize(new JObject
            {
                ["name"] = $"Agent {u:000}",
                ["email"] = email,
                ["division"] = "Home",
                ["skills"] = skills.DeepClone(),
            }));
        }

        await SandboxHost.SettleAsync();
        await Sandbox.LimitPerTokenAsync(PerToken);

        await Sandbox.ClearRequestsAsync();
        var (run, exit) = await Driver.RunAsync("Deploy", o => PipelineDriver.Paced(o, PerToken, tokenPoolSize: 10));

        var requests = (await Sandbox.RequestsAsync()).Where(r => ((string?)r["path"])!.StartsWith("/api/v2/", StringComparison.Ordinal)).ToList();
        var agents = (await Sandbox.StateAsync())["users"]!.Where(u => ((string?)u["email"])!.StartsWith("agent", StringComparison.Ordinal)).ToList();
        var agentPaths = agents.Select(a => $"/api/v2/users/{(string?)a["id"]}/routingskills/bulk").ToHashSet(StringComparer.Ordinal);
        var bulk = requests.Where(r => (string?)r["method"] == "PUT" && agentPaths.Contains((string?)r["path"] ?? string.Empty)).ToList();
        var single = requests.Where(r => ((string?)r["path"])!.Contains("/routingskills/", StringComparison.Ordinal) && !((string?)r["path"])!.EndsWith("/bulk", StringComparison.Ordinal)).ToList();
        var agentSkills = agents.Select(u => u["skills"]!.Count()).ToList();
        TestContext.Out.WriteLine($"50 skills x 200 users: {requests.Count} API requests ({requests.Count(r => (string?)r["method"] == "GET")} GET, {bulk.Count} bulk PUT, {requests.Count(r => (int?)r["status"] == 429)} x 429) over {run.RequestsPerToken.Count} token(s)");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(bulk, Has.Count.EqualTo(Users), "one bulk PUT per user");
            Assert.That(bulk.Select(b => JArray.Parse((string)b["body"]!).Count), Has.All.EqualTo(Skills), "each carries the user's 50 skills");
            Assert.That(single, Is.Empty, "never a call per skill");
            Assert.That(agentSkills, Has.Count.EqualTo(Users).And.All.EqualTo(Skills));
            Assert.That(requests.Where(r => (int?)r["status"] == 429), Is.Empty, "inside the rate budget: no 429");
            Assert.That(run.RequestsPerToken, Has.All.LessThanOrEqualTo(PerToken));
        }
    }
}
