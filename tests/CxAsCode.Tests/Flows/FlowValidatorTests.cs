using CxAsCode.Flows;
using CxAsCode.State;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Flows;

/// <summary>Issue 8, item 6: a flow in state checked before any write, each problem with file, line and path.</summary>
public sealed class FlowValidatorTests
{
    private const string File = "state/dev/architect/flows/inboundCall/Outage Line IVR/flow.yaml";

    private const string Yaml = """
        inboundCall:
          name: Outage Line IVR
          division: Home
          menus:
            - menu:
                name: Main Menu
                choices:
                  - menuTransferToAcd:
                      name: Outages
                      targetQueue:
                        lit:
                          name: Outage Line
                  - menuTransferToAcd:
                      name: Emergencies
                      preTransferAudio:
                        tts: "Our emergency line is {{emergencyLine}}"
                      targetQueue:
                        lit:
                          name: Gas Emergencies

        """;

    private static readonly Mappings Values = new(new Dictionary<string, IReadOnlyDictionary<string, string>>(), new Dictionary<string, string> { ["emergencyLine"] = "0800 000 0101" });

    [Test]
    public void Check_DivisionNotInTheMappings_Named()
    {
        var errors = FlowValidator.Check(Flow(Yaml), Values, (kind, _) => kind != "divisions");

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[] { File + " $.division: division 'Home' is not in the environment's mappings (references.divisions)" }));
    }

    [Test]
    public void Check_UnknownQueue_NamesFileLineColumnAndPath()
    {
        var errors = FlowValidator.Check(Flow(Yaml), Values, (kind, name) => (kind, name) is ("queues", "Outage Line") or ("divisions", "Home"));

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            File + " line 19, column 25 (menu \"Main Menu\" → menuTransferToAcd \"Emergencies\" → targetQueue): queues 'Gas Emergencies' is neither in state nor in the environment's mappings",
        }));
    }

    [Test]
    public void Check_PlaceholderWithoutAValue_NamesItsLineAndColumn()
    {
        var errors = FlowValidator.Check(Flow(Yaml), Mappings.Empty, (_, _) => true);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[] { File + " line 16, column 45: {{emergencyLine}} has no value in the environment's mappings (values.emergencyLine)" }));
    }

    [Test]
    public void Check_FolderTypeNameAndFlowJsonDisagreeing_EachSaid()
    {
        var errors = FlowValidator.Check(Flow(Yaml, folderType: "inqueueCall", folderName: "Old Name", metadata: new JObject { ["name"] = "Other", ["type"] = "INBOUNDCALL" }), Values, (_, _) => true);

        Assert.That(errors.Select(e => e.Message), Is.EqualTo(new[]
        {
            "the flow type is inboundCall but the folder says inqueueCall",
            "the flow is named 'Outage Line IVR' but its folder is 'Old Name'; expected outage-line-ivr",
            "flow.json says 'Other', the flow's YAML says 'Outage Line IVR'",
        }));
    }

    [Test]
    public void Check_InvalidYaml_IsOneErrorWithLineAndColumn()
    {
        var errors = FlowValidator.Check(Flow("inboundCall:\n  name: X\n  menus: [unclosed\n"), Values, (_, _) => true);

        Assert.That(errors.Single().JsonPath, Does.Match(@"^line \d+, column \d+$"));
    }

    [Test]
    public void Check_AValidFlow_HasNoProblems() =>
        Assert.That(FlowValidator.Check(Flow(Yaml), Values, (_, _) => true), Is.Empty);

    private static FlowFiles Flow(string yaml, string folderType = "inboundCall", string folderName = "Outage Line IVR", JObject? metadata = null) =>
        new(File, yaml, folderType, folderName, File.Replace("flow.yaml", "flow.json", StringComparison.Ordinal), metadata);
}
