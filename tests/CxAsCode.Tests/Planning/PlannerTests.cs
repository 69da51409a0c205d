using CxAsCode.Planning;
using CxAsCode.Resources;
using CxAsCode.Tests.Planning.Rendering;
using CxAsCode.Tests.TestData;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Planning;

public class PlannerTests
{
    private const string CreatedAt = "2025-05-01T10:00:00Z";

    private LiveOrg _org = null!;
    private LiveSnapshot _live = null!;

    [SetUp]
    public void SetUp()
    {
        _org = LiveOrg.Northwind()
            .Queue("Billing Support", "Residential", rings: [["Billing"], ["English"]], wrapupCodes: ["Resolved", "Escalated"])
            .Queue("Complaints", "Residential", wrapupCodes: ["Escalated"]);
        _live = _org.Normalized();
    }

    /// <summary>Desired state equal to every managed live object.</summary>
    private List<ResourceObject> InSync() =>
        [.. ResourceKinds.Managed.SelectMany(kind => _live.Of(kind).Select(o => Desired.Of(kind, (JObject)o.Body.DeepClone())))];

    private static ResourceObject Changed(List<ResourceObject> desired, ResourceKind kind, string key, Action<JObject> edit)
    {
        var index = desired.FindIndex(d => d.Kind == kind && d.Key == key);
        var body = (JObject)desired[index].Body.DeepClone();
        edit(body);
        desired[index] = desired[index] with { Body = body };
        return desired[index];
    }

    private Plan PlanFor(IReadOnlyList<ResourceObject> desired, bool prune = false) =>
        Planner.Create(new OrgBinding("dev", SamplePlans.OrgId, SamplePlans.ApiHost), desired, _live, prune, CreatedAt, "0123abc");

    private static string Describe(PlanEntry entry) => $"{entry.Action} {entry.Kind}: {entry.Key}";

    [Test]
    public void Create_DesiredEqualsLive_HasNoEntriesAndCountsUnchanged()
    {
        var plan = PlanFor(InSync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Entries, Is.Empty);
            Assert.That(plan.Unchanged, Is.EqualTo(4 + 3 + 2));
            Assert.That(plan.HasChanges, Is.False);
        }
    }

    [Test]
    public void Create_TheApiWritesAWholeNumberWithADecimalPoint_IsNoChange()
    {
        // Java doubles print 20000 as 20000.0; state writes 20000: the same number, never a change.
        _org.Raw(ResourceKinds.Queues, "Complaints")["mediaSettings"]!["call"]!["serviceLevel"]!["percentage"] = 1.0m;
        _live = _org.Normalized();
        var desired = InSync();
        Changed(desired, ResourceKinds.Queues, "Complaints", q => q["mediaSettings"]!["call"]!["serviceLevel"]!["percentage"] = 1);

        var plan = PlanFor(desired);

        Assert.That(plan.Entries, Is.Empty, string.Join(", ", plan.Entries.Select(Describe)));
    }

    [Test]
    public void Create_StateWritesANumberWithFewerTrailingZerosThanTheApi_IsNoChange()
    {
        // 0.80 and 0.8 differ as text but not as numbers: the text shortcut must fall back to comparing values.
        _org.Raw(ResourceKinds.Queues, "Complaints")["mediaSettings"]!["call"]!["serviceLevel"]!["percentage"] = 0.80m;
        _live = _org.Normalized();
        var desired = InSync();
        Changed(desired, ResourceKinds.Queues, "Complaints", q => q["mediaSettings"]!["call"]!["serviceLevel"]!["percentage"] = 0.8m);

        var plan = PlanFor(desired);

        Assert.That(plan.Entries, Is.Empty, string.Join(", ", plan.Entries.Select(Describe)));
    }

    [Test]
    public void Create_LiveHasExtraUnmanagedAndVolatileFields_StillNoEntry()
    {
        var raw = _org.Raw(ResourceKinds.Queues, "Billing Support");
        Assume.That(raw["enableTranscription"], Is.Not.Null);
        Assume.That(raw["memberCount"], Is.Not.Null);
        var desired = new[] { Desired.Of(ResourceKinds.Queues, _org.Canonical(ResourceKinds.Queues, "Billing Support")) };

        var plan = PlanFor(desired);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Entries.Where(e => e.Kind == "queues" && e.Key == "Billing Support"), Is.Empty);
            Assert.That(plan.Unchanged, Is.EqualTo(1));
        }
    }

    [Test]
    public void Create_ObjectOnlyInDesired_IsCreatedWithEveryFieldListed()
    {
        var desired = InSync();
        var payment = Desired.WrapupCode("Payment Taken", "Home", "Card or bank payment");
        desired.Add(payment);

        var entry = PlanFor(desired).Entries.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Describe(entry), Is.EqualTo("Create wrapupcodes: Payment Taken"));
            Assert.That(entry.Desired, Is.SameAs(payment.Body));
            Assert.That(entry.LiveId, Is.Null);
            Assert.That(entry.Fingerprint, Is.Null);
            Assert.That(entry.Changes.Select(c => $"{c.Path}={c.After}"), Is.EqualTo(new[] { "description=Card or bank payment", "division=Home", "name=Payment Taken" }));
            Assert.That(entry.Changes.Select(c => c.Before), Has.All.Null);
        }
    }

    [Test]
    public void Create_ManagedFieldChangedOnPutKind_IsAnUpdateWithFieldLevelChanges()
    {
        var desired = InSync();
        var queue = Changed(desired, ResourceKinds.Queues, "Billing Support", q =>
        {
            q["acwSettings"]!["timeoutMs"] = 30000;
            q["wrapupCodes"] = new JArray("Escalated", "Resolved", "Transferred");
        });

        var plan = PlanFor(desired);
        var entry = plan.Entries.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Describe(entry), Is.EqualTo("Update queues: Billing Support"));
            Assert.That(entry.Changes.Select(c => c.Path), Is.EqualTo(new[] { "acwSettings.timeoutMs", "wrapupCodes" }));
            Assert.That((int?)entry.Changes[0].Before, Is.EqualTo(60000));
            Assert.That((int?)entry.Changes[0].After, Is.EqualTo(30000));
            Assert.That(entry.Changes[1].After!.ToString(Formatting.None), Is.EqualTo("""["Escalated","Resolved","Transferred"]"""));
            Assert.That(JToken.DeepEquals(entry.Desired, queue.Body), Is.True, "nothing omitted: the desired body is state's");
            Assert.That(plan.Unchanged, Is.EqualTo(8));
        }
    }

    [Test]
    public void Create_UpdateOrDelete_CarriesTheLiveIdAndFingerprint()
    {
        var desired = InSync();
        Changed(desired, ResourceKinds.Queues, "Billing Support", q => q["description"] = "changed");
        desired.RemoveAll(d => d.Key == "Welsh");

        var entries = PlanFor(desired, prune: true).Entries;
        var update = entries.Single(e => e.Action == ChangeAction.Update);
        var delete = entries.Single(e => e.Action == ChangeAction.Delete);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(update.LiveId, Is.EqualTo(_org.IdOf(ResourceKinds.Queues, "Billing Support")));
            Assert.That(update.Fingerprint, Is.EqualTo(Fingerprints.Of(ResourceKinds.Queues, _org.Raw(ResourceKinds.Queues, "Billing Support"))));
            Assert.That(delete.LiveId, Is.EqualTo(_org.IdOf(ResourceKinds.Skills, "Welsh")));
            Assert.That(delete.Fingerprint, Is.EqualTo(Fingerprints.Of(ResourceKinds.Skills, _org.Raw(ResourceKinds.Skills, "Welsh"))));
        }
    }

    [Test]
    public void Create_FingerprintCoversUnmanagedFields()
    {
        var desired = InSync();
        Changed(desired, ResourceKinds.Queues, "Complaints", q => q["description"] = "changed");
        var before = PlanFor(desired).Entries.Single().Fingerprint;

        _org.Raw(ResourceKinds.Queues, "Complaints")["enableTranscription"] = false;
        _live = _org.Normalized(); // extracted again: a snapshot keeps the raw JSON it read
        var after = PlanFor(desired).Entries.Single().Fingerprint;

        Assert.That(after, Is.Not.EqualTo(before));
    }

    [Test]
    public void Create_SkillChanged_IsAReplaceBecauseSkillsCannotBeUpdated()
    {
        var desired = InSync();
        Changed(desired, ResourceKinds.Skills, "English", s => s["name"] = "ENGLISH");

        var entry = PlanFor(desired).Entries.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Action, Is.EqualTo(ChangeAction.Replace));
            Assert.That(entry.LiveId, Is.EqualTo(_org.IdOf(ResourceKinds.Skills, "English")));
            Assert.That(entry.Changes.Select(c => $"{c.Path}: {c.Before} -> {c.After}"), Is.EqualTo(new[] { "name: English -> ENGLISH" }));
        }
    }

    [Test]
    public void Create_DesiredKeyInOtherCase_MatchesTheLiveObject()
    {
        var desired = InSync();
        Changed(desired, ResourceKinds.WrapupCodes, "Resolved", c => c["description"] = "changed");
        var index = desired.FindIndex(d => d.Key == "Resolved");
        desired[index] = desired[index] with { Key = "RESOLVED" };

        var plan = PlanFor(desired);

        Assert.That(plan.Entries.Select(e => (e.Action, e.LiveId)), Is.EqualTo(new[] { (ChangeAction.Update, _org.IdOf(ResourceKinds.WrapupCodes, "Resolved")) }));
    }

    [Test]
    public void Create_LiveOnlyWithPrune_IsDeletedWithEveryFieldListed()
    {
        var desired = InSync();
        desired.RemoveAll(d => d.Key == "Complaints");

        var entry = PlanFor(desired, prune: true).Entries.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Describe(entry), Is.EqualTo("Delete queues: Complaints"));
            Assert.That(entry.IsWrite, Is.True);
            Assert.That(entry.Desired, Is.Null);
            Assert.That(entry.Changes.Select(c => c.Path), Does.Contain("division").And.Contain("acwSettings.timeoutMs").And.Contain("wrapupCodes"));
            Assert.That(entry.Changes.Select(c => c.After), Has.All.Null);
        }
    }

    [Test]
    public void Create_LiveOnlyWithoutPrune_IsReportedAsUnmanagedAndNotAWrite()
    {
        var desired = InSync();
        desired.RemoveAll(d => d.Key is "Complaints" or "Welsh");

        var plan = PlanFor(desired, prune: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Entries.Select(Describe), Is.EqualTo(new[] { "Unmanaged skills: Welsh", "Unmanaged queues: Complaints" }));
            Assert.That(plan.Entries.Select(e => e.Changes), Has.All.Empty);
            Assert.That(plan.Entries.Select(e => e.LiveId), Has.None.Null);
            Assert.That(plan.Writes, Is.Empty);
            Assert.That(plan.HasChanges, Is.False);
            Assert.That(plan.Count(ChangeAction.Delete), Is.Zero);
        }
    }

    [Test]
    public void Create_EmptyDesired_NeverPlansDivisions()
    {
        var plan = PlanFor([], prune: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Entries.Select(e => e.Kind), Has.None.EqualTo("divisions"));
            Assert.That(plan.Count(ChangeAction.Delete), Is.EqualTo(4 + 3 + 2));
        }
    }

    [Test]
    public void Create_MixedChanges_EntriesAreOrderedByKindThenKey()
    {
        var desired = InSync();
        desired.RemoveAll(d => d.Key is "Welsh" or "Complaints");
        desired.Add(Desired.Of(ResourceKinds.Queues, JObject.Parse("""{"name": "Accounts", "division": "Home"}""")));
        desired.Add(Desired.WrapupCode("Payment Taken", "Home"));
        desired.Add(Desired.Skill("Spanish"));
        desired.Add(Desired.Skill("Arabic"));
        Changed(desired, ResourceKinds.WrapupCodes, "Escalated", c => c["description"] = "changed");

        var plan = PlanFor(desired, prune: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Entries.Select(Describe), Is.EqualTo(new[]
            {
                "Create skills: Arabic",
                "Create skills: Spanish",
                "Delete skills: Welsh",
                "Update wrapupcodes: Escalated",
                "Create wrapupcodes: Payment Taken",
                "Create queues: Accounts",
                "Delete queues: Complaints",
            }));
            Assert.That(plan.Entries.Select(e => ResourceKinds.All.ToList().IndexOf(ResourceKinds.ByName(e.Kind))), Is.Ordered);
        }
    }

    [Test]
    public void Create_Plan_CarriesEnvironmentTimeCommitAndSummary()
    {
        var desired = InSync();
        desired.RemoveAll(d => d.Key == "Welsh");
        desired.Add(Desired.Skill("Spanish"));

        var plan = PlanFor(desired);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Environment, Is.EqualTo("dev"));
            Assert.That(plan.CreatedAt, Is.EqualTo(CreatedAt));
            Assert.That(plan.Commit, Is.EqualTo("0123abc"));
            Assert.That(plan.Summary, Is.EqualTo("1 to create, 0 to update, 0 to replace, 0 to delete, 1 unmanaged, 8 unchanged"));
        }
    }

    [Test]
    public void Create_DesiredQueueWithoutWrapupCodes_AgainstLiveReadWithoutTheList_IsUnchanged()
    {
        var org = LiveOrg.Northwind().Queue("Complaints", "Residential");
        var body = org.Canonical(ResourceKinds.Queues, "Complaints");
        Assume.That(body["wrapupCodes"], Is.Null);

        var plan = Planner.Create(new OrgBinding("dev", SamplePlans.OrgId, SamplePlans.ApiHost), [Desired.Of(ResourceKinds.Queues, body)], org.Normalized(), prune: false, CreatedAt, commit: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Entries.Where(e => e.Kind == "queues"), Is.Empty);
            Assert.That(plan.Commit, Is.Null);
        }
    }

    [Test]
    public void Create_QueueStateOmitsServerDefaultedFields_IsUnchanged()
    {
        var desired = InSync();
        Changed(desired, ResourceKinds.Queues, "Billing Support", q =>
        {
            q.Remove("skillEvaluationMethod");
            ((JObject)q["mediaSettings"]!).Remove("email");
            ((JObject)q["mediaSettings"]!["call"]!).Remove("serviceLevel");
            ((JObject)q["acwSettings"]!).Remove("wrapupPrompt");
        });

        var plan = PlanFor(desired);

        Assert.That(plan.Entries.Where(e => e.Kind == "queues"), Is.Empty, "an omitted field the server defaults is the server's choice");
    }

    [Test]
    public void Create_QueueStateSetsAnUntimedPrompt_ChangesPromptAndDropsTheTimeout()
    {
        var desired = InSync();
        Changed(desired, ResourceKinds.Queues, "Billing Support", q => q["acwSettings"] = new JObject { ["wrapupPrompt"] = "MANDATORY" });

        var entry = PlanFor(desired).Entries.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Changes.Select(c => c.Path), Is.EqualTo(new[] { "acwSettings.timeoutMs", "acwSettings.wrapupPrompt" }));
            Assert.That(entry.Desired!["acwSettings"]!["timeoutMs"], Is.Null, "a timeout is only filled in for a timed prompt");
        }
    }
}
