using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CxAsCode.Sandbox.Kinds.Skills;

/// <summary><c>/api/v2/routing/skills</c>: the list shows active skills only; <c>GET {id}</c> also answers
/// for deleted ones, as the real API may.</summary>
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

    private static JsonResponse List(HttpContext context, OrgStore store) => store.Read(org =>
        JsonResponse.Ok(Paging.Envelope(
            context.Request,
            ListFilters.Apply(context.Request, org.Skills.Where(SkillOperations.IsActive)),
            SkillOperations.MaxPageSize,
            skill => SkillView.Render(org, skill))));

    private static JsonResponse Get(string id, OrgStore store) => store.Read(org =>
        JsonResponse.Ok(SkillView.Render(org, Org.FindById(org.Skills, id) ?? throw ApiErrors.NotFound("skill", id))));

    private static async Task<IResult> CreateAsync(HttpContext context, OrgStore store, SandboxClock clock)
    {
        var body = await RequestBody.ReadObjectAsync(context);
        return store.Write(org => JsonResponse.Ok(SkillView.Render(org, SkillOperations.Create(org, body, Stamp.Api(clock)))));
    }

    private static IResult Delete(string id, OrgStore store, SandboxClock clock)
    {
        store.Write(org => SkillOperations.Delete(org, id, Stamp.Api(clock)));
        return Results.NoContent();
    }
}
