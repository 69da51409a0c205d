using Newtonsoft.Json.Linq;

namespace CxAsCode.Http;

/// <summary>409: a name, version or lock conflict.</summary>
public sealed class ConflictException : ApiException
{
    public ConflictException()
    {
    }

    public ConflictException(string message)
        : base(message)
    {
    }

    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConflictException(string method, string path, int status, JObject? body, string? correlationId, string message)
        : base(method, path, status, body, correlationId, message)
    {
    }
}
