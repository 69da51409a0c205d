using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary><c>&lt;DataDir&gt;/org.json</c>. Written to a temp file and renamed over the old one, so a crash
/// mid-write never leaves a torn org behind.</summary>
internal sealed class OrgFile(string dataDir)
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetFullPath(dataDir), "org.json");

    public bool Exists => File.Exists(Path);

    public Org Load()
    {
        try
        {
            return Org.FromJson((JObject)Json.Parse(File.ReadAllText(Path)));
        }
        catch (Exception ex) when (ex is JsonException or InvalidCastException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"{Path} is not a sandbox org file ({ex.Message}). Start with --reset to reseed it.", ex);
        }
    }

    public void Save(Org org)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temp = Path + ".tmp";
        using (var stream = new StreamWriter(temp, append: false))
        using (var writer = new JsonTextWriter(stream) { Formatting = Formatting.Indented })
        {
            org.WriteTo(writer);
            writer.Flush();
            stream.Write('\n');
        }

        File.Move(temp, Path, overwrite: true);
    }
}
