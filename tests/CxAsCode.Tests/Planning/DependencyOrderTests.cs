using CxAsCode.Planning;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Planning;

/// <summary>Issue 8 item 7: the write order comes from what objects name, not from a rank kept by hand.</summary>
[TestFixture]
internal sealed class DependencyOrderTests
{
    private static readonly JObject InQueue = Flow("inqueueCall", "Hold", "inqueueCall:\n  name: Hold\n");
    private static readonly JObject Queue = new() { ["name"] = "Billing", ["queueFlow"] = "inqueueCall/Hold", ["wrapupCodes"] = new JArray("Resolved") };
    private static readonly JObject Inbound = Flow("inboundCall", "Main", "inboundCall:\n  name: Main\n  menus:\n  - menu:\n      name: Main Menu\n      choices:\n      - menuTransferToAcd:\n          name: Billing\n          targetQueue:\n            lit:\n              name: Billing\n");

    [Test]
    public void Layers_InboundFlowQueueInQueueFlowAndCode_EachAfterWhatItNames()
    {
        var items = new (ResourceKind Kind, JObject Body)[]
        {
            (ResourceKinds.Flows, Inbound),
            (ResourceKinds.Queues, Queue),
            (ResourceKinds.Flows, InQueue),
            (ResourceKinds.WrapupCodes, new JObject { ["name"] = "Resolved", ["division"] = "*" }),
        };

        var layers = DependencyOrder.Layers(items, i => (i.Kind.Name, i.Kind.KeyOf(i.Body)), i => Dependencies.Of(i.Kind, i.Body));

        Assert.That(layers.Select(l => l.Select(i => i.Kind.KeyOf(i.Body))), Is.EqualTo(new[]
        {
            new[] { "inqueueCall/Hold", "Resolved" },
            new[] { "Billing" },
            new[] { "inboundCall/Main" },
        }));
    }

    [Test]
    public void Layers_NothingNamed_OneLayerInTheGivenOrder()
    {
        var items = new[] { "c", "a", "b" };

        var layers = DependencyOrder.Layers(items, i => ("skills", i), _ => []);

        Assert.That(layers, Is.EqualTo(new[] { new[] { "c", "a", "b" } }));
    }

    [Test]
    public void Layers_InQueueFlowTransfersToTheQueueThatUsesIt_CycleNamedObjectByObject()
    {
        var hold = Flow("inqueueCall", "Hold", "inqueueCall:\n  name: Hold\n  tasks:\n  - task:\n      name: Escalate\n      actions:\n      - transferToAcd:\n          name: Back\n          targetQueue:\n            lit:\n              name: Billing\n");
        var items = new (ResourceKind Kind, JObject Body)[] { (ResourceKinds.Queues, Queue), (ResourceKinds.Flows, hold) };

        var cycle = DependencyOrder.Cycle(items, i => (i.Kind.Name, i.Kind.KeyOf(i.Body)), i => Dependencies.Of(i.Kind, i.Body));

        Assert.That(DependencyCycleException.Describe(cycle!), Is.EqualTo("queues 'Billing' → flows 'inqueueCall/Hold' → queues 'Billing'"));
    }

    [Test]
    public void Of_FlowNamingAnotherFlow_AnyTypeOfThatName()
    {
        var caller = Flow("inboundCall", "Main", "inboundCall:\n  name: Main\n  tasks:\n  - task:\n      name: Go\n      actions:\n      - transferToFlow:\n          name: On\n          targetFlow:\n            lit:\n              name: Callback\n");
        var items = new (ResourceKind Kind, JObject Body)[] { (ResourceKinds.Flows, caller), (ResourceKinds.Flows, Flow("workflow", "Callback", "workflow:\n  name: Callback\n")) };

        var layers = DependencyOrder.Layers(items, i => (i.Kind.Name, i.Kind.KeyOf(i.Body)), i => Dependencies.Of(i.Kind, i.Body));

        Assert.That(layers.Select(l => l.Single().Body["name"]!.ToString()), Is.EqualTo(new[] { "Callback", "Main" }));
    }

    private static JObject Flow(string archyType, string name, string yaml) => new()
    {
        ["name"] = name,
        ["type"] = CxAsCode.Flows.FlowTypeNames.ToApi(archyType),
        [FlowFields.Yaml] = yaml,
    };
}
