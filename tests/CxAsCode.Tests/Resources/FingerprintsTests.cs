using CxAsCode.Resources;
using CxAsCode.Tests.TestData;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Resources;

public class FingerprintsTests
{
    private static JObject LiveQueue() => LiveOrg.Northwind()
        .Queue("Billing Support", "Residential", rings: [["Billing"]], wrapupCodes: ["Resolved", "Escalated", "Transferred"])
        .Raw(ResourceKinds.Queues, "Billing Support");

    private static JObject Edited(JObject raw, Action<JObject> edit)
    {
        var copy = (JObject)raw.DeepClone();
        edit(copy);
        return copy;
    }

    [Test]
    public void Of_Queue_IsPrefixedSha256()
    {
        Assert.That(Fingerprints.Of(ResourceKinds.Queues, LiveQueue()), Does.Match("^sha256:[0-9a-f]{64}$"));
    }

    [TestCase("dateModified", "2030-01-01T00:00:00.000Z")]
    [TestCase("modifiedBy", "someone-else")]
    [TestCase("selfUri", "/elsewhere")]
    [TestCase("memberCount", 99)]
    [TestCase("joinedMemberCount", 0)]
    public void Of_VolatileFieldChanged_IsUnchanged(string field, object value)
    {
        var raw = LiveQueue();

        var edited = Edited(raw, r => r[field] = JToken.FromObject(value));

        Assert.That(Fingerprints.Of(ResourceKinds.Queues, edited), Is.EqualTo(Fingerprints.Of(ResourceKinds.Queues, raw)));
    }

    [Test]
    public void Of_ManagedFieldChanged_Differs()
    {
        var raw = LiveQueue();

        var edited = Edited(raw, r => r["acwSettings"]!["timeoutMs"] = 30001);

        Assert.That(Fingerprints.Of(ResourceKinds.Queues, edited), Is.Not.EqualTo(Fingerprints.Of(ResourceKinds.Queues, raw)));
    }

    [Test]
    public void Of_UnmanagedFieldChanged_Differs()
    {
        var raw = LiveQueue();

        var edited = Edited(raw, r => r["enableTranscription"] = false);

        Assert.That(Fingerprints.Of(ResourceKinds.Queues, edited), Is.Not.EqualTo(Fingerprints.Of(ResourceKinds.Queues, raw)));
    }

    [Test]
    public void Of_KeysInAnotherOrder_IsUnchanged()
    {
        var raw = LiveQueue();

        var reversed = new JObject(raw.Properties().Reverse().Select(p => new JProperty(p.Name, p.Value.DeepClone())));

        Assert.That(Fingerprints.Of(ResourceKinds.Queues, reversed), Is.EqualTo(Fingerprints.Of(ResourceKinds.Queues, raw)));
    }

    [Test]
    public void Of_SubResourceListInAnotherOrder_IsUnchanged()
    {
        var raw = LiveQueue();

        var edited = Edited(raw, r => r["wrapupCodes"] = new JArray(((JArray)r["wrapupCodes"]!).Reverse().Select(t => t.DeepClone())));

        Assert.That(Fingerprints.Of(ResourceKinds.Queues, edited), Is.EqualTo(Fingerprints.Of(ResourceKinds.Queues, raw)));
    }

    [Test]
    public void Of_SubResourceEntryRenamedButSameId_IsUnchanged()
    {
        var raw = LiveQueue();

        var edited = Edited(raw, r => r["wrapupCodes"]![0]!["name"] = "Renamed");

        Assert.That(Fingerprints.Of(ResourceKinds.Queues, edited), Is.EqualTo(Fingerprints.Of(ResourceKinds.Queues, raw)));
    }

    [Test]
    public void Of_SubResourceEntryRemoved_Differs()
    {
        var raw = LiveQueue();

        var edited = Edited(raw, r => ((JArray)r["wrapupCodes"]!).RemoveAt(0));

        Assert.That(Fingerprints.Of(ResourceKinds.Queues, edited), Is.Not.EqualTo(Fingerprints.Of(ResourceKinds.Queues, raw)));
    }

    [Test]
    public void Of_SkillVersionAndStateChanged_IsUnchanged()
    {
        var raw = LiveOrg.Northwind().Raw(ResourceKinds.Skills, "Billing");

        var edited = Edited(raw, r =>
        {
            r["version"] = 7;
            r["state"] = "inactive";
        });

        Assert.That(Fingerprints.Of(ResourceKinds.Skills, edited), Is.EqualTo(Fingerprints.Of(ResourceKinds.Skills, raw)));
    }

    [Test]
    public void Of_Raw_IsNotModified()
    {
        var raw = LiveQueue();
        var before = raw.ToString();

        Fingerprints.Of(ResourceKinds.Queues, raw);

        Assert.That(raw.ToString(), Is.EqualTo(before));
    }

    [Test]
    public void OfObject_SubResourceListChangedOrAbsent_IsUnchanged()
    {
        var raw = LiveQueue();
        var expected = Fingerprints.OfObject(ResourceKinds.Queues, raw);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Fingerprints.OfObject(ResourceKinds.Queues, Edited(raw, r => ((JArray)r["wrapupCodes"]!).RemoveAt(0))), Is.EqualTo(expected));
            Assert.That(Fingerprints.OfObject(ResourceKinds.Queues, Edited(raw, r => r.Remove("wrapupCodes"))), Is.EqualTo(expected));
        }
    }

    [Test]
    public void OfObject_FieldChanged_Differs()
    {
        var raw = LiveQueue();

        var edited = Edited(raw, r => r["description"] = "changed out of band");

        Assert.That(Fingerprints.OfObject(ResourceKinds.Queues, edited), Is.Not.EqualTo(Fingerprints.OfObject(ResourceKinds.Queues, raw)));
    }

    [Test]
    public void OfObject_VolatileFieldChanged_IsUnchanged()
    {
        var raw = LiveQueue();

        var edited = Edited(raw, r => r["dateModified"] = "2030-01-01T00:00:00.000Z");

        Assert.That(Fingerprints.OfObject(ResourceKinds.Queues, edited), Is.EqualTo(Fingerprints.OfObject(ResourceKinds.Queues, raw)));
    }

    [Test]
    public void OfObject_EqualsOfTheObjectWithoutItsList()
    {
        var raw = LiveQueue();

        Assert.That(Fingerprints.OfObject(ResourceKinds.Queues, raw), Is.EqualTo(Fingerprints.Of(ResourceKinds.Queues, Edited(raw, r => r.Remove("wrapupCodes")))));
    }

    [Test]
    public void OfMembers_OrderAndDuplicates_DoNotMatter()
    {
        Assert.That(Fingerprints.OfMembers(["c", "a", "b", "a"]), Is.EqualTo(Fingerprints.OfMembers(["a", "b", "c"])));
    }

    [Test]
    public void OfMembers_DifferentIds_Differ()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Fingerprints.OfMembers(["a", "b"]), Is.Not.EqualTo(Fingerprints.OfMembers(["a", "c"])));
            Assert.That(Fingerprints.OfMembers(["a", "b"]), Is.Not.EqualTo(Fingerprints.OfMembers(["a"])));
            Assert.That(Fingerprints.OfMembers([]), Does.Match("^sha256:[0-9a-f]{64}$"));
        }
    }

    [Test]
    public void OfMembers_IdsOfALiveList_MatchesTheSameIdsReadAsStrings()
    {
        var list = (JArray)LiveQueue()["wrapupCodes"]!;

        Assert.That(Fingerprints.OfMembers(Fingerprints.IdsOf(list)), Is.EqualTo(Fingerprints.OfMembers(list.Select(t => (string)t["id"]!).Reverse())));
    }

    [Test]
    public void IdsOf_ObjectsAndStrings_ReturnsEveryId()
    {
        var list = JArray.Parse("""[{"id": "a", "name": "A"}, "b", {"name": "no id"}, {"id": "c"}]""");

        Assert.That(Fingerprints.IdsOf(list), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public void Fingerprint_OfLiveObject_IsOfItsRaw_AndEmptyForDesired()
    {
        var org = LiveOrg.Northwind();
        var live = org.Snapshot().ByKey(ResourceKinds.Skills, "Billing")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(live.Fingerprint, Is.EqualTo(Fingerprints.Of(ResourceKinds.Skills, org.Raw(ResourceKinds.Skills, "Billing"))));
            Assert.That(Desired.Skill("Billing").Fingerprint, Is.Empty);
        }
    }
}
