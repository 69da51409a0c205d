using CxAsCode.Sandbox.Faults;
using CxAsCode.Sandbox.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Admin;

/// <summary><c>/sandbox/faults</c>: register (POST), list with match counts (GET), clear (DELETE).</summary>
internal static class FaultAdminEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/faults", AddAsync);
        group.MapGet("/faults", (FaultRegistry faults) => JsonResponse.Ok(faults.ToJson()));
        group.MapDelete("/faults", (FaultRegistry faults) =>
        {
            faults.Clear();
            return AdminEndpoints.Ok();
        });
    }

    private static async Task<IResult> AddAsync(HttpContext context, FaultRegistry faults)
    {
        var body = await RequestBody.ReadObjectAsync(context);
        // Parse once up front so a bad body is a 400 and never takes an id.
        _ = FaultRuleParser.Parse(body, "check");
        var id = faults.Add(newId => FaultRuleParser.Parse(body, newId));
        return JsonResponse.Ok(new JObject { ["id"] = id });
    }
}
