using Newtonsoft.Json.Linq;

namespace CxAsCode.Http;

/// <summary>
/// The API answered with an error. Carries the Genesys error body (<c>code</c>, <c>message</c>,
/// <c>contextId</c>) so reports can name the correlation id support will ask for.
/// </summary>
public class ApiException : Exception
{
    public ApiException()
    {
    }

    public ApiException(string message)
        : base(message)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApiException(string method, string path, int status, JObject? body, string? correlationId, string message)
        : base(message)
    {
        Method = method;
        Path = path;
        Status = status;
        Body = body;
        CorrelationId = correlationId;
    }

    public string Method { get; } = string.Empty;

    public string Path { get; } = string.Empty;

    public int Status { get; }

    /// <summary>The Genesys error code (<c>duplicate.name</c>, <c>general.conflict</c>…), when the body had one.</summary>
    public string? Code => (string?)Body?["code"];

    public JObject? Body { get; }

    /// <summary>The <c>ININ-Correlation-Id</c> response header.</summary>
    public string? CorrelationId { get; }
}
