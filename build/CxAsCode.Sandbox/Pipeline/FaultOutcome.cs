using Microsoft.AspNetCore.Http;

namespace CxAsCode.Sandbox.Pipeline;

/// <summary>What the fault injector did to a request, read back by the request log.</summary>
internal sealed class FaultOutcome
{
    private const string ItemKey = "sandbox.fault";

    public string? FaultName { get; set; }

    /// <summary>The connection was aborted, so the client saw no response (logged as status 0).</summary>
    public bool Dropped { get; set; }

    public static FaultOutcome For(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var value) && value is FaultOutcome outcome)
        {
            return outcome;
        }

        outcome = new FaultOutcome();
        context.Items[ItemKey] = outcome;
        return outcome;
    }
}
