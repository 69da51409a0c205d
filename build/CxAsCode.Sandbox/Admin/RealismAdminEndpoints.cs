using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Realism;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CxAsCode.Sandbox.Admin;

/// <summary><c>GET/PUT /sandbox/realism</c> (the whole profile) and <c>GET/PUT /sandbox/consistency</c>
/// (its lags). A change applies to requests that start after it; writes already made keep the lags they
/// were made with.</summary>
internal static class RealismAdminEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/realism", (RealismSettings realism) => JsonResponse.Ok(RealismJson.Profile(realism.Current)));
        group.MapPut("/realism", async (HttpContext context, RealismSettings realism) =>
        {
            var change = RealismJson.ProfileChange(await RequestBody.ReadObjectAsync(context));
            return JsonResponse.Ok(RealismJson.Profile(realism.Update(change)));
        });
        group.MapGet("/consistency", (RealismSettings realism) => JsonResponse.Ok(RealismJson.Lags(realism.Current.Consistency)));
        group.MapPut("/consistency", async (HttpContext context, RealismSettings realism) =>
        {
            var change = RealismJson.LagsChange(await RequestBody.ReadObjectAsync(context));
            return JsonResponse.Ok(RealismJson.Lags(realism.Update(profile => change(profile.Consistency)).Consistency));
        });
    }
}
