using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary><c>/api/v2/routing/queues/{id}/members</c>: paged list (at most 100 a page), bulk add or remove up
/// to 100 (<c>delete=true</c>), remove one.</summary>
internal static class QueueMemberEndpoints
{
    private static readonly string[] NotOnTheListing = ["total", "pageCount", "lastUri"];

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v2/routing/queues/{queueId}/members");
        group.MapGet(string.Empty, (string queueId, HttpContext context, OrgStore store) => store.Read(org =>
        {
            var page = Paging.Envelope(context.Request, Listing.Of([.. QueueMemberOperations.List(org, queueId, Access.Of(context))]), QueueMemberOperations.MaxPageSize, member => member);
            // QueueMemberEntityListing has no total, pageCount or lastUri: a client pages on until no nextUri.
            foreach (var absent in NotOnTheListing)
            {
                page.Remove(absent);
            }

            return JsonResponse.Ok(page);
        }));
        group.MapPost(string.Empty, async (string queueId, HttpContext context, OrgStore store) =>
        {
            var body = await RequestBody.ReadJsonAsync(context);
            var delete = string.Equals(context.Request.Query["delete"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
            store.Write(Actors.ApiClient, Access.Of(context), (org, write) =>
            {
                QueueMemberOperations.Change(org, queueId, body, delete, write);
                return true;
            });
            return Results.NoContent();
        });
        group.MapDelete("/{memberId}", (string queueId, string memberId, HttpContext context, OrgStore store) =>
        {
            store.Write(Actors.ApiClient, Access.Of(context), (org, write) =>
            {
                QueueMemberOperations.Change(org, queueId, new Newtonsoft.Json.Linq.JArray(new Newtonsoft.Json.Linq.JObject { ["id"] = memberId }), delete: true, write);
                return true;
            });
            return Results.NoContent();
        });
    }
}
