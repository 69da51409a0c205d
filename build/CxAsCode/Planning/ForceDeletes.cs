using CxAsCode.Resources;

namespace CxAsCode.Planning;

/// <summary>
/// <c>--force-delete</c>: marks the plan's deletes of kinds that can end work in progress, so the plan shows
/// it and a saved plan carries it to Deploy. Without the mark a delete never sends the parameter.
/// </summary>
internal static class ForceDeletes
{
    public static Plan Mark(Plan plan, bool force)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!force)
        {
            return plan;
        }

        return new Plan
        {
            Environment = plan.Environment,
            OrgId = plan.OrgId,
            ApiHost = plan.ApiHost,
            CreatedAt = plan.CreatedAt,
            Commit = plan.Commit,
            Unchanged = plan.Unchanged,
            Entries = [.. plan.Entries.Select(e => e.Action is ChangeAction.Delete or ChangeAction.Replace && ResourceKinds.ByName(e.Kind).ForceDeleteParameter is not null
                ? e with { ForceDelete = true }
                : e)],
        };
    }
}
