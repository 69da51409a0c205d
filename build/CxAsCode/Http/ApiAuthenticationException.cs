using Newtonsoft.Json.Linq;

namespace CxAsCode.Http;

/// <summary>401: the token is missing, expired or refused.</summary>
public sealed class ApiAuthenticationException : ApiException
{
    public ApiAuthenticationException()
    {
    }

    public ApiAuthenticationException(string message)
        : base(message)
    {
    }

    public ApiAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApiAuthenticationException(string method, string path, int status, JObject? body, string? correlationId, string message)
        : base(method, path, status, body, correlationId, message)
    {
    }
}
