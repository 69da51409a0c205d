using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Http;

/// <summary>Reads the request body once. The request log reads it first for logged paths and keeps the
/// text here, so handlers, the fault injector and the log all see the same bytes.</summary>
internal static class RequestBody
{
    private const string ItemKey = "sandbox.body";

    public static async Task<string> ReadTextAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached) && cached is string text)
        {
            return text;
        }

        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        text = await reader.ReadToEndAsync(context.RequestAborted);
        context.Items[ItemKey] = text;
        return text;
    }

    /// <summary>Parses the body; malformed or missing JSON is the real API's 400 <c>bad.request</c>.</summary>
    public static async Task<JToken> ReadJsonAsync(HttpContext context)
    {
        var text = await ReadTextAsync(context);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ApiErrors.BadRequest("A request body is required.");
        }

        try
        {
            return Json.Parse(text);
        }
        catch (JsonException)
        {
            throw ApiErrors.MalformedBody();
        }
    }

    public static async Task<JObject> ReadObjectAsync(HttpContext context) =>
        await ReadJsonAsync(context) as JObject ?? throw ApiErrors.BadRequest("The request body must be a JSON object.");

    /// <summary>Admin calls whose body is optional (<c>POST /sandbox/reset</c>).</summary>
    public static async Task<JObject> ReadOptionalObjectAsync(HttpContext context)
    {
        var text = await ReadTextAsync(context);
        return string.IsNullOrWhiteSpace(text) ? [] : await ReadObjectAsync(context);
    }
}
