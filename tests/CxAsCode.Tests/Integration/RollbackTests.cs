using CxAsCode.Configuration;
using CxAsCode.Deployment;
using CxAsCode.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>Rollback's guards and resumption, against the sandbox.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class RollbackTests : SandboxPipelineFixture
{
    [Test]
    public async Task Rollback_ObjectEditedAfterOurWrite_LeavesItAndExitsFour()
    {
        // Write 3 is held for 2 s, then fails; meanwhile someone edits what write 2 changed.
        await Sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = "^/api/v2/routing/queues/[^/]+$", ["status"] = 500, ["delayMs"] = 2000 });
        var deploy = Driver.RunAsync("Deploy");
        await WaitForAsync(async () => Description(await Sandbox.StateAsync(), "Complaint Logged").StartsWith("Complaint recorded and", StringComparison.Ordinal), deploy);
        await Sandbox.EditAsync("wrapupcodes", "Complaint Logged", new JObject { ["description"] = "Edited by a supervisor" });

        var (run, exit) = await deploy;

        var report = File.ReadAllText(Path.Combine(run.RunFolder, "report.md"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(4), Driver.Output.ToString());
            Assert.That(run.Rollback!.Compensations.Select(c => (c.Key, c.Status)), Is.EqualTo(new[]
            {
                ("Complaint Logged", WriteStatus.ChangedSince),
                ("Heat Pumps", WriteStatus.Compensated),
            }));
            Assert.That(Description(await Sandbox.StateAsync(), "Complaint Logged"), Is.EqualTo("Edited by a supervisor"), "someone else's edit is never undone");
            Assert.That((await Sandbox.StateAsync())["skills"]!.Any(s => (string?)s["name"] == "Heat Pumps" && (string?)s["state"] == "active"), Is.False);
            Assert.That(report, Does.Contain("Complaint Logged").And.Contain("changed after our write"));
        }
    }

    [Test]
    public async Task RollbackTarget_AfterAFailedCompensation_SendsOnlyWhatRemains()
    {
        var before = await Sandbox.ComparableStateAsync();
        await Sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = "^/api/v2/routing/queues/[^/]+$", ["status"] = 500 });
        await Sandbox.FaultAsync(new JObject { ["method"] = "DELETE", ["path"] = "^/api/v2/routing/skills/[^/]+$", ["status"] = 503 });
        var (deploy, deployExit) = await Driver.RunAsync("Deploy");
        await Sandbox.ClearRequestsAsync();

        var resume = Driver.NewRun("Rollback", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, JournalPath = deploy.JournalPath });
        await resume.AuthAsync();
        await resume.RollbackAsync();
        var resumeExit = resume.Finish(null);

        var writes = (await Sandbox.WritesAsync()).Select(w => $"{w["method"]} {w["path"]}").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(deployExit, Is.EqualTo(4), Driver.Output.ToString());
            Assert.That(deploy.Rollback!.Compensations.Select(c => c.Status), Is.EqualTo(new[] { WriteStatus.Compensated, WriteStatus.CompensationFailed }));
            Assert.That(resumeExit, Is.Zero, Driver.Output.ToString());
            Assert.That(writes, Has.Count.EqualTo(1).And.All.StartsWith("DELETE /api/v2/routing/skills/"), "the wrap-up code restored earlier is not touched again");
            Assert.That(await Sandbox.ComparableStateAsync(), Is.EqualTo(before).Using<JToken>(JToken.DeepEquals));
        }
    }

    [Test]
    public async Task RollbackTarget_IntentWithoutOutcome_IsSettledByReadingFirst()
    {
        // A deploy killed after the sandbox applied its create but before the response: the journal
        // holds the intent only.
        var before = await Sandbox.ComparableStateAsync();
        await PostSkillAsync("Heat Pumps");
        var journalPath = Path.Combine(Repository.Root, "artifacts", "dev", "crashed", "journal.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(journalPath)!);
        JournalLines.Write(journalPath, await JournalLines.HeaderAsync(Driver), JournalLines.PendingSkillCreate("Heat Pumps"));
        await Sandbox.ClearRequestsAsync();

        var run = Driver.NewRun("Rollback", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, JournalPath = journalPath });
        await run.AuthAsync();
        await run.RollbackAsync();

        var requests = (await Sandbox.RequestsAsync()).Where(r => (string?)r["path"] is not "/oauth/token" and not "/api/v2/organizations/me").Select(r => $"{r["method"]} {r["path"]}").ToList();
        var journal = Journal.Read(journalPath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requests[0], Does.StartWith("GET /api/v2/routing/skills"), "read before anything else");
            Assert.That(requests.Count(r => r.StartsWith("DELETE", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(journal.Select(e => (e.Phase, e.Status)), Is.EqualTo(new[]
            {
                (JournalPhase.Intent, (WriteStatus?)null),
                (JournalPhase.Outcome, WriteStatus.Applied),
                (JournalPhase.Compensation, WriteStatus.Compensated),
            }));
            Assert.That(await Sandbox.ComparableStateAsync(), Is.EqualTo(before).Using<JToken>(JToken.DeepEquals));
        }
    }

    [Test]
    public async Task Deploy_AfterAnInterruptedDeploy_SettlesItsPendingWriteByReading()
    {
        // The earlier deploy died after the sandbox applied its create, before the response.
        await PostSkillAsync("Heat Pumps");
        await SandboxHost.SettleAsync(); // the crash was a while ago
        var crashed = Path.Combine(Repository.Root, "artifacts", "dev", "crashed", "journal.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(crashed)!);
        JournalLines.Write(crashed, await JournalLines.HeaderAsync(Driver), JournalLines.PendingSkillCreate("Heat Pumps"));

        var (run, exit) = await Driver.RunAsync("Deploy");

        var settled = Journal.Read(crashed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(settled.Select(e => (e.Phase, e.Status)), Is.EqualTo(new[] { (JournalPhase.Intent, (WriteStatus?)null), (JournalPhase.Outcome, WriteStatus.Applied) }));
            Assert.That(settled[1].ObjectId, Is.Not.Null);
            Assert.That(Driver.Output.ToString(), Does.Contain("an interrupted deploy").And.Contain("applied"));
            Assert.That(run.Plan!.Entries.Any(e => e.Key == "Heat Pumps"), Is.False, "the plan already saw the skill the crashed run created");
        }
    }

    private static string Description(JObject state, string wrapupCode) =>
        (string?)state["wrapupcodes"]!.Single(w => (string?)w["name"] == wrapupCode)["description"] ?? string.Empty;

    private async Task PostSkillAsync(string name)
    {
        using var http = new HttpClient { BaseAddress = Sandbox.BaseAddress };
        using var content = new StringContent(CanonicalJson.Compact(new JObject { ["kind"] = "skills", ["create"] = new JObject { ["name"] = name } }), System.Text.Encoding.UTF8, "application/json");
        (await http.PostAsync(new Uri("/sandbox/edit", UriKind.Relative), content)).EnsureSuccessStatusCode();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, Task running)
    {
        for (var i = 0; i < 300 && !running.IsCompleted; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail("The deploy never reached the point this test waits for.");
    }
}
