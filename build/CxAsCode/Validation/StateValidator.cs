using System.Globalization;
using System.Text.RegularExpressions;
using CxAsCode.Flows;
using CxAsCode.Json;
using CxAsCode.Resources;
using CxAsCode.State;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Validation;

/// <summary>
/// Everything that can be wrong with desired state, found before anything is sent: malformed files,
/// schema, names and file names, duplicates, references that neither state nor mappings define, and
/// substitutions with no value. Pure, and it lists every problem rather than the first.
/// </summary>
internal static partial class StateValidator
{
    /// <param name="state">Loaded desired state.</param>
    /// <param name="mappings">This environment's mappings.</param>
    /// <param name="liveNames">For kinds this repo does not manage, the names that exist in the target org;
    /// null when unknown (offline), which skips that one check.</param>
    public static IReadOnlyList<ValidationError> Validate(DesiredState state, Mappings mappings, Func<ResourceKind, ISet<string>?> liveNames)
    {
        var errors = new List<ValidationError>(state.Problems);
        var keys = new Dictionary<string, Dictionary<string, string>>();
        foreach (var kind in ResourceKinds.Managed)
        {
            keys[kind.Name] = new Dictionary<string, string>(NameComparer.Instance);
        }

        foreach (var item in state.Objects)
        {
            var file = state.PathOf(item);
            var seen = keys[item.Kind.Name];
            if (seen.TryGetValue(item.Key, out var first))
            {
                errors.Add(new(file, KeyPath(item.Kind), $"duplicate {item.Kind} {KeyNoun(item.Kind)} '{item.Key}': {first} has it too"));
            }
            else
            {
                seen[item.Key] = file;
            }
        }

        var exact = state.Objects.Select(o => (o.Kind.Name, o.Key)).ToHashSet();
        foreach (var item in state.Objects.Where(o => !o.Kind.IsFlow))
        {
            errors.AddRange(CheckObject(item, state.PathOf(item), keys, exact, mappings));
        }

        errors.AddRange(CheckFlows(state, keys, mappings));
        errors.AddRange(CheckUserQueues(state));

        errors.AddRange(CheckMappings(mappings, state.MappingsPath, liveNames));
        return [.. errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.JsonPath, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Each flow's own checks (<see cref="FlowValidator"/>), with what it names looked up in state and mappings: a
    /// flow is named by its name alone (Archy's <c>targetFlow</c>), any type.
    /// </summary>
    private static IEnumerable<ValidationError> CheckFlows(DesiredState state, Dictionary<string, Dictionary<string, string>> keys, Mappings mappings)
    {
        var flowNames = keys[ResourceKinds.Flows.Name].Keys.Select(k => k[(k.IndexOf('/', StringComparison.Ordinal) + 1)..]).ToHashSet(NameComparer.Instance);
        bool Exists(string kind, string name) =>
            mappings.Resolve(kind, name) is not null
            || (kind == ResourceKinds.Flows.Name ? flowNames.Contains(name) : keys.TryGetValue(kind, out var names) && names.ContainsKey(name));
        return state.Flows.SelectMany(flow => FlowValidator.Check(flow, mappings, Exists));
    }

    private static IEnumerable<ValidationError> CheckObject(ResourceObject item, string file, Dictionary<string, Dictionary<string, string>> keys, HashSet<(string Kind, string Key)> exact, Mappings mappings)
    {
        var content = item.Body;
        foreach (var (path, message) in CheckContent(item.Kind, content))
        {
            yield return new(file, path, message);
        }

        if (NameProblem(item.Key) is { } nameProblem)
        {
            yield return new(file, KeyPath(item.Kind), nameProblem);
        }
        else if (!FileNames.Matches(item.Kind, Path.GetFileNameWithoutExtension(file), item.Key))
        {
            yield return new(file, KeyPath(item.Kind), $"file name does not match the {KeyNoun(item.Kind)} '{item.Key}'; expected {FileNames.StemFor(item.Kind, item.Key)}.json");
        }

        var unknownKeys = new List<string>();
        foreach (var value in content.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String))
        {
            var text = (string)value!;
            if (!text.Contains("{{", StringComparison.Ordinal))
            {
                continue; // most strings hold no placeholder: skip the regular expression
            }

            unknownKeys.Clear();
            var filled = mappings.Substitute(text, unknownKeys);
            foreach (var key in unknownKeys)
            {
                yield return new(file, "$." + value.Path, $"no value for '{{{{{key}}}}}' in the mappings file");
            }

            if (filled.Length > FieldLimits.TextMaxLength && text.Length <= FieldLimits.TextMaxLength)
            {
                // The schema saw the text as written; what is sent is the text with the mappings' values in.
                yield return new(file, "$." + value.Path, SchemaChecker.TooLong(filled, FieldLimits.TextMaxLength) + ", once the mappings file's values are filled in");
            }
        }

        foreach (var reference in item.Kind.AllReferences)
        {
            var target = ResourceKinds.ByName(reference.TargetKind);
            foreach (var token in JsonPathPattern.Of(reference.Path).Select(content).OfType<JValue>().Where(v => v.Type == JTokenType.String))
            {
                var name = (string)token!;
                if (reference.IsWildcard(name))
                {
                    continue; // the platform's own value here ("*": all divisions), not a name to resolve
                }

                if (LooksLikeId().IsMatch(name))
                {
                    yield return new(file, "$." + token.Path, $"'{name}' looks like an id; state names a {target} by its name");
                }
                else if (mappings.Resolve(target.Name, name) is null && target.IsManaged && keys[target.Name].TryGetValue(name, out var holder) && !exact.Contains((target.Name, name)))
                {
                    // Names are unique regardless of case, but the plan compares them exactly: a case
                    // variant would show as a change forever.
                    yield return new(file, "$." + token.Path, $"'{name}' differs only in case from the {target} defined in {holder}; use its exact spelling");
                }
                else if (mappings.Resolve(target.Name, name) is null && !(target.IsManaged && keys[target.Name].ContainsKey(name)))
                {
                    yield return new(file, "$." + token.Path, target.IsManaged
                        ? $"no {target} named '{name}' in state or in the mappings file"
                        : $"{target} '{name}' is not in the mappings file (references.{target.Name})");
                }
            }
        }
    }

    private static IEnumerable<ValidationError> CheckMappings(Mappings mappings, string file, Func<ResourceKind, ISet<string>?> liveNames)
    {
        foreach (var (kindName, map) in mappings.References)
        {
            var kind = ResourceKinds.All.FirstOrDefault(k => k.Name == kindName);
            if (kind is null && FlowReferences.MappedOnlyKinds.Contains(kindName))
            {
                continue; // named by flows only, and checked there
            }

            if (kind is null)
            {
                yield return new(file, $"$.references.{kindName}", $"unknown kind '{kindName}'; expected one of: {string.Join(", ", ResourceKinds.All.Select(k => k.Name))}");
                continue;
            }

            if (kind.IsManaged || liveNames(kind) is not { } names)
            {
                continue;
            }

            foreach (var (symbolic, target) in map.Where(p => !names.Contains(p.Value)))
            {
                yield return new(file, $"$.references.{kindName}['{symbolic}']", $"the target org has no {kind} named '{target}'");
            }
        }
    }

    /// <summary>
    /// What one object's content gets wrong on its own, whatever else state holds: its size, its schema
    /// (types, enums, ranges, lengths, rules across fields) and its required fields. Paths are JSON paths.
    /// </summary>
    public static IEnumerable<(string Path, string Message)> CheckContent(ResourceKind kind, JObject content)
    {
        var problems = SchemaChecker.Check(content, kind.Schema);
        foreach (var problem in problems)
        {
            yield return problem;
        }

        // A backstop for objects whose fields each pass but add up to too much; an oversized field is
        // already named at its own path.
        var bytes = problems.Count == 0 ? JsonSize.Of(content) : 0;
        if (bytes > FieldLimits.ObjectMaxBytes)
        {
            yield return ("$", string.Create(CultureInfo.InvariantCulture, $"the object is {bytes:N0} bytes as JSON; at most {FieldLimits.ObjectMaxBytes:N0} are allowed, so its request body stays under the API's 512,000-byte limit"));
        }

        foreach (var required in kind.RequiredFields.Where(f => content[f] is null))
        {
            yield return ("$." + required, $"missing required field '{required}'");
        }
    }

    /// <summary>Why a name cannot be used, or null. Its length is the schema's (<see cref="FieldLimits.NameMaxLength"/>).</summary>
    /// <summary>
    /// Memberships kept on users (<c>"queues"</c>) name queues of state, and are kept in one place only: a queue
    /// that lists its own <c>members</c> cannot also be named by a user's <c>queues</c> (Planning/UserMemberships).
    /// </summary>
    private static IEnumerable<ValidationError> CheckUserQueues(DesiredState state)
    {
        var queues = state.Objects.Where(o => o.Kind == ResourceKinds.Queues).ToDictionary(o => (string?)o.Body["name"] ?? o.Key, NameComparer.Instance);
        foreach (var user in state.Objects.Where(o => o.Kind.IsUser && o.Body["queues"] is JArray))
        {
            var names = (JArray)user.Body["queues"]!;
            for (var i = 0; i < names.Count; i++)
            {
                if (names[i] is not JValue { Type: JTokenType.String } name)
                {
                    continue; // the schema says so
                }

                if (!queues.TryGetValue((string)name!, out var queue))
                {
                    yield return new(state.PathOf(user), $"$.queues[{i}]", $"queues '{name}' is not in state: memberships are kept only for queues this repository manages");
                }
                else if (queue.Body["members"] is not null)
                {
                    yield return new(state.PathOf(user), $"$.queues[{i}]", $"queues '{name}' lists its own members in {state.PathOf(queue)}: keep a queue's memberships in one place, on the queue or on its users");
                }
            }
        }
    }

    /// <summary>Where an object's key is in its file: a user's is its email, every other kind's its name.</summary>
    private static string KeyPath(ResourceKind kind) => kind.IsUser ? "$.email" : "$.name";

    private static string KeyNoun(ResourceKind kind) => kind.IsUser ? "email" : "name";

    internal static string? NameProblem(string name) => name switch
    {
        "" => "name is empty",
        _ when name.Trim().Length != name.Length => "name starts or ends with white space",
        _ when name.Any(char.IsControl) => "name contains a control character (newline, tab…)",
        _ => null,
    };

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex LooksLikeId();
}
