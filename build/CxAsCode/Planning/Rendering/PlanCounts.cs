using Newtonsoft.Json.Linq;

namespace CxAsCode.Planning.Rendering;

/// <summary>The plan's counts per action, in the order every output lists them.</summary>
internal static class PlanCounts
{
    public static IReadOnlyList<(string Label, int Count)> Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return
        [
            ("create", plan.Count(ChangeAction.Create)),
            ("update", plan.Count(ChangeAction.Update)),
            ("restore", plan.Count(ChangeAction.Restore)),
            ("replace", plan.Count(ChangeAction.Replace)),
            ("delete", plan.Count(ChangeAction.Delete)),
            ("unmanaged", plan.Count(ChangeAction.Unmanaged)),
            ("unchanged", plan.Unchanged),
        ];
    }

    /// <summary><c>{"create": 1, "update": 2, …}</c> for the plan file and the run report.</summary>
    public static JObject ToJson(Plan plan) => new(Of(plan).Select(c => new JProperty(c.Label, c.Count)));
}
