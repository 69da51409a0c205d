using CxAsCode.Json;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Normalization;

/// <summary>
/// Live API JSON → canonical form: only managed fields, ids turned into the target's natural key, arrays
/// without meaning sorted, keys sorted. Pure: the snapshot supplies every name an id needs.
/// </summary>
internal static class LiveNormalizer
{
    /// <summary>Canonical body of a live object; <paramref name="warnings"/> collects references it could not name.</summary>
    public static JObject ToCanonical(ResourceKind kind, JObject raw, LiveSnapshot snapshot, ICollection<string> warnings)
    {
        raw = kind.LiveShape?.Invoke(raw) ?? raw;
        var body = new JObject();
        foreach (var field in kind.ManagedFields)
        {
            if (raw[field] is { Type: not JTokenType.Null } value)
            {
                body[field] = value.DeepClone();
            }
        }

        foreach (var path in kind.CarriedOver)
        {
            foreach (var token in JsonPathPattern.Of(path).Select(body).ToList())
            {
                token.Parent!.Remove(); // the org's, never state's: the property goes
            }
        }

        foreach (var reference in kind.References)
        {
            NameReferences(body, reference, snapshot, kind, kind.KeyOf(raw), warnings);
        }

        foreach (var sub in kind.SubResources)
        {
            if (body[sub.Field] is JArray list)
            {
                var target = ResourceKinds.ByName(sub.TargetKind);
                var names = new JArray();
                foreach (var member in list.OfType<JObject>())
                {
                    var name = snapshot.ById(target, (string?)member["id"] ?? string.Empty)?.Key ?? (string?)member["name"];
                    if (name is null)
                    {
                        warnings.Add($"{kind} '{(string?)raw["name"]}': {sub.Field} holds a {target} that no longer exists; left out.");
                        continue;
                    }

                    names.Add(name);
                }

                body[sub.Field] = names;
            }
        }

        return Canonical.Finish(kind, body);
    }

    private static void NameReferences(JObject body, ReferenceField reference, LiveSnapshot snapshot, ResourceKind owner, string ownerName, ICollection<string> warnings)
    {
        var target = ResourceKinds.ByName(reference.TargetKind);
        var pattern = JsonPathPattern.Of(reference.Path);
        foreach (var token in pattern.Select(body).ToList())
        {
            var id = token is JObject o ? (string?)o["id"] : null;
            var name = id is not null && reference.IsWildcard(id) ? id
                : (id is null ? null : snapshot.ById(target, id)?.Key) ?? (token is JObject e ? (string?)e["name"] : null);
            if (name is null)
            {
                // Never write an id into state: drop the dangling reference and say so.
                warnings.Add($"{owner} '{ownerName}': {reference.Path} points at a {target} that no longer exists; left out.");
                if (token.Parent is JProperty property)
                {
                    property.Remove(); // a single-valued reference: drop the field
                }
                else
                {
                    token.Remove(); // an array element
                }

                continue;
            }

            token.Replace(name);
        }
    }
}
