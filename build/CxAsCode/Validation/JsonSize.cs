using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Validation;

/// <summary>
/// The size of a token as compact JSON, counted without writing it out: Validate weighs every object, and
/// serialising 10,000 of them just to count bytes would cost more than all the other checks together.
/// Escapes inside strings are not counted, so it can fall short by a few bytes per escaped character.
/// </summary>
internal static class JsonSize
{
    public static long Of(JToken token) => token switch
    {
        JObject obj => 2 + Math.Max(0, obj.Count - 1) + obj.Properties().Sum(p => Encoding.UTF8.GetByteCount(p.Name) + 3 + Of(p.Value)),
        JArray array => 2 + Math.Max(0, array.Count - 1) + array.Sum(Of),
        JValue { Type: JTokenType.String } text => Encoding.UTF8.GetByteCount((string)text!) + 2,
        JValue { Type: JTokenType.Boolean } flag => (bool)flag ? 4 : 5,
        JValue { Value: IFormattable number } => number.ToString(null, CultureInfo.InvariantCulture).Length,
        _ => 4, // null
    };
}
