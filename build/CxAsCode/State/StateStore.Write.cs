using CxAsCode.Json;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.State;

/// <summary>Writing <c>state/&lt;env&gt;</c> for Sync.</summary>
internal sealed partial class StateStore
{
    /// <summary>
    /// Makes <c>state/&lt;env&gt;</c> hold exactly <paramref name="objects"/> (state form; a flow's name is its
    /// folder's), touching only files
    /// whose bytes change. Refuses (<see cref="StatePathException"/>), before writing anything, when a link
    /// sits in that folder: writing or deleting through it could change files outside the repository.
    /// </summary>
    public SyncResult Write(string environment, IEnumerable<(ResourceKind Kind, string Name, JObject Content)> objects)
    {
        var folder = EnvironmentFolder(environment);
        RefuseLinks(environment, folder);
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, name, content) in objects)
        {
            if (kind.IsFlow)
            {
                foreach (var (path, text) in FlowFiles(folder, name, content))
                {
                    wanted[path] = text;
                }

                continue;
            }

            wanted[Path.Combine(folder, kind.Folder, FileNames.StemFor(kind, name) + ".json")] = CanonicalJson.Serialize(content);
        }

        int created = 0, updated = 0, removed = 0, unchanged = 0;
        foreach (var kind in ResourceKinds.Managed.Where(k => !k.IsFlow))
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

        removed += RemoveFlowFilesNotIn(folder, wanted);
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

    private void RefuseLinks(string environment, string folder)
    {
        var envPath = $"state/{environment}";
        var links = new List<string>();
        foreach (var (path, full) in new[] { ("state", Path.Combine(_root, "state")), (envPath, folder) })
        {
            if (SafeFolder.LinkTarget(full) is { } target)
            {
                links.Add($"{path} (to {target})");
            }
        }

        if (links.Count == 0 && Directory.Exists(folder))
        {
            links.AddRange(SafeFolder.List(folder).Links.Select(l => $"{envPath}/{l.Path} (to {l.Target})"));
        }

        if (links.Count > 0)
        {
            throw new StatePathException($"Sync writes only plain files inside {envPath}, and these are symbolic links: {string.Join(", ", links)}. Replace them with plain files or folders; nothing was written.");
        }
    }
}
