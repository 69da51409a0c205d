using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Users;

/// <summary><c>/api/v2/users</c>: list (<c>state</c> active by default, inactive, deleted or any; <c>expand=skills,languages</c>),
/// get (a deleted user only with <c>state=deleted</c>), create, PATCH with version, soft delete, and the routing
/// skills and languages of a user (genesys-api.md §2, §3, §6; the operations in the SDK contract).</summary>
internal static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v2/users");
        users.MapGet(string.Empty, List);
        users.MapGet("/{id}", (string id, HttpContext context, OrgStore store) => store.Read(org =>
        {
            var user = Visible.Get(org, org.Users, id, "user", Access.Of(context));
            var wantsDeleted = context.Request.Query["state"] == UserOperations.Deleted;
            return (user.Str("state") == UserOperations.Deleted) == wantsDeleted
                ? JsonResponse.Ok(UserView.Render(org, user, Expand(context)))
                : throw ApiErrors.NotFound("user", id);
        }));
        users.MapPost(string.Empty, async (HttpContext context, OrgStore store) =>
        {
            var body = await RequestBody.ReadObjectAsync(context);
            return store.Write(Actors.ApiClient, Access.Of(context), (org, write) => JsonResponse.Ok(UserView.Render(org, UserOperations.Create(org, body, write), Expand(context))));
        });
        users.MapPatch("/{id}", async (string id, HttpContext context, OrgStore store) =>
        {
            var body = await RequestBody.ReadObjectAsync(context);
            return store.Write(Actors.ApiClient, Access.Of(context), (org, write) => JsonResponse.Ok(UserView.Render(org, UserOperations.Patch(org, id, body, write), Expand(context))));
        });
        users.MapDelete("/{id}", (string id, HttpContext context, OrgStore store) =>
        {
            store.Write(Actors.ApiClient, Access.Of(context), (org, write) => UserOperations.Delete(org, id, write));
            return JsonResponse.Ok(new JObject());
        });

        users.MapGet("/{id}/queues", (string id, HttpContext context, OrgStore store) => store.Read(org =>
        {
            var user = Visible.Get(org, org.Users, id, "user", Access.Of(context));
            var joined = !string.Equals(context.Request.Query["joined"].FirstOrDefault(), "false", StringComparison.OrdinalIgnoreCase);
            return JsonResponse.Ok(Paging.Envelope(context.Request, Listing.Of([.. Queues.QueueMemberOperations.QueuesOf(org, user.Str("id")!, joined)]), 100, q => q));
        }));
        users.MapGet("/{id}/routingskills", (string id, HttpContext context, OrgStore store) =>
            store.Read(org => JsonResponse.Ok(Paging.Envelope(context.Request, Listing.Of([.. UserView.Skills(org, Visible.Get(org, org.Users, id, "user", Access.Of(context))).OfType<JObject>()]), 100, s => s))));
        users.MapPut("/{id}/routingskills/bulk", async (string id, HttpContext context, OrgStore store) =>
        {
            var body = await ArrayBody(context);
            return store.Write(Actors.ApiClient, Access.Of(context), (org, write) =>
                JsonResponse.Ok(Listed(context, UserView.Skills(org, UserRoutingOperations.ReplaceSkills(org, id, body, write)))));
        });
        users.MapGet("/{id}/routinglanguages", (string id, HttpContext context, OrgStore store) =>
            store.Read(org => JsonResponse.Ok(Paging.Envelope(context.Request, Listing.Of([.. UserView.Languages(org, Visible.Get(org, org.Users, id, "user", Access.Of(context))).OfType<JObject>()]), 100, l => l))));
        users.MapPatch("/{id}/routinglanguages/bulk", async (string id, HttpContext context, OrgStore store) =>
        {
            var body = await ArrayBody(context);
            return store.Write(Actors.ApiClient, Access.Of(context), (org, write) =>
                JsonResponse.Ok(Listed(context, UserView.Languages(org, UserRoutingOperations.PatchLanguages(org, id, body, write)))));
        });
        users.MapDelete("/{id}/routinglanguages/{languageId}", (string id, string languageId, HttpContext context, OrgStore store) =>
        {
            store.Write(Actors.ApiClient, Access.Of(context), (org, write) => UserRoutingOperations.RemoveLanguage(org, id, languageId, write));
            return Results.NoContent();
        });
    }

    private static JsonResponse List(HttpContext context, OrgStore store)
    {
        var state = context.Request.Query["state"].FirstOrDefault() ?? UserOperations.Active;
        if (state is not ("active" or "inactive" or "deleted" or "any"))
        {
            throw ApiErrors.InvalidValue($"state must be active, inactive, deleted or any (got '{state}').");
        }

        var access = Access.Of(context);
        return store.Read(org =>
        {
            var listed = org.Users.List(ListFilters.Parse(context.Request), access.Scope(org)).From(0)
                .Where(u => state == "any" || u.Str("state") == state)
                .ToList();
            return JsonResponse.Ok(Paging.Envelope(context.Request, Listing.Of(listed), UserOperations.MaxPageSize, u => UserView.Render(org, u, Expand(context))));
        });
    }

    private static JObject Listed(HttpContext context, JArray entries) =>
        Paging.Envelope(context.Request, Listing.Of([.. entries.OfType<JObject>()]), int.MaxValue, e => e);

    private static HashSet<string> Expand(HttpContext context) =>
        context.Request.Query["expand"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static async Task<JArray> ArrayBody(HttpContext context) =>
        JToken.Parse(await RequestBody.ReadTextAsync(context)) as JArray ?? throw ApiErrors.BadRequest("The body must be a JSON array.");
}
