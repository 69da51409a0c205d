using CxAsCode.Sandbox.Faults;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Http;

namespace CxAsCode.Sandbox.Pipeline;

/// <summary>Applies the registered faults to API and token requests: delay, answer with an error status
/// without applying the request, or apply it and drop the connection so the client never learns it
/// worked (the "timeout after apply" case the deploy must reconcile).</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultRegistry faults, SandboxClock clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var rule = SandboxPaths.IsLogged(path) ? faults.NextFor(context.Request.Method, path.Value ?? string.Empty) : null;
        if (rule is null)
        {
            await next(context);
            return;
        }

        var outcome = FaultOutcome.For(context);
        outcome.FaultName = rule.Name;
        if (rule.DelayMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(rule.DelayMs), clock.Time, context.RequestAborted);
        }

        if (rule.DropAfterApply)
        {
            // Discard the response so not one byte reaches the client before the abort.
            context.Response.Body = Stream.Null;
            await next(context);
            outcome.Dropped = true;
            context.Abort();
            return;
        }

        if (rule.EffectiveStatus is int status)
        {
            await WriteFaultAsync(context, rule, status);
            return;
        }

        await next(context);
    }

    private static async Task WriteFaultAsync(HttpContext context, FaultRule rule, int status)
    {
        var contextId = Correlation.Get(context);
        var retryAfter = rule.RetryAfter ?? (status == 429 ? 1 : null);
        var body = status == 429
            ? ErrorBodies.RateLimited(retryAfter ?? 1, contextId)
            : ErrorBodies.Create(status, ErrorBodies.CodeFor(status), ErrorBodies.MessageFor(status), contextId);
        if (rule.EchoRequest)
        {
            // A deliberately hostile server: it repeats the caller's credentials back, so the secret-leak
            // tests can prove the client never prints or stores an error body verbatim.
            var requestBody = await RequestBody.ReadTextAsync(context);
            body["message"] = $"{body["message"]} Request Authorization: {context.Request.Headers.Authorization}; request body: {requestBody}";
        }

        await JsonResponse.WriteErrorAsync(context, status, body, retryAfter);
    }
}
