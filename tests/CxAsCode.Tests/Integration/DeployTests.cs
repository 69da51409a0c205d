using System.Text.RegularExpressions;
using CxAsCode.Deployment;
using CxAsCode.Json;
using CxAsCode.Pipeline;
using CxAsCode.Planning;
using CxAsCode.Resources;
using CxAsCode.State;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>The whole pipeline against the sandbox: deploy, re-plan, drift, rollback.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class DeployTests : SandboxPipelineFixture
{
    [Test]
    public async Task Deploy_SampleState_AppliesPlanThenDryRunFindsNothing()
    {
        var (deploy, deployExit) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync(); // the platform shows a write everywhere a moment later
        await Sandbox.ClearRequestsAsync();
        var (dryRun, dryRunExit) = await Driver.RunAsync("DryRun", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, DetailedExitCode = true });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deployExit, Is.EqualTo(0), Driver.Output.ToString());
            Assert.That(deploy.Deployment!.Status, Is.EqualTo(DeployStatus.Succeeded));
            Assert.That(deploy.Plan!.Summary, Does.StartWith("3 to create, 5 to update"));
            Assert.That(deploy.Plan.Writes.Select(e => e.SourceFile), Has.All.StartWith("state/dev/"), "plans name files from the repository root");
            Assert.That(dryRunExit, Is.EqualTo(0));
            Assert.That(dryRun.Plan!.HasChanges, Is.False, Driver.Output.ToString());
            Assert.That(await Sandbox.WritesAsync(), Is.Empty, "a DryRun sends no writes");
        }
    }

    [Test]
    public async Task Deploy_SampleState_SendsOneWritePerChangeAndReadsEachWrittenObjectJustBeforeItsWrite()
    {
        var (run, _) = await Driver.RunAsync("Deploy");
        var requests = await Sandbox.RequestsAsync();
        // A flow's YAML goes to the import job's presigned storage URL, outside the API: the API's writes are these.
        var writes = (await Sandbox.WritesAsync()).Where(w => ((string)w["path"]!).StartsWith("/api/v2/", StringComparison.Ordinal)).ToList();
        var sinceDryRun = requests.SkipWhile(r => !((string?)r["query"] ?? string.Empty).Contains("id=", StringComparison.Ordinal)).Select(r => $"{r["method"]} {r["path"]}").ToList();
        var itemGets = sinceDryRun.Where(r => Regex.IsMatch(r, "^GET /api/v2/routing/(skills|wrapupcodes|queues)/[^/]+$")).ToList();
        var memberGets = sinceDryRun.Count(r => Regex.IsMatch(r, "^GET /api/v2/routing/queues/[^/]+/wrapupcodes$"));
        var puts = writes.Where(w => (string?)w["method"] == "PUT").Select(w => $"GET {w["path"]}").ToList();

        using (Assert.EnterMultipleScope())
        {
            // skill POST, wrap-up PUT, 2 queue PUTs, queue POST, 2 member POSTs (new queue, Payments), 2 flow import jobs
            Assert.That(writes.Select(w => $"{w["method"]} {Regex.Replace((string)w["path"]!, "[0-9a-f-]{36}", "{id}")}"), Is.EquivalentTo(new[]
            {
                "POST /api/v2/routing/skills",
                "PUT /api/v2/routing/wrapupcodes/{id}",
                "PUT /api/v2/routing/queues/{id}",
                "PUT /api/v2/routing/queues/{id}",
                "POST /api/v2/routing/queues",
                "POST /api/v2/routing/queues/{id}/wrapupcodes",
                "POST /api/v2/routing/queues/{id}/wrapupcodes",
                "POST /api/v2/flows/jobs",
                "POST /api/v2/flows/jobs",
            }));
            // Each object the deploy PUTs is read by id once, right before its PUT; nothing else is.
            Assert.That(itemGets, Is.EquivalentTo(puts));
            Assert.That(puts.Select(get => sinceDryRun.IndexOf(get) + 1).Select(i => sinceDryRun[i]), Is.All.StartWith("PUT "), "the read comes right before its own write");
            // The batched check reads the three planned queues' lists; Payments' list is read again before its member write.
            Assert.That(memberGets, Is.EqualTo(4));
            Assert.That(run.Requests.Writes, Is.EqualTo(writes.Count));
        }
    }

    [Test]
    public async Task Deploy_OutOfBandEditBetweenPlanAndDeploy_RefusedBeforeTheFirstWrite()
    {
        var run = Driver.NewRun("Deploy");
        await PipelineDriver.PlanAsync(run);
        await Sandbox.EditAsync("queues", "Billing Support", new JObject { ["description"] = "Edited in the UI after the plan" });
        var before = await Sandbox.ComparableStateAsync();

        var exit = await PipelineDriver.DeployAsync(run);

        using (Assert.EnterMultipleScope())
        {
            // Before the per-object re-read, a per-rank check let the skill and wrap-up code writes go first
            // and rolled them back (exit 3); one batched check of every planned object now refuses the plan
            // before anything is sent.
            Assert.That(exit, Is.EqualTo(1), Driver.Output.ToString());
            Assert.That(run.Deployment!.Failure, Does.Contain("'Billing Support' changed after the plan"));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty, "zero writes");
            Assert.That(Driver.Output.ToString(), Does.Not.Contain("Rolling back"));
            Assert.That(await Sandbox.ComparableStateAsync(), Is.EqualTo(before).Using<JToken>(JToken.DeepEquals));
        }
    }

    [Test]
    public async Task Deploy_FaultOnThirdWrite_RollsBackFirstTwoInReverseOrder()
    {
        var before = await Sandbox.ComparableStateAsync();
        await Sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = "^/api/v2/routing/queues/[^/]+$", ["nth"] = 1, ["status"] = 500 });

        var (run, exit) = await Driver.RunAsync("Deploy");

        var writes = (await Sandbox.WritesAsync()).Select(w => $"{w["method"]} {w["path"]} {w["status"]}").ToList();
        var journal = Journal.Read(run.JournalPath);
        var report = JObject.Parse(File.ReadAllText(Path.Combine(run.RunFolder, "report.json")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(3), Driver.Output.ToString());
            Assert.That(writes, Has.Count.EqualTo(5), string.Join("\n", writes));
            Assert.That(writes[2], Does.StartWith("PUT /api/v2/routing/queues/").And.EndWith(" 500"));
            Assert.That(run.Deployment!.Applied, Is.EqualTo(2));
            Assert.That(writes[3], Does.StartWith("PUT /api/v2/routing/wrapupcodes/"), "write 2 is undone first");
            Assert.That(writes[4], Does.StartWith("DELETE /api/v2/routing/skills/"), "then write 1");
            Assert.That(journal.Where(e => e.Phase == JournalPhase.Compensation).Select(e => (e.Seq, e.Status)), Is.EqualTo(new[]
            {
                (2, (WriteStatus?)WriteStatus.Compensated),
                (1, (WriteStatus?)WriteStatus.Compensated),
            }));
            Assert.That(journal.Single(e => e.Seq == 3 && e.Phase == JournalPhase.Outcome).Status, Is.EqualTo(WriteStatus.Failed));
            Assert.That(report.ToString(), Does.Contain("rolledBack"));
            Assert.That(File.ReadAllText(Path.Combine(run.RunFolder, "report.md")), Does.Contain("Billing Support"));
            Assert.That(await Sandbox.ComparableStateAsync(), Is.EqualTo(before).Using<JToken>(JToken.DeepEquals));
        }
    }

    [Test]
    public async Task Deploy_PruneThenFailure_RecreatesWhatItDeletedWithItsWrapupCodes()
    {
        var resolved = (string)(await Sandbox.StateAsync())["wrapupcodes"]!.Single(w => (string?)w["name"] == "Resolved")["id"]!;
        await Sandbox.OutOfBandAsync(new JObject { ["kind"] = "queues", ["create"] = new JObject { ["name"] = "Old Queue", ["description"] = "Retired" } });
        await Sandbox.EditAsync("queues", "Old Queue", new JObject { ["wrapupCodes"] = new JArray(resolved) });
        var before = WithoutIds(await Sandbox.ComparableStateAsync());
        // Deletes run last (queues before skills): fail the skill delete, after the queue delete applied.
        await Sandbox.FaultAsync(new JObject { ["method"] = "DELETE", ["path"] = "^/api/v2/routing/skills/[^/]+$", ["status"] = 500 });

        var (run, exit) = await Driver.RunAsync("Deploy", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Prune = true, Parallelism = 1 });

        var oldQueue = (await Sandbox.StateAsync())["queues"]!.SingleOrDefault(q => (string?)q["name"] == "Old Queue");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(3), Driver.Output.ToString());
            // The seed also holds live-only objects (an all-divisions code, two queues): --prune deletes them too.
            Assert.That(run.Plan!.Entries.Where(e => e.Action == ChangeAction.Delete).Select(e => e.Key), Is.SupersetOf(new[] { "Old Queue", "Legacy Gas Tariffs" }));
            Assert.That(run.Rollback!.Compensations.Select(c => c.Seq), Is.Ordered.Descending, "the newest applied write is undone first");
            Assert.That(run.Rollback.Compensations.Select(c => c.Key), Does.Contain("Old Queue"));
            Assert.That(oldQueue?["wrapupCodes"]?.ToObject<string[]>(), Is.EqualTo(new[] { resolved }));
            Assert.That(WithoutIds(await Sandbox.ComparableStateAsync()), Is.EqualTo(before).Using<JToken>(JToken.DeepEquals), "equal but for the recreated queue's new id");
        }
    }

    [Test]
    public async Task Deploy_ResponseDroppedAfterCreateApplied_ReconcilesWithoutPostingAgain()
    {
        await Sandbox.FaultAsync(new JObject { ["method"] = "POST", ["path"] = "^/api/v2/routing/skills$", ["dropAfterApply"] = true });

        var (run, exit) = await Driver.RunAsync("Deploy");

        var skillPosts = (await Sandbox.WritesAsync()).Count(w => (string?)w["method"] == "POST" && (string?)w["path"] == "/api/v2/routing/skills");
        var heatPumps = (await Sandbox.StateAsync())["skills"]!.Count(s => (string?)s["name"] == "Heat Pumps" && (string?)s["state"] == "active");
        var outcomes = Journal.Read(run.JournalPath).Where(e => e.Seq == 1 && e.Phase == JournalPhase.Outcome).Select(e => e.Status);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(0), Driver.Output.ToString());
            Assert.That(skillPosts, Is.EqualTo(1), "never re-POSTed");
            Assert.That(heatPumps, Is.EqualTo(1));
            Assert.That(outcomes, Is.EqualTo(new WriteStatus?[] { WriteStatus.Unknown, WriteStatus.Applied }));
        }
    }

    [TestCase("\"; rm -rf ~ #")]
    [TestCase("%0A::set-output name=x::y")]
    [TestCase("Headsets 🎧 & Café")]
    public async Task Deploy_HostileSkillName_TravelsVerbatimAndReplansClean(string name)
    {
        Repository.Write($"state/dev/routing/skills/{FileNames.StemFor(name)}.json", CanonicalJson.Serialize(new JObject { ["name"] = name }));

        var (_, exit) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync(); // the platform shows a write everywhere a moment later
        var (again, _) = await Driver.RunAsync("DryRun");

        var sentNames = (await Sandbox.WritesAsync())
            .Where(w => (string?)w["method"] == "POST" && (string?)w["path"] == "/api/v2/routing/skills")
            .Select(w => (string?)JObject.Parse((string)w["body"]!)["name"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(sentNames, Does.Contain(name), "sent verbatim inside the JSON body");
            Assert.That((await Sandbox.StateAsync())["skills"]!.Count(s => (string?)s["name"] == name), Is.EqualTo(1));
            Assert.That(again.Plan!.HasChanges, Is.False);
        }
    }

    [Test]
    public async Task DryRun_QueueDeletedOutOfBandAfterDeploy_PlansItsRecreation()
    {
        await Driver.RunAsync("Deploy");
        await Sandbox.OutOfBandAsync(new JObject { ["kind"] = "queues", ["name"] = "Complaints", ["delete"] = true });

        var (run, _) = await Driver.RunAsync("DryRun");

        Assert.That(run.Plan!.Writes.Select(e => (e.Action, e.Key)), Is.EqualTo(new[] { (ChangeAction.Create, "Complaints") }));
    }

    private static JObject WithoutIds(JObject state)
    {
        foreach (var queue in state["queues"]!.OfType<JObject>())
        {
            queue.Remove("id");
            queue.Remove("selfUri");
            // The first conditional-group-routing rule reads back naming the queue itself: its new id.
            (queue.SelectToken("conditionalGroupRouting.rules[0]") as JObject)?.Remove("queue");
        }

        return state;
    }

    [Test]
    public async Task Deploy_SavedPlanAfterObjectMoved_RefusedBeforeFirstWrite()
    {
        var (_, planExit) = await Driver.RunAsync("DryRun", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, OutPath = "plan.json" });
        await Sandbox.EditAsync("wrapupcodes", "Complaint Logged", new JObject { ["description"] = "changed by someone" });
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RunAsync("Deploy", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, PlanPath = "plan.json" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(planExit, Is.EqualTo(0));
            Assert.That(exit, Is.EqualTo(1), "refused before any write: not a rollback\n" + Driver.Output);
            Assert.That(Driver.Output.ToString(), Does.Not.Contain("Rolling back"));
            Assert.That(run.Deployment!.Failure, Does.Contain("'Complaint Logged' changed after the plan"));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty, "zero writes");
        }
    }

    [Test]
    public async Task Deploy_SavedPlan_SendsThePlanEvenWhenStateChangedSince()
    {
        await Driver.RunAsync("DryRun", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, OutPath = "plan.json" });
        File.Delete(Repository.PathOf("state/dev/routing/skills/heat-pumps.json"));
        Repository.Write("state/dev/routing/queues/broken.json", "{ not json");

        var (run, exit) = await Driver.RunAsync("Deploy", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, PlanPath = "plan.json" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(0), Driver.Output.ToString());
            Assert.That((await Sandbox.StateAsync())["skills"]!.Any(s => (string?)s["name"] == "Heat Pumps"), Is.True);
            Assert.That(run.Deployment!.Status, Is.EqualTo(DeployStatus.Succeeded));
        }
    }

    [Test]
    public async Task Deploy_TamperedPlanFile_Refused()
    {
        await Driver.RunAsync("DryRun", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, OutPath = "plan.json" });
        var path = Repository.PathOf("plan.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Heat Pump Advice", "Heat Pump Advise", StringComparison.Ordinal));
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RunAsync("Deploy", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, PlanPath = "plan.json" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(run.Failure!.Message, Does.Contain("hash mismatch"));
            Assert.That(await Sandbox.RequestsAsync(), Has.None.Matches<JObject>(r => (string?)r["method"] != "GET" && (string?)r["path"] != "/oauth/token"));
        }
    }
}
