using CxAsCode.State;

namespace CxAsCode.Tests.State;

public class MappingsTests
{
    private static readonly Mappings Sample = new(
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["divisions"] = new Dictionary<string, string> { ["Residential"] = "Residential (Test)", ["Home"] = "Home" },
        },
        new Dictionary<string, string> { ["emergencyLine"] = "0800 000 0101", ["a.b-c_d"] = "dotted", ["price"] = "$1" });

    [Test]
    public void Resolve_MappedName_ReturnsTheTarget()
    {
        Assert.That(Sample.Resolve("divisions", "Residential"), Is.EqualTo("Residential (Test)"));
    }

    [TestCase("divisions", "Wholesale")]
    [TestCase("skills", "Residential")]
    public void Resolve_UnmappedNameOrKind_ReturnsNull(string kind, string name)
    {
        Assert.That(Sample.Resolve(kind, name), Is.Null);
    }

    [TestCase("Residential (Test)", "Residential")]
    [TestCase("RESIDENTIAL (TEST)", "Residential")]
    [TestCase("Wholesale", "Wholesale")]
    public void Reverse_Target_ReturnsTheSymbolicNameOrItself(string target, string expected)
    {
        Assert.That(Sample.Reverse("divisions", target), Is.EqualTo(expected));
    }

    [Test]
    public void Reverse_KindWithoutMappings_ReturnsTheTarget()
    {
        Assert.That(Sample.Reverse("skills", "Residential (Test)"), Is.EqualTo("Residential (Test)"));
    }

    [TestCase("Call {{emergencyLine}}", "Call 0800 000 0101")]
    [TestCase("Call {{ emergencyLine }}", "Call 0800 000 0101")]
    [TestCase("{{emergencyLine}}/{{emergencyLine}}", "0800 000 0101/0800 000 0101")]
    [TestCase("{{a.b-c_d}}", "dotted")]
    [TestCase("costs {{price}}", "costs $1")]
    [TestCase("no placeholders", "no placeholders")]
    [TestCase("{single}", "{single}")]
    public void Substitute_KnownKeys_AreFilled(string text, string expected)
    {
        var unknown = new List<string>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Sample.Substitute(text, unknown), Is.EqualTo(expected));
            Assert.That(unknown, Is.Empty);
        }
    }

    [Test]
    public void Substitute_UnknownKeys_AreLeftAndReported()
    {
        var unknown = new List<string>();

        var text = Sample.Substitute("{{emergencyLine}} or {{missing}} or {{ other }}", unknown);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Is.EqualTo("0800 000 0101 or {{missing}} or {{ other }}"));
            Assert.That(unknown, Is.EqualTo(new[] { "missing", "other" }));
        }
    }

    [Test]
    public void Empty_HasNoReferencesOrValues()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Mappings.Empty.Resolve("divisions", "Home"), Is.Null);
            Assert.That(Mappings.Empty.Substitute("{{x}}", []), Is.EqualTo("{{x}}"));
        }
    }
}
