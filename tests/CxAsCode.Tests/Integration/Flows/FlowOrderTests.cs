using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration.Flows;

/// <summary>
/// Issue 8 item 7 against the sandbox: a new in-queue flow is published before the new queue naming it, and the
/// queue is created before the inbound flow transferring to it; objects naming each other in a circle fail
/// Validate, the circle named, with nothing sent.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class FlowOrderTests : SandboxPipelineFixture
{
    private const string Hold = "inqueueCall:\n  name: Hold Music Only\n  division: Home\n  defaultLanguage: en-us\n";
    private const string Main = "inboundCall:\n  name: Gas Emergencies Line\n  division: Home\n  defaultLanguage: en-us\n  menus:\n  - menu:\n      name: Main Menu\n      choices:\n      - menuTransferToAcd:\n          name: Emergencies\n          targetQueue:\n            lit:\n              name: Gas Emergencies\n";

    [Test]
    public async Task Deploy_NewInQueueFlowQueueAndInboundFlow_EachWrittenAfterWhatItNames()
    {
        Repository.Write("state/dev/architect/flows/inqueueCall/hold-music-only/flow.yaml", Hold);
        Repository.Write("state/dev/architect/flows/inboundCall/gas-emergencies-line/flow.yaml", Main);
        Repository.Write("state/dev/routing/queues/gas-emergencies.json", "{\n  \"division\": \"Home\",\n  \"name\": \"Gas Emergencies\",\n  \"queueFlow\": \"inqueueCall/Hold Music Only\"\n}\n");
        await Sandbox.ClearRequestsAsync();

        var (_, exit) = await Driver.RunAsync("Deploy");

        var uploads = (await Sandbox.RequestsAsync()).Where(r => ((string)r["path"]!).StartsWith("/storage/uploads/", StringComparison.Ordinal) || (string?)r["path"] == "/api/v2/routing/queues" && (string?)r["method"] == "POST")
            .Select(r => (string)r["path"]! == "/api/v2/routing/queues" ? "queue " + (string?)JObject.Parse((string)r["body"]!)["name"] : "flow " + FlowName((string?)r["body"]))
            .Where(w => w.Contains("Hold", StringComparison.Ordinal) || w.Contains("Gas", StringComparison.Ordinal))
            .ToList();
        var state = await Sandbox.StateAsync();
        var queue = state["queues"]!.Single(q => (string?)q["name"] == "Gas Emergencies");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(uploads, Is.EqualTo(new[] { "flow Hold Music Only", "queue Gas Emergencies", "flow Gas Emergencies Line" }));
            Assert.That((string?)queue["queueFlow"]?["name"], Is.EqualTo("Hold Music Only"), "the queue names its in-queue flow by id, read back with its name");
        }
    }

    [Test]
    public async Task Validate_InQueueFlowTransfersBackToTheQueueUsingIt_CycleNamedNothingSent()
    {
        Repository.Write("state/dev/architect/flows/inqueueCall/hold-music-only/flow.yaml", Hold + "  tasks:\n  - task:\n      name: Escalate\n      actions:\n      - transferToAcd:\n          name: Back\n          targetQueue:\n            lit:\n              name: Gas Emergencies\n");
        Repository.Write("state/dev/routing/queues/gas-emergencies.json", "{\n  \"division\": \"Home\",\n  \"name\": \"Gas Emergencies\",\n  \"queueFlow\": \"inqueueCall/Hold Music Only\"\n}\n");
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RunAsync("Deploy");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), Driver.Output.ToString());
            Assert.That(run.ValidationErrors.Select(e => e.Message), Has.Some.StartsWith("reference cycle: ").And.Contains("queues 'Gas Emergencies'").And.Contains("flows 'inqueueCall/Hold Music Only'"));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    private static string FlowName(string? yaml) => CxAsCode.Flows.FlowDocument.Parse(yaml ?? string.Empty).Name;
}
