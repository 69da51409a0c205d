using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Admin;

/// <summary><c>POST /sandbox/edit</c>: someone changes the org in the Genesys UI behind the pipeline's back
/// (the drift and stale-plan tests). Edits are stamped with the "UI" user.</summary>
internal static class OutOfBandEdit
{
    public static JObject Apply(Org org, JObject request, Stamp stamp)
    {
        var kind = EditableKind.Find(request.Str("kind"))
            ?? throw ApiErrors.BadRequest("kind must be one of: queues, skills, wrapupcodes.");

        if (request["create"] is { } create)
        {
            var body = create as JObject ?? throw ApiErrors.BadRequest("create must be a JSON object (the API body).");
            return kind.Render(org, kind.Create(org, body, stamp));
        }

        var name = request.Str("name") ?? throw ApiErrors.BadRequest("name is required unless create is given.");
        var target = kind.FindByName(org, name)
            ?? throw new GenesysErrorException(404, "not.found", $"No {kind.Name} named '{name}'.") { EntityName = name };
        var id = target.Str("id")!;

        if (request.Value<bool?>("delete") == true)
        {
            var before = kind.Render(org, target);
            kind.Delete(org, id, stamp);
            // Skills are soft-deleted and still exist: show them as GET now does.
            return Org.FindById(kind.Items(org), id) is { } remaining ? kind.Render(org, remaining) : before;
        }

        if (request["set"] is not JObject patch)
        {
            throw ApiErrors.BadRequest("Give one of: set (a JSON merge patch), delete: true, or create.");
        }

        JsonMergePatch.Apply(target, patch);
        // The id is the object's identity; a patch can change anything else, but not that.
        target["id"] = id;
        kind.Touch(target, stamp);
        return kind.Render(org, target);
    }
}
