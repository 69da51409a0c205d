using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Kinds.WrapupCodes;
using CxAsCode.Sandbox.Permissions;
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

    private static JsonResponse List(string queueId, HttpContext context, OrgStore store)
    {
        var access = Access.Of(context);
        return store.Read(org => JsonResponse.Ok(Paging.Envelope(
            context.Request,
            ListFilters.Apply(ListFilters.Parse(context.Request), QueueWrapupCodeOperations.Assigned(org, queueId, access)),
            QueueWrapupCodeOperations.MaxPageSize,
            code => WrapupCodeView.Render(org, code))));
    }

    private static async Task<IResult> AddAsync(string queueId, HttpContext context, OrgStore store)
    {
        var body = await RequestBody.ReadJsonAsync(context);
        return store.Write(Actors.ApiClient, Access.Of(context), (org, write) =>
        {
            var added = QueueWrapupCodeOperations.Add(org, queueId, body, write);
            return JsonResponse.Ok(new JArray(added.Select(code => WrapupCodeView.Render(org, code))));
        });
    }

    private static IResult Remove(string queueId, string codeId, HttpContext context, OrgStore store)
    {
        store.Write(Actors.ApiClient, Access.Of(context), (org, write) =>
        {
            QueueWrapupCodeOperations.Remove(org, queueId, codeId, write);
            return true;
        });
        return Results.NoContent();
    }
}
