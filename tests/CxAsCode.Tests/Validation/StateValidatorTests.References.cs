using CxAsCode.Resources;
using CxAsCode.State;
using CxAsCode.Tests.TestData;
using CxAsCode.Validation;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Validation;

public partial class StateValidatorTests
{
    [Test]
    public void Validate_UnknownSkillInBullseye_NamesFileAndPath()
    {
        _folder.Edit(BillingSupport, q => q["bullseye"]!["rings"]![0]!["actions"]!["skillsToRemove"]![0] = "Gas Boilers");

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { (BillingSupport, "$.bullseye.rings[0].actions.skillsToRemove[0]") }));
            Assert.That(errors[0].Message, Does.Contain("'Gas Boilers'").And.Contain("skills"));
        }
    }

    [Test]
    public void Validate_ReferenceDifferingOnlyInCase_AsksForTheExactSpelling()
    {
        _folder.Edit(BillingSupport, q => q["bullseye"]!["rings"]![0]!["actions"]!["skillsToRemove"]![0] = "BILLING");

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { (BillingSupport, "$.bullseye.rings[0].actions.skillsToRemove[0]") }));
            Assert.That(errors[0].Message, Does.Contain("differs only in case").And.Contain("billing.json"));
        }
    }

    [Test]
    public void Validate_ReferencedSkillFileDeleted_ReportsTheDanglingReference()
    {
        _folder.Delete("state/dev/routing/skills/english.json");

        var errors = Validate();

        Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EquivalentTo(new[]
        {
            (BillingSupport, "$.bullseye.rings[1].actions.skillsToRemove[0]"),
            ("state/dev/users/alex.morgan@northwind-energy.example.json", "$.skills[1].skill"),
        }));
    }

    [Test]
    public void Validate_UnknownWrapupCodeInQueue_NamesFileAndPath()
    {
        _folder.Edit(BillingSupport, q => ((JArray)q["wrapupCodes"]!).Add("Refund Issued"));

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { (BillingSupport, "$.wrapupCodes[4]") }));
            Assert.That(errors[0].Message, Does.Contain("'Refund Issued'").And.Contain("wrapupcodes"));
        }
    }

    [Test]
    public void Validate_SameNameInTwoFilesDifferingInCase_NamesBothFiles()
    {
        var first = $"state/dev/routing/skills/{FileNames.StemFor("Gas & Electric")}.json";
        var second = $"state/dev/routing/skills/{FileNames.StemFor("GAS & ELECTRIC")}.json";
        _folder.Write(first, "{\"name\": \"Gas & Electric\"}\n");
        _folder.Write(second, "{\"name\": \"GAS & ELECTRIC\"}\n");

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Has.Count.EqualTo(1), Describe(errors));
            Assert.That(errors[0].JsonPath, Is.EqualTo("$.name"));
            Assert.That(errors[0].Message, Does.Contain("duplicate"));
            Assert.That($"{errors[0].File} {errors[0].Message}", Does.Contain(first).And.Contain(second));
        }
    }

    [Test]
    public void Validate_SameNameAsAnotherKind_IsAccepted()
    {
        // The sample already has a skill and a queue both named "Payments"; prove it, so the test means something.
        var state = new StateStore(_folder.Root).LoadDesired("dev");
        Assume.That(state.Objects.Count(o => o.Key == "Payments"), Is.EqualTo(2));

        Assert.That(Validate(), Is.Empty);
    }

    [Test]
    public void Validate_FileNameNotMatchingName_SaysWhichNameIsExpected()
    {
        _folder.Move("state/dev/routing/skills/solar.json", "state/dev/routing/skills/solar-panels.json");

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { ("state/dev/routing/skills/solar-panels.json", "$.name") }));
            Assert.That(errors[0].Message, Does.Contain("'Solar'").And.Contain("expected solar.json"));
        }
    }
}
