using CxAsCode.Configuration;
using CxAsCode.Deployment;
using CxAsCode.Json;
using CxAsCode.Pipeline;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>
/// Deploy and rollback under faults that land mid-run, against the sandbox: an edit between the check and
/// the write, an undo interrupted part-way, an undo whose owner is already gone, and a second run while one
/// holds the lock.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class DeploySafetyTests : SandboxPipelineFixture
{
    private const string QueueWrapupCodes = "^/api/v2/routing/queues/[^/]+/wrapupcodes$";

    [Test]
    public async Task Deploy_EditLandsAfterTheBatchedCheckBeforeTheWrite_NeverOverwrittenRolledBackExitThree()
    {
        var before = await Sandbox.ComparableStateAsync();
        // Extract reads the 8 live queues' wrap-up code lists; the 9th such read is the batched check's, made
        // after Billing Support itself was read (?id=…) and found as planned. It is held for a moment, and
        // someone edits Billing Support while the deploy waits.
        await Sandbox.FaultAsync(new JObject { ["method"] = "GET", ["path"] = QueueWrapupCodes, ["nth"] = 9, ["delayMs"] = 1500 });
        var deploy = Driver.RunAsync("Deploy");
        await WaitForAsync(async () => (await Sandbox.FaultMatchesAsync())[0] >= 9, deploy);
        await Sandbox.EditAsync("queues", "Billing Support", new JObject { ["description"] = "Edited in the UI mid-deploy" });
        var edited = await Sandbox.ComparableStateAsync();

        var (run, exit) = await deploy;

        var billing = (await Sandbox.StateAsync())["queues"]!.Single(q => (string?)q["name"] == "Billing Support");
        var queuePuts = (await Sandbox.WritesAsync()).Count(w => (string?)w["method"] == "PUT" && ((string)w["path"]!).EndsWith((string)billing["id"]!, StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(3), Driver.Output.ToString());
            Assert.That(run.Deployment!.Failure, Does.Contain("'Billing Support' changed after the plan"));
            Assert.That((string?)billing["description"], Is.EqualTo("Edited in the UI mid-deploy"), "the edit is never overwritten");
            Assert.That(queuePuts, Is.Zero, "no write reaches the edited queue");
            Assert.That(run.Rollback!.IsComplete, Is.True);
            Assert.That(edited, Is.Not.EqualTo(before).Using<JToken>(JToken.DeepEquals));
            Assert.That(await Sandbox.ComparableStateAsync(), Is.EqualTo(edited).Using<JToken>(JToken.DeepEquals), "the org is as it was, with the edit");
        }
    }

    [Test]
    public async Task Deploy_EditWhileTheObjectsOwnReadWaits_SeenAndRefusedExitThree()
    {
        var billing = (string)(await Sandbox.StateAsync())["queues"]!.Single(q => (string?)q["name"] == "Billing Support")["id"]!;
        await Sandbox.FaultAsync(new JObject { ["method"] = "GET", ["path"] = $"^/api/v2/routing/queues/{billing}$", ["delayMs"] = 1000 });
        var deploy = Driver.RunAsync("Deploy");
        await WaitForAsync(async () => (await Sandbox.FaultMatchesAsync())[0] > 0, deploy);
        await Sandbox.EditAsync("queues", "Billing Support", new JObject { ["description"] = "Edited while our read waits" });

        var (_, exit) = await deploy;

        var state = await Sandbox.StateAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(3), Driver.Output.ToString());
            Assert.That((string?)state["queues"]!.Single(q => (string?)q["id"] == billing)["description"], Is.EqualTo("Edited while our read waits"));
            Assert.That((await Sandbox.WritesAsync()).Where(w => ((string)w["path"]!).Contains(billing, StringComparison.Ordinal)), Is.Empty);
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    public async Task Deploy_EditAtARandomReadOfTheDeploy_NeverOverwritten(int seed)
    {
        // Extract sends 12 routing reads (skills, languages, wrap-up codes, queues, 8 queue wrap-up code pages); the deploy's own 9 follow. One of them, picked at random, is held
        // while someone edits a random planned object. Whatever the timing, the edit must survive.
        var random = new Random(seed);
        var (kind, name) = new[] { ("queues", "Billing Support"), ("queues", "Outage Line"), ("queues", "Payments"), ("wrapupcodes", "Complaint Logged") }[random.Next(4)];
        var nth = 12 + random.Next(1, 10);
        await Sandbox.FaultAsync(new JObject { ["method"] = "GET", ["path"] = "^/api/v2/routing/", ["nth"] = nth, ["delayMs"] = 400 });
        var deploy = Driver.RunAsync("Deploy");
        await WaitForAsync(async () => (await Sandbox.FaultMatchesAsync())[0] >= nth, deploy);
        var text = $"Edited in the UI at read {nth}";
        await Sandbox.EditAsync(kind, name, new JObject { ["description"] = text });

        var (run, exit) = await deploy;

        var edited = (await Sandbox.StateAsync())[kind]!.Single(o => (string?)o["name"] == name);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)edited["description"], Is.EqualTo(text), $"{kind} '{name}' edited at read {nth}\n{Driver.Output}");
            Assert.That(exit, Is.AnyOf(0, 1, 3), Driver.Output.ToString());
            Assert.That(run.Rollback?.IsComplete ?? true, Is.True);
        }
    }

    [Test]
    public async Task RollbackTarget_WrapupCodeUndoStoppedPartWay_ResumesAndFinishesIt()
    {
        var before = await Sandbox.ComparableStateAsync();
        // Payments gains three codes in one write; a later queue create fails, so rollback removes them one by
        // one, and the second removal is refused: the list is left part-way between our write and before it.
        AddWrapupCodes("payments.json", "Escalated", "Transferred");
        AddQueue("zonal-support.json", "Zonal Support");
        var payments = (string)(await Sandbox.StateAsync())["queues"]!.Single(q => (string?)q["name"] == "Payments")["id"]!;
        await Sandbox.FaultAsync(new JObject { ["method"] = "POST", ["path"] = "^/api/v2/routing/queues$", ["nth"] = 2, ["status"] = 500 });
        await Sandbox.FaultAsync(new JObject { ["method"] = "DELETE", ["path"] = $"^/api/v2/routing/queues/{payments}/wrapupcodes/[^/]+$", ["nth"] = 2, ["status"] = 500 });
        var (deploy, deployExit) = await Driver.RunAsync("Deploy");
        await Sandbox.ClearRequestsAsync();

        var (resume, resumeExit) = await RollbackAsync(deploy.JournalPath);

        var writes = (await Sandbox.WritesAsync()).Select(w => $"{w["method"]} {w["path"]}").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(deployExit, Is.EqualTo(4), Driver.Output.ToString());
            Assert.That(deploy.Rollback!.ManualActions.Select(c => (c.Key, c.Status)), Is.EqualTo(new[] { ("Payments", WriteStatus.CompensationFailed) }));
            Assert.That(resumeExit, Is.Zero, Driver.Output.ToString());
            Assert.That(resume.Rollback!.Compensations.Select(c => (c.Key, c.Status)), Is.EqualTo(new[] { ("Payments", WriteStatus.Compensated) }), "our own partial undo, not someone's edit");
            Assert.That(writes, Has.Count.EqualTo(2).And.All.StartsWith("DELETE /api/v2/routing/queues/"), "only the two codes still there are removed");
            Assert.That(await Sandbox.ComparableStateAsync(), Is.EqualTo(before).Using<JToken>(JToken.DeepEquals));
        }
    }

    [Test]
    public async Task RollbackTarget_QueueCreateAlreadyUndone_ItsWrapupCodesAreDoneNotFailed()
    {
        var before = await Sandbox.ComparableStateAsync();
        // Write order (parallelism 1): the queue updates, then Heat Pump Advice POST + codes (it names the new
        // skill), then the DR-Emergency-IVR flow (it names Billing Support), whose upload fails.
        // Removing the new queue's codes fails; deleting the queue itself then works, codes and all.
        await Sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = "^/storage/uploads/", ["status"] = 500 });
        await Sandbox.FaultAsync(new JObject { ["method"] = "DELETE", ["path"] = QueueWrapupCodes[..^1] + "/[^/]+$", ["status"] = 500 });
        var (deploy, deployExit) = await Driver.RunAsync("Deploy");
        await Sandbox.ClearRequestsAsync();

        var (resume, resumeExit) = await RollbackAsync(deploy.JournalPath);
        var (_, againExit) = await RollbackAsync(deploy.JournalPath);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deployExit, Is.EqualTo(4), Driver.Output.ToString());
            Assert.That(deploy.Rollback!.ManualActions.Select(c => (c.Key, c.Undid)), Is.EqualTo(new[] { ("Heat Pump Advice", WriteOperation.AddMembers) }));
            Assert.That(resumeExit, Is.Zero, Driver.Output.ToString());
            Assert.That(resume.Rollback!.Compensations.Single().Status, Is.EqualTo(WriteStatus.Compensated));
            Assert.That(againExit, Is.Zero, "nothing left to undo");
            Assert.That(await Sandbox.WritesAsync(), Is.Empty, "gone is done: nothing is sent");
            Assert.That(await Sandbox.ComparableStateAsync(), Is.EqualTo(before).Using<JToken>(JToken.DeepEquals));
        }
    }

    [TestCase("Deploy")]
    [TestCase("Rollback")]
    public async Task Run_WhileAnotherHoldsTheLock_StopsBeforeAnyRequestNamingTheHolder(string target)
    {
        using var holder = DeployLock.Acquire(Path.Combine(Repository.Root, "artifacts", "dev"), "the-other-run", TimeProvider.System);
        await Sandbox.ClearRequestsAsync();
        var started = TimeProvider.System.GetTimestamp();

        var (run, exit) = await Driver.RunAsync(target, o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, JournalPath = "none.jsonl" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), Driver.Output.ToString());
            Assert.That(run.Failure, Is.TypeOf<DeployLockHeldException>());
            Assert.That(run.Failure!.Message, Does.Contain("the-other-run").And.Contain($"process {Environment.ProcessId}").And.Contain("releases the lock when it ends"));
            Assert.That(await Sandbox.RequestsAsync(), Is.Empty, "not even a token request");
            Assert.That(TimeProvider.System.GetElapsedTime(started), Is.LessThan(TimeSpan.FromSeconds(5)));
        }
    }

    private async Task<(PipelineRun Run, int ExitCode)> RollbackAsync(string journal)
    {
        var run = Driver.NewRun("Rollback", o => new PipelineOptions { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, JournalPath = journal });
        await run.AuthAsync();
        await run.RollbackAsync();
        return (run, run.Finish(null));
    }

    private void AddWrapupCodes(string queueFile, params string[] codes)
    {
        var path = $"state/dev/routing/queues/{queueFile}";
        var queue = JObject.Parse(File.ReadAllText(Repository.PathOf(path)));
        queue["wrapupCodes"] = new JArray(queue["wrapupCodes"]!.Select(c => (string)c!).Concat(codes).Order(StringComparer.Ordinal));
        Repository.Write(path, CanonicalJson.Serialize(queue));
    }

    private void AddQueue(string file, string name)
    {
        var queue = JObject.Parse(File.ReadAllText(Repository.PathOf("state/dev/routing/queues/outage-line.json")));
        queue["name"] = name;
        Repository.Write($"state/dev/routing/queues/{file}", CanonicalJson.Serialize(queue));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, Task running)
    {
        for (var i = 0; i < 500 && !running.IsCompleted; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(10);
        }

        Assert.Fail("The deploy never reached the point this test waits for.");
    }
}
