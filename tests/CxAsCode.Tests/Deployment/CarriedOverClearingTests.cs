using CxAsCode.Deployment;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Deployment;

public sealed class CarriedOverClearingTests
{
    private static readonly JObject Live = JObject.Parse("""
        {"name":"Q","bullseye":{"rings":[
          {"expansionCriteria":[{"type":"TIMEOUT_SECONDS","threshold":20}],"memberGroups":[{"id":"g1","type":"GROUP"}]},
          {"expansionCriteria":[{"type":"TIMEOUT_SECONDS","threshold":40}],"memberGroups":[{"id":"g2","type":"GROUP"}]},
          {"expansionCriteria":[{"type":"TIMEOUT_SECONDS","threshold":60}],"memberGroups":[]}]}}
        """);

    [Test]
    public void FirstWrite_BodyDropsARingWithGroups_EmptiesOnlyThatRingsGroups()
    {
        var body = JObject.Parse("""{"name":"Q","bullseye":{"rings":[{"memberGroups":[{"id":"g1"}]}]}}""");

        var first = CarriedOverClearing.FirstWrite(ResourceKinds.Queues, body, Live);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.Not.Null);
            Assert.That(first!.SelectToken("bullseye.rings[0].memberGroups")!.Count(), Is.EqualTo(1), "a kept ring keeps its groups");
            Assert.That(first.SelectToken("bullseye.rings[1].memberGroups")!.Count(), Is.Zero);
            Assert.That(Live.SelectToken("bullseye.rings[1].memberGroups")!.Count(), Is.EqualTo(1), "the live object is not touched");
        }
    }

    [Test]
    public void FirstWrite_BodyKeepsEveryRingThatHasGroups_IsNull()
    {
        var body = JObject.Parse("""{"name":"Q","bullseye":{"rings":[{},{}]}}""");

        Assert.That(CarriedOverClearing.FirstWrite(ResourceKinds.Queues, body, Live), Is.Null, "dropping only an empty ring needs one PUT");
    }
}
