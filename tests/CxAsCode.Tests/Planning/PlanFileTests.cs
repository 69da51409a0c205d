using CxAsCode.Json;
using CxAsCode.Planning;
using CxAsCode.Tests.Planning.Rendering;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Planning;

public class PlanFileTests
{
    [Test]
    public void Serialize_ThenDeserialize_GivesEqualPlan()
    {
        var plan = SamplePlans.Mixed();

        var copy = PlanFile.Deserialize(PlanFile.Serialize(plan));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(copy.Environment, Is.EqualTo(plan.Environment));
            Assert.That(copy.CreatedAt, Is.EqualTo(plan.CreatedAt));
            Assert.That(copy.Commit, Is.EqualTo(plan.Commit));
            Assert.That(copy.Unchanged, Is.EqualTo(plan.Unchanged));
            Assert.That(copy.Summary, Is.EqualTo(plan.Summary));
            Assert.That(copy.Entries.Select(Describe), Is.EqualTo(plan.Entries.Select(Describe)));
        }
    }

    [TestCaseSource(typeof(SamplePlans), nameof(SamplePlans.HostileNames))]
    public void Serialize_ThenDeserialize_KeepsHostileNamesExactly(string name)
    {
        var plan = SamplePlans.Mixed(name);

        var copy = PlanFile.Deserialize(PlanFile.Serialize(plan));

        Assert.That(copy.Entries.Select(Describe), Is.EqualTo(plan.Entries.Select(Describe)));
    }

    [Test]
    public void Serialize_SamePlanTwice_GivesSameText()
    {
        var text = PlanFile.Serialize(SamplePlans.Mixed());

        Assert.That(PlanFile.Serialize(PlanFile.Deserialize(text)), Is.EqualTo(text));
    }

    [Test]
    public void Serialize_Plan_WritesDocumentFormat()
    {
        var document = (JObject)CanonicalJson.Parse(PlanFile.Serialize(SamplePlans.Mixed()));
        var hash = (string?)document["planHash"];
        document.Remove("planHash");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int?)document["formatVersion"], Is.EqualTo(2));
            Assert.That((string?)document["environment"], Is.EqualTo("dev"));
            Assert.That((string?)document["orgId"], Is.EqualTo(SamplePlans.OrgId));
            Assert.That((string?)document["apiHost"], Is.EqualTo(SamplePlans.ApiHost));
            Assert.That((string?)document["commit"], Is.EqualTo("0123abc"));
            Assert.That((int?)document["unchanged"], Is.EqualTo(20));
            Assert.That(document["summary"]!.ToString(Newtonsoft.Json.Formatting.None),
                Is.EqualTo("""{"create":1,"delete":1,"replace":1,"restore":0,"unchanged":20,"unmanaged":1,"update":1}"""));
            Assert.That(document["entries"]!.Select(e => (string?)e["action"]), Is.EqualTo(new[] { "replace", "create", "update", "delete", "unmanaged" }));
            Assert.That((string?)document["entries"]![2]!["changes"]![0]!["path"], Is.EqualTo("acwSettings.timeoutMs"));
            Assert.That(hash, Is.EqualTo("sha256:" + CanonicalJson.Hash(document)));
        }
    }

    [Test]
    public void Deserialize_ValueEditedInText_ThrowsHashMismatch()
    {
        var text = PlanFile.Serialize(SamplePlans.Mixed());
        var edited = text.Replace("\"after\": 30000", "\"after\": 30001", StringComparison.Ordinal);
        Assert.That(edited, Is.Not.EqualTo(text));

        Assert.That(() => PlanFile.Deserialize(edited),
            Throws.TypeOf<PlanFileException>().With.Message.StartsWith("plan file was modified after it was written (hash mismatch)"));
    }

    [Test]
    public void Deserialize_HashRemoved_Throws()
    {
        var document = (JObject)CanonicalJson.Parse(PlanFile.Serialize(SamplePlans.Mixed()));
        document.Remove("planHash");

        Assert.That(() => PlanFile.Deserialize(CanonicalJson.Serialize(document)),
            Throws.TypeOf<PlanFileException>().With.Message.Contains("no planHash"));
    }

    [Test]
    public void Deserialize_NewerFormatVersion_ThrowsNamingBothVersions()
    {
        var text = PlanFile.Serialize(SamplePlans.Mixed()).Replace("\"formatVersion\": 2", "\"formatVersion\": 3", StringComparison.Ordinal);

        Assert.That(() => PlanFile.Deserialize(text),
            Throws.TypeOf<PlanFileException>().With.Message.Contains("formatVersion 3").And.Message.Contains("only version 2"));
    }

    [Test]
    public void Deserialize_VersionOneWithoutOrg_ThrowsSayingVersionTwoRecordsTheOrg()
    {
        // A version 1 plan as that build wrote it: no org, hashed without one.
        var document = (JObject)CanonicalJson.Parse(PlanFile.Serialize(SamplePlans.Mixed()));
        document.Remove("planHash");
        document.Remove("orgId");
        document.Remove("apiHost");
        document["formatVersion"] = 1;
        document["planHash"] = "sha256:" + CanonicalJson.Hash(document);

        Assert.That(() => PlanFile.Deserialize(CanonicalJson.Serialize(document)),
            Throws.TypeOf<PlanFileException>().With.Message.EqualTo(
                "plan file has formatVersion 1, and this build reads only version 2, which records the org a plan applies to. Make a new plan with this build (--target=DryRun --out=...)."));
    }

    [Test]
    public void Deserialize_OrgIdEdited_ThrowsHashMismatch()
    {
        var text = PlanFile.Serialize(SamplePlans.Mixed());
        var edited = text.Replace(SamplePlans.OrgId, "11111111-0000-4000-8000-000000000000", StringComparison.Ordinal);
        Assume.That(edited, Is.Not.EqualTo(text));

        Assert.That(() => PlanFile.Deserialize(edited), Throws.TypeOf<PlanFileException>().With.Message.Contains("hash mismatch"));
    }

    [Test]
    public void Deserialize_NoOrgIdWithValidHash_ThrowsNamingTheField()
    {
        var document = (JObject)CanonicalJson.Parse(PlanFile.Serialize(SamplePlans.Mixed()));
        document.Remove("planHash");
        document.Remove("orgId");
        document["planHash"] = "sha256:" + CanonicalJson.Hash(document);

        Assert.That(() => PlanFile.Deserialize(CanonicalJson.Serialize(document)),
            Throws.TypeOf<PlanFileException>().With.Message.EqualTo("plan file: \"orgId\" is missing."));
    }

    [Test]
    public void Deserialize_Plan_KeepsWhereItApplies()
    {
        var copy = PlanFile.Deserialize(PlanFile.Serialize(SamplePlans.Mixed()));

        Assert.That(copy.Binding, Is.EqualTo(new OrgBinding("dev", SamplePlans.OrgId, SamplePlans.ApiHost)));
    }

    [Test]
    public void Deserialize_NoFormatVersion_ThrowsNotAPlan()
    {
        Assert.That(() => PlanFile.Deserialize("""{"environment": "dev"}"""),
            Throws.TypeOf<PlanFileException>().With.Message.Contains("no formatVersion"));
    }

    [TestCase("{\"formatVersion\": 1,")]
    [TestCase("not json")]
    [TestCase("{} {}")]
    public void Deserialize_MalformedJson_ThrowsNotValidJson(string text)
    {
        Assert.That(() => PlanFile.Deserialize(text),
            Throws.TypeOf<PlanFileException>().With.Message.StartsWith("plan file is not valid JSON"));
    }

    [Test]
    public void Deserialize_JsonArray_ThrowsNotAnObject()
    {
        Assert.That(() => PlanFile.Deserialize("[]"), Throws.TypeOf<PlanFileException>().With.Message.Contains("not a JSON object"));
    }

    [Test]
    public void Deserialize_UnknownActionWithValidHash_ThrowsNamingTheEntry()
    {
        var document = (JObject)CanonicalJson.Parse(PlanFile.Serialize(SamplePlans.Mixed()));
        document.Remove("planHash");
        document["entries"]![1]!["action"] = "upsert";
        document["planHash"] = "sha256:" + CanonicalJson.Hash(document);

        Assert.That(() => PlanFile.Deserialize(CanonicalJson.Serialize(document)),
            Throws.TypeOf<PlanFileException>().With.Message.Contains("entries[1].action \"upsert\""));
    }

    [Test]
    public void Deserialize_LargeAndFractionalNumbers_KeepsHashValid()
    {
        var body = new JObject { ["big"] = 1e20, ["ratio"] = 0.1, ["whole"] = 2.0, ["long"] = long.MaxValue };
        var plan = new Plan
        {
            Environment = "dev",
            OrgId = SamplePlans.OrgId,
            ApiHost = SamplePlans.ApiHost,
            CreatedAt = "2025-05-01T10:00:00Z",
            Entries = [new PlanEntry("queues", "Q", ChangeAction.Create) { Desired = body, Changes = JsonDiff.Between(null, body) }],
        };

        var copy = PlanFile.Deserialize(PlanFile.Serialize(plan));

        Assert.That((decimal?)copy.Entries[0].Desired!["ratio"], Is.EqualTo(0.1m));
    }

    // Everything an entry carries, as text, so entries compare by content.
    private static string Describe(PlanEntry entry) =>
        $"{entry.Kind}|{entry.Key}|{entry.Action}|{entry.LiveId}|{entry.Fingerprint}|{entry.SourceFile}|" +
        $"{(entry.Desired is null ? "-" : CanonicalJson.Compact(entry.Desired))}|" +
        string.Join(";", entry.Changes.Select(c => $"{c.Path}={Value(c.Before)}>{Value(c.After)}"));

    private static string Value(JToken? token) => token is null ? "absent" : CanonicalJson.Compact(token);
}
