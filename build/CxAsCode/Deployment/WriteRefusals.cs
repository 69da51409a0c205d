using CxAsCode.Http;
using CxAsCode.Planning;

namespace CxAsCode.Deployment;

/// <summary>
/// A write the platform refused, said in one line a person can act on: which object, why, and what to do.
/// The raw API message names a permission but not our object; ours names the object but not the permission.
/// </summary>
internal static class WriteRefusals
{
    private const string PermissionsMarker = "permission(s): ";

    public static string Describe(PlanEntry entry, Exception error)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        var subject = $"{entry.Action.ToString().ToLowerInvariant()} {entry.Kind} '{entry.Key}'";
        return error switch
        {
            ApiException { Status: 403, Code: "missing.permissions" } denied => $"{subject} refused: {MissingPermission(entry, denied)}",
            ApiException { Status: 400, Code: "active.queue" } active =>
                $"{subject} refused: the queue has conversations in progress (400 active.queue{Correlation(active)}). "
                + "Wait for them to end, or plan again with --force-delete to end them (the plan then says so).",
            // Deleting a schedule a group still uses is 409 general.conflict (genesys-api.md §3): usually a group
            // state does not manage (our own groups let go first: updates run before deletes).
            ApiException { Status: 409, Code: "general.conflict" } inUse when entry.Action == ChangeAction.Delete && entry.Kind == "schedules" =>
                $"{subject} refused: a schedule group still uses it ({inUse.Message}). Remove it from that group first "
                + "(add the group to state without it, or edit it in Genesys Cloud), then deploy again.",
            ApiException { Status: 409, Code: "general.conflict" } stale when stale.Message.Contains("version", StringComparison.OrdinalIgnoreCase) =>
                $"{subject} refused: it changed in the org between our read and our write (409 general.conflict, a stale version{Correlation(stale)}); "
                + "nothing of it was overwritten. Plan again to see the change.",
            _ => $"{subject}: {error.Message}",
        };
    }

    /// <summary>
    /// The platform's 403 lists the missing permissions in <c>messageParams.permissions</c> (and in its
    /// message after "permission(s): "); the division is the single <c>details</c> entry, when it names one.
    /// </summary>
    private static string MissingPermission(PlanEntry entry, ApiException denied)
    {
        var body = denied.Body;
        var permissions = (string?)body?["messageParams"]?["permissions"] ?? AfterMarker(denied.Message);
        var detail = body?["details"]?.FirstOrDefault();
        var division = (string?)detail?["entityName"] ?? (string?)detail?["entityId"] ?? (string?)entry.Desired?["division"];
        var where = division is null ? string.Empty : $" in division '{division}'";
        var what = permissions is null ? "a permission this write needs" : $"permission(s) {permissions}";
        return $"the OAuth client's role lacks {what}{where} (403 missing.permissions{Correlation(denied)}). "
            + "Grant the role that permission in that division, or leave this object out of the environment's state.";
    }

    private static string? AfterMarker(string message)
    {
        var at = message.IndexOf(PermissionsMarker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = message[(at + PermissionsMarker.Length)..];
        var end = rest.IndexOf(" (correlation id", StringComparison.Ordinal);
        return (end < 0 ? rest : rest[..end]).Trim();
    }

    private static string Correlation(ApiException error) =>
        error.CorrelationId is null ? string.Empty : $", correlation id {error.CorrelationId}";
}
