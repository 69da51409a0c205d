namespace CxAsCode.Sandbox.Http;

/// <summary>The errors the emulated endpoints raise, with the codes and wording of the real API
/// (genesys-api.md §6–7).</summary>
internal static class ApiErrors
{
    public static GenesysErrorException BadRequest(string message) => new(400, "bad.request", message);

    public static GenesysErrorException MalformedBody() =>
        BadRequest("The request could not be understood by the server due to malformed syntax.");

    public static GenesysErrorException InvalidValue(string message, string? entityId = null) =>
        new(400, "invalid.value", message) { EntityId = entityId };

    public static GenesysErrorException NotFound(string what, string? id) =>
        new(404, "not.found", $"Unable to find a {what} with that id") { EntityId = id };

    public static GenesysErrorException RouteNotFound(string path) =>
        new(404, "not.found", $"Unable to find a resource at {path}");

    /// <summary>Queues and wrap-up codes answer a taken name with 400 <c>duplicate.name</c>.</summary>
    public static GenesysErrorException DuplicateName(string what, string name) =>
        new(400, "duplicate.name", $"A {what} with the name {name} already exists.")
        {
            EntityName = name,
            MessageWithParams = $"A {what} with the name {{name}} already exists.",
            MessageParams = new Dictionary<string, string> { ["name"] = name },
        };

    /// <summary>Skills answer a taken name with 409 <c>general.conflict</c>.</summary>
    public static GenesysErrorException Conflict(string message, string? entityName = null) =>
        new(409, "general.conflict", message) { EntityName = entityName };
}
