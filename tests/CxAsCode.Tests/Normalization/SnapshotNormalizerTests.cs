using CxAsCode.Normalization;
using CxAsCode.Resources;
using CxAsCode.Tests.TestData;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Normalization;

public class SnapshotNormalizerTests
{
    [Test]
    public void Normalize_Snapshot_FillsEveryBodyAndKeepsIdsAndRaw()
    {
        var org = LiveOrg.Northwind().Queue("Billing Support", "Residential", rings: [["Billing"]], wrapupCodes: ["Resolved"]);
        var raw = org.Snapshot();

        var normalized = SnapshotNormalizer.Normalize(raw, []);
        var queue = normalized.ByKey(ResourceKinds.Queues, "billing support")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(normalized.Count, Is.EqualTo(raw.Count));
            Assert.That(normalized.All.Where(o => !o.Body.HasValues).Select(o => o.Key), Is.Empty);
            Assert.That(queue.Id, Is.EqualTo(org.IdOf(ResourceKinds.Queues, "Billing Support")));
            Assert.That(JToken.DeepEquals(queue.Raw, org.Raw(ResourceKinds.Queues, "Billing Support")), Is.True, "the raw JSON is kept as it came");
            Assert.That((string?)queue.Body["division"], Is.EqualTo("Residential"));
            Assert.That(queue.Body.SelectToken("bullseye.rings[0].actions.skillsToRemove")!.ToString(Formatting.None), Is.EqualTo("""["Billing"]"""));
        }
    }

    [Test]
    public void Normalize_DanglingReference_AddsOneWarning()
    {
        var org = LiveOrg.Northwind().Queue("Billing Support", "Residential", rings: [["Billing"]],
            edit: raw => raw["bullseye"]!["rings"]![0]!["actions"]!["skillsToRemove"]![0]!["id"] = "0d5e5a54-1111-4222-8333-444455556666");
        var warnings = new List<string>();

        SnapshotNormalizer.Normalize(org.Snapshot(), warnings);

        Assert.That(warnings, Has.Count.EqualTo(1));
    }
}
