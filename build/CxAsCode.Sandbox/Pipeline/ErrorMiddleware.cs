using CxAsCode.Sandbox.Http;
using Microsoft.AspNetCore.Http;

namespace CxAsCode.Sandbox.Pipeline;

/// <summary>Turns exceptions into Genesys error bodies: <see cref="GenesysErrorException"/> as raised,
/// anything else as 500 <c>internal.server.error</c> (a sandbox bug should still look like an API error to
/// the client, never like an HTML page).</summary>
internal sealed class ErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (GenesysErrorException error) when (!context.Response.HasStarted)
        {
            await JsonResponse.WriteErrorAsync(context, error.Status, ErrorBodies.From(error, Correlation.Get(context)));
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            var status = error.StatusCode;
            await JsonResponse.WriteErrorAsync(context, status, ErrorBodies.Create(status, ErrorBodies.CodeFor(status), error.Message, Correlation.Get(context)));
        }
        catch (Exception error) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            await JsonResponse.WriteErrorAsync(context, 500, ErrorBodies.Create(500, "internal.server.error", error.Message, Correlation.Get(context)));
        }
    }
}
