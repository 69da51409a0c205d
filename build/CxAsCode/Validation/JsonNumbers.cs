using System.Globalization;
using System.Numerics;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Validation;

/// <summary>Numbers as Validate compares and shows them, whatever the parser made of them.</summary>
internal static class JsonNumbers
{
    /// <summary>
    /// The value as a double for range checks. State is parsed with decimals, so huge literals arrive as
    /// <see cref="BigInteger"/>; they compare as the infinities they are beyond any range.
    /// </summary>
    public static double AsDouble(JValue value) => value.Value switch
    {
        long l => l,
        int i => i,
        decimal m => (double)m,
        double d => d,
        float f => f,
        BigInteger b => (double)b,
        _ => double.NaN,
    };

    /// <summary>A bound as a person types it in JSON: <c>7</c>, <c>0.5</c>, <c>3600000</c>.</summary>
    public static string Show(double bound) => bound.ToString("0.############", CultureInfo.InvariantCulture);
}
