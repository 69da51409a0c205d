using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// Who holds a flow's lock, from its metadata (Flow.lockedUser, Flow.lockedClient in the SDK contract;
/// genesys-api.md §4): a person by name (or id), or an OAuth client. Our deploy never leaves a lock behind
/// (an import job publishes without one), so any lock seen before a write is someone else's.
/// </summary>
internal static class FlowLock
{
    public static string? HolderOf(JObject flow) =>
        Describe(flow["lockedUser"], "user") ?? Describe(flow["lockedClient"], "OAuth client");

    private static string? Describe(JToken? holder, string what) => holder is JObject reference && ((string?)reference["name"] ?? (string?)reference["id"]) is { } name
        ? $"{what} '{name}'"
        : null;
}
