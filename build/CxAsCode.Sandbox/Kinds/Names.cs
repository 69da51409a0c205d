using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds;

/// <summary>The <c>name</c> every managed kind requires, and the natural-key lookups built on it.</summary>
internal static class Names
{
    public static string Require(JObject body)
    {
        var name = body.Str("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw ApiErrors.BadRequest("The name field is required and must be a non-empty string.");
        }

        return name;
    }
}
