using CxAsCode.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Benchmark;

/// <summary>A temporary repository holding the generated state as <c>state/bench</c> and its mappings.</summary>
internal sealed class BenchRepository : IDisposable
{
    public BenchRepository()
    {
        Root = Directory.CreateTempSubdirectory("cxascode-benchmark-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "mappings"));
        File.WriteAllText(
            Path.Combine(Root, "mappings", PipelinePhases.Environment + ".json"),
            CanonicalJson.Serialize(new JObject { ["references"] = new JObject { ["divisions"] = new JObject { ["Business"] = "Business", ["Home"] = "Home", ["Residential"] = "Residential" } } }));
    }

    public string Root { get; }

    private string StateFolder => Path.Combine(Root, "state", PipelinePhases.Environment);

    /// <summary>Replaces <c>state/bench</c> with these files.</summary>
    public void WriteState(IReadOnlyDictionary<string, JObject> files)
    {
        if (Directory.Exists(StateFolder))
        {
            Directory.Delete(StateFolder, recursive: true);
        }

        foreach (var folder in files.Keys.Select(Path.GetDirectoryName).Distinct())
        {
            Directory.CreateDirectory(Path.Combine(StateFolder, folder!));
        }

        foreach (var (file, body) in files)
        {
            File.WriteAllText(Path.Combine(StateFolder, file), CanonicalJson.Serialize(body));
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
