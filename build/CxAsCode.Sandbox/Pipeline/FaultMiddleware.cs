using CxAsCode.Sandbox.Faults;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CxAsCode.Sandbox.Pipeline;

/// <summary>Applies the registered faults to API and token requests: delay, answer with an error status
/// without applying the request, apply it and drop the connection so the client never learns it worked
/// (the "timeout after apply" case the deploy must reconcile), or apply it late, after the client gave up.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultRegistry faults, SandboxClock clock)
{
    /// <summary>Where a <c>jobFailure</c> fault leaves its message for the job endpoints.</summary>
    public const string JobFailureItem = "sandbox.jobFailure";

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

        if (rule.ApplyAfterMs is not null)
        {
            await ApplyLateAsync(context, rule, outcome);
            return;
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

        if (rule.JobFailure is { } jobFailure)
        {
            context.Items[JobFailureItem] = jobFailure;
        }

        if (rule.EffectiveStatus is int status)
        {
            await WriteFaultAsync(context, rule, status);
            return;
        }

        await next(context);
    }

    /// <summary>The real server does not notice a client hanging up: a write that took longer than the
    /// client's timeout still lands. The request is held on the sandbox clock (not cancelled by the client
    /// going away), handled as if the client were still there, and the connection is then closed without a
    /// response.</summary>
    private async Task ApplyLateAsync(HttpContext context, FaultRule rule, FaultOutcome outcome)
    {
        var lifetime = context.Features.Get<IHttpRequestLifetimeFeature>();
        context.Features.Set<IHttpRequestLifetimeFeature>(new DetachedLifetime());
        context.Response.Body = Stream.Null;
        var delay = Task.Delay(TimeSpan.FromMilliseconds(rule.ApplyAfterMs!.Value), clock.Time, CancellationToken.None);
        rule.Hold();
        try
        {
            await delay;
            await next(context);
        }
        finally
        {
            rule.Release();
            context.Features.Set(lifetime);
            outcome.Dropped = true;
            context.Abort();
        }
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

    /// <summary>A request lifetime the client cannot cancel (see <see cref="ApplyLateAsync"/>).</summary>
    private sealed class DetachedLifetime : IHttpRequestLifetimeFeature
    {
        public CancellationToken RequestAborted { get; set; } = CancellationToken.None;

        public void Abort()
        {
        }
    }
}
