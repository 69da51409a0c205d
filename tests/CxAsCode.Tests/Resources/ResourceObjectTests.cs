using CxAsCode.Normalization;
using CxAsCode.Resources;
using CxAsCode.Tests.TestData;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Resources;

public class ResourceObjectTests
{
    [Test]
    public void Compacted_BodyAndRaw_ReadBackAsTheyWereWithNumbersAndDatesKept()
    {
        var body = new JObject { ["name"] = "Billing", ["serviceLevel"] = new JObject { ["percentage"] = 0.80m, ["durationMs"] = 20000 }, ["when"] = "2025-01-02T03:04:05.000Z" };
        var raw = (JObject)body.DeepClone();
        raw["id"] = "6b1f0c2e-0000-4000-8000-000000000001";

        var live = new ResourceObject(ResourceKinds.Queues, "Billing", body) { Id = (string)raw["id"]!, Raw = raw }.Compacted();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JToken.DeepEquals(live.Body, body), Is.True, live.Body.ToString());
            Assert.That(JToken.DeepEquals(live.Raw, raw), Is.True);
            Assert.That(live.Body.SelectToken("serviceLevel.percentage")!.Type, Is.EqualTo(JTokenType.Float), "a decimal stays a number");
            Assert.That(live.Body["when"]!.Type, Is.EqualTo(JTokenType.String), "an ISO date stays the string it was");
            Assert.That(live.Fingerprint, Is.EqualTo(Fingerprints.Of(ResourceKinds.Queues, raw)));
        }
    }

    [Test]
    public void Compacted_EachReadIsAFreshCopy_SoAnEditInPlaceChangesNothing()
    {
        var live = new ResourceObject(ResourceKinds.Skills, "Billing", new JObject { ["name"] = "Billing" }).Compacted();

        live.Body["name"] = "Edited";

        Assert.That((string?)live.Body["name"], Is.EqualTo("Billing"));
    }

    [Test]
    public void Raw_ChangedByTheCallerAfterward_IsNotChangedInTheObject()
    {
        var raw = new JObject { ["id"] = "s1", ["name"] = "Billing", ["state"] = "active" };
        var live = new ResourceObject(ResourceKinds.Skills, "Billing", []) { Id = "s1", Raw = raw };

        raw["state"] = "deleted";

        Assert.That((string?)live.Raw!["state"], Is.EqualTo("active"), "the object keeps what was read");
    }

    [Test]
    public void HasBodyText_SameTextOrNot_ToldWithoutAParse()
    {
        var live = new ResourceObject(ResourceKinds.Skills, "Billing", new JObject { ["division"] = "Home", ["name"] = "Billing" }).Compacted();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(live.HasBodyText(new JObject { ["division"] = "Home", ["name"] = "Billing" }), Is.True);
            Assert.That(live.HasBodyText(new JObject { ["division"] = "Business", ["name"] = "Billing" }), Is.False);
            Assert.That(live.HasBodyText(new JObject { ["name"] = "Billing" }), Is.False);
        }
    }

    [Test]
    public void Extract_TakesTheManagedFieldsAndKeepsTheRawTextWhole()
    {
        var raw = new JObject { ["id"] = "s1", ["name"] = "Billing", ["state"] = "active", ["dateModified"] = "2025-01-02T03:04:05.000Z" };
        var expected = (JObject)raw.DeepClone();

        var live = CxAsCode.Extraction.Extractor.ToObject(ResourceKinds.Skills, raw);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JToken.DeepEquals(live.Raw, expected), Is.True, "the raw text was kept before the fields were taken");
            Assert.That((string?)live.Body["name"], Is.EqualTo("Billing"));
            Assert.That(live.Body["dateModified"], Is.Null, "not a managed field");
            Assert.That(live.Id, Is.EqualTo("s1"));
        }
    }

    [Test]
    public void Normalize_ASnapshotTwice_IsRefused()
    {
        var normalized = LiveOrg.Northwind().Normalized();

        Assert.That(() => SnapshotNormalizer.Normalize(normalized, []), Throws.InvalidOperationException.With.Message.Contains("already normalized"));
    }
}
