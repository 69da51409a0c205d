using CxAsCode.Planning;
using CxAsCode.Resources;
using CxAsCode.Tests.Planning.Rendering;
using CxAsCode.Tests.TestData;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Planning;

public class ApplyTimeDiffTests
{
    private LiveSnapshot _live = null!;

    [SetUp]
    public void SetUp() =>
        _live = LiveOrg.Northwind().Queue("Billing Support", "Residential", wrapupCodes: ["Resolved"]).Normalized();

    [Test]
    public void Compute_StoredDiffMatchesLive_SameChangesNothingDiffering()
    {
        var plan = PlanWithDescription("Bills and refunds");

        var (recomputed, differing) = ApplyTimeDiff.Compute(plan, _live);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(differing, Is.Empty);
            Assert.That(recomputed.Writes.Single().Changes.Select(c => c.Path), Is.EqualTo(new[] { "description" }));
        }
    }

    [Test]
    public void Compute_StoredDiffForgedAndRehashed_ShowsWhatTheBodyDoesAndNamesTheEntry()
    {
        // The stored text claims a harmless description change; the desired body also moves the queue.
        var honest = PlanWithDescription("Bills and refunds", division: "Business");
        var forged = PlanFile.Deserialize(PlanFile.Serialize(Rewrite(honest, [new FieldChange("description", "Bills", "Bills and refunds")])));

        var (recomputed, differing) = ApplyTimeDiff.Compute(forged, _live);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(differing.Select(e => e.Key), Is.EqualTo(new[] { "Billing Support" }));
            Assert.That(recomputed.Writes.Single().Changes.Select(c => $"{c.Path}: {c.Before} → {c.After}"), Does.Contain("division: Residential → Business"));
            Assert.That(recomputed.Binding, Is.EqualTo(forged.Binding));
        }
    }

    [Test]
    public void Compute_ObjectGoneSinceThePlan_UpdateShowsEveryFieldAsNew()
    {
        var plan = PlanWithDescription("Bills and refunds");
        var emptied = LiveOrg.Northwind().Normalized();

        var (recomputed, differing) = ApplyTimeDiff.Compute(plan, emptied);

        Assert.That((differing.Count, recomputed.Writes.Single().Changes.All(c => c.Before is null)), Is.EqualTo((1, true)));
    }

    private Plan PlanWithDescription(string description, string division = "Residential")
    {
        var queue = _live.ByKey(ResourceKinds.Queues, "Billing Support")!;
        var desired = (JObject)queue.Body.DeepClone();
        desired["description"] = description;
        desired["division"] = division;
        return Planner.Create(new OrgBinding("dev", SamplePlans.OrgId, SamplePlans.ApiHost), [Desired.Of(ResourceKinds.Queues, desired)], _live, prune: false, "2025-05-01T10:00:00Z", commit: null);
    }

    private static Plan Rewrite(Plan plan, IReadOnlyList<FieldChange> changes) => new()
    {
        Environment = plan.Environment,
        OrgId = plan.OrgId,
        ApiHost = plan.ApiHost,
        CreatedAt = plan.CreatedAt,
        Entries = [.. plan.Entries.Select(e => e.IsWrite ? e with { Changes = changes } : e)],
        Unchanged = plan.Unchanged,
    };
}
