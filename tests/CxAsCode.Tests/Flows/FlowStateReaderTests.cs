using CxAsCode.Flows;

namespace CxAsCode.Tests.Flows;

/// <summary>Issue 8, item 1: flows in state as <c>architect/flows/&lt;type&gt;/&lt;name&gt;/flow.yaml</c> + <c>flow.json</c>,
/// read with the state folder's safety rules and every stray file named.</summary>
public sealed class FlowStateReaderTests
{
    private string _root = null!;

    private string Flows => Path.Combine(_root, "state", "dev", "architect", "flows");

    [SetUp]
    public void CreateRepository() => _root = Directory.CreateTempSubdirectory("cxascode-flows-").FullName;

    [TearDown]
    public void DeleteRepository() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Read_TwoFlows_GivesEachWithItsFolderTypeNameAndMetadata()
    {
        Write("inboundCall/Outage Line IVR/flow.yaml", "inboundCall:\n  name: Outage Line IVR\n");
        Write("inboundCall/Outage Line IVR/flow.json", "{\n  \"name\": \"Outage Line IVR\",\n  \"type\": \"INBOUNDCALL\"\n}\n");
        Write("inqueueCall/In-Queue Flow/flow.yaml", "inqueueCall:\n  name: In-Queue Flow\n");

        var (flows, problems) = FlowStateReader.Read(_root, "dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That(flows.Select(f => (f.FolderType, f.FolderName, f.Metadata is null)), Is.EquivalentTo(new[] { ("inboundCall", "Outage Line IVR", false), ("inqueueCall", "In-Queue Flow", true) }));
            Assert.That(flows.Single(f => f.FolderType == "inboundCall").YamlFile, Is.EqualTo("state/dev/architect/flows/inboundCall/Outage Line IVR/flow.yaml"));
        }
    }

    [Test]
    public void Read_StrayFilesUnknownTypeAndWrongDepth_AreEachNamed()
    {
        Write("inboundCall/IVR/flow.yaml", "inboundCall:\n  name: IVR\n");
        Write("inboundCall/IVR/notes.txt", "todo");
        Write("inboundTelepathy/Odd/flow.yaml", "x: y\n");
        Write("inboundCall/flow.yaml", "inboundCall:\n  name: Misplaced\n");

        var (flows, problems) = FlowStateReader.Read(_root, "dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(flows.Select(f => f.FolderName), Is.EqualTo(new[] { "IVR" }));
            Assert.That(problems.Select(p => p.File), Is.EquivalentTo(new[]
            {
                "state/dev/architect/flows/inboundCall/IVR/notes.txt",
                "state/dev/architect/flows/inboundTelepathy/Odd",
                "state/dev/architect/flows/inboundCall",
            }));
        }
    }

    [Test]
    public void Read_ALinkInTheFlowsFolder_IsRefusedNotFollowed()
    {
        var outside = Path.Combine(_root, "outside.yaml");
        File.WriteAllText(outside, "inboundCall:\n  name: Elsewhere\n");
        Directory.CreateDirectory(Path.Combine(Flows, "inboundCall", "Linked"));
        File.CreateSymbolicLink(Path.Combine(Flows, "inboundCall", "Linked", "flow.yaml"), outside);

        var (flows, problems) = FlowStateReader.Read(_root, "dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(flows, Is.Empty);
            Assert.That(problems.Single().Message, Does.Contain("a link"));
        }
    }

    [Test]
    public void Read_NoFlowsFolder_IsNothingAndNoProblem()
    {
        var (flows, problems) = FlowStateReader.Read(_root, "dev");

        Assert.That((flows.Count, problems.Count), Is.EqualTo((0, 0)));
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(Flows, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
