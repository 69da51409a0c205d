using CxAsCode.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Json;

public class JsonPathPatternTests
{
    private static JObject Document() => JObject.Parse("""
        {
          "a": {
            "b": [
              { "c": [1, 2] },
              { "c": [] },
              { "other": true },
              { "c": [3] }
            ]
          },
          "plain": "value",
          "nothing": null
        }
        """);

    [Test]
    public void Select_FanOutThroughTwoArrays_ReturnsEveryElementInDocumentOrder()
    {
        var found = new JsonPathPattern("a.b[*].c[*]").Select(Document());

        Assert.That(found.Select(t => (int)t), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public void Select_PathsOfFoundTokens_PointIntoTheDocument()
    {
        var found = new JsonPathPattern("a.b[*].c[*]").Select(Document());

        Assert.That(found.Select(t => t.Path), Is.EqualTo(new[] { "a.b[0].c[0]", "a.b[0].c[1]", "a.b[3].c[0]" }));
    }

    [Test]
    public void Select_ArrayWithoutFanOut_ReturnsTheArrays()
    {
        var found = new JsonPathPattern("a.b[*].c").Select(Document()).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Has.Count.EqualTo(3));
            Assert.That(found, Has.All.InstanceOf<JArray>());
        }
    }

    [Test]
    public void Select_SingleField_ReturnsItsValue()
    {
        var found = new JsonPathPattern("plain").Select(Document()).ToList();

        Assert.That(found.Select(t => (string?)t), Is.EqualTo(new[] { "value" }));
    }

    [TestCase("missing")]
    [TestCase("a.missing")]
    [TestCase("a.b[*].missing[*]")]
    [TestCase("missing.b[*].c[*]")]
    [TestCase("nothing")]
    [TestCase("nothing.deeper")]
    public void Select_MissingOrNullSegment_ReturnsNothing(string pattern)
    {
        Assert.That(new JsonPathPattern(pattern).Select(Document()), Is.Empty);
    }

    [TestCase("plain[*]")]
    [TestCase("a[*]")]
    [TestCase("plain.deeper")]
    public void Select_WrongShapeForSegment_ReturnsNothing(string pattern)
    {
        Assert.That(new JsonPathPattern(pattern).Select(Document()), Is.Empty);
    }

    [Test]
    public void Select_ArrayHoldingNonObjects_SkipsThemForDeeperSegments()
    {
        var document = JObject.Parse("""{"rings": [1, "x", {"actions": "kept"}, null]}""");

        var found = new JsonPathPattern("rings[*].actions").Select(document);

        Assert.That(found.Select(t => (string?)t), Is.EqualTo(new[] { "kept" }));
    }

    [Test]
    public void Replace_FanOut_ReplacesEveryElement()
    {
        var document = Document();

        new JsonPathPattern("a.b[*].c[*]").Replace(document, t => new JValue((int)t * 10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.SelectToken("a.b[0].c")!.Select(t => (int)t), Is.EqualTo(new[] { 10, 20 }));
            Assert.That(document.SelectToken("a.b[3].c")!.Select(t => (int)t), Is.EqualTo(new[] { 30 }));
            Assert.That(document.SelectToken("a.b[2]")!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"other":true}"""));
        }
    }

    [Test]
    public void Replace_PropertyValue_ReplacesItInPlace()
    {
        var document = JObject.Parse("""{"division": {"id": "d1", "name": "Home"}, "name": "Q"}""");

        new JsonPathPattern("division").Replace(document, t => new JValue((string?)t["name"]));

        Assert.That(document.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"division":"Home","name":"Q"}"""));
    }

    [Test]
    public void Replace_MissingPath_LeavesDocumentUnchanged()
    {
        var document = Document();
        var before = document.ToString();
        var calls = 0;

        new JsonPathPattern("a.b[*].nope[*]").Replace(document, t =>
        {
            calls++;
            return t;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Is.Zero);
            Assert.That(document.ToString(), Is.EqualTo(before));
        }
    }

    [Test]
    public void Replace_NonArrayWhereFanOutExpected_LeavesDocumentUnchanged()
    {
        var document = JObject.Parse("""{"a": {"b": {"c": [1]}}}""");
        var before = document.ToString();

        new JsonPathPattern("a.b[*].c[*]").Replace(document, _ => new JValue(99));

        Assert.That(document.ToString(), Is.EqualTo(before));
    }

    [Test]
    public void Pattern_IsKeptAsGiven()
    {
        Assert.That(new JsonPathPattern("bullseye.rings[*].actions.skillsToRemove[*]").Pattern, Is.EqualTo("bullseye.rings[*].actions.skillsToRemove[*]"));
    }
}
