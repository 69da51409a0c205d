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
            foreach (var token in new JsonPathPattern(reference.Path).Select(body).OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
            {
                token.Replace(new JObject { ["id"] = resolveId(target, (string)token!) });
            }
        }

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
            foreach (var token in new JsonPathPattern(reference.Path).Select(body).OfType<JObject>().ToList())
            {
                token.Replace(new JObject { ["id"] = token["id"]?.DeepClone() });
            }
        }

        return body;
    }
}
