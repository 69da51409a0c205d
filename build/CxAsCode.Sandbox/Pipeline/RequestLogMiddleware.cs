using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.RequestLog;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Http;

namespace CxAsCode.Sandbox.Pipeline;

/// <summary>Records API and token requests: method, path, query, body, final status, arrival time and the
/// fault that fired. The token request's body is not kept (it is a credential exchange), and no header is
/// ever kept.</summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, RequestLogBook log, SandboxClock clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!SandboxPaths.IsLogged(context.Request.Path))
        {
            await next(context);
            return;
        }

        var seq = log.NextSeq();
        var timestamp = clock.NowIso();
        var body = await RequestBody.ReadTextAsync(context);
        try
        {
            await next(context);
        }
        finally
        {
            var outcome = FaultOutcome.For(context);
            log.Add(new RequestLogEntry(
                seq,
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                (context.Request.QueryString.Value ?? string.Empty).TrimStart('?'),
                outcome.Dropped ? 0 : context.Response.StatusCode,
                timestamp,
                SandboxPaths.IsToken(context.Request.Path) ? string.Empty : body,
                outcome.FaultName));
        }
    }
}
