using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Kinds.WrapupCodes;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary><c>/api/v2/routing/queues/{id}/wrapupcodes</c>: paged list of full WrapupCode objects, add up
/// to 100, remove one.</summary>
internal static class QueueWrapupCodeEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v2/routing/queues/{queueId}/wrapupcodes");
        group.MapGet(string.Empty, List);
        group.MapPost(string.Empty, AddAsync);
        group.MapDelete("/{codeId}", Remove);
    }

    private static JsonResponse List(string queueId, HttpContext context, OrgStore store) => store.Read(org =>
    {
        var queue = QueueWrapupCodeOperations.FindQueue(org, queueId);
        return JsonResponse.Ok(Paging.Envelope(
            context.Request,
            ListFilters.Apply(context.Request, QueueWrapupCodeOperations.Assigned(org, queue)),
            QueueWrapupCodeOperations.MaxPageSize,
            code => WrapupCodeView.Render(org, code)));
    });

    private static async Task<IResult> AddAsync(string queueId, HttpContext context, OrgStore store, SandboxClock clock)
    {
        var body = await RequestBody.ReadJsonAsync(context);
        return store.Write(org =>
        {
            var added = QueueWrapupCodeOperations.Add(org, queueId, body, Stamp.Api(clock));
            return JsonResponse.Ok(new JArray(added.Select(code => WrapupCodeView.Render(org, code))));
        });
    }

    private static IResult Remove(string queueId, string codeId, OrgStore store, SandboxClock clock)
    {
        store.Write(org =>
        {
            QueueWrapupCodeOperations.Remove(org, queueId, codeId, Stamp.Api(clock));
            return true;
        });
        return Results.NoContent();
    }
}
