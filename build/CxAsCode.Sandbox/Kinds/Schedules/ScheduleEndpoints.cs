using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Schedules;

/// <summary><c>/api/v2/architect/schedules</c> and <c>/api/v2/architect/schedulegroups</c>: list, get, create,
/// replace, delete. Their lists add <c>totalNumberOfEntities</c> to the envelope (genesys-api.md §2).</summary>
internal static class ScheduleEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        MapKind(app, "/api/v2/architect/schedules", "schedule", org => org.Schedules, ScheduleViews.Schedule,
            ScheduleOperations.Create, ScheduleOperations.Replace, ScheduleOperations.Delete);
        MapKind(app, "/api/v2/architect/schedulegroups", "schedule group", org => org.ScheduleGroups, ScheduleViews.Group,
            ScheduleGroupOperations.Create, ScheduleGroupOperations.Replace, ScheduleGroupOperations.Delete);
    }

    private static void MapKind(
        IEndpointRouteBuilder app,
        string path,
        string what,
        Func<Org, KindTable> table,
        Func<Org, JObject, JObject> render,
        Func<Org, JObject, WriteContext, string?, JObject> create,
        Func<Org, string, JObject, WriteContext, JObject> replace,
        Func<Org, string, WriteContext, JObject> delete)
    {
        var group = app.MapGroup(path);
        group.MapGet(string.Empty, (HttpContext context, OrgStore store) => store.Read(org =>
        {
            var envelope = Paging.Envelope(
                context.Request,
                table(org).List(ListFilters.Parse(context.Request, byDivision: true), Access.Of(context).Scope(org)),
                ScheduleOperations.MaxPageSize,
                item => render(org, item));
            envelope["totalNumberOfEntities"] = envelope["total"]?.DeepClone();
            return JsonResponse.Ok(envelope);
        }));
        group.MapGet("/{id}", (string id, HttpContext context, OrgStore store) =>
            store.Read(org => JsonResponse.Ok(render(org, Kinds.Visible.Get(org, table(org), id, what, Access.Of(context))))));
        group.MapPost(string.Empty, async (HttpContext context, OrgStore store) =>
        {
            var body = await RequestBody.ReadObjectAsync(context);
            return store.Write(Actors.ApiClient, Access.Of(context), (org, write) => JsonResponse.Ok(render(org, create(org, body, write, null))));
        });
        group.MapPut("/{id}", async (string id, HttpContext context, OrgStore store) =>
        {
            var body = await RequestBody.ReadObjectAsync(context);
            return store.Write(Actors.ApiClient, Access.Of(context), (org, write) => JsonResponse.Ok(render(org, replace(org, id, body, write))));
        });
        group.MapDelete("/{id}", (string id, HttpContext context, OrgStore store) =>
        {
            store.Write(Actors.ApiClient, Access.Of(context), (org, write) => delete(org, id, write));
            return Results.NoContent();
        });
    }
}
