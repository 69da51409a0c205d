using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds;

/// <summary>GET by id as the platform answers it: the version the GET view shows right now (404 while a
/// new object is not visible yet, or once a deleted one is gone), if the caller may see its division.</summary>
internal static class Visible
{
    public static JObject Get(Org org, KindTable table, string id, string what, Access access)
    {
        var document = table.Find(id)?.ForGet(org.Now) ?? throw ApiErrors.NotFound(what, id);
        access.Demand(org, document.RefId("division"), document.Str("id"), document.Str("name"));
        return document;
    }
}
