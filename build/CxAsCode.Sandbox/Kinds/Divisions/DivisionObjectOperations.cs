using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Kinds.Queues;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Divisions;

/// <summary><c>POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}</c>, body a JSON array
/// of object ids: "Set the division of a specified list of objects. The objects must all be of the same type,
/// one of: CAMPAIGN, MANAGEMENTUNIT, FLOW, QUEUE, DATATABLES or USER" (SDK docs, ObjectsApi.md,
/// PostAuthorizationDivisionObject; 204 with no body). The Terraform provider moves queues this way after a
/// queue PUT (util/util_divisions.go, UpdateObjectDivision). Of the kinds the pipeline manages only queues
/// and users are on that list (skills move with PATCH, wrap-up codes with their PUT), so QUEUE and USER are the
/// types emulated (the provider's genesyscloud_user moves a user with UpdateObjectDivision(d, "USER", …)).</summary>
internal static class DivisionObjectOperations
{
    public static readonly IReadOnlyList<string> ObjectTypes = ["CAMPAIGN", "MANAGEMENTUNIT", "FLOW", "QUEUE", "DATATABLES", "USER"];

    /// <summary>The SDK lists no permission for the move itself; the sandbox requires the object's edit
    /// permission in both the division it leaves and the one it joins.</summary>
    public const string QueueEditPermission = "routing:queue:edit";

    /// <summary>The permission PATCH /api/v2/users/{userId} requires (the SDK contract's operation), required for a user's move too.</summary>
    public const string UserEditPermission = "directory:user:edit";

    public static void Move(Org org, string divisionId, string objectType, JToken body, WriteContext write)
    {
        if (!ObjectTypes.Contains(objectType, StringComparer.Ordinal))
        {
            throw ApiErrors.InvalidEnumValue(objectType, "ObjectType", ObjectTypes);
        }

        if (objectType is not ("QUEUE" or "USER"))
        {
            throw ApiErrors.BadRequest($"The sandbox does not emulate {objectType} objects; only QUEUE and USER objects can be moved.");
        }

        var division = org.FindDivision(divisionId) ?? throw ApiErrors.NotFound("division", divisionId);
        if (body is not JArray ids || ids.Any(id => id.Type != JTokenType.String))
        {
            throw ApiErrors.BadRequest("The request body must be a JSON array of object ids.");
        }

        if (objectType == "USER")
        {
            MoveUsers(org, division, ids, write);
            return;
        }

        var access = write.Access.Requiring(QueueEditPermission);
        var queues = ids.Select(id => (string)id!).Select(id =>
        {
            var queue = org.Queues.Current(id) ?? throw ApiErrors.InvalidValue($"The queue {id} does not exist.", id);
            access.Demand(org, queue.RefId("division"), id, queue.Str("name"));
            access.Demand(org, division.Str("id"), id, queue.Str("name"));
            return queue;
        }).ToList();

        foreach (var queue in queues.Where(q => !string.Equals(q.RefId("division"), division.Str("id"), StringComparison.OrdinalIgnoreCase)))
        {
            QueueOperations.MoveToDivision(org, queue, division.Str("id")!, write);
        }
    }

    private static void MoveUsers(Org org, JObject division, JArray ids, WriteContext write)
    {
        var access = write.Access.Requiring(UserEditPermission);
        var users = ids.Select(id => (string)id!).Select(id =>
        {
            var user = org.Users.Current(id);
            if (user is null || user.Str("state") == Users.UserOperations.Deleted)
            {
                throw ApiErrors.InvalidValue($"The user {id} does not exist.", id);
            }

            access.Demand(org, user.RefId("division"), id, user.Str("name"));
            access.Demand(org, division.Str("id"), id, user.Str("name"));
            return user;
        }).ToList();

        foreach (var user in users.Where(u => !string.Equals(u.RefId("division"), division.Str("id"), StringComparison.OrdinalIgnoreCase)))
        {
            var moved = (JObject)user.DeepClone();
            moved["division"] = new JObject { ["id"] = division.Str("id") };
            Users.UserOperations.Touch(moved);
            org.Users.Commit(moved.Str("id")!, write.Revision(moved), write.Now);
        }
    }
}
