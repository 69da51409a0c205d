using CxAsCode.Planning;
using CxAsCode.Planning.Rendering;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Planning.Rendering;

public class ArrayChangeTests
{
    [Test]
    public void Of_StringArrays_ListsRemovedAndAdded()
    {
        var change = ArrayChange.Of(new FieldChange("wrapupCodes", new JArray("A", "B", "C"), new JArray("A", "C", "D")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(change!.Removed.Select(t => (string?)t), Is.EqualTo(new[] { "B" }));
            Assert.That(change.Added.Select(t => (string?)t), Is.EqualTo(new[] { "D" }));
        }
    }

    [Test]
    public void Of_DuplicateAdded_ShowsOnce()
    {
        var change = ArrayChange.Of(new FieldChange("codes", new JArray("A"), new JArray("A", "A")));

        Assert.That(change!.Added.Select(t => (string?)t), Is.EqualTo(new[] { "A" }));
    }

    [Test]
    public void Of_ArrayOfObjects_IsNull()
    {
        var change = ArrayChange.Of(new FieldChange("rings", new JArray(new JObject()), new JArray()));

        Assert.That(change, Is.Null);
    }

    [Test]
    public void Of_OnlyOrderChanged_IsNull()
    {
        var change = ArrayChange.Of(new FieldChange("codes", new JArray("A", "B"), new JArray("B", "A")));

        Assert.That(change, Is.Null);
    }

    [Test]
    public void Of_ScalarValues_IsNull()
    {
        Assert.That(ArrayChange.Of(new FieldChange("timeoutMs", 1, 2)), Is.Null);
    }
}
