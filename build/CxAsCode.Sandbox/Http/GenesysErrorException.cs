using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Http;

/// <summary>Thrown by an operation to answer with a Genesys error body; <see cref="Pipeline.ErrorMiddleware"/>
/// turns it into the response. Operations throw before they change the org, so nothing half-applies.</summary>
internal sealed class GenesysErrorException : Exception
{
    public GenesysErrorException(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }

    public string Code { get; }

    public string? EntityId { get; init; }

    public string? EntityName { get; init; }

    /// <summary>Template with <c>{name}</c> placeholders, as the real API sends beside <see cref="MessageParams"/>.</summary>
    public string? MessageWithParams { get; init; }

    public IReadOnlyDictionary<string, string>? MessageParams { get; init; }

    /// <summary>Detail entries (<c>{errorCode, fieldName, entityId, entityName}</c>).</summary>
    public IReadOnlyList<JObject>? Details { get; init; }
}
