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
}
