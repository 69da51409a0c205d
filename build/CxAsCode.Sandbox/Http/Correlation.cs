using Microsoft.AspNetCore.Http;

namespace CxAsCode.Sandbox.Http;

/// <summary>The per-request <c>ININ-Correlation-Id</c>, which is also every error body's <c>contextId</c>.</summary>
internal static class Correlation
{
    public const string HeaderName = "ININ-Correlation-Id";
    private const string ItemKey = "sandbox.correlationId";

    public static string Start(HttpContext context)
    {
        var id = Guid.NewGuid().ToString("D");
        context.Items[ItemKey] = id;
        context.Response.Headers[HeaderName] = id;
        return id;
    }

    public static string Get(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is string id ? id : Start(context);
}
