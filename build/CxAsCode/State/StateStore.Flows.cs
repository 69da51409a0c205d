using CxAsCode.Flows;
using CxAsCode.Json;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.State;

/// <summary>Writing flows for Sync: <c>architect/flows/&lt;type&gt;/&lt;name&gt;/flow.yaml</c> and <c>flow.json</c>.</summary>
internal sealed partial class StateStore
{
    /// <summary>A flow's two files: the YAML as given (state form), and its metadata.</summary>
    /// <param name="environmentFolder">The environment's folder.</param>
    /// <param name="folderName">The flow's folder under its type: the one it was read from, or a new one.</param>
    /// <param name="flow">The flow in state form.</param>
    private static IEnumerable<(string Path, string Text)> FlowFiles(string environmentFolder, string folderName, JObject flow)
    {
        var type = (string?)flow["type"] ?? string.Empty;
        var name = (string?)flow["name"] ?? string.Empty;
        var folder = Path.Combine(environmentFolder, FlowStateReader.Folder, FlowTypeNames.ToArchy(type), folderName);
        var metadata = new JObject { ["name"] = name, ["type"] = type };
        foreach (var field in new[] { "description", "division" })
        {
            if (flow[field] is JValue { Type: JTokenType.String } value)
            {
                metadata[field] = value.DeepClone();
            }
        }

        yield return (Path.Combine(folder, "flow.yaml"), (string?)flow[FlowFields.Yaml] ?? string.Empty);
        yield return (Path.Combine(folder, "flow.json"), CanonicalJson.Serialize(metadata));
    }

    /// <summary>Removes the flow files Sync does not write again (and the folders they leave empty); returns how many.</summary>
    private static int RemoveFlowFilesNotIn(string environmentFolder, Dictionary<string, string> wanted)
    {
        var root = Path.Combine(environmentFolder, FlowStateReader.Folder);
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(root, "flow.*", SearchOption.AllDirectories).Where(f => f.EndsWith("flow.yaml", StringComparison.Ordinal) || f.EndsWith("flow.json", StringComparison.Ordinal)).ToList())
        {
            if (!wanted.ContainsKey(file))
            {
                File.Delete(file);
                removed += file.EndsWith(".yaml", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(f => f.Length).Where(f => !Directory.EnumerateFileSystemEntries(f).Any()))
        {
            Directory.Delete(folder);
        }

        return removed;
    }
}
