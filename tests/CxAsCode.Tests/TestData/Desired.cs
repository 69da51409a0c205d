using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.TestData;

/// <summary>Desired objects as the pipeline hands them to the planner: canonical body, key from its name, no id.</summary>
internal static class Desired
{
    public static ResourceObject Of(ResourceKind kind, JObject body) =>
        new(kind, (string)body["name"]!, body) { SourceFile = $"{kind.Folder}/{(string)body["name"]!}.json" };

    public static ResourceObject Skill(string name) => Of(ResourceKinds.Skills, new JObject { ["name"] = name });

    public static ResourceObject WrapupCode(string name, string division, string? description = null)
    {
        var body = new JObject { ["name"] = name, ["division"] = division };
        if (description is not null)
        {
            body["description"] = description;
        }

        return Of(ResourceKinds.WrapupCodes, body);
    }
}
