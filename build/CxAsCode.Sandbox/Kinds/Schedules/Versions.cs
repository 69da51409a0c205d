using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Schedules;

/// <summary>The platform's optimistic concurrency for schedules and schedule groups (and users): a PUT carries
/// the version it was read at; any other is 409 <c>general.conflict</c> with the platform's wording
/// (genesys-api.md §4).</summary>
internal static class Versions
{
    public static void Require(JObject body, JObject current, string what)
    {
        var given = body["version"];
        var now = current.Value<long?>("version") ?? 1;
        if (given is null || given.Type == JTokenType.Null)
        {
            throw ApiErrors.InvalidValue($"The {what}'s version is required to update it.");
        }

        if (!long.TryParse(given.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) || version != now)
        {
            throw ApiErrors.Conflict("The version supplied does not match the current version of the resource. Retrieve the latest version and try again.", current.Str("name"));
        }
    }
}
