using CxAsCode.Flows;
using CxAsCode.State;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration.Flows;

/// <summary>
/// Puts a Genesys-written flow (TestData/Flows, see its SOURCES.md) into a test repository's state the way a
/// team would: under <c>architect/flows/&lt;type&gt;/&lt;name&gt;/flow.yaml</c>, its <c>{{key}}</c> placeholders given
/// values in <c>mappings/dev.json</c>, and the queues it transfers to added to state (the sandbox's Archy check
/// refuses a flow naming a queue that does not exist, as Architect does); other names it uses go into the
/// mappings' references.
/// </summary>
internal static class FlowStateFixture
{
    public static string FixturesFolder { get; } = Path.Combine(TestRepository.RepositoryRoot, "tests", "CxAsCode.Tests", "TestData", "Flows");

    public static IEnumerable<string> Fixtures() =>
        Directory.EnumerateFiles(FixturesFolder, "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static string Read(string fixture) => File.ReadAllText(Path.Combine(FixturesFolder, fixture));

    /// <summary>Adds the flow and what it needs; returns its flow.yaml path (relative), its document once filled, and the text written.</summary>
    public static (string Path, FlowDocument Document, string Text) Add(TestRepository repository, string text)
    {
        // The chatbot blueprint names its author's own division; the test org's is the home division.
        text = text.Replace("division: New Home", "division: Home", StringComparison.Ordinal);
        var values = FlowText.Placeholders(text).Select(p => p.Key).Distinct(StringComparer.Ordinal).ToDictionary(k => k, ValueFor, StringComparer.Ordinal);
        var document = FlowDocument.Parse(FlowText.Substitute(text, values));
        var mappings = JObject.Parse(File.ReadAllText(repository.PathOf("mappings/dev.json")));
        var mappedValues = (JObject)(mappings["values"] ??= new JObject());
        foreach (var (key, value) in values)
        {
            mappedValues[key] = value;
        }

        var references = (JObject)(mappings["references"] ??= new JObject());
        foreach (var reference in document.References)
        {
            if (reference.Kind == "queues")
            {
                var file = $"state/dev/routing/queues/{FileNames.StemFor(reference.Name)}.json";
                if (!File.Exists(repository.PathOf(file)))
                {
                    repository.Write(file, new JObject { ["name"] = reference.Name, ["division"] = "Home" }.ToString() + "\n");
                }
            }
            else if (reference.Kind != "flows")
            {
                var map = (JObject)(references[reference.Kind] ??= new JObject());
                map[reference.Name] = reference.Name;
            }
        }

        repository.Write("mappings/dev.json", mappings.ToString() + "\n");
        // A sample flow of the same type and name (the repository's state has a few) makes way for this one.
        var path = $"state/dev/{FlowStateReader.Folder}/{document.ArchyType}/{FileNames.FolderFor(document.Name)}/flow.yaml";
        var folder = Path.GetDirectoryName(repository.PathOf(path))!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        repository.Write(path, text);
        return (path, document, text);
    }

    /// <summary>A value each placeholder can take in a test org: names that exist there, readable text elsewhere.</summary>
    private static string ValueFor(string key) => key switch
    {
        "division" => "Home",
        "default_language" => "en-us",
        _ when key.EndsWith("queue_name", StringComparison.Ordinal) => "Queue " + key.Replace("_queue_name", string.Empty, StringComparison.Ordinal),
        _ when key.EndsWith("_name", StringComparison.Ordinal) => "Flow " + key.Replace("_name", string.Empty, StringComparison.Ordinal),
        _ => "Value of " + key,
    };
}
