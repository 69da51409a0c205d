using CxAsCode.Sandbox.Kinds.Queues;
using CxAsCode.Sandbox.Kinds.Skills;
using CxAsCode.Sandbox.Kinds.WrapupCodes;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Admin;

/// <summary>What an out-of-band edit needs to know about a kind; each entry delegates to the same
/// operations the API endpoints use, so a "UI" edit behaves like the real thing.</summary>
internal sealed record EditableKind(
    string Name,
    Func<Org, List<JObject>> Items,
    Func<Org, JObject, Stamp, JObject> Create,
    Action<Org, string, Stamp> Delete,
    Action<JObject, Stamp> Touch,
    Func<Org, JObject, JObject> Render)
{
    public static readonly IReadOnlyList<EditableKind> All =
    [
        new("queues", o => o.Queues, (o, b, s) => QueueOperations.Create(o, b, s), (o, id, _) => QueueOperations.Delete(o, id), QueueOperations.Touch, QueueView.Render),
        new("skills", o => o.Skills, (o, b, s) => SkillOperations.Create(o, b, s), (o, id, s) => SkillOperations.Delete(o, id, s), SkillOperations.Touch, SkillView.Render),
        new("wrapupcodes", o => o.WrapupCodes, (o, b, s) => WrapupCodeOperations.Create(o, b, s), (o, id, s) => WrapupCodeOperations.Delete(o, id, s), WrapupCodeOperations.Touch, WrapupCodeView.Render),
    ];

    public static EditableKind? Find(string? name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>By name, case-insensitive; for skills an active one wins over deleted ones of the same name.</summary>
    public JObject? FindByName(Org org, string name) => Items(org)
        .Where(o => Json.NameEquals(o.Str("name"), name))
        .OrderBy(o => o.Str("state") is null or SkillOperations.Active ? 0 : 1)
        .FirstOrDefault();
}
