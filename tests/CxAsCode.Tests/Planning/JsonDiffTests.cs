using CxAsCode.Planning;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Planning;

public class JsonDiffTests
{
    private static string Describe(FieldChange change) =>
        $"{change.Path}: {change.Before?.ToString(Formatting.None) ?? "(absent)"} -> {change.After?.ToString(Formatting.None) ?? "(absent)"}";

    private static string[] Diff(string before, string after) =>
        [.. JsonDiff.Between(JObject.Parse(before), JObject.Parse(after)).Select(Describe)];

    [Test]
    public void Between_EqualObjects_HasNoChanges()
    {
        Assert.That(Diff("""{"a": 1, "b": {"c": [1, 2]}}""", """{"b": {"c": [1, 2]}, "a": 1}"""), Is.Empty);
    }

    [Test]
    public void Between_NestedValueChanged_GivesDottedPath()
    {
        var changes = Diff(
            """{"name": "Q", "acwSettings": {"timeoutMs": 60000, "wrapupPrompt": "OPTIONAL"}, "mediaSettings": {"call": {"serviceLevel": {"percentage": 0.8}}}}""",
            """{"name": "Q", "acwSettings": {"timeoutMs": 30000, "wrapupPrompt": "OPTIONAL"}, "mediaSettings": {"call": {"serviceLevel": {"percentage": 0.9}}}}""");

        Assert.That(changes, Is.EqualTo(new[]
        {
            "acwSettings.timeoutMs: 60000 -> 30000",
            "mediaSettings.call.serviceLevel.percentage: 0.8 -> 0.9",
        }));
    }

    [Test]
    public void Between_FieldAdded_HasAbsentBefore()
    {
        var changes = JsonDiff.Between(JObject.Parse("""{"name": "Q"}"""), JObject.Parse("""{"name": "Q", "description": "new"}"""));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changes, Has.Count.EqualTo(1));
            Assert.That(changes[0].Path, Is.EqualTo("description"));
            Assert.That(changes[0].Before, Is.Null);
            Assert.That((string?)changes[0].After, Is.EqualTo("new"));
        }
    }

    [Test]
    public void Between_FieldRemoved_HasAbsentAfter()
    {
        var changes = JsonDiff.Between(JObject.Parse("""{"name": "Q", "description": "old"}"""), JObject.Parse("""{"name": "Q"}"""));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changes, Has.Count.EqualTo(1));
            Assert.That(changes[0].Path, Is.EqualTo("description"));
            Assert.That((string?)changes[0].Before, Is.EqualTo("old"));
            Assert.That(changes[0].After, Is.Null);
        }
    }

    [Test]
    public void Between_NestedObjectAdded_ListsEachOfItsFields()
    {
        var changes = Diff("""{"name": "Q"}""", """{"name": "Q", "acwSettings": {"wrapupPrompt": "OPTIONAL", "timeoutMs": 1}}""");

        Assert.That(changes, Is.EqualTo(new[]
        {
            "acwSettings.timeoutMs: (absent) -> 1",
            "acwSettings.wrapupPrompt: (absent) -> \"OPTIONAL\"",
        }));
    }

    [Test]
    public void Between_ArrayElementChanged_ComparesTheWholeArray()
    {
        var changes = Diff("""{"wrapupCodes": ["A", "B", "C"]}""", """{"wrapupCodes": ["A", "X", "C"]}""");

        Assert.That(changes, Is.EqualTo(new[] { "wrapupCodes: [\"A\",\"B\",\"C\"] -> [\"A\",\"X\",\"C\"]" }));
    }

    [Test]
    public void Between_ArrayOfObjectsChangedDeepInside_GivesOneChangeForTheArray()
    {
        var changes = Diff(
            """{"bullseye": {"rings": [{"expansionCriteria": [{"threshold": 15}]}, {"expansionCriteria": [{"threshold": 30}]}]}}""",
            """{"bullseye": {"rings": [{"expansionCriteria": [{"threshold": 15}]}, {"expansionCriteria": [{"threshold": 45}]}]}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changes, Has.Length.EqualTo(1));
            Assert.That(changes[0], Does.StartWith("bullseye.rings: "));
        }
    }

    [Test]
    public void Between_ArrayReordered_IsAChange()
    {
        Assert.That(Diff("""{"a": [1, 2]}""", """{"a": [2, 1]}"""), Has.Length.EqualTo(1));
    }

    [Test]
    public void Between_TypeChanged_GivesTheWholeValue()
    {
        var changes = Diff("""{"division": {"id": "x"}}""", """{"division": "Home"}""");

        Assert.That(changes, Is.EqualTo(new[] { "division: {\"id\":\"x\"} -> \"Home\"" }));
    }

    [Test]
    public void Between_Changes_AreOrderedByPath()
    {
        var changes = JsonDiff.Between(JObject.Parse("""{"z": 1, "a": {"y": 1, "b": 1}, "m": 1}"""), JObject.Parse("""{"z": 2, "a": {"y": 2, "b": 2}, "m": 2}"""));

        Assert.That(changes.Select(c => c.Path), Is.EqualTo(new[] { "a.b", "a.y", "m", "z" }));
    }

    [Test]
    public void Between_NullBefore_ListsEveryLeafFieldAsAdded()
    {
        var changes = JsonDiff.Between(null, JObject.Parse("""{"name": "Q", "division": "Home", "acwSettings": {"timeoutMs": 1}, "wrapupCodes": ["A"]}"""));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changes.Select(c => c.Path), Is.EqualTo(new[] { "acwSettings.timeoutMs", "division", "name", "wrapupCodes" }));
            Assert.That(changes.Select(c => c.Before), Has.All.Null);
            Assert.That(changes.Select(c => c.After), Has.None.Null);
        }
    }

    [Test]
    public void Between_NullAfter_ListsEveryLeafFieldAsRemoved()
    {
        var changes = JsonDiff.Between(JObject.Parse("""{"name": "Q", "acwSettings": {"timeoutMs": 1}}"""), null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changes.Select(c => c.Path), Is.EqualTo(new[] { "acwSettings.timeoutMs", "name" }));
            Assert.That(changes.Select(c => c.After), Has.All.Null);
        }
    }

    [Test]
    public void Between_BothNull_HasNoChanges()
    {
        Assert.That(JsonDiff.Between(null, null), Is.Empty);
    }

    [Test]
    public void Between_Changes_AreCopiesNotLinkedToTheInputs()
    {
        var after = JObject.Parse("""{"list": [1]}""");

        var changes = JsonDiff.Between(JObject.Parse("""{"list": [0]}"""), after);
        ((JArray)after["list"]!).Add(2);

        Assert.That(changes[0].After!.ToString(Formatting.None), Is.EqualTo("[1]"));
    }
}
