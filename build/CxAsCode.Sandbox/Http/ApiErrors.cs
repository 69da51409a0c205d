using System.Globalization;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Http;

/// <summary>The errors the emulated endpoints raise, with the codes and wording of the real API
/// (genesys-api.md §6–7). Where the sources give no wording, the message says plainly what is wrong and the
/// code is the one the real API uses for that status.</summary>
internal static class ApiErrors
{
    /// <summary>The request limit of genesys-api.md §5 ("Max request payload 512,000 bytes").</summary>
    public const int MaxRequestBytes = 512_000;

    public static GenesysErrorException BadRequest(string message) => new(400, "bad.request", message);

    public static GenesysErrorException MalformedBody() =>
        BadRequest("The request could not be understood by the server due to malformed syntax.");

    public static GenesysErrorException InvalidValue(string message, string? entityId = null) =>
        new(400, "invalid.value", message) { EntityId = entityId };

    /// <summary>An enum value the platform does not know. Wording and the enum's type name in brackets as
    /// the real API sends them: "Value [] is not valid for field type [Mode]. Allowable values are:
    /// AgentFirst, CustomerFirst" (MyPureCloud/terraform-provider-genesyscloud issue #1578, a queue PUT).</summary>
    public static GenesysErrorException InvalidEnumValue(string value, string typeName, IEnumerable<string> allowed) =>
        InvalidValue($"Value [{value}] is not valid for field type [{typeName}]. Allowable values are: {string.Join(", ", allowed)}");

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

    /// <summary>403 <c>missing.permissions</c>. The message starts as the platform's does ("Unable to
    /// perform the requested action…", terraform-provider-genesyscloud issue #340); the division the
    /// permission is missing in is the single <c>details</c> entry, the object (when there is one) is
    /// <c>entityId</c>/<c>entityName</c>.</summary>
    public static GenesysErrorException MissingPermissions(
        IReadOnlyList<string> permissions, string? divisionId, string? divisionName, string? entityId, string? entityName)
    {
        var list = string.Join(", ", permissions);
        return new GenesysErrorException(403, "missing.permissions", $"Unable to perform the requested action. You are missing the following permission(s): {list}")
        {
            EntityId = entityId,
            EntityName = entityName,
            MessageWithParams = "Unable to perform the requested action. You are missing the following permission(s): {permissions}",
            MessageParams = new Dictionary<string, string> { ["permissions"] = list },
            Details = divisionId is null && divisionName is null ? null :
            [
                (JObject)Store.Json.WithoutNulls(new JObject
                {
                    ["errorCode"] = "missing.permissions",
                    ["fieldName"] = "division",
                    ["entityId"] = divisionId,
                    ["entityName"] = divisionName,
                }),
            ],
        };
    }

    /// <summary>400 <c>active.queue</c>: deleting a queue with conversations in progress without
    /// <c>forceDelete=true</c> (genesys-api.md §6; the provider always deletes with forceDelete=true,
    /// routing_queue/resource_genesyscloud_routing_queue.go, deleteRoutingQueue).</summary>
    public static GenesysErrorException ActiveQueue(string id, string? name) =>
        new(400, "active.queue", "The queue has active conversations and cannot be deleted. Delete it with forceDelete=true to end them.")
        {
            EntityId = id,
            EntityName = name,
        };

    /// <summary>413 <c>request.entity.too.large</c> with the wording of the OpenAPI spec's shared 413
    /// response ("The request is over the size limit. Maximum bytes: %s").</summary>
    public static GenesysErrorException PayloadTooLarge() =>
        new(413, "request.entity.too.large", string.Create(CultureInfo.InvariantCulture, $"The request is over the size limit. Maximum bytes: {MaxRequestBytes}"));
}
