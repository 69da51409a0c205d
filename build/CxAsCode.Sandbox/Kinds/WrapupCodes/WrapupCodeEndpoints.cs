using CxAsCode.Sandbox.Http;
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

    private static JsonResponse List(HttpContext context, OrgStore store) => store.Read(org =>
        JsonResponse.Ok(Paging.Envelope(
            context.Request,
            ListFilters.Apply(context.Request, org.WrapupCodes, byDivision: true),
            WrapupCodeOperations.MaxPageSize,
            code => WrapupCodeView.Render(org, code))));

    private static JsonResponse Get(string id, OrgStore store) => store.Read(org =>
        JsonResponse.Ok(WrapupCodeView.Render(org, Org.FindById(org.WrapupCodes, id) ?? throw ApiErrors.NotFound("wrap-up code", id))));

    private static async Task<IResult> CreateAsync(HttpContext context, OrgStore store, SandboxClock clock)
    {
        var body = await RequestBody.ReadObjectAsync(context);
        return store.Write(org => JsonResponse.Ok(WrapupCodeView.Render(org, WrapupCodeOperations.Create(org, body, Stamp.Api(clock)))));
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext context, OrgStore store, SandboxClock clock)
    {
        var body = await RequestBody.ReadObjectAsync(context);
        return store.Write(org => JsonResponse.Ok(WrapupCodeView.Render(org, WrapupCodeOperations.Replace(org, id, body, Stamp.Api(clock)))));
    }

    private static IResult Delete(string id, OrgStore store, SandboxClock clock)
    {
        store.Write(org => WrapupCodeOperations.Delete(org, id, Stamp.Api(clock)));
        return Results.NoContent();
    }
}
