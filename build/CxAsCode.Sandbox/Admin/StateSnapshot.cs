using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Kinds.Queues;
using CxAsCode.Sandbox.Kinds.Skills;
using CxAsCode.Sandbox.Kinds.WrapupCodes;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Admin;

/// <summary><c>GET /sandbox/state</c>: the whole org as the API shows it, sorted, for before/after
/// comparisons (rollback tests). Deleted skills are included; each queue adds its wrap-up code ids.</summary>
internal static class StateSnapshot
{
    public static JObject Build(Org org) => new()
    {
        ["divisions"] = new JArray(Sorted(org.Divisions).Select(DivisionView.Render)),
        ["skills"] = new JArray(Sorted(org.Skills).Select(s => SkillView.Render(org, s))),
        ["wrapupcodes"] = new JArray(Sorted(org.WrapupCodes).Select(c => WrapupCodeView.Render(org, c))),
        ["queues"] = new JArray(Sorted(org.Queues).Select(q =>
        {
            var view = QueueView.Render(org, q);
            view["wrapupCodes"] = new JArray(QueueView.AssignedCodeIds(q).Order(StringComparer.Ordinal));
            return view;
        })),
    };

    private static IEnumerable<JObject> Sorted(IEnumerable<JObject> items) => items
        .OrderBy(o => o.Str("name"), StringComparer.OrdinalIgnoreCase)
        .ThenBy(o => o.Str("id"), StringComparer.Ordinal);
}
