using CxAsCode.Flows;
using CxAsCode.Resources;
using CxAsCode.Validation;
using Newtonsoft.Json.Linq;

namespace CxAsCode.State;

/// <summary>
/// The only code that touches <c>state/</c> and <c>mappings/</c>. Reading never throws on bad content:
/// problems are collected for Validate, so one run lists them all. Only plain files inside
/// <c>state/&lt;env&gt;</c> and <c>mappings/</c> are read (<see cref="SafeFolder"/>), each strictly
/// (<see cref="StateFileReader"/>). This part reads state; <c>StateStore.Mappings.cs</c> reads the
/// mappings file and <c>StateStore.Write.cs</c> writes state for Sync.
/// </summary>
internal sealed partial class StateStore
{
    private const string DotFileReason = "files whose name starts with '.' are not read";

    private readonly string _root;

    /// <param name="repositoryRoot">The repository root (the folder holding <c>state/</c>).</param>
    public StateStore(string repositoryRoot) => _root = Path.GetFullPath(repositoryRoot);

    public string EnvironmentFolder(string environment)
    {
        // Environments are allow-listed before they get here; a name that is not one plain folder name would
        // point the store outside state/, so it is refused whatever the caller checked.
        if (environment.Length == 0 || environment is "." or ".." || environment.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            throw new ArgumentException($"'{environment}' is not an environment folder name.", nameof(environment));
        }

        return Path.Combine(_root, "state", environment);
    }

    /// <summary>Reads every file under <c>state/&lt;env&gt;</c>.</summary>
    public DesiredState LoadDesired(string environment)
    {
        var envPath = $"state/{environment}";
        var folder = EnvironmentFolder(environment);
        var objects = new List<ResourceObject>();
        var problems = new List<ValidationError>();
        var skipped = new List<SkippedFile>();
        IReadOnlyList<FlowFiles> flows = [];
        DesiredState Result() => new(envPath, MappingsPath(environment), objects, problems) { Skipped = skipped, Flows = flows };

        foreach (var (path, full) in new[] { ("state", Path.Combine(_root, "state")), (envPath, folder) })
        {
            if (SafeFolder.LinkTarget(full) is { } target)
            {
                problems.Add(new(path, "$", LinkRefused(target, envPath)));
                return Result();
            }
        }

        if (!Directory.Exists(folder))
        {
            problems.Add(new(envPath, "$", "environment folder does not exist"));
            return Result();
        }

        var (files, links) = SafeFolder.List(folder);
        problems.AddRange(links.Select(link => new ValidationError($"{envPath}/{link.Path}", "$", LinkRefused(link.Target, envPath))));
        var hiddenFolders = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var relative in files.Order(StringComparer.Ordinal))
        {
            var segments = relative.Split('/');
            var hidden = Array.FindIndex(segments, 0, segments.Length - 1, s => s.StartsWith('.'));
            if (hidden >= 0)
            {
                var hiddenFolder = string.Join('/', segments[..(hidden + 1)]);
                hiddenFolders[hiddenFolder] = hiddenFolders.GetValueOrDefault(hiddenFolder) + 1;
            }
            else if (segments[^1].StartsWith('.'))
            {
                if (!IsEmptyGitkeep(Path.Combine(folder, relative)))
                {
                    skipped.Add(new($"{envPath}/{relative}", DotFileReason));
                }
            }
            else if (!relative.StartsWith(FlowStateReader.Folder + "/", StringComparison.Ordinal))
            {
                Read(envPath, folder, relative, objects, problems, skipped);
            }
        }

        // Flows are folders of YAML and metadata, not one JSON file each: their own reader, the same safety rules.
        (flows, var flowProblems) = FlowStateReader.Read(_root, environment);
        problems.AddRange(flowProblems);
        objects.AddRange(flows.Select(flow => FlowStateObjects.From(flow, envPath)));

        skipped.AddRange(hiddenFolders.Select(h => new SkippedFile($"{envPath}/{h.Key}/", $"folders whose name starts with '.' are not read ({h.Value} file{(h.Value == 1 ? string.Empty : "s")} in it)")));
        return Result();
    }

    /// <summary>
    /// An empty <c>.gitkeep</c> is git's placeholder for an empty folder: it holds nothing to read, so it is
    /// passed over in silence. Any other dot-file (or a <c>.gitkeep</c> with content) is listed as skipped.
    /// </summary>
    private static bool IsEmptyGitkeep(string path) =>
        Path.GetFileName(path) == ".gitkeep" && new FileInfo(path).Length == 0;

    private static void Read(string envPath, string folder, string relative, List<ResourceObject> objects, List<ValidationError> problems, List<SkippedFile> skipped)
    {
        var file = $"{envPath}/{relative}";
        var kind = ResourceKinds.ByFolder(Path.GetDirectoryName(relative)?.Replace('\\', '/') ?? string.Empty);
        var kindFolders = string.Join(", ", ResourceKinds.Managed.Select(k => k.Folder));
        if (kind is null && !Path.GetFileName(relative).Contains(".json", StringComparison.OrdinalIgnoreCase))
        {
            // Notes beside the state (a README.md) are no object anyone meant to deploy: listed, not read.
            skipped.Add(new(file, $"not a state file; only .json files in {kindFolders} are read"));
            return;
        }

        if (kind is null)
        {
            // An error, not a skip: an object file in the wrong folder, silently left out of desired state,
            // would be planned for deletion by --prune.
            problems.Add(new(file, "$", $"unknown kind folder; state files live in one of: {kindFolders}"));
            return;
        }

        if (!relative.EndsWith(".json", StringComparison.Ordinal))
        {
            // An error, not a skip: a misnamed object file (billing.JSON, billing.json.bak) silently left out
            // of desired state would be planned for deletion by --prune.
            problems.Add(new(file, "$", "not a .json file"));
            return;
        }

        var (content, fileProblems) = StateFileReader.Read(Path.Combine(folder, relative));
        problems.AddRange(fileProblems.Select(p => new ValidationError(file, p.Path, p.Message)));
        if (content is null)
        {
            return;
        }

        if (content["name"] is not JValue { Type: JTokenType.String })
        {
            problems.Add(new(file, "$.name", "missing required field 'name' (a string)"));
            return;
        }

        if (kind.IsUser && content["email"] is not JValue { Type: JTokenType.String })
        {
            // A user's key is its email: without one it could be neither planned nor found.
            problems.Add(new(file, "$.email", "missing required field 'email' (a string): a user is known by its email"));
            return;
        }

        objects.Add(new ResourceObject(kind, kind.KeyOf(content), content) { SourceFile = relative });
    }

    private static string LinkRefused(string target, string allowed) =>
        $"is a symbolic link (to {target}); state is read only from plain files and folders inside {allowed}, so it was not read";

    private static string MappingsPath(string environment) => $"mappings/{environment}.json";
}
