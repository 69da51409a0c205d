using CxAsCode.Json;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Normalization;

/// <summary>
/// Live API JSON → canonical form: only managed fields, ids turned into the target's natural key, arrays
/// without meaning sorted, keys sorted. Two steps, because the first needs nothing but the object and the
/// second needs the whole org: <see cref="Take"/> runs as each page arrives (so no page of raw JSON outlives
/// its read), <see cref="Name"/> once every id is known. Pure: the snapshot supplies every name an id needs.
/// </summary>
internal static class LiveNormalizer
{
    /// <summary>Canonical body of a live object, both steps at once; the raw object is left as it is.</summary>
    public static JObject ToCanonical(ResourceKind kind, JObject raw, LiveSnapshot snapshot, ICollection<string> warnings) =>
        Name(kind, kind.KeyOf(raw), Take(kind, (JObject)raw.DeepClone()), snapshot, warnings);

    /// <summary>
    /// The managed fields of a raw object, without what the org carries over (references still hold the API's
    /// <c>{id, name}</c> objects). They are moved out of <paramref name="raw"/>, not copied: for a raw object the
    /// caller is done with (Extract, once it has kept the raw text).
    /// </summary>
    public static JObject Take(ResourceKind kind, JObject raw)
    {
        raw = kind.LiveShape?.Invoke(raw) ?? raw;
        var body = new JObject();
        foreach (var field in kind.ManagedFields)
        {
            if (raw.Property(field) is { Value.Type: not JTokenType.Null } property)
            {
                property.Remove();
                body.Add(property);
            }
        }

        foreach (var path in kind.CarriedOver)
        {
            foreach (var token in JsonPathPattern.Of(path).Select(body).ToList())
            {
                token.Parent!.Remove(); // the org's, never state's: the property goes
            }
        }

        return body;
    }

    /// <summary>
    /// Finishes a body <see cref="Take"/> made, in place (it is the caller's own): ids become natural keys, then the
    /// canonical order. Returns the same object.
    /// </summary>
    public static JObject Name(ResourceKind kind, string key, JObject body, LiveSnapshot snapshot, ICollection<string> warnings)
    {
        foreach (var reference in kind.References)
        {
            NameReferences(body, reference, snapshot, kind, key, warnings);
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
                        warnings.Add($"{kind} '{(string?)body["name"] ?? key}': {sub.Field} holds a {target} that no longer exists; left out.");
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
