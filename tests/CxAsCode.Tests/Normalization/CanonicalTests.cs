using CxAsCode.Normalization;
using CxAsCode.Resources;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Normalization;

public class CanonicalTests
{
    [Test]
    public void Finish_UnorderedArrays_AreSortedOrdinally()
    {
        var body = JObject.Parse("""
            {
              "name": "Q",
              "wrapupCodes": ["resolved", "Escalated", "Resolved", "Callback"],
              "bullseye": {"rings": [{"actions": {"skillsToRemove": ["Welsh", "English"]}}, {"actions": {"skillsToRemove": ["b", "a"]}}]}
            }
            """);

        var result = Canonical.Finish(ResourceKinds.Queues, body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result["wrapupCodes"]!.Select(t => (string?)t), Is.EqualTo(new[] { "Callback", "Escalated", "Resolved", "resolved" }));
            Assert.That(result.SelectToken("bullseye.rings[0].actions.skillsToRemove")!.Select(t => (string?)t), Is.EqualTo(new[] { "English", "Welsh" }));
            Assert.That(result.SelectToken("bullseye.rings[1].actions.skillsToRemove")!.Select(t => (string?)t), Is.EqualTo(new[] { "a", "b" }));
        }
    }

    [Test]
    public void Finish_OrderedArrays_KeepTheirOrder()
    {
        var body = JObject.Parse("""{"name": "Q", "bullseye": {"rings": [{"expansionCriteria": [{"threshold": 30}]}, {"expansionCriteria": [{"threshold": 10}]}]}}""");

        var result = Canonical.Finish(ResourceKinds.Queues, body);

        Assert.That(result.SelectTokens("bullseye.rings[*].expansionCriteria[0].threshold").Select(t => (int)t), Is.EqualTo(new[] { 30, 10 }));
    }

    [Test]
    public void Finish_Body_SortsKeysAndDropsNulls()
    {
        var body = JObject.Parse("""{"name": "Q", "division": "Home", "description": null, "acwSettings": {"wrapupPrompt": "OPTIONAL", "timeoutMs": 1}}""");

        var result = Canonical.Finish(ResourceKinds.Queues, body);

        Assert.That(result.ToString(Formatting.None), Is.EqualTo("""{"acwSettings":{"timeoutMs":1,"wrapupPrompt":"OPTIONAL"},"division":"Home","name":"Q"}"""));
    }

    [Test]
    public void Finish_UnorderedArrayOfObjects_IsSortedByCompactText()
    {
        var body = JObject.Parse("""{"name": "Q", "wrapupCodes": [{"name": "b"}, {"name": "a"}]}""");

        var result = Canonical.Finish(ResourceKinds.Queues, body);

        Assert.That(result["wrapupCodes"]!.Select(t => (string?)t["name"]), Is.EqualTo(new[] { "a", "b" }));
    }
}
