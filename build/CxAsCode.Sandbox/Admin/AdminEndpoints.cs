using CxAsCode.Sandbox.Auth;
using CxAsCode.Sandbox.Faults;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Kinds.Flows;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.RateLimiting;
using CxAsCode.Sandbox.Realism;
using CxAsCode.Sandbox.RequestLog;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Admin;

/// <summary>The admin surface under <c>/sandbox/</c>: no auth, no rate limit, never in the request log,
/// never under <c>/api/v2</c> (so no client of the real API could reach it by mistake).</summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/sandbox");
        group.MapPost("/reset", ResetAsync);
        group.MapGet("/requests", (RequestLogBook log) => JsonResponse.Ok(log.ToJson()));
        group.MapDelete("/requests", (RequestLogBook log) =>
        {
            log.Clear();
            return Ok();
        });
        group.MapGet("/state", (OrgStore store, RealismSettings realism) =>
        {
            var profile = realism.Current;
            return JsonResponse.Ok(store.Read(org => StateSnapshot.Build(org, profile)));
        });
        group.MapPost("/edit", EditAsync);
        group.MapGet("/ratelimit", (RateLimiter limiter) => RateLimit(limiter));
        group.MapGet("/tokens", (TokenIssuanceLimiter issuance) => JsonResponse.Ok(new JObject { ["issued"] = issuance.Issued }));
        group.MapPut("/ratelimit", SetRateLimitAsync);
        group.MapPost("/tokens/expire", (TokenRegistry tokens) => JsonResponse.Ok(new JObject { ["ok"] = true, ["expired"] = tokens.ExpireAll() }));
        FaultAdminEndpoints.Map(group);
        RealismAdminEndpoints.Map(group);
        ClientAdminEndpoints.Map(group);
    }

    public static JsonResponse Ok() => JsonResponse.Ok(new JObject { ["ok"] = true });

    /// <summary>Reseeds and clears the request log, faults, rate-limit windows and registered clients, and
    /// puts the rate limit and the realism profile back to the ones the sandbox started with. Issued tokens
    /// of the default client stay valid.</summary>
    private static async Task<IResult> ResetAsync(HttpContext context, SandboxOptions options, OrgStore store, RequestLogBook log,
        FaultRegistry faults, RateLimiter limiter, RealismSettings realism, ClientRegistry clients, TokenIssuanceLimiter issuance, FlowJobs flowJobs)
    {
        var body = await RequestBody.ReadOptionalObjectAsync(context);
        var seed = body.Str("seed") ?? options.Seed;
        if (!SeedNames.IsKnown(seed))
        {
            throw ApiErrors.BadRequest($"seed must be '{SeedNames.Default}' or '{SeedNames.Empty}'.");
        }

        realism.Reset();
        store.Reset(seed);
        log.Clear();
        faults.Clear();
        limiter.Reset();
        issuance.Reset();
        flowJobs.Clear();
        limiter.RequestsPerMinute = options.RequestsPerMinute;
        clients.Reset();
        return Ok();
    }

    private static async Task<IResult> EditAsync(HttpContext context, OrgStore store)
    {
        var body = await RequestBody.ReadObjectAsync(context);
        return JsonResponse.Ok(store.Write(Actors.UiUser, Access.Unrestricted, (org, write) => OutOfBandEdit.Apply(org, body, write)));
    }

    private static async Task<IResult> SetRateLimitAsync(HttpContext context, RateLimiter limiter)
    {
        var body = await RequestBody.ReadObjectAsync(context);
        if (body["requestsPerMinute"] is not { Type: JTokenType.Integer } value || (long)value < 0 || (long)value > int.MaxValue)
        {
            throw ApiErrors.BadRequest("requestsPerMinute must be a whole number, 0 for unlimited.");
        }

        limiter.RequestsPerMinute = (int)value;
        return RateLimit(limiter);
    }

    private static JsonResponse RateLimit(RateLimiter limiter) =>
        JsonResponse.Ok(new JObject { ["ok"] = true, ["requestsPerMinute"] = limiter.RequestsPerMinute });
}
