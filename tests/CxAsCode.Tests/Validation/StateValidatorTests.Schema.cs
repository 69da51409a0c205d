using CxAsCode.Resources;
using CxAsCode.State;
using CxAsCode.Tests.TestData;
using CxAsCode.Validation;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Validation;

public partial class StateValidatorTests
{
    [TestCase(Welsh, "colour", "$.colour")]
    [TestCase(Resolved, "id", "$.id")]
    [TestCase(BillingSupport, "enableTranscription", "$.enableTranscription")]
    [TestCase(BillingSupport, "acwSettings.timeout", "$.acwSettings.timeout")]
    [TestCase(BillingSupport, "mediaSettings.call.alertTimeout", "$.mediaSettings.call.alertTimeout")]
    [TestCase(BillingSupport, "mediaSettings.video", "$.mediaSettings.video")]
    public void Validate_UnknownField_IsReportedAtItsPath(string file, string field, string path)
    {
        _folder.Edit(file, content =>
        {
            var parts = field.Split('.');
            var parent = parts[..^1].Aggregate((JToken)content, (t, p) => t[p]!);
            parent[parts[^1]] = 1;
        });

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { (file, path) }));
            Assert.That(errors[0].Message, Does.StartWith($"unknown field '{field.Split('.')[^1]}'"));
        }
    }

    [Test]
    public void Validate_CallbackFieldsOfTheContract_AreAccepted()
    {
        _folder.Edit(BillingSupport, q =>
        {
            var callback = (JObject)q["mediaSettings"]!["callback"]!;
            callback["mode"] = "CustomerFirst";
            callback["enableAutoDialAndEnd"] = true;
            callback["autoDialDelaySeconds"] = 300;
            callback["pacingModifier"] = 1.5;
            callback["maxRetryCount"] = 3;
            callback["retryDelaySeconds"] = 600;
            callback["liveVoiceReactionType"] = "TransferToQueue";
        });

        Assert.That(Validate(), Is.Empty, Describe(Validate()));
    }

    [Test]
    public void Validate_UnknownFieldInCallbackSettings_IsReported()
    {
        _folder.Edit(BillingSupport, q => q["mediaSettings"]!["callback"]!["modus"] = "AgentFirst");

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => e.JsonPath), Is.EqualTo(new[] { "$.mediaSettings.callback.modus" }));
            Assert.That(errors[0].Message, Does.StartWith("unknown field 'modus'; expected one of: ").And.Contain("mode"));
        }
    }

    [Test]
    public void Validate_FreeFormMessageSubtypeSettings_AreAcceptedAsTheyAre()
    {
        _folder.Edit(BillingSupport, q => q["mediaSettings"]!["message"]!["subTypeSettings"] = JObject.Parse("""{"whatsapp": {"enableAutoAnswer": true, "anything": [1, "two"]}}"""));

        Assert.That(Validate(), Is.Empty);
    }

    [TestCase("acwSettings.timeoutMs", "\"30000\"", "expected a whole number, found a string")]
    [TestCase("acwSettings.timeoutMs", "30000.5", "expected a whole number, found a number")]
    [TestCase("description", "42", "expected a string, found a whole number")]
    [TestCase("description", "null", "expected a string, found null")]
    [TestCase("mediaSettings.call.enableAutoAnswer", "\"no\"", "expected true or false, found a string")]
    [TestCase("mediaSettings.call.serviceLevel.percentage", "\"80%\"", "expected a number, found a string")]
    [TestCase("acwSettings", "[]", "expected an object, found an array")]
    [TestCase("wrapupCodes", "\"Resolved\"", "expected an array, found a string")]
    [TestCase("bullseye.rings", "{}", "expected an array, found an object")]
    public void Validate_WrongJsonType_IsReportedAtItsPath(string field, string json, string message)
    {
        _folder.Edit(BillingSupport, q => q.SelectToken(field)!.Replace(JToken.Parse(json)));

        var errors = Validate();

        Assert.That(errors.Select(e => (e.File, e.JsonPath, e.Message)), Is.EqualTo(new[] { (BillingSupport, "$." + field, message) }));
    }

    [Test]
    public void Validate_WrongTypeInsideArray_NamesTheElement()
    {
        _folder.Edit(BillingSupport, q => q["bullseye"]!["rings"]![1]!["expansionCriteria"]![0]!["threshold"] = "soon");

        var errors = Validate();

        Assert.That(errors.Select(e => e.JsonPath), Is.EqualTo(new[] { "$.bullseye.rings[1].expansionCriteria[0].threshold" }));
    }

    [Test]
    public void Validate_WholeNumberWhereNumberExpected_IsAccepted()
    {
        _folder.Edit(BillingSupport, q => q["mediaSettings"]!["call"]!["serviceLevel"]!["percentage"] = 1);

        Assert.That(Validate(), Is.Empty);
    }

    [TestCase("skillEvaluationMethod", "FASTEST")]
    [TestCase("skillEvaluationMethod", "best")]
    [TestCase("acwSettings.wrapupPrompt", "SOMETIMES")]
    [TestCase("bullseye.rings[0].expansionCriteria[0].type", "TIMEOUT_MINUTES")]
    public void Validate_ValueNotInEnum_ListsTheAllowedValues(string field, string value)
    {
        _folder.Edit(BillingSupport, q => q.SelectToken(field)!.Replace(value));

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { (BillingSupport, "$." + field) }));
            Assert.That(errors[0].Message, Does.StartWith($"'{value}' is not allowed; expected one of: "));
        }
    }
}
