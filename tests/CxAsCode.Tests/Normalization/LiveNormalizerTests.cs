using System.Text.RegularExpressions;
using CxAsCode.Json;
using CxAsCode.Normalization;
using CxAsCode.Resources;
using CxAsCode.Tests.TestData;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Normalization;

public partial class LiveNormalizerTests
{
    private static LiveOrg OrgWithBillingSupport(Action<JObject>? edit = null) => LiveOrg.Northwind()
        .Queue("Billing Support", "Residential", rings: [["Welsh", "English", "Billing"], ["Payments"]], wrapupCodes: ["Transferred", "Resolved", "Escalated"], edit: edit);

    [Test]
    public void ToCanonical_Queue_KeepsOnlyManagedFields()
    {
        var body = OrgWithBillingSupport().Canonical(ResourceKinds.Queues, "Billing Support");

        Assert.That(body.Properties().Select(p => p.Name), Is.EqualTo(new[]
        {
            "acwSettings", "bullseye", "description", "division", "mediaSettings", "name", "skillEvaluationMethod", "wrapupCodes",
        }));
    }

    [TestCase("id")]
    [TestCase("selfUri")]
    [TestCase("dateCreated")]
    [TestCase("dateModified")]
    [TestCase("modifiedBy")]
    [TestCase("memberCount")]
    [TestCase("userMemberCount")]
    [TestCase("joinedMemberCount")]
    [TestCase("enableTranscription")]
    [TestCase("callingPartyName")]
    [TestCase("scoringMethod")]
    public void ToCanonical_Queue_LeavesOutVolatileAndUnmanagedField(string field)
    {
        var org = OrgWithBillingSupport();
        Assert.That(org.Raw(ResourceKinds.Queues, "Billing Support")[field], Is.Not.Null, "the raw queue should carry the field");

        var body = org.Canonical(ResourceKinds.Queues, "Billing Support");

        Assert.That(body[field], Is.Null);
    }

    [Test]
    public void ToCanonical_DivisionIdUnknownAndUnnamed_DropsTheFieldWithAWarning()
    {
        var org = OrgWithBillingSupport(q => q["division"] = new JObject { ["id"] = "00000000-0000-0000-0000-00000000dead" });
        var warnings = new List<string>();

        var body = org.Canonical(ResourceKinds.Queues, "Billing Support", warnings);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body["division"], Is.Null);
            Assert.That(warnings, Has.One.Contains("division"));
            Assert.That(body.ToString(), Does.Not.Contain("dead"));
        }
    }

    [Test]
    public void ToCanonical_ExpandedDivision_BecomesItsName()
    {
        var body = OrgWithBillingSupport().Canonical(ResourceKinds.Queues, "Billing Support");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body["division"]!.Type, Is.EqualTo(JTokenType.String));
            Assert.That((string?)body["division"], Is.EqualTo("Residential"));
        }
    }

    [Test]
    public void ToCanonical_DivisionGivenOnlyById_IsNamedThroughTheSnapshot()
    {
        var org = LiveOrg.Northwind();
        var businessId = org.IdOf(ResourceKinds.Divisions, "Business");
        org.Queue("Business Accounts", "Residential", edit: raw => raw["division"] = new JObject { ["id"] = businessId });

        var body = org.Canonical(ResourceKinds.Queues, "Business Accounts");

        Assert.That((string?)body["division"], Is.EqualTo("Business"));
    }

    [Test]
    public void ToCanonical_BullseyeSkillIds_BecomeSortedNames()
    {
        var body = OrgWithBillingSupport().Canonical(ResourceKinds.Queues, "Billing Support");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.SelectToken("bullseye.rings[0].actions.skillsToRemove")!.Select(t => (string?)t), Is.EqualTo(new[] { "Billing", "English", "Welsh" }));
            Assert.That(body.SelectToken("bullseye.rings[1].actions.skillsToRemove")!.Select(t => (string?)t), Is.EqualTo(new[] { "Payments" }));
        }
    }

    [Test]
    public void ToCanonical_BullseyeRings_KeepTheirOrder()
    {
        var body = OrgWithBillingSupport().Canonical(ResourceKinds.Queues, "Billing Support");

        Assert.That(body.SelectTokens("bullseye.rings[*].expansionCriteria[0].threshold").Select(t => (int)t), Is.EqualTo(new[] { 15, 30 }));
    }

    [Test]
    public void ToCanonical_WrapupCodeSubResourceList_BecomesSortedNames()
    {
        var body = OrgWithBillingSupport().Canonical(ResourceKinds.Queues, "Billing Support");

        Assert.That(body["wrapupCodes"]!.Select(t => (string?)t), Is.EqualTo(new[] { "Escalated", "Resolved", "Transferred" }));
    }

    [Test]
    public void ToCanonical_WrapupCodeListEntryNamedDifferentlyThanLive_UsesTheSnapshotName()
    {
        var org = LiveOrg.Northwind();
        var resolvedId = org.IdOf(ResourceKinds.WrapupCodes, "Resolved");
        org.Queue("Complaints", "Residential", edit: raw => raw["wrapupCodes"] = new JArray(new JObject { ["id"] = resolvedId, ["name"] = "old name" }));

        var body = org.Canonical(ResourceKinds.Queues, "Complaints");

        Assert.That(body["wrapupCodes"]!.Select(t => (string?)t), Is.EqualTo(new[] { "Resolved" }));
    }

    [Test]
    public void ToCanonical_QueueWithoutSubResourceList_HasNoWrapupCodesField()
    {
        var org = LiveOrg.Northwind().Queue("Complaints", "Residential");

        Assert.That(org.Canonical(ResourceKinds.Queues, "Complaints")["wrapupCodes"], Is.Null);
    }

    [Test]
    public void ToCanonical_DanglingSkillReference_IsDroppedWithAWarning()
    {
        const string goneId = "0d5e5a54-1111-4222-8333-444455556666";
        var org = OrgWithBillingSupport(raw => ((JArray)raw.SelectToken("bullseye.rings[1].actions.skillsToRemove")!)
            .Add(new JObject { ["id"] = goneId, ["selfUri"] = "/api/v2/routing/skills/" + goneId }));
        var warnings = new List<string>();

        var body = org.Canonical(ResourceKinds.Queues, "Billing Support", warnings);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.SelectToken("bullseye.rings[1].actions.skillsToRemove")!.Select(t => (string?)t), Is.EqualTo(new[] { "Payments" }));
            Assert.That(warnings, Has.Count.EqualTo(1));
            Assert.That(warnings[0], Does.Contain("Billing Support").And.Contain("skills").And.Contain("bullseye.rings[*].actions.skillsToRemove[*]"));
            Assert.That(body.ToString(Formatting.None), Does.Not.Contain(goneId));
        }
    }

    [Test]
    public void ToCanonical_ValidReferences_ProduceNoWarnings()
    {
        var warnings = new List<string>();

        OrgWithBillingSupport().Canonical(ResourceKinds.Queues, "Billing Support", warnings);

        Assert.That(warnings, Is.Empty);
    }

    [Test]
    public void ToCanonical_WrapupCode_KeepsNameDivisionAndDescription()
    {
        var body = LiveOrg.Northwind().Canonical(ResourceKinds.WrapupCodes, "Resolved");

        Assert.That(body.ToString(Formatting.None), Is.EqualTo("""{"description":"Customer's issue resolved","division":"Home","name":"Resolved"}"""));
    }

    [Test]
    public void ToCanonical_Skill_KeepsOnlyTheName()
    {
        var body = LiveOrg.Northwind().Canonical(ResourceKinds.Skills, "Billing");

        Assert.That(body.ToString(Formatting.None), Is.EqualTo("""{"name":"Billing"}"""));
    }

    [Test]
    public void ToCanonical_NullManagedField_IsLeftOut()
    {
        var org = LiveOrg.Northwind().Queue("Complaints", "Residential", edit: raw => raw["description"] = JValue.CreateNull());

        Assert.That(org.Canonical(ResourceKinds.Queues, "Complaints")["description"], Is.Null);
    }

    [Test]
    public void ToCanonical_Result_IsCanonical()
    {
        var body = OrgWithBillingSupport().Canonical(ResourceKinds.Queues, "Billing Support");

        Assert.That(body.ToString(Formatting.None), Is.EqualTo(CanonicalJson.Compact(body)));
    }

    [Test]
    public void ToCanonical_RawFieldsInAnotherOrder_GivesIdenticalText()
    {
        var org = OrgWithBillingSupport();
        var raw = org.Raw(ResourceKinds.Queues, "Billing Support");
        var reversed = new JObject(raw.Properties().Reverse().Select(p => new JProperty(p.Name, p.Value.DeepClone())));

        var first = LiveNormalizer.ToCanonical(ResourceKinds.Queues, raw, org.Snapshot(), []);
        var second = LiveNormalizer.ToCanonical(ResourceKinds.Queues, reversed, org.Snapshot(), []);

        Assert.That(CanonicalJson.Serialize(second), Is.EqualTo(CanonicalJson.Serialize(first)));
    }

    [Test]
    public void ToCanonical_Raw_IsNotModified()
    {
        var org = OrgWithBillingSupport();
        var raw = org.Raw(ResourceKinds.Queues, "Billing Support");
        var before = raw.ToString();

        LiveNormalizer.ToCanonical(ResourceKinds.Queues, raw, org.Snapshot(), []);

        Assert.That(raw.ToString(), Is.EqualTo(before));
    }

    [Test]
    public void ToCanonical_WholeOrg_LeavesNoGuidAnywhere()
    {
        var org = OrgWithBillingSupport().Queue("Complaints", "Business", rings: [["Billing"]], wrapupCodes: ["Resolved"]);

        var text = string.Join('\n', org.Normalized().All.Select(o => o.Body.ToString(Formatting.None)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Guid().IsMatch(text), Is.False, text);
            Assert.That(org.Ids.Where(id => text.Contains(id, StringComparison.Ordinal)), Is.Empty);
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [Test]
    public void ToCanonical_RingMemberGroups_LeftOutAsTheOrgs()
    {
        var org = OrgWithBillingSupport(q => q["bullseye"]!["rings"]![0]!["memberGroups"] = new JArray(new JObject { ["id"] = "group-1", ["type"] = "GROUP" }));

        var body = org.Canonical(ResourceKinds.Queues, "Billing Support");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.SelectToken("bullseye.rings[0].memberGroups"), Is.Null);
            Assert.That(body.SelectToken("bullseye.rings[0].actions"), Is.Not.Null);
        }
    }

    [Test]
    public void ToCanonical_WrapupCodeInAllDivisions_IsTheWildcard()
    {
        var org = LiveOrg.Northwind().WrapupCode("Vulnerable", "Home");
        org.Raw(ResourceKinds.WrapupCodes, "Vulnerable")["division"] = new JObject { ["id"] = "*", ["name"] = "All divisions", ["selfUri"] = "/api/v2/authorization/divisions/*" };

        var body = org.Canonical(ResourceKinds.WrapupCodes, "Vulnerable");

        Assert.That((string?)body["division"], Is.EqualTo("*"));
    }
}
