using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CxAsCode.Sandbox.Kinds.Languages;

/// <summary><c>/api/v2/routing/languages</c>: list, get, create, delete (no update endpoint exists).</summary>
internal static class LanguageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v2/routing/languages");
        group.MapGet(string.Empty, (HttpContext context, OrgStore store) => store.Read(org => JsonResponse.Ok(Paging.Envelope(
            context.Request,
            org.Languages.List(ListFilters.Parse(context.Request), Access.Of(context).Scope(org)),
            LanguageOperations.MaxPageSize,
            LanguageView.Render))));
        group.MapGet("/{id}", (string id, HttpContext context, OrgStore store) =>
            store.Read(org => JsonResponse.Ok(LanguageView.Render(Visible.Get(org, org.Languages, id, "language", Access.Of(context))))));
        group.MapPost(string.Empty, async (HttpContext context, OrgStore store) =>
        {
            var body = await RequestBody.ReadObjectAsync(context);
            return store.Write(Actors.ApiClient, Access.Of(context), (org, write) => JsonResponse.Ok(LanguageView.Render(LanguageOperations.Create(org, body, write))));
        });
        group.MapDelete("/{id}", (string id, HttpContext context, OrgStore store) =>
        {
            store.Write(Actors.ApiClient, Access.Of(context), (org, write) => LanguageOperations.Delete(org, id, write));
            return Results.NoContent();
        });
    }
}
