using CxAsCode.Planning;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration.Flows;

/// <summary>
/// Issue 8, must show: a flow edited in the org shows in the plan by the path of the action that changed; a flow
/// someone holds the lock of stops the deploy before any write; a failed import rolls back the flows already
/// published by republishing their content from before, byte for byte; Validate names file, line and path of a
/// flow's unknown queue and missing <c>{{key}}</c> with nothing sent. The state is the repository's own samples
/// (state/dev/architect/flows).
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class FlowDeployTests : SandboxPipelineFixture
{
    private const string DrIvr = "state/dev/architect/flows/inboundCall/dr-emergency-ivr/flow.yaml";
    private const string SimpleIvr = "state/dev/architect/flows/inboundCall/simplefinancialivr/flow.yaml";
    private const string InQueue = "state/dev/architect/flows/inqueueCall/in-queue-flow/flow.yaml";

    [Test]
    public async Task DryRun_OneActionEditedInTheOrg_ShowsThatActionByItsPathNotTheWholeFile()
    {
        await DeployAsync();
        var live = await FlowAsync("DR-Emergency-IVR");
        var content = (string)live["content"]!;
        var edited = ReplaceFirst(content, "name: Payments\n", "name: Complaints\n");
        await Sandbox.EditAsync("flows", "DR-Emergency-IVR", new JObject { ["content"] = edited, ["publishedVersion"] = 99 });

        var start = Driver.Output.ToString().Length;
        var (run, exit) = await Driver.RunAsync("DryRun");

        var entry = run.Plan!.Entries.Single(e => e.Kind == "flows" && e.IsWrite);
        var printed = Driver.Output.ToString()[start..];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That((entry.Key, entry.Action), Is.EqualTo(("inboundCall/DR-Emergency-IVR", ChangeAction.Update)));
            Assert.That(entry.Changes.Select(c => c.Path), Is.EqualTo(new[] { "flow: menu \"Main Menu\" → menuTask \"Annuities\" → task → transferToAcd \"Transfer to ACD\" → targetQueue" }), Driver.Output.ToString());
            Assert.That(entry.Changes.Select(c => ((string?)c.Before, (string?)c.After)), Is.EqualTo(new[] { ("Complaints", "Payments") }));
            Assert.That(printed, Does.Contain("~ flow: menu \"Main Menu\" → menuTask \"Annuities\" → task → transferToAcd \"Transfer to ACD\" → targetQueue: \"Complaints\" → \"Payments\""));
            Assert.That(printed, Does.Not.Contain("lines of Archy YAML"), "never a whole-file replacement");
        }
    }

    [Test]
    public async Task Deploy_FlowLockedBySomeoneElse_StopsBeforeAnyWriteNamingTheHolder()
    {
        await Sandbox.EditAsync("flows", "SimpleFinancialIvr", new JObject { ["lockedBy"] = "ui-user-amelia" });
        await Sandbox.ClearRequestsAsync();

        var (_, exit) = await Driver.RunAsync("Deploy");

        var output = Driver.Output.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("flows 'inboundCall/SimpleFinancialIvr' is locked by OAuth client 'ui-user-amelia'"));
            Assert.That(output, Does.Contain("Warning: flows 'inboundCall/SimpleFinancialIvr' is locked by OAuth client 'ui-user-amelia': a deploy stops"), "the plan says so first");
            Assert.That(await Sandbox.WritesAsync(), Is.Empty, "zero writes: not the skills, queues or other flows either");
        }
    }

    [Test]
    public async Task Deploy_FlowLockedWithForceUnlock_UnlocksJournaledThenPublishes()
    {
        await Sandbox.EditAsync("flows", "SimpleFinancialIvr", new JObject { ["lockedBy"] = "ui-user-amelia" });

        var (run, exit) = await Driver.RunAsync("Deploy", o => new CxAsCode.Configuration.PipelineOptions { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, ForceUnlock = true });

        var flow = await FlowAsync("SimpleFinancialIvr");
        var journal = File.ReadAllText(run.JournalPath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(flow["lockedClient"], Is.Null, "unlocked");
            Assert.That((string?)flow["content"], Does.Contain("Welcome to the development line of Example Energy."), "then published");
            Assert.That(journal, Does.Contain("\"operation\":\"unlock\"").And.Contain("OAuth client 'ui-user-amelia'"), "the unlock is journaled with whose lock it was");
        }
    }

    [Test]
    public async Task Deploy_FlowSoftDeletedInTheOrg_PlannedAsCreateAndPublishedAsANewFlowTheOldOneStaysDeleted()
    {
        var old = await FlowAsync("SimpleFinancialIvr");
        await Sandbox.OutOfBandAsync(new JObject { ["kind"] = "flows", ["name"] = "SimpleFinancialIvr", ["delete"] = true });

        var (run, exit) = await Driver.RunAsync("Deploy");

        var entry = run.Plan!.Entries.Single(e => e.Key == "inboundCall/SimpleFinancialIvr");
        var now = await FlowAsync("SimpleFinancialIvr");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(entry.Action, Is.EqualTo(ChangeAction.Create), "a deleted flow is not live: its name is free, as on the platform");
            Assert.That((string?)now["id"], Is.Not.EqualTo((string?)old["id"]), "a new flow");
            Assert.That((string?)now["content"], Does.Contain("Welcome to the development line of Example Energy."));
        }
    }

    [Test]
    public async Task Deploy_SecondOfThreeImportsFails_FirstRepublishedFromItsPreImageByteForByte()
    {
        await DeployAsync();
        var before = new Dictionary<string, string>();
        foreach (var name in new[] { "In-Queue Flow", "SimpleFinancialIvr", "DR-Emergency-IVR" })
        {
            before[name] = (string)(await FlowAsync(name))["content"]!;
        }

        foreach (var file in new[] { InQueue, SimpleIvr, DrIvr })
        {
            Repository.Write(file, File.ReadAllText(Repository.PathOf(file)).Replace("voice: Jill", "voice: Joey", StringComparison.Ordinal));
        }

        // Imports run in key order inside the flows' rank: inboundCall/DR-…, inboundCall/Simple…, inqueueCall/….
        await Sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = "^/storage/uploads/", ["nth"] = 2, ["status"] = 500 });

        var (run, exit) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync();

        var output = Driver.Output.ToString();
        var after = new Dictionary<string, string>();
        foreach (var name in before.Keys)
        {
            after[name] = (string)(await FlowAsync(name))["content"]!;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(3), output);
            Assert.That(run.Rollback!.IsComplete, Is.True, output);
            Assert.That(output, Does.Contain("content from before republished"));
            Assert.That(after, Is.EqualTo(before), "every flow's published content is byte-identical to before the deploy");
        }
    }

    [Test]
    public async Task DeployPruned_FlowDeletedThenALaterDeleteFails_FlowPublishedAgainFromTheJournal()
    {
        const string Yaml = "inboundCall:\n  name: Old Promotions Line\n  division: Home\n  defaultLanguage: en-us\n";
        await Sandbox.PostAsync("/sandbox/edit", new JObject { ["kind"] = "flows", ["create"] = new JObject { ["name"] = "Old Promotions Line", ["type"] = "INBOUNDCALL" } });
        await Sandbox.OutOfBandAsync(new JObject { ["kind"] = "flows", ["name"] = "Old Promotions Line", ["set"] = new JObject { ["content"] = Yaml, ["publishedVersion"] = 1 } });
        // Deletes run in reverse dependency order: the flow (which may name queues) before the pruned queues, and
        // they before the pruned wrap-up code, whose delete fails.
        await Sandbox.FaultAsync(new JObject { ["method"] = "DELETE", ["path"] = "^/api/v2/routing/wrapupcodes/", ["status"] = 500 });

        var (run, exit) = await Driver.RunAsync("Deploy", o => new CxAsCode.Configuration.PipelineOptions { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Prune = true });
        await SandboxHost.SettleAsync();

        var flow = await FlowAsync("Old Promotions Line");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(3), Driver.Output.ToString());
            Assert.That(run.Rollback!.IsComplete, Is.True, Driver.Output.ToString());
            Assert.That(Driver.Output.ToString(), Does.Contain("Deploy: applied  DELETE flows 'inboundCall/Old Promotions Line'"));
            Assert.That((string?)flow["content"], Is.EqualTo(Yaml), "published again, byte for byte, from the journal");
        }
    }

    [Test]
    public async Task Validate_UnknownQueueAndMissingKey_NamedWithFileLineAndPathNothingSent()
    {
        var text = File.ReadAllText(Repository.PathOf(DrIvr));
        text = ReplaceFirst(text, "name: Solar Sales\n", "name: Solar Salse\n").Replace("{{ivr_callback}}", "{{ivr_callbak}}", StringComparison.Ordinal);
        Repository.Write(DrIvr, text);
        var queueLine = LineOf(text, "name: Solar Salse");
        var keyLine = LineOf(text, "{{ivr_callbak}}");
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RunAsync("Deploy");

        var errors = run.ValidationErrors.Select(e => e.ToString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), Driver.Output.ToString());
            Assert.That(errors, Has.Some.StartsWith($"{DrIvr} line {queueLine}, column ").And.Contains("targetQueue").And.Contains("queues 'Solar Salse' is neither in state nor in the environment's mappings"));
            Assert.That(errors, Has.Some.StartsWith($"{DrIvr} line {keyLine}, column ").And.Contains("{{ivr_callbak}} has no value in the environment's mappings"));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    private async Task DeployAsync()
    {
        var (_, exit) = await Driver.RunAsync("Deploy");
        Assert.That(exit, Is.Zero, Driver.Output.ToString());
        await SandboxHost.SettleAsync();
        await Sandbox.ClearRequestsAsync();
    }

    private async Task<JObject> FlowAsync(string name) =>
        (JObject)(await Sandbox.StateAsync())["flows"]!.Single(f => (string?)f["name"] == name && f.Value<bool?>("deleted") != true);

    private static string ReplaceFirst(string text, string old, string @new)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.That(at, Is.Not.Negative, $"'{old.Trim()}' is in the flow");
        return text[..at] + @new + text[(at + old.Length)..];
    }

    private static int LineOf(string text, string what) => text[..text.IndexOf(what, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
