using CxAsCode.Json;
using CxAsCode.Planning;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration.Users;

/// <summary>
/// Issue 10, must show: a user deleted in the org but in state is restored with its id, skills, languages and
/// queue memberships, and plans clean afterwards; a stale user version stops the deploy before that write and
/// rolls back, never resending; a user naming an unknown skill fails Validate with file and path, zero writes.
/// The state is the repository's own samples (state/dev/users) plus Owen Hughes, whom the sandbox's seed holds
/// deleted, and his membership of Outage Line.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class UserDeployTests : SandboxPipelineFixture
{
    private const string Owen = "owen.hughes@northwind-energy.example";
    private const string PriyaFile = "state/dev/users/priya.shah@northwind-energy.example.json";

    [SetUp]
    public void AddOwenAndHisQueue()
    {
        Repository.Write($"state/dev/users/{Owen}.json", CanonicalJson.Serialize(JObject.Parse($$"""
            {"name": "Owen Hughes", "email": "{{Owen}}", "title": "Advisor", "department": "Customer Operations",
             "division": "Residential", "manager": "priya.shah@northwind-energy.example",
             "skills": [{"skill": "Outages", "proficiency": 3}],
             "languages": [{"language": "English", "proficiency": 5}, {"language": "Welsh", "proficiency": 4}]}
            """)));
        const string outage = "state/dev/routing/queues/outage-line.json";
        var queue = JObject.Parse(File.ReadAllText(Repository.PathOf(outage)));
        queue["members"] = new JArray(Owen);
        Repository.Write(outage, CanonicalJson.Serialize(queue));
    }

    [Test]
    public async Task DryRun_UserDeletedInTheOrgButInState_IsPlannedAsRestore()
    {
        var (run, exit) = await Driver.RunAsync("DryRun");

        var entry = run.Plan!.Entries.Single(e => e.Kind == "users" && e.Key == Owen);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(entry.Action, Is.EqualTo(ChangeAction.Restore));
            Assert.That(Driver.Output.ToString(), Does.Contain($"^ restore users \"{Owen}\"").And.Contain("restored with its id"));
            Assert.That(run.Plan.Summary, Does.Contain("1 to restore"));
        }
    }

    [Test]
    public async Task Deploy_DeletedUserInState_ComesBackWithTheSameIdSkillsLanguagesAndQueuesThenPlansClean()
    {
        var before = await UserAsync(Owen);

        var (_, exit) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync();
        var (again, _) = await Driver.RunAsync("DryRun");

        var after = await UserAsync(Owen);
        var outage = (await Sandbox.StateAsync())["queues"]!.Single(q => (string?)q["name"] == "Outage Line");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That((string?)before["state"], Is.EqualTo("deleted"));
            Assert.That((string?)after["id"], Is.EqualTo((string?)before["id"]), "the same id: restored, not created");
            Assert.That((string?)after["state"], Is.EqualTo("active"));
            Assert.That(after["skills"]!.Select(s => (double)s["proficiency"]!), Is.EqualTo(new[] { 3.0 }));
            Assert.That(after["languages"]!.Count(), Is.EqualTo(2));
            Assert.That(outage["members"]!.Select(m => (string?)m), Does.Contain((string?)before["id"]), "its queue membership");
            Assert.That(again.Plan!.HasChanges, Is.False, Driver.Output.ToString());
        }
    }

    [Test]
    public async Task Deploy_UserEditedBetweenOurReadAndOurPatch_StopsThereRollsBackAndNeverResends()
    {
        Repository.Write(PriyaFile, File.ReadAllText(Repository.PathOf(PriyaFile)).Replace("\"Team Leader\"", "\"Senior Team Leader\"", StringComparison.Ordinal));
        // Our PATCH of Priya is held on its way in; meanwhile someone edits her in the UI, so it carries a version
        // that is no longer current when it lands.
        var id = (string?)(await UserAsync("priya.shah@northwind-energy.example"))["id"];
        await Sandbox.FaultAsync(new JObject { ["method"] = "PATCH", ["path"] = $"^/api/v2/users/{id}$", ["delayMs"] = 1500, ["times"] = 1 });
        await Sandbox.ClearRequestsAsync();
        var deploy = Driver.RunAsync("Deploy");
        while ((await Sandbox.FaultMatchesAsync())[0] == 0 && !deploy.IsCompleted)
        {
            await Task.Delay(50);
        }

        await Sandbox.PostAsync("/sandbox/edit", new JObject { ["kind"] = "users", ["name"] = "Priya Shah", ["set"] = new JObject { ["department"] = "Customer Care" } });
        var (_, exit) = await deploy;
        await SandboxHost.SettleAsync();

        var output = Driver.Output.ToString();
        var priya = await UserAsync("priya.shah@northwind-energy.example");
        var patches = (await Sandbox.RequestsAsync()).Where(r => (string?)r["method"] == "PATCH" && (string?)r["path"] == $"/api/v2/users/{(string?)priya["id"]}").Select(r => (int?)r["status"]).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Not.Zero, output);
            Assert.That(patches, Is.EqualTo(new int?[] { 409 }), "refused for the stale version, and never sent again");
            Assert.That(output, Does.Contain("users 'priya.shah@northwind-energy.example' was edited between our read and our write"));
            Assert.That(output, Does.Contain("Rollback complete"), output);
            Assert.That((string?)priya["department"], Is.EqualTo("Customer Care"), "the edit stands");
            Assert.That((string?)priya["title"], Is.EqualTo("Team Leader"), "ours was not applied");
            Assert.That((string?)(await UserAsync(Owen))["state"], Is.EqualTo("deleted"), "not restored: never, or rolled back");
        }
    }

    [Test]
    public async Task Validate_UserWithAnUnknownSkill_NamesFileAndPathNothingSent()
    {
        Repository.Write(PriyaFile, File.ReadAllText(Repository.PathOf(PriyaFile)).Replace("\"Payments\"", "\"Paymentz\"", StringComparison.Ordinal));
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RunAsync("Deploy");

        var errors = run.ValidationErrors.Select(e => e.ToString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), Driver.Output.ToString());
            Assert.That(errors, Has.Some.Contains(PriyaFile).And.Contains("skills[1].skill").And.Contains("Paymentz"), string.Join("\n", errors));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Validate_ScheduleGroupNamingAMissingSchedule_NamesFileAndPathNothingSent()
    {
        const string hours = "state/dev/architect/schedulegroups/contact-centre-hours.json";
        var text = File.ReadAllText(Repository.PathOf(hours));
        Repository.Write(hours, text.Replace("\"Saturdays\"", "\"Sundays\"", StringComparison.Ordinal));
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RunAsync("Deploy");

        var errors = run.ValidationErrors.Select(e => e.ToString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("\"Saturdays\""));
            Assert.That(exit, Is.EqualTo(1), Driver.Output.ToString());
            Assert.That(errors, Has.Some.Contains(hours).And.Contains("Schedules[").And.Contains("Sundays"), string.Join("\n", errors));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Deploy_UserMovedToAnotherDivisionAndSkillChanged_MovesThroughDivisionObjectsThenPlansClean()
    {
        var text = File.ReadAllText(Repository.PathOf(PriyaFile));
        Repository.Write(PriyaFile, text.Replace("\"Residential\"", "\"Business\"", StringComparison.Ordinal).Replace("\"proficiency\": 4", "\"proficiency\": 5", StringComparison.Ordinal));
        await Sandbox.ClearRequestsAsync();

        var (plan, _) = await Driver.RunAsync("DryRun");
        var (_, exit) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync();
        var (again, _) = await Driver.RunAsync("DryRun");

        var priya = await UserAsync("priya.shah@northwind-energy.example");
        var writes = (await Sandbox.WritesAsync()).Where(w => ((string?)w["path"])!.Contains((string)priya["id"]!, StringComparison.Ordinal) || ((string?)w["path"])!.EndsWith("/objects/USER", StringComparison.Ordinal)).Select(w => $"{w["method"]} {w["path"]}").ToList();
        var entry = plan.Plan!.Entries.Single(e => e.Key == "priya.shah@northwind-energy.example");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(entry.Changes.Select(c => $"{c.Path}: {c.Before} → {c.After}"), Is.EquivalentTo(new[] { "division: Residential → Business", "skills.Billing: 4 → 5" }), "skills by name, not two whole lists");
            Assert.That(writes, Has.Count.EqualTo(2), string.Join("\n", writes));
            Assert.That(writes[0], Does.EndWith("/routingskills/bulk"), "the skills in one bulk PUT (no field PATCH: nothing else changed)");
            Assert.That(writes[1], Does.StartWith("POST /api/v2/authorization/divisions/").And.EndWith("/objects/USER"));
            Assert.That((string?)priya["division"]!["name"], Is.EqualTo("Business"));
            Assert.That(again.Plan!.HasChanges, Is.False, Driver.Output.ToString());
        }
    }

    [Test]
    public async Task DeployPrune_UserOnlyLiveThenALaterDeleteFails_SoftDeletedThenRestoredWithItsIdSkillsAndLanguages()
    {
        await Sandbox.OutOfBandAsync(new JObject { ["kind"] = "users", ["create"] = new JObject { ["name"] = "Temp Agent", ["email"] = "temp.agent@northwind-energy.example" } });
        await Sandbox.EditAsync("users", "Temp Agent", new JObject
        {
            ["title"] = "Seasonal",
            ["skills"] = new JArray(new JObject { ["id"] = SkillId(await Sandbox.StateAsync(), "Legacy Gas Tariffs"), ["proficiency"] = 2 }),
        });
        var before = await UserAsync("temp.agent@northwind-energy.example");
        await Sandbox.EditAsync("queues", "Payments", new JObject { ["members"] = new JArray((string)before["id"]!) });
        // The pruned skill is deleted after the user who holds it (deletes run in reverse reference order): failing it
        // rolls the user's delete back.
        await Sandbox.FaultAsync(new JObject { ["method"] = "DELETE", ["path"] = "^/api/v2/routing/skills/", ["status"] = 500, ["times"] = 1 });

        var (run, exit) = await Driver.RunAsync("Deploy", o => new CxAsCode.Configuration.PipelineOptions { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Prune = true });
        await SandboxHost.SettleAsync(deletes: true);

        var output = Driver.Output.ToString();
        var after = await UserAsync("temp.agent@northwind-energy.example");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(3), output);
            Assert.That(output, Does.Contain("- delete users \"temp.agent@northwind-energy.example\" (soft delete: state becomes deleted"), "the plan says how the API deletes a user");
            Assert.That(output, Does.Contain("Deploy: applied  DELETE users 'temp.agent@northwind-energy.example'"));
            Assert.That(output, Does.Contain("Rollback: ").And.Contain("recreate users 'temp.agent@northwind-energy.example': done"), output);
            Assert.That((string?)after["id"], Is.EqualTo((string?)before["id"]), "restored, not created again");
            Assert.That((string?)after["state"], Is.EqualTo("active"));
            Assert.That((string?)after["title"], Is.EqualTo("Seasonal"));
            Assert.That(after["skills"]!.Select(x => (string?)x["id"]), Is.EqualTo(before["skills"]!.Select(x => (string?)x["id"])));
            Assert.That(output, Does.Contain("back in 1 of its 1 queue(s)"));
            Assert.That((await Sandbox.StateAsync())["queues"]!.Single(q => (string?)q["name"] == "Payments")["members"]!.Select(m => (string?)m), Is.EqualTo(new[] { (string?)before["id"] }), "its membership too (the platform dropped it with the delete)");
        }
    }

    private static string SkillId(JObject state, string name) => (string)state["skills"]!.Single(s => (string?)s["name"] == name)["id"]!;

    private async Task<JObject> UserAsync(string email) =>
        (JObject)(await Sandbox.StateAsync())["users"]!.Single(u => (string?)u["email"] == email);
}
