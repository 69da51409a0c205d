using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CxAsCode.Sandbox.Kinds.Skills;

/// <summary><c>/api/v2/routing/skills</c>: the list shows active and inactive skills, and a deleted skill
/// for a while after its deletion (with <c>state: deleted</c>); <c>GET {id}</c> keeps answering for deleted
/// ones, as the real API may.</summary>
internal static class SkillEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v2/routing/skills");
        group.MapGet(string.Empty, List);
        group.MapGet("/{id}", Get);
        group.MapPost(string.Empty, CreateAsync);
        group.MapDelete("/{id}", Delete);
    }

    private static JsonResponse List(HttpContext context, OrgStore store)
    {
        var access = Access.Of(context);
        return store.Read(org => JsonResponse.Ok(Paging.Envelope(
            context.Request,
            org.Skills.List(ListFilters.Parse(context.Request), access.Scope(org)),
            SkillOperations.MaxPageSize,
            skill => SkillView.Render(org, skill))));
    }

    private static JsonResponse Get(string id, HttpContext context, OrgStore store)
    {
        var access = Access.Of(context);
        return store.Read(org => JsonResponse.Ok(SkillView.Render(org, Visible.Get(org, org.Skills, id, "skill", access))));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, OrgStore store)
    {
        var body = await RequestBody.ReadObjectAsync(context);
        return store.Write(Actors.ApiClient, Access.Of(context), (org, write) =>
            JsonResponse.Ok(SkillView.Render(org, SkillOperations.Create(org, body, write))));
    }

    private static IResult Delete(string id, HttpContext context, OrgStore store)
    {
        store.Write(Actors.ApiClient, Access.Of(context), (org, write) => SkillOperations.Delete(org, id, write));
        return Results.NoContent();
    }
}
