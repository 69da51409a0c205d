using System.Text;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Realism;
using Microsoft.AspNetCore.Http;

namespace CxAsCode.Sandbox.Pipeline;

/// <summary>With validation on, an API request whose body is over 512,000 bytes is refused with 413
/// <c>request.entity.too.large</c> before anything else looks at it ("Max request payload 512,000 bytes",
/// genesys-api.md §5).</summary>
internal sealed class PayloadLimitMiddleware(RequestDelegate next, RealismSettings realism)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (SandboxPaths.IsApi(context.Request.Path) && realism.Current.Validation
            && Encoding.UTF8.GetByteCount(await RequestBody.ReadTextAsync(context)) > ApiErrors.MaxRequestBytes)
        {
            throw ApiErrors.PayloadTooLarge();
        }

        await next(context);
    }
}
