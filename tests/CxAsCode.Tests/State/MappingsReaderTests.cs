using CxAsCode.Resources;
using CxAsCode.State;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.State;

public class MappingsReaderTests
{
    [Test]
    public void Parse_WellFormed_ReadsReferencesAndValuesWithoutProblems()
    {
        var (mappings, problems) = MappingsReader.Parse(JObject.Parse("""{"references": {"divisions": {"Home": "Home (Dev)"}}, "values": {"line": "0800"}}"""));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That(mappings.Resolve("divisions", "Home"), Is.EqualTo("Home (Dev)"));
            Assert.That(mappings.Values["line"], Is.EqualTo("0800"));
        }
    }

    [Test]
    public void Parse_EmptyObject_IsAnEmptyMapping()
    {
        var (mappings, problems) = MappingsReader.Parse([]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That(mappings.References, Is.Empty);
            Assert.That(mappings.Values, Is.Empty);
        }
    }

    [TestCase("""{"references": "divisions"}""", "$.references", "expected an object of kinds")]
    [TestCase("""{"references": null}""", "$.references", "expected an object of kinds")]
    [TestCase("""{"references": [{"divisions": {}}]}""", "$.references", "expected an object of kinds")]
    [TestCase("""{"references": {"divisions": "Home"}}""", "$.references.divisions", "expected an object mapping each symbolic name to the divisions name in the target org, found a string")]
    [TestCase("""{"references": {"divisions": {"Home": 7}}}""", "$.references.divisions['Home']", "expected a string (the name in the target org), found a number")]
    [TestCase("""{"references": {"divisions": {"Home": null}}}""", "$.references.divisions['Home']", "expected a string (the name in the target org), found null")]
    [TestCase("""{"values": {"line": 800}}""", "$.values['line']", "expected a string (the text that replaces {{key}}), found a number")]
    [TestCase("""{"values": "0800"}""", "$.values", "expected an object mapping each {{key}} to its text, found a string")]
    [TestCase("""{"refs": {}}""", "$.refs", "unknown key 'refs'; a mappings file holds only 'references' and 'values'")]
    [TestCase("""{"References": {}}""", "$.References", "unknown key 'References'")]
    public void Parse_WrongShape_NamesThePathAndWhatWasExpected(string json, string path, string message)
    {
        var (_, problems) = MappingsReader.Parse(JObject.Parse(json));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems.Select(p => p.Path), Is.EqualTo(new[] { path }));
            Assert.That(problems[0].Message, Does.StartWith(message));
        }
    }

    [Test]
    public void Parse_SomeEntriesWrong_KeepsTheRightOnesAndListsEveryWrongOne()
    {
        var (mappings, problems) = MappingsReader.Parse(JObject.Parse("""
            {"references": {"divisions": {"Home": "Home", "Business": 1, "Residential": []}}, "values": {"a": "x", "b": false}, "extra": 1}
            """));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems.Select(p => p.Path), Is.EqualTo(new[]
            {
                "$.references.divisions['Business']",
                "$.references.divisions['Residential']",
                "$.values['b']",
                "$.extra",
            }));
            Assert.That(mappings.Resolve("divisions", "Home"), Is.EqualTo("Home"));
            Assert.That(mappings.Values.Keys, Is.EqualTo(new[] { "a" }));
        }
    }

    [Test]
    public void Parse_ReferenceLongerThanANameMayBe_IsAProblem()
    {
        var (_, problems) = MappingsReader.Parse(new JObject
        {
            ["references"] = new JObject { ["divisions"] = new JObject { ["Home"] = new string('h', FieldLimits.NameMaxLength + 1) } },
        });

        Assert.That(problems, Is.EqualTo(new[] { ("$.references.divisions['Home']", "too long: 256 characters, at most 255 allowed") }));
    }
}
