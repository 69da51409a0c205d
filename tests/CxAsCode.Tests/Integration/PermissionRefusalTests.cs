using CxAsCode.Configuration;
using CxAsCode.Pipeline;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>
/// A client whose role may edit queues in one division only, against the realistic sandbox: a write outside
/// it is refused with 403 <c>missing.permissions</c>, and the run says in one line which object, which
/// division and which permission, before it rolls back.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class PermissionRefusalTests : SandboxPipelineFixture
{
    private const string ClientId = "residential-editor";
    private const string ClientSecret = "residential-editor-secret";

    [Test]
    public async Task Deploy_QueueInADivisionTheRoleCannotEdit_OneLineNamingObjectDivisionAndPermission()
    {
        // State as live is, so the one edit below is the whole plan.
        var sync = Driver.NewRun("Sync", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Force = true });
        await sync.AuthAsync();
        await sync.ExtractAsync();
        sync.Normalize();
        sync.SyncState();
        await Sandbox.PostAsync("/sandbox/clients", new JObject
        {
            ["clientId"] = ClientId,
            ["clientSecret"] = ClientSecret,
            ["grants"] = new JArray(
                new JObject { ["division"] = "*", ["permissions"] = new JArray("routing:queue:view", "routing:skill:view", "routing:wrapupCode:view", "routing:schedule:view", "routing:scheduleGroup:view", "authorization:division:view", "directory:organization:view", "architect:flow:view", "architect:jobExport:create") },
                new JObject { ["division"] = "Residential", ["permissions"] = new JArray("routing:queue:edit") }),
        });
        var file = Repository.PathOf("state/dev/routing/queues/business-accounts.json");
        var queue = JObject.Parse(File.ReadAllText(file));
        queue["description"] = "Edited by a client that may not";
        File.WriteAllText(file, queue.ToString() + "\n");
        var environment = Sandbox.Environment;
        environment["GENESYSCLOUD_OAUTHCLIENT_ID"] = ClientId;
        environment["GENESYSCLOUD_OAUTHCLIENT_SECRET"] = ClientSecret;
        using var output = new StringWriter();
        using var run = PipelineRun.Create(
            new PipelineOptions { Target = "Deploy", Environment = "dev", RepositoryRoot = Repository.Root, Parallelism = 1 },
            name => environment.GetValueOrDefault(name),
            TimeProvider.System,
            output);

        await PipelineDriver.PlanAsync(run);
        var exit = await PipelineDriver.DeployAsync(run);

        var text = output.ToString();
        var refusal = text.Split('\n').Where(l => l.Contains("missing.permissions", StringComparison.Ordinal) && l.StartsWith("Deploy failed", StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), "refused before anything applied: " + text);
            Assert.That(refusal, Has.Count.EqualTo(1), text);
            Assert.That(refusal.FirstOrDefault(), Does.Contain("queues 'Business Accounts'").And.Contain("routing:queue:edit").And.Contain("division 'Business'"));
            Assert.That(text, Does.Contain("no write applied, so there is nothing to roll back"));
            Assert.That((await Sandbox.WritesAsync()).Where(w => (int?)w["status"] is >= 200 and < 300), Is.Empty, "nothing was written");
        }
    }
}
