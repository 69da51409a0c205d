using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Flows;

/// <summary>Flow as the API returns it (SDK Flow model): a lock held through client credentials shows as
/// <c>lockedClient</c>; versions as FlowVersion <c>{id, type}</c>. The stored YAML and lock holder id stay hidden.</summary>
internal static class FlowView
{
    public static string SelfUri(string? id) => $"/api/v2/flows/{id}";

    public static JObject Render(Org org, JObject flow)
    {
        var published = flow.Value<int?>("publishedVersion") ?? 0;
        return (JObject)Json.WithoutNulls(new JObject
        {
            ["id"] = flow.Str("id"),
            ["name"] = flow.Str("name"),
            ["division"] = DivisionView.Reference(org, flow.RefId("division")),
            ["description"] = flow.Str("description"),
            ["type"] = flow.Str("type"),
            ["lockedClient"] = flow.Str("lockedBy") is { } holder ? new JObject { ["id"] = holder, ["name"] = holder } : null,
            ["active"] = published > 0,
            ["system"] = false,
            ["deleted"] = flow.Value<bool?>("deleted") ?? false,
            ["publishedVersion"] = published > 0 ? Version(published, "PUBLISH") : null,
            ["checkedInVersion"] = published > 0 ? Version(published, "CHECKIN") : null,
            ["selfUri"] = SelfUri(flow.Str("id")),
        });
    }

    public static JObject Reference(JObject flow) => new()
    {
        ["id"] = flow.Str("id"),
        ["name"] = flow.Str("name"),
        ["selfUri"] = SelfUri(flow.Str("id")),
    };

    private static JObject Version(int number, string type) => new() { ["id"] = $"{number}.0", ["name"] = $"{number}.0", ["type"] = type };
}
