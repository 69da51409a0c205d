using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CxAsCode.Sandbox.Kinds.Divisions;

/// <summary><c>GET /api/v2/authorization/divisions</c> and <c>…/{id}</c>, and
/// <c>POST …/{divisionId}/objects/{objectType}</c> (move objects into a division). Divisions themselves are
/// read-only here: the pipeline references them by name and never manages them.</summary>
internal static class DivisionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v2/authorization/divisions");
        group.MapGet(string.Empty, List);
        group.MapGet("/{id}", Get);
        group.MapPost("/{divisionId}/objects/{objectType}", MoveObjectsAsync);
    }

    private static JsonResponse List(HttpContext context, OrgStore store) => store.Read(org =>
        JsonResponse.Ok(Paging.Envelope(
            context.Request,
            ListFilters.Apply(ListFilters.Parse(context.Request), org.Divisions),
            DivisionView.MaxPageSize,
            DivisionView.Render)));

    private static JsonResponse Get(string id, OrgStore store) => store.Read(org =>
        JsonResponse.Ok(DivisionView.Render(org.FindDivision(id) ?? throw ApiErrors.NotFound("division", id))));

    private static async Task<IResult> MoveObjectsAsync(string divisionId, string objectType, HttpContext context, OrgStore store)
    {
        var body = await RequestBody.ReadJsonAsync(context);
        store.Write(Actors.ApiClient, Access.Of(context), (org, write) =>
        {
            DivisionObjectOperations.Move(org, divisionId, objectType, body, write);
            return true;
        });
        return Results.NoContent();
    }
}
