using System.Net.Http.Headers;
using CxAsCode.Sandbox.Auth;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace CxAsCode.Sandbox.Pipeline;

/// <summary>The gate in front of <c>/api/v2</c>: a valid bearer token of a client the sandbox still knows,
/// then a free slot in that token's rate-limit window (429 with <c>Retry-After</c> and the real body
/// otherwise). The client is kept on the request so endpoints can check its permissions.</summary>
internal sealed class BearerGateMiddleware(RequestDelegate next, TokenRegistry tokens, ClientRegistry clients, RateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!SandboxPaths.IsApi(context.Request.Path))
        {
            await next(context);
            return;
        }

        var token = BearerToken(context.Request.Headers.Authorization);
        if (token is null)
        {
            throw new GenesysErrorException(401, "authentication.required", ErrorBodies.MessageFor(401));
        }

        if (clients.Find(tokens.ClientOf(token)) is not { } client)
        {
            throw new GenesysErrorException(401, "bad.credentials", "Invalid login credentials.");
        }

        if (limiter.TryAcquire(token) is int retryAfter)
        {
            await JsonResponse.WriteErrorAsync(context, 429, ErrorBodies.RateLimited(retryAfter, Correlation.Get(context)), retryAfter);
            return;
        }

        Access.SetClient(context, client);
        await next(context);
    }

    private static string? BearerToken(string? header) =>
        AuthenticationHeaderValue.TryParse(header, out var value)
        && string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(value.Parameter)
            ? value.Parameter.Trim()
            : null;
}
