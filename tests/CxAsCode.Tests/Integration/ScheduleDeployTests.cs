using CxAsCode.Configuration;
using CxAsCode.Pipeline;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>Issue 10: languages, schedules and schedule groups through the pipeline against the realistic
/// sandbox: PUT with the version read just before, ordered deletes, validation before any write.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class ScheduleDeployTests : SandboxPipelineFixture
{
    private const string Saturdays = "state/dev/architect/schedules/saturdays.json";
    private const string Hours = "state/dev/architect/schedulegroups/contact-centre-hours.json";

    [Test]
    public async Task Deploy_ScheduleChangedInState_PutsItWithTheCurrentVersionThenPlansClean()
    {
        Edit(Saturdays, "\"2026-01-10T13:00:00.000\"", "\"2026-01-10T14:00:00.000\"");

        var (_, exit) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync();
        var (again, _) = await Driver.RunAsync("DryRun");

        var put = (await Sandbox.WritesAsync()).Single(w => (string?)w["method"] == "PUT" && ((string?)w["path"])!.StartsWith("/api/v2/architect/schedules/", StringComparison.Ordinal));
        var live = (await Sandbox.StateAsync())["schedules"]!.Single(s => (string?)s["name"] == "Saturdays");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That((int?)JObject.Parse((string)put["body"]!)["version"], Is.EqualTo(1), "the version read just before the write");
            Assert.That((string?)live["end"], Is.EqualTo("2026-01-10T14:00:00.000"));
            Assert.That((int?)live["version"], Is.EqualTo(2));
            Assert.That(again.Plan!.HasChanges, Is.False, Driver.Output.ToString());
        }
    }

    [Test]
    public async Task Deploy_VersionMovedWithoutAChangeBetweenOurReadAndWrite_ReReadsAndSendsOnceMoreWithTheNewVersion()
    {
        Edit(Saturdays, "\"2026-01-10T13:00:00.000\"", "\"2026-01-10T14:00:00.000\"");
        // Our PUT is held on its way in; meanwhile the schedule is saved again unchanged (its version moves, its
        // content does not), so the held PUT carries a version that is no longer current.
        await Sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = "^/api/v2/architect/schedules/", ["delayMs"] = 1500 });
        var deploy = Driver.RunAsync("Deploy");
        while ((await Sandbox.FaultMatchesAsync())[0] == 0 && !deploy.IsCompleted)
        {
            await Task.Delay(50);
        }

        await Sandbox.PostAsync("/sandbox/edit", new JObject { ["kind"] = "schedules", ["name"] = "Saturdays", ["set"] = new JObject() });
        var (_, exit) = await deploy;

        var puts = (await Sandbox.RequestsAsync()).Where(r => (string?)r["method"] == "PUT" && ((string?)r["path"])!.StartsWith("/api/v2/architect/schedules/", StringComparison.Ordinal)).Select(r => (int?)r["status"]).ToList();
        var live = (await Sandbox.StateAsync())["schedules"]!.Single(s => (string?)s["name"] == "Saturdays");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(puts, Is.EqualTo(new int?[] { 409, 200 }), "refused for the stale version, then sent again after a re-read");
            Assert.That((string?)live["end"], Is.EqualTo("2026-01-10T14:00:00.000"));
        }
    }

    [Test]
    public async Task Deploy_ScheduleEditedBetweenOurReadAndWrite_RefusedAfterTheReReadNeverResent()
    {
        Edit(Saturdays, "\"2026-01-10T13:00:00.000\"", "\"2026-01-10T14:00:00.000\"");
        await Sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = "^/api/v2/architect/schedules/", ["delayMs"] = 1500 });
        var deploy = Driver.RunAsync("Deploy");
        while ((await Sandbox.FaultMatchesAsync())[0] == 0 && !deploy.IsCompleted)
        {
            await Task.Delay(50);
        }

        await Sandbox.PostAsync("/sandbox/edit", new JObject { ["kind"] = "schedules", ["name"] = "Saturdays", ["set"] = new JObject { ["description"] = "Edited in the UI" } });
        var (_, exit) = await deploy;

        var puts = (await Sandbox.RequestsAsync()).Count(r => (string?)r["method"] == "PUT" && ((string?)r["path"])!.StartsWith("/api/v2/architect/schedules/", StringComparison.Ordinal));
        var live = (await Sandbox.StateAsync())["schedules"]!.Single(s => (string?)s["name"] == "Saturdays");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(3), Driver.Output.ToString());
            Assert.That(puts, Is.EqualTo(1), "the stale write is never sent again over someone's edit");
            Assert.That((string?)live["description"], Is.EqualTo("Edited in the UI"));
            Assert.That((string?)live["end"], Is.EqualTo("2026-01-10T13:00:00.000"));
        }
    }

    [Test]
    public async Task DeploySavedPlan_ScheduleEditedInTheOrgAfterThePlan_RefusedBeforeItsWriteNothingOverwritten()
    {
        Edit(Saturdays, "\"2026-01-10T13:00:00.000\"", "\"2026-01-10T14:00:00.000\"");
        var (_, planned) = await Driver.RunAsync("DryRun", o => new PipelineOptions { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, OutPath = "plan.json" });
        await Sandbox.EditAsync("schedules", "Saturdays", new JObject { ["description"] = "Edited in the UI after the plan" });

        var (_, exit) = await Driver.RunAsync("Deploy", o => new PipelineOptions { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, PlanPath = "plan.json" });

        var live = (await Sandbox.StateAsync())["schedules"]!.Single(s => (string?)s["name"] == "Saturdays");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(planned, Is.Zero, Driver.Output.ToString());
            Assert.That(exit, Is.Not.Zero, "the edit after the plan stops the deploy");
            Assert.That((string?)live["description"], Is.EqualTo("Edited in the UI after the plan"));
            Assert.That((string?)live["end"], Is.EqualTo("2026-01-10T13:00:00.000"), "our change was not written over the edit");
            Assert.That((await Sandbox.WritesAsync()).Where(w => ((string?)w["path"])!.StartsWith("/api/v2/architect/schedules/", StringComparison.Ordinal)), Is.Empty);
        }
    }

    [Test]
    public async Task Deploy_ScheduleDroppedFromItsGroupAndPruned_UpdatesTheGroupBeforeDeletingIt()
    {
        File.Delete(Repository.PathOf(Saturdays));
        Edit(Hours, "    \"Saturdays\",\n", string.Empty);

        var (_, exit) = await Driver.RunAsync("Deploy", o => new PipelineOptions { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Prune = true });

        var writes = (await Sandbox.WritesAsync()).Where(w => ((string?)w["path"])!.StartsWith("/api/v2/architect/", StringComparison.Ordinal)).Select(w => $"{w["method"]} {((string)w["path"]!).Split('/')[4]}").ToList();
        var state = await Sandbox.StateAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(writes, Is.EqualTo(new[] { "PUT schedulegroups", "DELETE schedules" }), "the group lets go of the schedule first, or the delete is 409 in use");
            Assert.That(state["schedules"]!.Select(s => (string?)s["name"]), Does.Not.Contain("Saturdays"));
        }
    }

    [Test]
    public async Task Deploy_LanguageAddedAndOnePruned_CreatesAndDeletesIt()
    {
        Repository.Write("state/dev/routing/languages/polish.json", "{\n  \"name\": \"Polish\"\n}\n");
        File.Delete(Repository.PathOf("state/dev/routing/languages/welsh.json"));

        var (_, exit) = await Driver.RunAsync("Deploy", o => new PipelineOptions { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Prune = true });

        var languages = (await Sandbox.StateAsync())["languages"]!.ToDictionary(l => (string)l["name"]!, l => (string?)l["state"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(languages["Polish"], Is.EqualTo("active"));
            Assert.That(languages["Welsh"], Is.EqualTo("deleted"), "soft deleted, as the platform does");
        }
    }

    [TestCase(Hours, "\"Europe/London\"", "\"Europe/Lndon\"", "$.timeZone", "IANA time zone")]
    [TestCase(Saturdays, "\"2026-01-10T09:00:00.000\"", "\"2026-01-10 09:00\"", "$.start", "local date-time")]
    [TestCase(Saturdays, "\"FREQ=WEEKLY;BYDAY=SA\"", "\"every saturday\"", "$.rrule", "recurrence rule")]
    [TestCase(Hours, "\"Christmas Day\"", "\"Boxing Day\"", "$.holidaySchedules[0]", "Boxing Day")]
    public async Task Validate_BadScheduleOrGroup_NamesFileAndPathWithZeroWrites(string file, string find, string replace, string path, string expected)
    {
        Edit(file, find, replace);

        var (run, exit) = await Driver.RunAsync("Deploy");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(run.Failure, Is.TypeOf<ValidationFailedException>());
            Assert.That(run.ValidationErrors.Select(e => e.ToString()), Has.Some.StartsWith(file).And.Contains(path).And.Contains(expected));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    private void Edit(string file, string find, string replace)
    {
        var path = Repository.PathOf(file);
        var text = File.ReadAllText(path);
        Assert.That(text, Does.Contain(find), $"{file} holds {find}");
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }
}
