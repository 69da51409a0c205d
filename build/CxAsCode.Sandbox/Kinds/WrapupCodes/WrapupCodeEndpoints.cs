using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CxAsCode.Sandbox.Kinds.WrapupCodes;

/// <summary><c>/api/v2/routing/wrapupcodes</c>: list, get, create, replace, delete.</summary>
internal static class WrapupCodeEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v2/routing/wrapupcodes");
        group.MapGet(string.Empty, List);
        group.MapGet("/{id}", Get);
        group.MapPost(string.Empty, CreateAsync);
        group.MapPut("/{id}", ReplaceAsync);
        group.MapDelete("/{id}", Delete);
    }

    private static JsonResponse List(HttpContext context, OrgStore store)
    {
        var access = Access.Of(context);
        return store.Read(org => JsonResponse.Ok(Paging.Envelope(
            context.Request,
            org.WrapupCodes.List(ListFilters.Parse(context.Request, byDivision: true), access.Scope(org)),
            WrapupCodeOperations.MaxPageSize,
            code => WrapupCodeView.Render(org, code))));
    }

    private static JsonResponse Get(string id, HttpContext context, OrgStore store)
    {
        var access = Access.Of(context);
        return store.Read(org => JsonResponse.Ok(WrapupCodeView.Render(org, Visible.Get(org, org.WrapupCodes, id, "wrap-up code", access))));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, OrgStore store)
    {
        var body = await RequestBody.ReadObjectAsync(context);
        return store.Write(Actors.ApiClient, Access.Of(context), (org, write) =>
            JsonResponse.Ok(WrapupCodeView.Render(org, WrapupCodeOperations.Create(org, body, write))));
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext context, OrgStore store)
    {
        var body = await RequestBody.ReadObjectAsync(context);
        return store.Write(Actors.ApiClient, Access.Of(context), (org, write) =>
            JsonResponse.Ok(WrapupCodeView.Render(org, WrapupCodeOperations.Replace(org, id, body, write))));
    }

    private static IResult Delete(string id, HttpContext context, OrgStore store)
    {
        store.Write(Actors.ApiClient, Access.Of(context), (org, write) => WrapupCodeOperations.Delete(org, id, write));
        return Results.NoContent();
    }
}
