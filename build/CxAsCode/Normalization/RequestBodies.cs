using CxAsCode.Json;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Normalization;

/// <summary>
/// Canonical body → the JSON the API accepts. An update starts from the live object so fields we do not
/// manage survive the PUT; managed fields come from state (absent in state = cleared), references become
/// <c>{"id": …}</c> through <c>resolveId</c>.
/// </summary>
internal static class RequestBodies
{
    public static JObject For(ResourceKind kind, JObject canonical, JObject? liveRaw, Func<ResourceKind, string, string> resolveId)
    {
        var body = liveRaw is null ? new JObject() : (JObject)liveRaw.DeepClone();
        foreach (var field in kind.ReadOnlyFields.Concat(kind.SubResources.Select(s => s.Field)))
        {
            body.Remove(field);
        }

        foreach (var field in kind.ManagedFields.Except(kind.SubResources.Select(s => s.Field)))
        {
            body.Remove(field);
            if (canonical[field] is { } value)
            {
                body[field] = value.DeepClone();
            }
        }

        foreach (var reference in kind.References)
        {
            var target = ResourceKinds.ByName(reference.TargetKind);
            foreach (var token in JsonPathPattern.Of(reference.Path).Select(body).OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
            {
                var name = (string)token!;
                token.Replace(new JObject { ["id"] = reference.IsWildcard(name) ? name : resolveId(target, name) });
            }
        }

        if (liveRaw is not null)
        {
            CarryOver(kind, body, liveRaw);
        }

        kind.PrepareBody?.Invoke(body);
        return (JObject)CanonicalJson.Canonicalize(body);
    }

    /// <summary>The writable part of a raw pre-image, for restoring it (rollback of an update, recreate after delete).</summary>
    public static JObject FromPreImage(ResourceKind kind, JObject raw)
    {
        var body = (JObject)raw.DeepClone();
        foreach (var field in kind.ReadOnlyFields.Concat(kind.SubResources.Select(s => s.Field)))
        {
            body.Remove(field);
        }

        // Embedded references come back expanded ({id, name, selfUri}); the API wants only the id.
        foreach (var reference in kind.References)
        {
            foreach (var token in JsonPathPattern.Of(reference.Path).Select(body).OfType<JObject>().ToList())
            {
                token.Replace(new JObject { ["id"] = token["id"]?.DeepClone() });
            }
        }

        kind.PrepareBody?.Invoke(body);
        return body;
    }

    /// <summary>
    /// Puts back what the org owns inside managed fields (a ring's member groups), from the live object at
    /// the same place (ring by ring, by position). A place the desired body no longer has is not recreated.
    /// </summary>
    private static void CarryOver(ResourceKind kind, JObject body, JObject liveRaw)
    {
        foreach (var path in kind.CarriedOver)
        {
            foreach (var live in JsonPathPattern.Of(path).Select(liveRaw).ToList())
            {
                if (live.Parent is JProperty { Parent: JObject liveOwner } property && body.SelectToken(liveOwner.Path) is JObject owner)
                {
                    owner[property.Name] = live.DeepClone();
                }
            }
        }
    }
}
