using CxAsCode.Deployment;
using CxAsCode.Http;
using CxAsCode.Planning;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Deployment;

public sealed class WriteRefusalsTests
{
    private static readonly PlanEntry Update = new("queues", "Billing Support", ChangeAction.Update) { Desired = new JObject { ["division"] = "Residential" } };

    [Test]
    public void Describe_MissingPermissionsWithoutParamsOrDetails_ReadsThePermissionFromTheMessageAndTheDivisionFromThePlan()
    {
        var denied = new ApiException("PUT", "/api/v2/routing/queues/q1", 403, new JObject { ["code"] = "missing.permissions" }, "c-1",
            "PUT /api/v2/routing/queues/q1 answered 403 missing.permissions: Unable to perform the requested action. You are missing the following permission(s): routing:queue:edit (correlation id c-1)");

        var line = WriteRefusals.Describe(Update, denied);

        Assert.That(line, Is.EqualTo("update queues 'Billing Support' refused: the OAuth client's role lacks permission(s) routing:queue:edit in division 'Residential' (403 missing.permissions, correlation id c-1). Grant the role that permission in that division, or leave this object out of the environment's state."));
    }

    [Test]
    public void Describe_MissingPermissionsWithDetails_NamesTheDivisionTheServerNamed()
    {
        var body = new JObject
        {
            ["code"] = "missing.permissions",
            ["messageParams"] = new JObject { ["permissions"] = "routing:queue:edit" },
            ["details"] = new JArray(new JObject { ["entityName"] = "Business" }),
        };

        var line = WriteRefusals.Describe(Update, new ApiException("PUT", "/x", 403, body, null, "denied"));

        Assert.That(line, Does.Contain("lacks permission(s) routing:queue:edit in division 'Business' (403 missing.permissions)."));
    }

    [Test]
    public void Describe_OtherErrors_KeepTheApiMessageAfterTheObject()
    {
        var line = WriteRefusals.Describe(Update, new ApiException("PUT", "/x", 500, null, null, "PUT /x answered 500"));

        Assert.That(line, Is.EqualTo("update queues 'Billing Support': PUT /x answered 500"));
    }

    [Test]
    public void Describe_ScheduleDeleteRefusedInUse_SaysAGroupStillUsesItAndWhatToDo()
    {
        var entry = new PlanEntry("schedules", "Christmas Day", ChangeAction.Delete);
        var inUse = new ConflictException("DELETE", "/api/v2/architect/schedules/s1", 409, new JObject { ["code"] = "general.conflict" }, null,
            "The schedule Christmas Day is in use by the schedule group Emergency Cover.");

        var line = WriteRefusals.Describe(entry, inUse);

        Assert.That(line, Does.StartWith("delete schedules 'Christmas Day' refused: a schedule group still uses it (The schedule Christmas Day is in use by the schedule group Emergency Cover.)")
            .And.Contain("Remove it from that group first"));
    }

    [Test]
    public void Describe_StaleVersion_SaysNothingWasOverwrittenAndToPlanAgain()
    {
        var entry = new PlanEntry("schedulegroups", "Contact Centre Hours", ChangeAction.Update);
        var stale = new ConflictException("PUT", "/api/v2/architect/schedulegroups/g1", 409, new JObject { ["code"] = "general.conflict" }, "c-9",
            "The version supplied does not match the current version of the resource.");

        var line = WriteRefusals.Describe(entry, stale);

        Assert.That(line, Is.EqualTo("update schedulegroups 'Contact Centre Hours' refused: it changed in the org between our read and our write (409 general.conflict, a stale version, correlation id c-9); nothing of it was overwritten. Plan again to see the change."));
    }
}
