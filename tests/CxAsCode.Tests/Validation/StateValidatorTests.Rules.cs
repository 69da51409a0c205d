using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Validation;

/// <summary>The rules the real API enforces on queues, caught by Validate with file and path before any write.</summary>
public partial class StateValidatorTests
{
    [TestCase("mediaSettings.call.alertingTimeoutSeconds", "6", "6 seconds is too low; expected at least 7 seconds")]
    [TestCase("mediaSettings.chat.alertingTimeoutSeconds", "0", "0 seconds is too low; expected at least 7 seconds")]
    [TestCase("mediaSettings.email.alertingTimeoutSeconds", "-30", "-30 seconds is too low; expected at least 7 seconds")]
    [TestCase("mediaSettings.message.alertingTimeoutSeconds", "6", "6 seconds is too low; expected at least 7 seconds")]
    [TestCase("mediaSettings.callback.alertingTimeoutSeconds", "6", "6 seconds is too low; expected at least 7 seconds")]
    [TestCase("mediaSettings.call.serviceLevel.durationMs", "999", "999 ms is too low; expected at least 1000 ms")]
    [TestCase("mediaSettings.email.serviceLevel.durationMs", "0", "0 ms is too low; expected at least 1000 ms")]
    [TestCase("mediaSettings.call.serviceLevel.percentage", "1.5", "1.5 is too high; expected 0 to 1")]
    [TestCase("mediaSettings.chat.serviceLevel.percentage", "80", "80 is too high; expected 0 to 1")]
    [TestCase("mediaSettings.message.serviceLevel.percentage", "-0.1", "-0.1 is too low; expected 0 to 1")]
    [TestCase("acwSettings.timeoutMs", "999", "999 ms is too low; expected 1000 to 3600000 ms")]
    [TestCase("acwSettings.timeoutMs", "3600001", "3600001 ms is too high; expected 1000 to 3600000 ms")]
    [TestCase("acwSettings.timeoutMs", "99999999999999999999999", "99999999999999999999999 ms is too high; expected 1000 to 3600000 ms")]
    [TestCase("bullseye.rings[1].expansionCriteria[0].threshold", "259201", "259201 seconds is too high; expected 0 to 259200 seconds")]
    [TestCase("bullseye.rings[0].expansionCriteria[0].threshold", "-1", "-1 seconds is too low; expected 0 to 259200 seconds")]
    public void Validate_NumberOutOfTheApisRange_NamesTheRange(string field, string json, string message)
    {
        _folder.Edit(BillingSupport, q => q.SelectToken(field)!.Replace(JToken.Parse(json)));

        var errors = Validate();

        Assert.That(errors.Select(e => (e.File, e.JsonPath, e.Message)), Is.EqualTo(new[] { (BillingSupport, "$." + field, message) }));
    }

    [TestCase("autoDialDelaySeconds", "1201", "1201 seconds is too high; expected 0 to 1200 seconds")]
    [TestCase("autoEndDelaySeconds", "-1", "-1 seconds is too low; expected 0 to 1200 seconds")]
    [TestCase("pacingModifier", "0.5", "0.5 is too low; expected at least 1")]
    [TestCase("maxRetryCount", "21", "21 is too high; expected 0 to 20")]
    [TestCase("retryDelaySeconds", "59", "59 seconds is too low; expected 60 to 86400 seconds")]
    public void Validate_CallbackSettingOutOfRange_NamesTheRange(string field, string json, string message)
    {
        _folder.Edit(BillingSupport, q => q["mediaSettings"]!["callback"]![field] = JToken.Parse(json));

        var errors = Validate();

        Assert.That(errors.Select(e => (e.JsonPath, e.Message)), Is.EqualTo(new[] { ("$.mediaSettings.callback." + field, message) }));
    }

    [TestCase("mediaSettings.call.alertingTimeoutSeconds", "7")]
    [TestCase("mediaSettings.call.serviceLevel.durationMs", "1000")]
    [TestCase("mediaSettings.call.serviceLevel.percentage", "0")]
    [TestCase("mediaSettings.call.serviceLevel.percentage", "1")]
    [TestCase("acwSettings.timeoutMs", "1000")]
    [TestCase("acwSettings.timeoutMs", "3600000")]
    [TestCase("bullseye.rings[0].expansionCriteria[0].threshold", "0")]
    [TestCase("bullseye.rings[0].expansionCriteria[0].threshold", "259200")]
    public void Validate_NumberOnTheBoundary_IsAccepted(string field, string json)
    {
        _folder.Edit(BillingSupport, q => q.SelectToken(field)!.Replace(JToken.Parse(json)));

        Assert.That(Validate(), Is.Empty);
    }

    [TestCase(1, "has 1 ring; expected 2 to 6 rings")]
    [TestCase(7, "has 7 rings; expected 2 to 6 rings")]
    [TestCase(0, "has 0 rings; expected 2 to 6 rings")]
    public void Validate_BullseyeWithTooFewOrTooManyRings_IsReported(int rings, string message)
    {
        _folder.Edit(BillingSupport, q => q["bullseye"]!["rings"] = new JArray(Enumerable.Range(0, rings).Select(i => Ring(10 * (i + 1)))));

        var errors = Validate();

        Assert.That(errors.Select(e => (e.File, e.JsonPath, e.Message)), Is.EqualTo(new[] { (BillingSupport, "$.bullseye.rings", message) }));
    }

    [TestCase(2)]
    [TestCase(6)]
    public void Validate_BullseyeWithTwoToSixRings_IsAccepted(int rings)
    {
        _folder.Edit(BillingSupport, q => q["bullseye"]!["rings"] = new JArray(Enumerable.Range(0, rings).Select(i => Ring(10 * (i + 1)))));

        Assert.That(Validate(), Is.Empty);
    }

    [TestCase("OPTIONAL")]
    [TestCase("MANDATORY")]
    public void Validate_AcwTimeoutWithAnUntimedPrompt_SaysWhichPromptsAllowIt(string prompt)
    {
        _folder.Edit(BillingSupport, q => q["acwSettings"]!["wrapupPrompt"] = prompt);

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { (BillingSupport, "$.acwSettings.timeoutMs") }));
            Assert.That(errors[0].Message, Does.Contain("AGENT_REQUESTED, MANDATORY_TIMEOUT or MANDATORY_FORCED_TIMEOUT").And.Contain($"wrapupPrompt is {prompt}"));
        }
    }

    [TestCase("AGENT_REQUESTED")]
    [TestCase("MANDATORY_TIMEOUT")]
    [TestCase("MANDATORY_FORCED_TIMEOUT")]
    public void Validate_AcwTimeoutWithATimedPrompt_IsAccepted(string prompt)
    {
        _folder.Edit(BillingSupport, q => q["acwSettings"]!["wrapupPrompt"] = prompt);

        Assert.That(Validate(), Is.Empty);
    }

    [Test]
    public void Validate_AcwTimeoutWithoutAPrompt_IsLeftToTheServersDefault()
    {
        _folder.Edit(BillingSupport, q => ((JObject)q["acwSettings"]!).Remove("wrapupPrompt"));

        Assert.That(Validate(), Is.Empty);
    }

    [Test]
    public void Validate_AcwWithAnInvalidPrompt_ReportsTheEnumOnlyNotTheRuleToo()
    {
        _folder.Edit(BillingSupport, q => q["acwSettings"]!["wrapupPrompt"] = "SOMETIMES");

        Assert.That(Validate().Select(e => e.JsonPath), Is.EqualTo(new[] { "$.acwSettings.wrapupPrompt" }));
    }

    [TestCase("mediaSettings.callback.mode", "AgentLast", "AgentFirst, CustomerFirst")]
    [TestCase("mediaSettings.callback.liveVoiceReactionType", "Ignore", "HangUp, TransferToQueue, TransferToFlow")]
    [TestCase("mediaSettings.callback.answeringMachineReactionType", "hangup", "HangUp, TransferToQueue, TransferToFlow")]
    [TestCase("skillEvaluationMethod", "FASTEST", "NONE, BEST, ALL")]
    [TestCase("acwSettings.wrapupPrompt", "MANDATORY_TIMED", "MANDATORY, OPTIONAL, MANDATORY_TIMEOUT, MANDATORY_FORCED_TIMEOUT, AGENT_REQUESTED")]
    public void Validate_EnumValueTheApiRejects_ListsTheAllowedValues(string field, string value, string allowed)
    {
        _folder.Edit(BillingSupport, q =>
        {
            var parts = field.Split('.');
            var parent = parts[..^1].Aggregate((JToken)q, (t, p) => t[p]!);
            parent[parts[^1]] = value;
        });

        var errors = Validate();

        Assert.That(errors.Select(e => (e.JsonPath, e.Message)), Is.EqualTo(new[] { ("$." + field, $"'{value}' is not allowed; expected one of: {allowed}") }));
    }

    [Test]
    public void Validate_RingMemberGroupsInState_RefusedAsTheOrgs()
    {
        _folder.Edit(BillingSupport, q => q["bullseye"]!["rings"]![1]!["memberGroups"] = new JArray(new JObject { ["name"] = "Night shift", ["type"] = "TEAM" }));

        var errors = Validate();

        Assert.That(errors.Select(e => (e.File, e.JsonPath, e.Message)), Is.EqualTo(new[]
        {
            (BillingSupport, "$.bullseye.rings[1].memberGroups", "member groups are kept as they are in the org (teams and groups are not managed here); remove memberGroups from state"),
        }));
    }

    [Test]
    public void Validate_RingMemberGroupOfAnUnknownType_ListsTheContractsTypes()
    {
        _folder.Edit(BillingSupport, q => q["bullseye"]!["rings"]![1]!["memberGroups"] = new JArray(
            new JObject { ["name"] = "Night shift", ["type"] = "TEAM" },
            new JObject { ["name"] = "Supervisors", ["type"] = "ROLE" }));

        var errors = Validate();

        Assert.That(errors.Select(e => (e.File, e.JsonPath, e.Message)), Is.EqualTo(new[]
        {
            (BillingSupport, "$.bullseye.rings[1].memberGroups[1].type", "'ROLE' is not allowed; expected one of: TEAM, GROUP, SKILLGROUP"),
        }));
    }

    [Test]
    public void Validate_ManyRuleBreachesInOneFile_ListsEveryOne()
    {
        _folder.Edit(BillingSupport, q =>
        {
            q["mediaSettings"]!["call"]!["alertingTimeoutSeconds"] = 5;
            q["mediaSettings"]!["chat"]!["serviceLevel"]!["durationMs"] = 500;
            q["mediaSettings"]!["email"]!["serviceLevel"]!["percentage"] = 2;
            q["acwSettings"]!["wrapupPrompt"] = "OPTIONAL";
            ((JArray)q["bullseye"]!["rings"]!).RemoveAt(1);
        });

        var errors = Validate();

        Assert.That(errors.Select(e => e.JsonPath), Is.EqualTo(new[]
        {
            "$.acwSettings.timeoutMs",
            "$.bullseye.rings",
            "$.mediaSettings.call.alertingTimeoutSeconds",
            "$.mediaSettings.chat.serviceLevel.durationMs",
            "$.mediaSettings.email.serviceLevel.percentage",
        }), Describe(errors));
    }

    private static JObject Ring(int seconds) => new()
    {
        ["expansionCriteria"] = new JArray(new JObject { ["threshold"] = seconds, ["type"] = "TIMEOUT_SECONDS" }),
    };
}
