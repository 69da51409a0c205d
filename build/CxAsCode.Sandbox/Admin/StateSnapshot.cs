using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Kinds.Flows;
using CxAsCode.Sandbox.Kinds.Languages;
using CxAsCode.Sandbox.Kinds.Queues;
using CxAsCode.Sandbox.Kinds.Schedules;
using CxAsCode.Sandbox.Kinds.Skills;
using CxAsCode.Sandbox.Kinds.Users;
using CxAsCode.Sandbox.Kinds.WrapupCodes;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Admin;

/// <summary><c>GET /sandbox/state</c>: the whole org as it really is now — no lag, no permission filter —
/// rendered as GET renders it, sorted, for before/after comparisons (rollback tests). Deleted skills are
/// included; a deleted queue or flow is not (even while it still answers the API); each queue adds its wrap-up code
/// ids and, when set, <c>activeConversations: true</c>.</summary>
internal static class StateSnapshot
{
    public static JObject Build(Org org, RealismProfile realism) => new()
    {
        ["divisions"] = new JArray(Sorted(org.Divisions).Select(DivisionView.Render)),
        ["skills"] = new JArray(Sorted(Current(org.Skills)).Select(s => SkillView.Render(org, s))),
        ["wrapupcodes"] = new JArray(Sorted(Current(org.WrapupCodes)).Select(c => WrapupCodeView.Render(org, c))),
        ["languages"] = new JArray(Sorted(Current(org.Languages)).Select(LanguageView.Render)),
        ["schedules"] = new JArray(Sorted(Current(org.Schedules)).Select(s => ScheduleViews.Schedule(org, s))),
        ["schedulegroups"] = new JArray(Sorted(Current(org.ScheduleGroups)).Select(g => ScheduleViews.Group(org, g))),
        ["users"] = new JArray(Sorted(Current(org.Users)).Select(u => UserView.Render(org, u, new HashSet<string> { "skills", "languages" }))),
        // Flows not deleted, each with its published YAML as stored (byte for byte) and its lock holder.
        ["flows"] = new JArray(Sorted(Current(org.Flows).Where(f => f.Value<bool?>("deleted") != true)).Select(f =>
        {
            var view = FlowView.Render(org, f);
            view["content"] = f.Str("content");
            return view;
        })),
        ["queues"] = new JArray(Sorted(Current(org.Queues)).Select(q =>
        {
            var view = QueueView.Render(org, q, realism);
            view["wrapupCodes"] = new JArray(Org.AssignedCodes(q).Order(StringComparer.Ordinal));
            view["members"] = new JArray(Kinds.Queues.QueueMemberOperations.MemberIds(q).Order(StringComparer.Ordinal));
            if (org.QueuesWithConversations.Contains(q.Str("id")!))
            {
                view["activeConversations"] = true;
            }

            return view;
        })),
    };

    private static IEnumerable<JObject> Current(KindTable table) => table.Entities.Select(e => e.Current).OfType<JObject>();

    private static IEnumerable<JObject> Sorted(IEnumerable<JObject> items) => items
        .OrderBy(o => o.Str("name"), StringComparer.OrdinalIgnoreCase)
        .ThenBy(o => o.Str("id"), StringComparer.Ordinal);
}
