using CxAsCode.Configuration;
using CxAsCode.Deployment;
using CxAsCode.Json;
using CxAsCode.Pipeline;
using CxAsCode.Planning;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>Plans and journals apply only where they were made: the environment and the org, checked before any write.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class BindingTests : SandboxPipelineFixture
{
    [Test]
    public async Task Auth_ReadsTheOrgOnce_AndPlanAndJournalRecordIt()
    {
        var orgId = await SandboxOrg.IdAsync(Sandbox);
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RunAsync("Deploy");

        var header = JournalFile.Read(run.JournalPath).Header;
        var plan = JObject.Parse(File.ReadAllText(Repository.PathOf("artifacts/dev/plan.json")));
        var orgReads = (await Sandbox.RequestsAsync()).Count(r => (string?)r["path"] == "/api/v2/organizations/me");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(orgReads, Is.EqualTo(1));
            Assert.That(run.Binding, Is.EqualTo(new OrgBinding("dev", orgId, Sandbox.BaseAddress.Authority)));
            Assert.That(header, Is.EqualTo(new JournalHeader { Environment = "dev", OrgId = orgId, ApiHost = Sandbox.BaseAddress.Authority, RunId = run.RunId, StartedAt = run.StartedAt }));
            Assert.That(File.ReadLines(run.JournalPath).First(), Does.StartWith("{\"header\":"), "the header comes before any write entry");
            Assert.That(((string?)plan["environment"], (string?)plan["orgId"], (string?)plan["apiHost"]), Is.EqualTo(("dev", orgId, Sandbox.BaseAddress.Authority)));
            Assert.That(Driver.Output.ToString(), Does.Contain($"token acquired; org 'Sandbox Energy Co' ({orgId})."));
        }
    }

    [Test]
    public async Task Deploy_PlanMadeForTestWithEnvDev_ExitsOneWithZeroWrites()
    {
        var (_, planExit) = await Driver.RunAsync("DryRun", o => new() { Target = o.Target, Environment = "test", RepositoryRoot = o.RepositoryRoot, OutPath = "plan-test.json" });
        var orgId = await SandboxOrg.IdAsync(Sandbox);
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RunAsync("Deploy", o => new() { Target = o.Target, Environment = "dev", RepositoryRoot = o.RepositoryRoot, PlanPath = "plan-test.json" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(planExit, Is.Zero, Driver.Output.ToString());
            Assert.That(exit, Is.EqualTo(1), Driver.Output.ToString());
            Assert.That(run.Failure, Is.TypeOf<ConfigurationException>());
            Assert.That(run.Failure!.Message, Does.StartWith(
                $"The plan in plan-test.json was made for test (org {orgId}, at {Sandbox.BaseAddress.Authority}), and this run is for dev (org {orgId}, at {Sandbox.BaseAddress.Authority}): refused, nothing was sent."));
            Assert.That(run.Deployment, Is.Null, "refused before Deploy");
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Deploy_PlanMadeAgainstAnotherOrg_ExitsOneNamingBothOrgsWithZeroWrites()
    {
        await using var other = await SandboxHost.StartAsync();
        using (var otherDriver = new PipelineDriver(other, Repository))
        {
            await otherDriver.RunAsync("DryRun", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, OutPath = "plan.json" });
        }

        var (mine, theirs) = (await SandboxOrg.IdAsync(Sandbox), await SandboxOrg.IdAsync(other));
        await Sandbox.ClearRequestsAsync();
        await other.ClearRequestsAsync();

        var (run, exit) = await Driver.RunAsync("Deploy", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, PlanPath = "plan.json" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), Driver.Output.ToString());
            Assert.That(run.Failure!.Message, Does.Contain($"made for dev (org {theirs}, at {other.BaseAddress.Authority})").And.Contain($"this run is for dev (org {mine}, at {Sandbox.BaseAddress.Authority})"));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
            Assert.That(await other.RequestsAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Rollback_JournalFromTestWithEnvDev_ExitsOneWithZeroWrites()
    {
        var (deploy, deployExit) = await Driver.RunAsync("Deploy", o => new() { Target = o.Target, Environment = "test", RepositoryRoot = o.RepositoryRoot });
        var before = await Sandbox.ComparableStateAsync();
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RollbackAsync(o => new() { Target = o.Target, Environment = "dev", RepositoryRoot = o.RepositoryRoot, JournalPath = deploy.JournalPath });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deployExit, Is.Zero, Driver.Output.ToString());
            Assert.That(deploy.Deployment!.Applied, Is.GreaterThan(0), "the journal records writes that a wrong rollback would undo");
            Assert.That(exit, Is.EqualTo(1), Driver.Output.ToString());
            Assert.That(run.Failure!.Message, Does.Match(@"^The journal artifacts/test/[0-9TZ]+-[0-9a-f]{6}/journal\.jsonl was made for test \(org .+\), and this run is for dev \(org .+\): refused, nothing was sent\."));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
            Assert.That(await Sandbox.ComparableStateAsync(), Is.EqualTo(before).Using<JToken>(JToken.DeepEquals));
        }
    }

    [Test]
    public async Task Rollback_JournalFromAnotherOrg_ExitsOneWithZeroWrites()
    {
        await using var other = await SandboxHost.StartAsync();
        string journal;
        using (var otherDriver = new PipelineDriver(other, Repository))
        {
            journal = (await otherDriver.RunAsync("Deploy")).Run.JournalPath;
        }

        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RollbackAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), Driver.Output.ToString());
            Assert.That(run.Failure!.Message, Does.Contain($"made for dev (org {await SandboxOrg.IdAsync(other)}"));
            Assert.That(Driver.Output.ToString(), Does.Contain($"Rollback: from {Path.GetRelativePath(Repository.Root, journal)}, the newest journal of dev"));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Rollback_JournalWithoutHeader_ExitsOneSayingItCannotBeChecked()
    {
        var journal = JournalLines.Write(Repository.PathOf("artifacts/dev/legacy/journal.jsonl"), JournalLines.PendingSkillCreate("Heat Pumps"));

        var (run, exit) = await Driver.RollbackAsync(o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, JournalPath = journal });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(run.Failure!.Message, Does.StartWith("The journal artifacts/dev/legacy/journal.jsonl does not record the environment and org it was made for"));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Deploy_SavedPlanBodyBrokenAndRehashed_ExitsOneNamingThePlanBeforeAnyWrite()
    {
        await Driver.RunAsync("DryRun", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, OutPath = "plan.json" });
        Rehash("plan.json", plan => plan["entries"]!.First(e => (string?)e["key"] == "Billing Support")!["desired"]!["acwSettings"]!["timeoutMs"] = "thirty seconds");
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RunAsync("Deploy", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, PlanPath = "plan.json" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), Driver.Output.ToString());
            Assert.That(run.Failure, Is.TypeOf<ValidationFailedException>());
            Assert.That(run.ValidationErrors.Select(e => e.ToString()), Has.One.Match(@"^plan\.json \$\.entries\[\d+\]\.desired\.acwSettings\.timeoutMs: queues 'Billing Support': expected a whole number, found a string$"));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Deploy_SavedPlanWhoseStoredDiffLies_PrintsTheDiffAgainstLiveAndWarns()
    {
        await Driver.RunAsync("DryRun", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, OutPath = "plan.json" });
        // The stored text hides the timeout change its desired body makes; the hash is recomputed, so it reads as valid.
        Rehash("plan.json", plan =>
        {
            var changes = (JArray)plan["entries"]!.First(e => (string?)e["key"] == "Billing Support")!["changes"]!;
            changes.First(c => (string?)c["path"] == "acwSettings.timeoutMs")!.Remove();
        });
        Driver.Output.GetStringBuilder().Clear();

        var (_, exit) = await Driver.RunAsync("Deploy", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, PlanPath = "plan.json" });

        var output = Driver.Output.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, output);
            Assert.That(output, Does.Contain("Warning: the saved plan's diff for queues 'Billing Support' is not what applying it would change now"));
            Assert.That(output, Does.Contain("acwSettings.timeoutMs: 60000 → 30000"), "the printed plan is computed against live");
            Assert.That(output.IndexOf("acwSettings.timeoutMs", StringComparison.Ordinal), Is.LessThan(output.IndexOf("Deploy: ", StringComparison.Ordinal)), "printed before any write");
            Assert.That(output, Does.Not.Contain("Warning: the saved plan's diff for queues 'Payments'"), "only the forged entry is named");
        }
    }

    private void Rehash(string planFile, Action<JObject> edit)
    {
        var document = (JObject)CanonicalJson.Parse(File.ReadAllText(Repository.PathOf(planFile)));
        document.Remove("planHash");
        edit(document);
        document["planHash"] = "sha256:" + CanonicalJson.Hash(CanonicalJson.Parse(CanonicalJson.Compact(document)));
        File.WriteAllText(Repository.PathOf(planFile), CanonicalJson.Serialize(document));
    }
}
