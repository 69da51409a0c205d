using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Realism;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary><c>/api/v2/routing/queues</c>: list (<c>id</c>, <c>name</c>, <c>divisionId</c> filters), get,
/// create, replace, delete (<c>forceDelete</c>).</summary>
internal static class QueueEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v2/routing/queues");
        group.MapGet(string.Empty, List);
        group.MapGet("/{id}", Get);
        group.MapPost(string.Empty, CreateAsync);
        group.MapPut("/{id}", ReplaceAsync);
        group.MapDelete("/{id}", Delete);
    }

    private static JsonResponse List(HttpContext context, OrgStore store, RealismSettings realism)
    {
        var access = Access.Of(context);
        var profile = realism.Current;
        return store.Read(org => JsonResponse.Ok(Paging.Envelope(
            context.Request,
            org.Queues.List(ListFilters.Parse(context.Request, byDivision: true), access.Scope(org)),
            QueueOperations.MaxPageSize,
            queue => QueueView.Render(org, queue, profile))));
    }

    private static JsonResponse Get(string id, HttpContext context, OrgStore store, RealismSettings realism)
    {
        var access = Access.Of(context);
        var profile = realism.Current;
        return store.Read(org => JsonResponse.Ok(QueueView.Render(org, Visible.Get(org, org.Queues, id, "queue", access), profile)));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, OrgStore store, RealismSettings realism)
    {
        var body = await RequestBody.ReadObjectAsync(context);
        var profile = realism.Current;
        return store.Write(Actors.ApiClient, Access.Of(context), (org, write) =>
            JsonResponse.Ok(QueueView.Render(org, QueueOperations.Create(org, body, write), profile)));
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext context, OrgStore store, RealismSettings realism)
    {
        var body = await RequestBody.ReadObjectAsync(context);
        var profile = realism.Current;
        return store.Write(Actors.ApiClient, Access.Of(context), (org, write) =>
            JsonResponse.Ok(QueueView.Render(org, QueueOperations.Replace(org, id, body, write), profile)));
    }

    private static IResult Delete(string id, HttpContext context, OrgStore store)
    {
        var forceDelete = string.Equals(context.Request.Query["forceDelete"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        store.Write(Actors.ApiClient, Access.Of(context), (org, write) =>
        {
            QueueOperations.Delete(org, id, forceDelete, write);
            return true;
        });
        return Results.NoContent();
    }
}
