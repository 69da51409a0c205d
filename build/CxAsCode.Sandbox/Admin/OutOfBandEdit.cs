using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Admin;

/// <summary><c>POST /sandbox/edit</c>: someone changes the org in the Genesys UI behind the pipeline's back
/// (the drift and stale-plan tests). Edits are stamped with the "UI" user and, like any write, reach the
/// read views after the realism profile's lags.</summary>
internal static class OutOfBandEdit
{
    public static JObject Apply(Org org, JObject request, WriteContext write)
    {
        var kind = EditableKind.Find(request.Str("kind"))
            ?? throw ApiErrors.BadRequest("kind must be one of: queues, skills, wrapupcodes.");

        if (request["create"] is { } create)
        {
            var body = create as JObject ?? throw ApiErrors.BadRequest("create must be a JSON object (the API body).");
            return kind.Render(org, kind.Create(org, body, write), write.Realism);
        }

        var name = request.Str("name") ?? throw ApiErrors.BadRequest("name is required unless create is given.");
        var target = kind.FindByName(org, name)
            ?? throw new GenesysErrorException(404, "not.found", $"No {kind.Name} named '{name}'.") { EntityName = name };
        var id = target.Str("id")!;

        if (request.Value<bool?>("delete") == true)
        {
            kind.Delete(org, id, write);
            // Skills are soft-deleted and still exist: show them as they now are.
            return kind.Render(org, kind.Table(org).Current(id) ?? target, write.Realism);
        }

        if (request["activeConversations"] is { Type: JTokenType.Boolean } active)
        {
            if (kind.Name != "queues")
            {
                throw ApiErrors.BadRequest("activeConversations applies to queues only.");
            }

            org.ConversationsChanged |= (bool)active ? org.QueuesWithConversations.Add(id) : org.QueuesWithConversations.Remove(id);
            return kind.Render(org, target, write.Realism);
        }

        if (request["set"] is not JObject patch)
        {
            throw ApiErrors.BadRequest("Give one of: set (a JSON merge patch), delete: true, activeConversations (queues), or create.");
        }

        var edited = (JObject)JsonMergePatch.Apply(target.DeepClone(), patch);
        // The id is the object's identity; a patch can change anything else, but not that.
        edited["id"] = id;
        kind.Commit(org, edited, write);
        return kind.Render(org, edited, write.Realism);
    }
}
