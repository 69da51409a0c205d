using CxAsCode.Pipeline;
using CxAsCode.Planning;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Pipeline;

public sealed class SavedPlanValidationTests
{
    [Test]
    public void Check_ValidBodies_NoErrors() =>
        Assert.That(SavedPlanValidation.Check(Plan(Queue("Billing")), "plan.json"), Is.Empty);

    [Test]
    public void Check_BodyBreakingTheSchema_ErrorLocatedInThePlanFile()
    {
        var body = Queue("Billing");
        body["acwSettings"] = new JObject { ["timeoutMs"] = "soon" };
        body["skillEvaluationMethod"] = "SOME";

        var errors = SavedPlanValidation.Check(Plan(body), "reviewed/plan.json");

        Assert.That(errors.Select(e => e.ToString()), Is.EquivalentTo(new[]
        {
            "reviewed/plan.json $.entries[0].desired.acwSettings.timeoutMs: queues 'Billing': expected a whole number, found a string",
            "reviewed/plan.json $.entries[0].desired.skillEvaluationMethod: queues 'Billing': 'SOME' is not allowed; expected one of: NONE, BEST, ALL",
        }));
    }

    [Test]
    public void Check_MissingRequiredFieldAndUnknownField_BothListed()
    {
        var body = Queue("Billing");
        body.Remove("division");
        body["ownerId"] = "x";

        var errors = SavedPlanValidation.Check(Plan(body), "plan.json");

        Assert.That(errors.Select(e => e.JsonPath), Is.EquivalentTo(new[] { "$.entries[0].desired.division", "$.entries[0].desired.ownerId" }));
    }

    [Test]
    public void Check_BodyNamesAnotherObjectThanTheEntry_Error()
    {
        var entry = new PlanEntry("queues", "Billing", ChangeAction.Update) { Desired = Queue("Payments") };

        var errors = SavedPlanValidation.Check(Plan(entry), "plan.json");

        Assert.That(errors.Select(e => e.Message), Is.EqualTo(new[] { "queues 'Billing': the body would write the name 'Payments', not the name the plan shows" }));
    }

    [Test]
    public void Check_UnknownKindAndMissingBody_Errors()
    {
        var errors = SavedPlanValidation.Check(
            Plan(new PlanEntry("campaigns", "Main", ChangeAction.Create) { Desired = [] }, new PlanEntry("queues", "Billing", ChangeAction.Create)),
            "plan.json");

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "plan.json $.entries[0].kind: 'campaigns' is not a kind this pipeline manages",
            "plan.json $.entries[1].desired: queues 'Billing': a create with no desired body",
        }));
    }

    [Test]
    public void Check_DeleteAndUnmanaged_NeedNoBody() =>
        Assert.That(SavedPlanValidation.Check(Plan(new PlanEntry("queues", "Old", ChangeAction.Delete), new PlanEntry("skills", "Legacy", ChangeAction.Unmanaged)), "plan.json"), Is.Empty);

    private static JObject Queue(string name) => new() { ["name"] = name, ["division"] = "Home", ["description"] = "Bills" };

    private static Plan Plan(JObject body) => Plan(new PlanEntry("queues", (string)body["name"]!, ChangeAction.Create) { Desired = body });

    private static Plan Plan(params PlanEntry[] entries) => new() { Environment = "dev", CreatedAt = "2025-05-01T10:00:00Z", Entries = entries };
}
