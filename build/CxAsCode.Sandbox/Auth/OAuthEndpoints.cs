using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Auth;

/// <summary><c>POST /oauth/token</c>, client credentials grant (genesys-api.md §1), plus the RFC 7523 JWT
/// assertion forms the platform itself lacks (for the engine's JWT mode). The client proves who
/// it is through one of the registered <see cref="IClientAuthenticator"/>s; the token it gets carries that
/// client's role. Token errors use the OAuth shape <c>{error, description, error_description}</c>, not the
/// ErrorBody.</summary>
internal static class OAuthEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/oauth/token", IssueAsync);

    private static async Task<IResult> IssueAsync(HttpContext context, TokenRegistry tokens, IEnumerable<IClientAuthenticator> authenticators, TokenIssuanceLimiter issuance)
    {
        var form = QueryHelpers.ParseQuery(await RequestBody.ReadTextAsync(context));
        var authenticator = authenticators.FirstOrDefault(a => a.Applies(context, form));
        var authentication = authenticator is null
            ? ClientAuthentication.Refused("client is not valid or the client secret is wrong")
            : await authenticator.AuthenticateAsync(context, form);
        if (authentication.Client is not { } client)
        {
            return Error(StatusCodes.Status401Unauthorized, "invalid_client", authentication.Refusal ?? "client authentication failed");
        }

        // The JWT bearer grant (RFC 7523 §2.1) is the assertion itself; every other request is client credentials.
        var grant = form.TryGetValue("grant_type", out var values) ? values.ToString() : string.Empty;
        if (grant != "client_credentials" && !(grant == JwtAssertionAuthenticator.JwtBearerGrant && authenticator is JwtAssertionAuthenticator))
        {
            return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", $"grant type '{grant}' is not supported; use client_credentials");
        }

        if (issuance.TryAcquire(client.Id) is int retryAfter)
        {
            await JsonResponse.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, ErrorBodies.RateLimited(retryAfter, Correlation.Get(context)), retryAfter);
            return Results.Empty;
        }

        issuance.CountIssued();
        return JsonResponse.Ok(new JObject
        {
            ["access_token"] = tokens.Issue(client.Id),
            ["token_type"] = "bearer",
            ["expires_in"] = TokenRegistry.LifetimeSeconds,
        });
    }

    private static JsonResponse Error(int status, string error, string description) => new(
        new JObject { ["error"] = error, ["description"] = description, ["error_description"] = description },
        status);
}
