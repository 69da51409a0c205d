using Newtonsoft.Json.Linq;

namespace CxAsCode.Http;

/// <summary>404 or 410: the object does not exist (or was deleted).</summary>
public sealed class NotFoundException : ApiException
{
    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NotFoundException(string method, string path, int status, JObject? body, string? correlationId, string message)
        : base(method, path, status, body, correlationId, message)
    {
    }
}
