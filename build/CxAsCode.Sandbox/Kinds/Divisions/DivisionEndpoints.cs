using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CxAsCode.Sandbox.Kinds.Divisions;

/// <summary><c>GET /api/v2/authorization/divisions</c> and <c>…/{id}</c>. Divisions are read-only here:
/// the pipeline references them by name and never manages them.</summary>
internal static class DivisionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v2/authorization/divisions");
        group.MapGet(string.Empty, List);
        group.MapGet("/{id}", Get);
    }

    private static JsonResponse List(HttpContext context, OrgStore store) => store.Read(org =>
        JsonResponse.Ok(Paging.Envelope(
            context.Request,
            ListFilters.Apply(context.Request, org.Divisions),
            DivisionView.MaxPageSize,
            DivisionView.Render)));

    private static JsonResponse Get(string id, OrgStore store) => store.Read(org =>
        JsonResponse.Ok(DivisionView.Render(Org.FindById(org.Divisions, id) ?? throw ApiErrors.NotFound("division", id))));
}
