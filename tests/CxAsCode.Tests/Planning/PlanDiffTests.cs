using CxAsCode.Planning;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Planning;

/// <summary>Issue 8 item 3: a flow's plan entry shows metadata as fields and content by the paths that changed.</summary>
[TestFixture]
internal sealed class PlanDiffTests
{
    private const string Before = "inboundCall:\n  name: Main\n  menus:\n  - menu:\n      name: Main Menu\n      choices:\n      - menuTransferToAcd:\n          name: Billing\n          targetQueue:\n            lit:\n              name: Billing\n";

    [Test]
    public void Between_FlowWithOneQueueChanged_OneChangeAtThatPath()
    {
        var changes = PlanDiff.Between(ResourceKinds.Flows, Flow(Before), Flow(Before.Replace("              name: Billing\n", "              name: Payments\n", StringComparison.Ordinal)));

        Assert.That(changes.Select(c => (c.Path, (string?)c.Before, (string?)c.After)), Is.EqualTo(new[]
        {
            ("flow: menu \"Main Menu\" → menuTransferToAcd \"Billing\" → targetQueue", (string?)"Billing", (string?)"Payments"),
        }));
    }

    [Test]
    public void Between_FlowCreated_MetadataFieldsAndOneLineForTheContent()
    {
        var changes = PlanDiff.Between(ResourceKinds.Flows, null, Flow(Before));

        Assert.That(changes.Select(c => c.Path), Is.EqualTo(new[] { "name", "type", "flow" }));
        Assert.That((string?)changes[^1].After, Is.EqualTo("11 lines of Archy YAML"));
    }

    [Test]
    public void Between_DescriptionOnly_AFieldChangeNoFlowChange()
    {
        var after = Flow(Before);
        after["description"] = "New";

        Assert.That(PlanDiff.Between(ResourceKinds.Flows, Flow(Before), after).Select(c => c.Path), Is.EqualTo(new[] { "description" }));
    }

    [Test]
    public void Between_OtherKinds_PlainJsonDiff()
    {
        var changes = PlanDiff.Between(ResourceKinds.Skills, new JObject { ["name"] = "A" }, new JObject { ["name"] = "B" });

        Assert.That(changes.Select(c => c.Path), Is.EqualTo(new[] { "name" }));
    }

    private static JObject Flow(string yaml) => new()
    {
        ["name"] = "Main",
        ["type"] = "INBOUNDCALL",
        [FlowFields.Yaml] = CxAsCode.Flows.FlowDocument.Parse(yaml).ToYaml(),
    };
}
