using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>How member-list writes record their before and after: <c>{"members": [sorted ids]}</c>.</summary>
internal static class MemberLists
{
    public static JObject Image(IEnumerable<string> ids) =>
        new() { ["members"] = new JArray(ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) };

    public static IReadOnlyList<string> Ids(JObject? image) =>
        image?["members"] is JArray list ? [.. list.Select(t => (string?)t).OfType<string>()] : [];
}
