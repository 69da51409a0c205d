using CxAsCode.Json;
using CxAsCode.Normalization;
using CxAsCode.Resources;
using CxAsCode.Tests.TestData;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Normalization;

public class RequestBodiesTests
{
    private LiveOrg _org = null!;
    private List<(string Kind, string Name)> _resolved = null!;

    [SetUp]
    public void SetUp()
    {
        _org = LiveOrg.Northwind().Queue("Billing Support", "Residential", rings: [["Billing", "English"]], wrapupCodes: ["Resolved", "Escalated"]);
        _resolved = [];
    }

    private JObject LiveQueue => _org.Raw(ResourceKinds.Queues, "Billing Support");

    private string ResolveId(ResourceKind kind, string name)
    {
        _resolved.Add((kind.Name, name));
        return _org.IdOf(kind, name);
    }

    /// <summary>The live queue's canonical body with a new description, moved to Business, and no acwSettings.</summary>
    private JObject DesiredQueue()
    {
        var desired = _org.Canonical(ResourceKinds.Queues, "Billing Support");
        desired["description"] = "Bills and refunds";
        desired["division"] = "Business";
        desired.Remove("acwSettings");
        desired["wrapupCodes"] = new JArray("Resolved", "Transferred");
        return desired;
    }

    [Test]
    public void For_Update_KeepsUnmanagedFieldsFromLive()
    {
        var body = RequestBodies.For(ResourceKinds.Queues, DesiredQueue(), LiveQueue, ResolveId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((bool?)body["enableTranscription"], Is.True);
            Assert.That((string?)body["callingPartyName"], Is.EqualTo("Northwind Energy"));
            Assert.That((string?)body["scoringMethod"], Is.EqualTo("TimestampAndPriority"));
        }
    }

    [TestCase("id")]
    [TestCase("selfUri")]
    [TestCase("dateCreated")]
    [TestCase("dateModified")]
    [TestCase("modifiedBy")]
    [TestCase("memberCount")]
    [TestCase("userMemberCount")]
    [TestCase("joinedMemberCount")]
    public void For_Update_RemovesReadOnlyField(string field)
    {
        Assert.That(LiveQueue[field], Is.Not.Null, "the live queue should carry the field");

        var body = RequestBodies.For(ResourceKinds.Queues, DesiredQueue(), LiveQueue, ResolveId);

        Assert.That(body[field], Is.Null);
    }

    [Test]
    public void For_Update_LeavesOutTheSubResourceList()
    {
        var body = RequestBodies.For(ResourceKinds.Queues, DesiredQueue(), LiveQueue, ResolveId);

        Assert.That(body["wrapupCodes"], Is.Null);
    }

    [Test]
    public void For_Update_ManagedFieldAbsentInDesired_IsRemoved()
    {
        Assert.That(LiveQueue["acwSettings"], Is.Not.Null, "the live queue should have acwSettings");

        var body = RequestBodies.For(ResourceKinds.Queues, DesiredQueue(), LiveQueue, ResolveId);

        Assert.That(body["acwSettings"], Is.Null);
    }

    [Test]
    public void For_Update_ManagedFieldsComeFromDesired()
    {
        var desired = DesiredQueue();

        var body = RequestBodies.For(ResourceKinds.Queues, desired, LiveQueue, ResolveId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)body["description"], Is.EqualTo("Bills and refunds"));
            Assert.That((string?)body["name"], Is.EqualTo("Billing Support"));
            Assert.That(JToken.DeepEquals(body["mediaSettings"], desired["mediaSettings"]), Is.True);
            Assert.That((string?)body["skillEvaluationMethod"], Is.EqualTo("BEST"));
        }
    }

    [Test]
    public void For_Update_ReferencesBecomeIdObjects()
    {
        var body = RequestBodies.For(ResourceKinds.Queues, DesiredQueue(), LiveQueue, ResolveId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body["division"]!.ToString(Formatting.None), Is.EqualTo($$"""{"id":"{{_org.IdOf(ResourceKinds.Divisions, "Business")}}"}"""));
            Assert.That(body.SelectToken("bullseye.rings[0].actions.skillsToRemove")!.ToString(Formatting.None),
                Is.EqualTo($$"""[{"id":"{{_org.IdOf(ResourceKinds.Skills, "Billing")}}"},{"id":"{{_org.IdOf(ResourceKinds.Skills, "English")}}"}]"""));
        }
    }

    [Test]
    public void For_Update_AsksTheResolverForEveryReferenceWithItsKind()
    {
        RequestBodies.For(ResourceKinds.Queues, DesiredQueue(), LiveQueue, ResolveId);

        Assert.That(_resolved, Is.EquivalentTo(new[] { ("divisions", "Business"), ("skills", "Billing"), ("skills", "English") }));
    }

    [Test]
    public void For_Update_LiveRawIsNotModified()
    {
        var before = LiveQueue.ToString();

        RequestBodies.For(ResourceKinds.Queues, DesiredQueue(), LiveQueue, ResolveId);

        Assert.That(LiveQueue.ToString(), Is.EqualTo(before));
    }

    [Test]
    public void For_Update_ResultIsCanonical()
    {
        var body = RequestBodies.For(ResourceKinds.Queues, DesiredQueue(), LiveQueue, ResolveId);

        Assert.That(body.ToString(Formatting.None), Is.EqualTo(CanonicalJson.Compact(body)));
    }

    [Test]
    public void For_Create_HoldsExactlyTheDesiredFieldsButTheSubResourceList()
    {
        var body = RequestBodies.For(ResourceKinds.Queues, DesiredQueue(), liveRaw: null, ResolveId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.Properties().Select(p => p.Name), Is.EqualTo(new[] { "bullseye", "description", "division", "mediaSettings", "name", "skillEvaluationMethod" }));
            Assert.That(body["division"]!.ToString(Formatting.None), Is.EqualTo($$"""{"id":"{{_org.IdOf(ResourceKinds.Divisions, "Business")}}"}"""));
        }
    }

    [Test]
    public void For_CreateSkill_SendsOnlyTheName()
    {
        var body = RequestBodies.For(ResourceKinds.Skills, new JObject { ["name"] = "Spanish" }, liveRaw: null, ResolveId);

        Assert.That(body.ToString(Formatting.None), Is.EqualTo("""{"name":"Spanish"}"""));
    }

    [Test]
    public void For_UpdateWrapupCode_DescriptionDroppedFromDesired_IsRemoved()
    {
        var live = _org.Raw(ResourceKinds.WrapupCodes, "Resolved");
        var desired = new JObject { ["name"] = "Resolved", ["division"] = "Residential" };

        var body = RequestBodies.For(ResourceKinds.WrapupCodes, desired, live, ResolveId);

        Assert.That(body.ToString(Formatting.None),
            Is.EqualTo($$"""{"division":{"id":"{{_org.IdOf(ResourceKinds.Divisions, "Residential")}}"},"name":"Resolved"}"""));
    }

    [Test]
    public void FromPreImage_Queue_StripsReadOnlyFieldsAndTheSubResourceList()
    {
        var body = RequestBodies.FromPreImage(ResourceKinds.Queues, LiveQueue);

        using (Assert.EnterMultipleScope())
        {
            foreach (var field in ResourceKinds.Queues.ReadOnlyFields)
            {
                Assert.That(body[field], Is.Null, field);
            }

            Assert.That(body["wrapupCodes"], Is.Null);
            Assert.That((bool?)body["enableTranscription"], Is.True);
            Assert.That(JToken.DeepEquals(body["acwSettings"], LiveQueue["acwSettings"]), Is.True);
        }
    }

    [Test]
    public void FromPreImage_ExpandedReferences_AreReducedToTheirIds()
    {
        var body = RequestBodies.FromPreImage(ResourceKinds.Queues, LiveQueue);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body["division"]!.ToString(Formatting.None), Is.EqualTo($$"""{"id":"{{_org.IdOf(ResourceKinds.Divisions, "Residential")}}"}"""));
            Assert.That(body.SelectToken("bullseye.rings[0].actions.skillsToRemove")!.ToString(Formatting.None),
                Is.EqualTo($$"""[{"id":"{{_org.IdOf(ResourceKinds.Skills, "Billing")}}"},{"id":"{{_org.IdOf(ResourceKinds.Skills, "English")}}"}]"""));
        }
    }

    [Test]
    public void FromPreImage_Skill_KeepsOnlyTheName()
    {
        var body = RequestBodies.FromPreImage(ResourceKinds.Skills, _org.Raw(ResourceKinds.Skills, "Billing"));

        Assert.That(body.ToString(Formatting.None), Is.EqualTo("""{"name":"Billing"}"""));
    }

    [Test]
    public void FromPreImage_Raw_IsNotModified()
    {
        var before = LiveQueue.ToString();

        RequestBodies.FromPreImage(ResourceKinds.Queues, LiveQueue);

        Assert.That(LiveQueue.ToString(), Is.EqualTo(before));
    }

    [Test]
    public void For_Update_CarriesEachRingsMemberGroupsOverFromLive()
    {
        var live = LiveQueue;
        live["bullseye"]!["rings"]![0]!["memberGroups"] = new JArray(new JObject { ["id"] = "group-1", ["type"] = "GROUP" });
        var desired = _org.Canonical(ResourceKinds.Queues, "Billing Support");
        desired["bullseye"]!["rings"]![0]!["expansionCriteria"]![0]!["threshold"] = 99;

        var body = RequestBodies.For(ResourceKinds.Queues, desired, live, ResolveId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.SelectToken("bullseye.rings[0].memberGroups[0].id")?.ToString(), Is.EqualTo("group-1"));
            Assert.That((int?)body.SelectToken("bullseye.rings[0].expansionCriteria[0].threshold"), Is.EqualTo(99));
        }
    }

    [Test]
    public void For_Update_FirstConditionalGroupRoutingRuleNamesNoQueue()
    {
        var live = LiveQueue;
        live["conditionalGroupRouting"] = JObject.Parse("""{"rules":[{"queue":{"id":"self"},"waitSeconds":2},{"queue":{"id":"other"},"waitSeconds":2}]}""");

        var body = RequestBodies.For(ResourceKinds.Queues, DesiredQueue(), live, ResolveId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.SelectToken("conditionalGroupRouting.rules[0].queue"), Is.Null);
            Assert.That((string?)body.SelectToken("conditionalGroupRouting.rules[1].queue.id"), Is.EqualTo("other"));
            Assert.That(RequestBodies.FromPreImage(ResourceKinds.Queues, live).SelectToken("conditionalGroupRouting.rules[0].queue"), Is.Null);
        }
    }

    [Test]
    public void For_WrapupCodeInAllDivisions_SendsTheWildcardAndAsksNoResolver()
    {
        var body = RequestBodies.For(ResourceKinds.WrapupCodes, new JObject { ["name"] = "Vulnerable", ["division"] = "*" }, null, ResolveId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)body.SelectToken("division.id"), Is.EqualTo("*"));
            Assert.That(_resolved, Is.Empty);
        }
    }
}
