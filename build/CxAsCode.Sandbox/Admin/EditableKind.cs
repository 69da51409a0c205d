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

/// <summary>What an out-of-band edit needs to know about a kind; each entry delegates to the same
/// operations the API endpoints use, so a "UI" edit behaves like the real thing (lags included).</summary>
internal sealed record EditableKind(
    string Name,
    Func<Org, KindTable> Table,
    Func<Org, JObject, WriteContext, JObject> Create,
    Action<Org, string, WriteContext> Delete,
    Action<Org, JObject, WriteContext> Commit,
    Func<Org, JObject, RealismProfile, JObject> Render)
{
    public static readonly IReadOnlyList<EditableKind> All =
    [
        new(
            "queues",
            o => o.Queues,
            (o, b, w) => QueueOperations.Create(o, b, w),
            (o, id, w) => QueueOperations.Delete(o, id, forceDelete: true, w),
            (o, q, w) =>
            {
                QueueOperations.Touch(q, w.Stamp);
                QueueOperations.Commit(o, q, w);
            },
            QueueView.Render),
        new(
            "skills",
            o => o.Skills,
            (o, b, w) => SkillOperations.Create(o, b, w),
            (o, id, w) => SkillOperations.Delete(o, id, w),
            (o, s, w) =>
            {
                SkillOperations.Touch(s, w.Stamp);
                o.Skills.Commit(s.Str("id")!, w.Revision(s), w.Now);
            },
            (o, s, _) => SkillView.Render(o, s)),
        new(
            "wrapupcodes",
            o => o.WrapupCodes,
            (o, b, w) => WrapupCodeOperations.Create(o, b, w),
            (o, id, w) => WrapupCodeOperations.Delete(o, id, w),
            (o, c, w) =>
            {
                WrapupCodeOperations.Touch(c, w.Stamp);
                o.WrapupCodes.Commit(c.Str("id")!, w.Revision(c), w.Now);
            },
            (o, c, _) => WrapupCodeView.Render(o, c)),
        new(
            "languages",
            o => o.Languages,
            (o, b, w) => LanguageOperations.Create(o, b, w),
            (o, id, w) => LanguageOperations.Delete(o, id, w),
            (o, l, w) =>
            {
                LanguageOperations.Touch(l, w.Stamp);
                o.Languages.Commit(l.Str("id")!, w.Revision(l), w.Now);
            },
            (_, l, _) => LanguageView.Render(l)),
        new(
            "schedules",
            o => o.Schedules,
            (o, b, w) => ScheduleOperations.Create(o, b, w),
            (o, id, w) => ScheduleOperations.Delete(o, id, w),
            (o, s, w) =>
            {
                ScheduleOperations.Touch(s, w.Stamp);
                o.Schedules.Commit(s.Str("id")!, w.Revision(s), w.Now);
            },
            (o, s, _) => ScheduleViews.Schedule(o, s)),
        new(
            "schedulegroups",
            o => o.ScheduleGroups,
            (o, b, w) => ScheduleGroupOperations.Create(o, b, w),
            (o, id, w) => ScheduleGroupOperations.Delete(o, id, w),
            (o, g, w) =>
            {
                ScheduleOperations.Touch(g, w.Stamp);
                o.ScheduleGroups.Commit(g.Str("id")!, w.Revision(g), w.Now);
            },
            (o, g, _) => ScheduleViews.Group(o, g)),
        new(
            "users",
            o => o.Users,
            (o, b, w) => UserOperations.Create(o, b, w),
            (o, id, w) => UserOperations.Delete(o, id, w),
            (o, u, w) =>
            {
                UserOperations.Touch(u);
                o.Users.Commit(u.Str("id")!, w.Revision(u), w.Now);
            },
            (o, u, _) => UserView.Render(o, u, new HashSet<string> { "skills", "languages" })),
        new(
            "flows",
            o => o.Flows,
            (o, b, w) => FlowOperations.Create(o, b, w),
            (o, id, w) => FlowOperations.Delete(o, id, w),
            (o, f, w) => o.Flows.Commit(f.Str("id")!, w.Revision(f), w.Now),
            (o, f, _) => FlowView.Render(o, f)),
    ];

    public static EditableKind? Find(string? name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>By name, case-insensitive; an object holding the name (for skills: not deleted) wins over
    /// deleted skills of the same name, which are looked for only when no live one has it.</summary>
    public JObject? FindByName(Org org, string name)
    {
        var table = Table(org);
        return table.HoldingName(name).Select(e => e.Current).OfType<JObject>().FirstOrDefault()
            ?? table.Entities.Select(e => e.Current).OfType<JObject>().FirstOrDefault(o => Json.NameEquals(o.Str("name"), name));
    }
}
