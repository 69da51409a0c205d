using System.Globalization;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Http;

/// <summary>Writes Newtonsoft JSON (the sandbox keeps its objects as <see cref="JToken"/>s).</summary>
internal sealed class JsonResponse(JToken body, int status = StatusCodes.Status200OK) : IResult
{
    public static JsonResponse Ok(JToken body) => new(body);

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, status, body);

    public static Task WriteAsync(HttpContext context, int status, JToken body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        return context.Response.WriteAsync(body.ToString(Formatting.None), context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, int status, JObject body, int? retryAfterSeconds = null)
    {
        if (retryAfterSeconds is int seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, status, body);
    }
}
