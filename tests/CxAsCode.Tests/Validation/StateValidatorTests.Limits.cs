using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Validation;

/// <summary>Text lengths and object sizes: an oversized value is refused with its path, never sent.</summary>
public partial class StateValidatorTests
{
    [TestCase(BillingSupport, "description")]
    [TestCase(Resolved, "description")]
    [TestCase(Resolved, "division")]
    public void Validate_TextLongerThanTheLimit_IsReportedAtItsPath(string file, string field)
    {
        _folder.Edit(file, content => content[field] = new string('x', FieldLimits.TextMaxLength + 1));

        // A division that long is also not in the mappings file: that second error is not this test's concern.
        var errors = Validate().Where(e => e.Message.StartsWith("too long", StringComparison.Ordinal));

        Assert.That(errors.Select(e => (e.File, e.JsonPath, e.Message)), Is.EqualTo(new[] { (file, "$." + field, "too long: 8,193 characters, at most 8,192 allowed") }));
    }

    [Test]
    public void Validate_TextAtTheLimit_IsAccepted()
    {
        _folder.Edit(BillingSupport, q => q["description"] = new string('x', FieldLimits.TextMaxLength));

        Assert.That(Validate(), Is.Empty);
    }

    [Test]
    public void Validate_OversizedTextInsideFreeFormSettings_IsStillReported()
    {
        _folder.Edit(BillingSupport, q => q["mediaSettings"]!["message"]!["subTypeSettings"] = new JObject
        {
            ["whatsapp"] = new JObject { ["greeting"] = new string('x', FieldLimits.TextMaxLength + 1) },
        });

        var errors = Validate();

        Assert.That(errors.Select(e => (e.JsonPath, e.Message)), Is.EqualTo(new[]
        {
            ("$.mediaSettings.message.subTypeSettings.whatsapp.greeting", "too long: 8,193 characters, at most 8,192 allowed"),
        }));
    }

    [Test]
    public void Validate_TextThatOnlyTheMappingsValuesMakeTooLong_IsReported()
    {
        _folder.Edit("mappings/dev.json", m => m["values"]!["disclaimer"] = new string('x', 5000));
        _folder.Edit(OutageLine, q => q["description"] = "{{disclaimer}} {{disclaimer}}");

        var errors = Validate();

        Assert.That(errors.Select(e => (e.File, e.JsonPath, e.Message)), Is.EqualTo(new[]
        {
            (OutageLine, "$.description", "too long: 10,001 characters, at most 8,192 allowed, once the mappings file's values are filled in"),
        }));
    }

    [Test]
    public void Validate_ObjectLargerThanTheLimitWhoseFieldsEachPass_IsReportedAtTheRoot()
    {
        var perEntry = FieldLimits.TextMaxLength;
        var entries = (FieldLimits.ObjectMaxBytes / perEntry) + 1;
        _folder.Edit(BillingSupport, q => q["mediaSettings"]!["message"]!["subTypeSettings"] =
            new JObject(Enumerable.Range(0, entries).Select(i => new JProperty($"subtype{i}", new string('x', perEntry)))));

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { (BillingSupport, "$") }));
            Assert.That(errors[0].Message, Does.StartWith("the object is ").And.Contain("at most 256,000 are allowed"));
        }
    }

    [Test]
    public void Validate_MappingsValueLongerThanTheLimit_IsReportedInTheMappingsFile()
    {
        _folder.Edit("mappings/dev.json", m => m["values"]!["emergencyLine"] = new string('0', FieldLimits.TextMaxLength + 1));

        var errors = Validate();

        Assert.That(errors.Select(e => (e.File, e.JsonPath)), Has.Some.EqualTo(("mappings/dev.json", "$.values['emergencyLine']")));
    }
}
