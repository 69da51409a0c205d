using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary><c>/api/v2/routing/queues</c>: list (<c>id</c>, <c>name</c>, <c>divisionId</c> filters), get,
/// create, replace, delete.</summary>
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

    private static JsonResponse List(HttpContext context, OrgStore store) => store.Read(org =>
        JsonResponse.Ok(Paging.Envelope(
            context.Request,
            ListFilters.Apply(context.Request, org.Queues, byDivision: true),
            QueueOperations.MaxPageSize,
            queue => QueueView.Render(org, queue))));

    private static JsonResponse Get(string id, OrgStore store) => store.Read(org =>
        JsonResponse.Ok(QueueView.Render(org, Org.FindById(org.Queues, id) ?? throw ApiErrors.NotFound("queue", id))));

    private static async Task<IResult> CreateAsync(HttpContext context, OrgStore store, SandboxClock clock)
    {
        var body = await RequestBody.ReadObjectAsync(context);
        return store.Write(org => JsonResponse.Ok(QueueView.Render(org, QueueOperations.Create(org, body, Stamp.Api(clock)))));
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext context, OrgStore store, SandboxClock clock)
    {
        var body = await RequestBody.ReadObjectAsync(context);
        return store.Write(org => JsonResponse.Ok(QueueView.Render(org, QueueOperations.Replace(org, id, body, Stamp.Api(clock)))));
    }

    private static IResult Delete(string id, OrgStore store)
    {
        store.Write(org => QueueOperations.Delete(org, id));
        return Results.NoContent();
    }
}
