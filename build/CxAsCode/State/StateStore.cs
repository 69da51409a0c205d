using CxAsCode.Json;
using CxAsCode.Resources;
using CxAsCode.Validation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.State;

/// <summary>
/// The only code that touches <c>state/</c> and <c>mappings/</c>. Reading never throws on bad content:
/// problems are collected for Validate, so one run lists them all.
/// </summary>
internal sealed class StateStore
{
    private readonly string _root;

    /// <param name="repositoryRoot">The repository root (the folder holding <c>state/</c>).</param>
    public StateStore(string repositoryRoot) => _root = Path.GetFullPath(repositoryRoot);

    public string EnvironmentFolder(string environment) => Path.Combine(_root, "state", environment);

    /// <summary>Reads every file under <c>state/&lt;env&gt;</c>.</summary>
    public DesiredState LoadDesired(string environment)
    {
        var envPath = $"state/{environment}";
        var folder = EnvironmentFolder(environment);
        var objects = new List<ResourceObject>();
        var problems = new List<ValidationError>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new(envPath, "$", "environment folder does not exist"));
            return new DesiredState(envPath, MappingsPath(environment), objects, problems);
        }

        foreach (var fullPath in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, fullPath).Replace('\\', '/');
            var file = $"{envPath}/{relative}";
            if (Path.GetFileName(relative).StartsWith('.'))
            {
                continue; // .gitkeep and friends
            }

            var kind = ResourceKinds.ByFolder(Path.GetDirectoryName(relative)?.Replace('\\', '/') ?? string.Empty);
            if (kind is null)
            {
                problems.Add(new(file, "$", $"unknown kind folder; state files live in one of: {string.Join(", ", ResourceKinds.Managed.Select(k => k.Folder))}"));
                continue;
            }

            if (!relative.EndsWith(".json", StringComparison.Ordinal))
            {
                problems.Add(new(file, "$", "not a .json file"));
                continue;
            }

            switch (ReadObject(fullPath))
            {
                case (null, var error):
                    problems.Add(new(file, "$", error!));
                    break;
                case ({ } content, _) when content["name"] is not JValue { Type: JTokenType.String } name:
                    problems.Add(new(file, "$.name", "missing required field 'name' (a string)"));
                    break;
                case ({ } content, _):
                    objects.Add(new ResourceObject(kind, (string)content["name"]!, content) { SourceFile = relative });
                    break;
            }
        }

        return new DesiredState(envPath, MappingsPath(environment), objects, problems);
    }

    /// <summary>Reads <c>mappings/&lt;env&gt;.json</c>; a missing file is an empty mapping.</summary>
    public (Mappings Mappings, IReadOnlyList<ValidationError> Problems) LoadMappings(string environment)
    {
        var path = Path.Combine(_root, "mappings", environment + ".json");
        if (!File.Exists(path))
        {
            return (Mappings.Empty, []);
        }

        var (content, error) = ReadObject(path);
        if (content is null)
        {
            return (Mappings.Empty, [new(MappingsPath(environment), "$", error!)]);
        }

        try
        {
            var references = (content["references"] as JObject ?? [])
                .Properties()
                .ToDictionary(p => p.Name, p => (IReadOnlyDictionary<string, string>)p.Value.ToObject<Dictionary<string, string>>()!);
            var values = content["values"]?.ToObject<Dictionary<string, string>>() ?? [];
            return (new Mappings(references, values), []);
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or ArgumentException)
        {
            return (Mappings.Empty, [new(MappingsPath(environment), "$", "expected {\"references\": {kind: {name: name}}, \"values\": {key: text}}: " + e.Message)]);
        }
    }

    /// <summary>Makes <c>state/&lt;env&gt;</c> hold exactly <paramref name="objects"/> (state form), touching only files whose bytes change.</summary>
    public SyncResult Write(string environment, IEnumerable<(ResourceKind Kind, string Name, JObject Content)> objects)
    {
        var folder = EnvironmentFolder(environment);
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, name, content) in objects)
        {
            wanted[Path.Combine(folder, kind.Folder, FileNames.StemFor(name) + ".json")] = CanonicalJson.Serialize(content);
        }

        int created = 0, updated = 0, removed = 0, unchanged = 0;
        foreach (var kind in ResourceKinds.Managed)
        {
            var kindFolder = Path.Combine(folder, kind.Folder);
            if (!Directory.Exists(kindFolder))
            {
                continue;
            }

            foreach (var existing in Directory.EnumerateFiles(kindFolder, "*.json").Where(f => !wanted.ContainsKey(f)))
            {
                File.Delete(existing);
                removed++;
            }
        }

        foreach (var (path, text) in wanted)
        {
            var exists = File.Exists(path);
            if (exists && File.ReadAllText(path) == text)
            {
                unchanged++;
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            _ = exists ? updated++ : created++;
        }

        return new SyncResult(created, updated, removed, unchanged);
    }

    private static string MappingsPath(string environment) => $"mappings/{environment}.json";

    private static (JObject? Content, string? Error) ReadObject(string path)
    {
        var text = File.ReadAllText(path);
        try
        {
            // Newtonsoft forgives unquoted names, single quotes and trailing commas; git-reviewed state
            // must be strict JSON, so System.Text.Json checks the syntax first.
            using (System.Text.Json.JsonDocument.Parse(text))
            {
            }

            return CanonicalJson.Parse(text) is JObject obj
                ? (obj, null)
                : (null, "expected a JSON object");
        }
        catch (System.Text.Json.JsonException e)
        {
            return (null, $"malformed JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}");
        }
        catch (JsonReaderException e)
        {
            return (null, $"malformed JSON at line {e.LineNumber}, position {e.LinePosition}: {e.Message}");
        }
    }

    private static string FirstSentence(string message) => message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0];
}
