using CxAsCode.Planning;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration.Users;

/// <summary>
/// Issue 10, must show: a user deleted in the org but in state is restored with its id, skills, languages and
/// queue memberships, and plans clean afterwards; a stale user version stops the deploy before that write and
/// rolls back, never resending; a user naming an unknown skill fails Validate with file and path, zero writes.
/// The state is the repository's own samples (state/dev/users: Owen Hughes is deleted in the sandbox's seed).
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class UserDeployTests : SandboxPipelineFixture
{
    private const string Owen = "owen.hughes@northwind-energy.example";
    private const string PriyaFile = "state/dev/users/priya.shah@northwind-energy.example.json";

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

    private async Task<JObject> UserAsync(string email) =>
        (JObject)(await Sandbox.StateAsync())["users"]!.Single(u => (string?)u["email"] == email);
}
