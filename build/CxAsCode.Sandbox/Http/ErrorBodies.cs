using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Http;

/// <summary>The Genesys error body (genesys-api.md §7). <c>details</c> and <c>errors</c> are always present,
/// as in real responses; optional members appear only when they carry something.</summary>
internal static class ErrorBodies
{
    public static string CodeFor(int status) => status switch
    {
        400 => "bad.request",
        401 => "authentication.required",
        403 => "missing.permissions",
        413 => "request.entity.too.large",
        404 => "not.found",
        409 => "general.conflict",
        429 => "too.many.requests.retry.after",
        503 => "service.unavailable",
        504 => "request.timeout",
        >= 500 => "internal.server.error",
        _ => "bad.request",
    };

    public static string MessageFor(int status) => status switch
    {
        401 => "No authentication bearer token specified in authorization header.",
        403 => "You are not authorized to perform the requested action.",
        404 => "The requested resource was not found.",
        409 => "The request conflicts with the current state of the resource.",
        503 => "The service is currently unavailable.",
        504 => "The request timed out.",
        >= 500 => "The server encountered an unexpected condition which prevented it from fulfilling the request.",
        _ => "The request could not be understood by the server due to malformed syntax.",
    };

    public static JObject Create(int status, string code, string message, string contextId)
    {
        return new JObject
        {
            ["message"] = message,
            ["code"] = code,
            ["status"] = status,
            ["contextId"] = contextId,
            ["details"] = new JArray(),
            ["errors"] = new JArray(),
        };
    }

    public static JObject From(GenesysErrorException error, string contextId)
    {
        var body = Create(error.Status, error.Code, error.Message, contextId);
        if (error.MessageWithParams is not null)
        {
            body["messageWithParams"] = error.MessageWithParams;
        }

        if (error.MessageParams is not null)
        {
            body["messageParams"] = JObject.FromObject(error.MessageParams);
        }

        if (error.EntityId is not null)
        {
            body["entityId"] = error.EntityId;
        }

        if (error.EntityName is not null)
        {
            body["entityName"] = error.EntityName;
        }

        if (error.Details is not null)
        {
            body["details"] = new JArray(error.Details);
        }

        return body;
    }

    /// <summary>Exactly the body the real API has sent with every 429 since 2021.</summary>
    public static JObject RateLimited(int retryAfterSeconds, string contextId) => Create(
        429,
        "too.many.requests.retry.after",
        $"Rate limit exceeded the maximum. Retry the request in [{retryAfterSeconds}] seconds",
        contextId);
}
