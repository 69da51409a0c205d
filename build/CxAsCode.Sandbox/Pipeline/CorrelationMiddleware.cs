using CxAsCode.Sandbox.Http;
using Microsoft.AspNetCore.Http;

namespace CxAsCode.Sandbox.Pipeline;

/// <summary>Gives every response an <c>ININ-Correlation-Id</c> before anything else can answer.</summary>
internal sealed class CorrelationMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        Correlation.Start(context);
        return next(context);
    }
}
