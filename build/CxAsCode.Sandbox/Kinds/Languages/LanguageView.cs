using System.Globalization;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Languages;

/// <summary>Language as the API returns it: <c>id, name, dateModified, state, version, selfUri</c>
/// (<c>version</c> is a string on the model).</summary>
internal static class LanguageView
{
    public static JObject Render(JObject language) => (JObject)Json.WithoutNulls(new JObject
    {
        ["id"] = language.Str("id"),
        ["name"] = language.Str("name"),
        ["dateModified"] = language.Str("dateModified"),
        ["state"] = language.Str("state"),
        ["version"] = language.Value<long?>("version")?.ToString(CultureInfo.InvariantCulture),
        ["selfUri"] = $"/api/v2/routing/languages/{language.Str("id")}",
    });
}
