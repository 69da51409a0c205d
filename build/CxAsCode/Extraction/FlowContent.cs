using CxAsCode.Flows;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Extraction;

/// <summary>
/// A flow's content is not in its metadata: it comes from export jobs, many flows per job
/// (<see cref="ArchitectJobs.FlowsPerExportJob"/>), never one GET per flow. Each listed flow with a published
/// version gets its exported YAML as it came (<see cref="FlowFields.Content"/>, what a rollback republishes) and
/// in canonical form (<see cref="FlowFields.Yaml"/>, what a plan compares). The archive's entries are matched to
/// flows by the type and name inside each YAML, not by the entry's file name.
/// </summary>
internal static class FlowContent
{
    /// <returns>How many export jobs it took.</returns>
    public static async Task<int> AttachAsync(ArchitectJobs jobs, IReadOnlyList<JObject> flows, CancellationToken cancellationToken)
    {
        var published = flows.Where(f => f["publishedVersion"] is JObject && (string?)f["id"] is not null).ToList();
        if (published.Count == 0)
        {
            return 0;
        }

        var byKey = published.ToDictionary(f => Key((string?)f["type"], (string?)f["name"]), StringComparer.OrdinalIgnoreCase);
        foreach (var text in await jobs.ExportAsync([.. published.Select(f => (string)f["id"]!)], cancellationToken))
        {
            string canonical;
            string key;
            try
            {
                var document = FlowDocument.Parse(text);
                (canonical, key) = (document.ToYaml(), Key(document.ApiType, document.Name));
            }
            catch (FlowYamlException)
            {
                continue; // not a flow we can read: left without content, so a plan never claims to know it
            }

            if (byKey.TryGetValue(key, out var flow))
            {
                flow[FlowFields.Content] = text;
                flow[FlowFields.Yaml] = canonical;
            }
        }

        return (published.Count + ArchitectJobs.FlowsPerExportJob - 1) / ArchitectJobs.FlowsPerExportJob;
    }

    private static string Key(string? type, string? name) => $"{type}\n{name}";
}
