using CxAsCode.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Planning.Rendering;

/// <summary>A field value as one line of compact JSON, safe to print and short enough to read.</summary>
internal static class JsonValueText
{
    /// <summary>Values longer than this are cut with an ellipsis; the plan file keeps them whole.</summary>
    public const int MaxLength = 120;

    public static string Format(JToken token) => SafeText.Truncate(SafeText.Escape(CanonicalJson.Compact(token)), MaxLength);
}
