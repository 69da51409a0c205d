using System.Text.RegularExpressions;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Faults;

/// <summary>Reads a <c>POST /sandbox/faults</c> body. A mistake in a test's fault is answered with 400, so
/// a typo never silently registers a fault that can't fire.</summary>
internal static class FaultRuleParser
{
    public static FaultRule Parse(JObject body, string id)
    {
        var pattern = body.Str("path") ?? ".*";
        Regex path;
        try
        {
            path = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw ApiErrors.BadRequest($"path is not a valid regular expression: {ex.Message}");
        }

        var status = OptionalInt(body, "status", 100, 599);
        return new FaultRule
        {
            Id = id,
            Name = body.Str("name") ?? id,
            Method = (body.Str("method") ?? "*").ToUpperInvariant(),
            Path = path,
            Nth = OptionalInt(body, "nth", 1, int.MaxValue) ?? 1,
            Times = OptionalInt(body, "times", 1, int.MaxValue) ?? 1,
            Status = status,
            RetryAfter = OptionalInt(body, "retryAfter", 0, int.MaxValue),
            DelayMs = OptionalInt(body, "delayMs", 0, 600_000) ?? 0,
            DropAfterApply = OptionalBool(body, "dropAfterApply"),
            ApplyAfterMs = OptionalInt(body, "applyAfterMs", 0, 3_600_000),
            EchoRequest = OptionalBool(body, "echoRequest"),
            JobFailure = body.Str("jobFailure"),
        };
    }

    private static int? OptionalInt(JObject body, string name, int min, int max)
    {
        var token = body[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        if (token.Type != JTokenType.Integer || (long)token < min || (long)token > max)
        {
            throw ApiErrors.BadRequest($"{name} must be a whole number from {min} to {max}.");
        }

        return (int)token;
    }

    private static bool OptionalBool(JObject body, string name) => body[name]?.Type switch
    {
        null or JTokenType.Null => false,
        JTokenType.Boolean => (bool)body[name]!,
        _ => throw ApiErrors.BadRequest($"{name} must be true or false."),
    };
}
