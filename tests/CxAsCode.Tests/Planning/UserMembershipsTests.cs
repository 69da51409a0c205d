using CxAsCode.Planning;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Planning;

/// <summary>Memberships kept on users, folded onto queues for planning and back for Sync (pure).</summary>
[TestFixture]
internal sealed class UserMembershipsTests
{
    [Test]
    public void Fold_UsersHoldingQueues_QueueGetsThemPlusLiveMembersStateDoesNotHold()
    {
        var desired = new[]
        {
            User("ada@x.com", "Billing"),
            User("bob@x.com"), // holds none: removed from every queue of state
            User("cy@x.com", keepsOwn: true), // no "queues": its memberships stay as they are
            Queue("Billing"),
            Queue("Payments"),
        };
        var live = Live(("Billing", ["bob@x.com", "cy@x.com", "ui.only@x.com"]), ("Payments", ["bob@x.com"]));

        var folded = UserMemberships.Fold(desired, live);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Members(folded, "Billing"), Is.EqualTo(new[] { "ada@x.com", "cy@x.com", "ui.only@x.com" }));
            Assert.That(Members(folded, "Payments"), Is.Empty);
            Assert.That(folded.Where(o => o.Kind.IsUser).Select(o => o.Body["queues"]), Has.All.Null, "the users' field is planned on the queues");
        }
    }

    [Test]
    public void Fold_NoUserHoldsQueues_StateUnchanged()
    {
        var desired = new[] { User("cy@x.com", keepsOwn: true), Queue("Billing") };

        Assert.That(UserMemberships.Fold(desired, Live(("Billing", ["cy@x.com"]))), Is.SameAs(desired));
    }

    [Test]
    public void Unfold_LiveMembers_WrittenOnTheUsersThatHoldQueuesAndOffTheQueues()
    {
        var desired = new[] { User("ada@x.com", "Payments"), Queue("Billing"), Queue("Payments") };
        var live = Live(("Billing", ["ada@x.com", "ui.only@x.com"]), ("Payments", []));
        var liveUser = new ResourceObject(ResourceKinds.Users, "ada@x.com", new JObject { ["email"] = "ada@x.com", ["name"] = "Ada" }) { Id = "u1" };

        var unfolded = UserMemberships.Unfold(live.All.Append(liveUser), desired);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unfolded.Single(o => o.Kind.IsUser).Body["queues"], Is.EqualTo(new JArray("Billing")).Using(JToken.EqualityComparer), "live says Billing, not Payments");
            Assert.That(unfolded.Where(o => o.Kind == ResourceKinds.Queues).Select(o => o.Body["members"]), Has.All.Null);
        }
    }

    private static ResourceObject User(string email, params string[] queues) => User(email, false, queues);

    private static ResourceObject User(string email, bool keepsOwn, params string[] queues)
    {
        var body = new JObject { ["email"] = email, ["name"] = email };
        if (!keepsOwn)
        {
            body["queues"] = new JArray(queues);
        }

        return new ResourceObject(ResourceKinds.Users, email, body);
    }

    private static ResourceObject Queue(string name) => new(ResourceKinds.Queues, name, new JObject { ["name"] = name });

    private static LiveSnapshot Live(params (string Queue, string[] Members)[] queues) =>
        new(queues.Select((q, i) => new ResourceObject(ResourceKinds.Queues, q.Queue, new JObject { ["name"] = q.Queue, ["members"] = new JArray(q.Members) }) { Id = $"q{i}" }));

    private static IEnumerable<string> Members(IEnumerable<ResourceObject> objects, string queue) =>
        objects.Single(o => o.Kind == ResourceKinds.Queues && o.Key == queue).Body["members"]!.Select(t => (string)t!);
}
