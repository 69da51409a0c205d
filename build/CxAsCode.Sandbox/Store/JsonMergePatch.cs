using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>RFC 7386 JSON merge patch: objects merge member by member, <c>null</c> removes a member, any
/// other value (arrays included) replaces it.</summary>
internal static class JsonMergePatch
{
    public static JToken Apply(JToken? target, JToken patch)
    {
        if (patch is not JObject patchObject)
        {
            return patch.DeepClone();
        }

        var result = target as JObject ?? [];
        foreach (var property in patchObject.Properties())
        {
            if (property.Value.Type == JTokenType.Null)
            {
                result.Remove(property.Name);
            }
            else
            {
                result[property.Name] = Apply(result[property.Name], property.Value);
            }
        }

        return result;
    }
}
