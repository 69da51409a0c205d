using CxAsCode.Flows;
using CxAsCode.Tests.Integration;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Flows;

/// <summary>Issue 8, items 1–3 and 6 (the pure core): real Archy flows written by Genesys (TestData/Flows, see its
/// SOURCES.md) read into one comparable form, written back canonically, diffed by readable path, their
/// references and placeholders found with line and column.</summary>
public sealed class FlowDocumentTests
{
    private static readonly string Folder = Path.Combine(TestRepository.RepositoryRoot, "tests", "CxAsCode.Tests", "TestData", "Flows");

    private static IEnumerable<string> Fixtures() => Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(Fixtures))]
    public void Parse_EveryRealFlow_ReadsAndWritesBackToTheSameTree(string file)
    {
        var document = FlowDocument.Parse(Filled(file));

        var written = document.ToYaml();
        var again = FlowDocument.Parse(written);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Name, Is.Not.Empty);
            Assert.That(again.ArchyType, Is.EqualTo(document.ArchyType));
            Assert.That(JToken.DeepEquals(again.Tree, document.Tree), Is.True, "the canonical text holds the same flow");
            Assert.That(again.ToYaml(), Is.EqualTo(written), "canonical form is stable");
            Assert.That(written, Does.Not.Contain("\r").And.EndWith("\n"));
        }
    }

    [Test]
    public void Parse_TheInQueueExample_KnowsItsTypeNameAndApiType()
    {
        var document = FlowDocument.Parse(Read("terraform-provider-genesyscloud__inqueuecall_default_example.yaml"));

        Assert.That((document.ArchyType, document.ApiType, document.Name, document.Division), Is.EqualTo(("inqueueCall", "INQUEUECALL", "In-Queue Flow", "Home")));
    }

    [Test]
    public void Parse_CrlfBomAndTabIndentVariants_CompareEqualToTheOriginal()
    {
        var text = Read("simple-ivr-deploy-with-cx-as-code-blueprint__SimpleFinancialIvr_v2-0.yaml");
        var original = FlowDocument.Parse(text).Tree;

        var crlf = FlowDocument.Parse("\uFEFF" + text.Replace("\n", "\r\n", StringComparison.Ordinal)).Tree;
        var tabs = FlowDocument.Parse(string.Join('\n', text.Split('\n').Select(l => new string('\t', (l.Length - l.TrimStart(' ').Length) / 2) + l.TrimStart(' ')))).Tree;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JToken.DeepEquals(crlf, original), Is.True);
            Assert.That(JToken.DeepEquals(tabs, original), Is.True);
        }
    }

    [Test]
    public void Parse_CommentsAndKeyOrder_DoNotMatter()
    {
        var a = FlowDocument.Parse("inboundCall:\n  name: A\n  description: x # a comment\n  division: Home\n");
        var b = FlowDocument.Parse("# header\ninboundCall:\n  division: Home\n  name: 'A'\n  description: \"x\"\n");

        Assert.That(JToken.DeepEquals(a.Tree, b.Tree), Is.True);
    }

    [Test]
    public void Parse_InvalidYaml_SaysLineAndColumn()
    {
        var error = Assert.Throws<FlowYamlException>(() => FlowDocument.Parse("inboundCall:\n  name: A\n  menus: [unclosed\n"))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.StartWith("not valid YAML"));
            Assert.That(error.Line, Is.GreaterThanOrEqualTo(3));
            Assert.That(error.Column, Is.GreaterThan(0));
        }
    }

    [Test]
    public void References_TheArchyBlueprint_NamesItsTransferQueueWithLineAndPath()
    {
        var document = FlowDocument.Parse(Read("architect-flow-public-api-blueprint__archy_flow.yaml"));

        var queue = document.References.Single(r => r.Kind == "queues");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(queue.Name, Is.EqualTo("Secondary Queue Example"));
            Assert.That(queue.Path, Does.EndWith("targetQueue"));
            Assert.That(Read("architect-flow-public-api-blueprint__archy_flow.yaml").Split('\n')[(int)queue.Line - 1], Does.Contain("Secondary Queue Example"));
        }
    }

    [Test]
    public void Diff_OneTransferQueueChanged_IsThatPathNotAWholeFileReplacement()
    {
        var text = Read("simple-ivr-deploy-with-cx-as-code-blueprint__SimpleFinancialIvr_v2-0.yaml");
        var before = FlowDocument.Parse(text).Tree;
        var after = FlowDocument.Parse(text.Replace("name: Simple Financial 401K queue", "name: Payments", StringComparison.Ordinal)).Tree;

        var changes = FlowDiff.Between(before, after);

        Assert.That(changes.Select(c => c.ToString()), Is.EqualTo(new[]
        {
            "~ menu \"Main Menu\" → menuTransferToAcd \"SimpleFinancial401K\" → targetQueue: \"Simple Financial 401K queue\" → \"Payments\"",
        }));
    }

    [Test]
    public void Diff_AChoiceAdded_IsOneAdditionNotEveryLaterChoiceChanging()
    {
        var before = JObject.Parse("""{"menus":[{"menu":{"name":"Main","choices":[{"menuDisconnect":{"name":"Bye","dtmf":"digit_9"}},{"menuTransferToAcd":{"name":"Billing","dtmf":"digit_1"}}]}}]}""");
        var after = JObject.Parse("""{"menus":[{"menu":{"name":"Main","choices":[{"menuRepeat":{"dtmf":"digit_0","name":"Again"}},{"menuDisconnect":{"name":"Bye","dtmf":"digit_9"}},{"menuTransferToAcd":{"name":"Billing","dtmf":"digit_1"}}]}}]}""");

        var changes = FlowDiff.Between(before, after);

        Assert.That(changes.Select(c => c.ToString()), Is.EqualTo(new[] { "+ menu \"Main\" → menuRepeat \"Again\": {\"dtmf\":\"digit_0\",\"name\":\"Again\"}" }));
    }

    [Test]
    public void Placeholders_ATemplateFlow_AreFoundWithLineAndColumnAndFilledFromValues()
    {
        var text = Read("dr-fallback-ivr__DR-Emergency-IVR.yaml");

        var placeholders = FlowText.Placeholders(text);
        var filled = FlowText.Substitute(text, placeholders.Select(p => p.Key).Distinct().ToDictionary(k => k, k => "filled-" + k));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(placeholders, Is.Not.Empty);
            Assert.That(text.Split('\n')[placeholders[0].Line - 1][(placeholders[0].Column - 1)..], Does.StartWith("{{"));
            Assert.That(filled, Does.Not.Contain("{{"));
            Assert.That(() => FlowDocument.Parse(filled), Throws.Nothing);
        }
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    /// <summary>A template (see SOURCES.md) is valid YAML only once its placeholders are filled.</summary>
    private static string Filled(string file)
    {
        var text = Read(file);
        return FlowText.Substitute(text, FlowText.Placeholders(text).Select(p => p.Key).Distinct().ToDictionary(k => k, k => "value-of-" + k));
    }
}
