using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// The API's own optimistic concurrency, where a kind has it: users, schedules and schedule groups carry a
/// <c>version</c>, and a write with a stale one gets 409 (genesys-api.md §4). Schedules and schedule groups are listed here
/// (skills, languages, wrap-up codes and queues are last-write-wins), and the version read just before the write goes with it, so the server itself
/// refuses a write over an edit that landed after our read.
/// </summary>
internal static class ServerVersions
{
    private static readonly HashSet<string> KindsCheckingVersion = new(StringComparer.Ordinal) { "schedules", "schedulegroups", "users" };

    public static bool IsChecked(ResourceKind kind) => KindsCheckingVersion.Contains(kind.Name);

    /// <summary>A 409 saying the version sent is not the current one (genesys-api.md §4), on a kind that checks it.</summary>
    public static bool IsStaleVersion(ResourceKind kind, Http.ApiException error) =>
        IsChecked(kind) && ((error is { Status: 409, Code: "general.conflict" } && error.Message.Contains("version", StringComparison.OrdinalIgnoreCase))
            || (error.Status == 400 && error.Message.Contains("does not match the current version", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The body with the version of <paramref name="fresh"/>, for kinds whose API checks it.</summary>
    public static JObject Stamp(ResourceKind kind, JObject body, JObject fresh)
    {
        if (IsChecked(kind) && fresh["version"] is { } version)
        {
            body["version"] = version.DeepClone();
        }

        return body;
    }
}
