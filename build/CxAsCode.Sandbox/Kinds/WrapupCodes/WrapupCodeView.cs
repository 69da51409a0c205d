using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.WrapupCodes;

/// <summary>WrapupCode as the API returns it.</summary>
internal static class WrapupCodeView
{
    public static string SelfUri(string? id) => $"/api/v2/routing/wrapupcodes/{id}";

    public static JObject Render(Org org, JObject code) => (JObject)Json.WithoutNulls(new JObject
    {
        ["id"] = code.Str("id"),
        ["name"] = code.Str("name"),
        ["division"] = DivisionView.Reference(org, code.RefId("division")),
        ["description"] = code.Str("description"),
        ["dateCreated"] = code.Str("dateCreated"),
        ["dateModified"] = code.Str("dateModified"),
        ["createdBy"] = code.Str("createdBy"),
        ["modifiedBy"] = code.Str("modifiedBy"),
        ["selfUri"] = SelfUri(code.Str("id")),
    });
}
