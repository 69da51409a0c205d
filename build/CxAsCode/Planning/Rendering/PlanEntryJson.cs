using Newtonsoft.Json.Linq;

namespace CxAsCode.Planning.Rendering;

/// <summary>One <see cref="PlanEntry"/> as JSON in a plan file, and back, with messages that say where a file is wrong.</summary>
internal static class PlanEntryJson
{
    public static JObject ToJson(PlanEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var json = new JObject
        {
            ["kind"] = entry.Kind,
            ["key"] = entry.Key,
            ["action"] = ActionStyle.Verb(entry.Action),
            ["liveId"] = entry.LiveId,
            ["fingerprint"] = entry.Fingerprint,
            ["sourceFile"] = entry.SourceFile,
            ["desired"] = entry.Desired?.DeepClone(),
            ["changes"] = new JArray(entry.Changes.Select(c => new JObject
            {
                ["path"] = c.Path,
                ["before"] = c.Before?.DeepClone(),
                ["after"] = c.After?.DeepClone(),
            })),
        };
        if (entry.ForceDelete)
        {
            json["forceDelete"] = true;
        }

        return json;
    }

    public static PlanEntry FromJson(JToken token, string where)
    {
        if (token is not JObject entry)
        {
            throw new PlanFileException($"plan file: {where} is not an object.");
        }

        var action = RequiredString(entry, "action", where) switch
        {
            "create" => ChangeAction.Create,
            "update" => ChangeAction.Update,
            "restore" => ChangeAction.Restore,
            "replace" => ChangeAction.Replace,
            "delete" => ChangeAction.Delete,
            "unmanaged" => ChangeAction.Unmanaged,
            var other => throw new PlanFileException($"plan file: {where}.action \"{other}\" is not one of create, update, restore, replace, delete, unmanaged."),
        };
        var changes = entry["changes"] switch
        {
            null => [],
            JArray list => list.Select((c, i) => Change(c, $"{where}.changes[{i}]")).ToList(),
            _ => throw new PlanFileException($"plan file: {where}.changes is not an array."),
        };
        return new PlanEntry(RequiredString(entry, "kind", where), RequiredString(entry, "key", where), action)
        {
            LiveId = OptionalString(entry, "liveId", where),
            Fingerprint = OptionalString(entry, "fingerprint", where),
            SourceFile = OptionalString(entry, "sourceFile", where),
            Desired = entry["desired"] switch
            {
                null or { Type: JTokenType.Null } => null,
                JObject body => (JObject)body.DeepClone(),
                _ => throw new PlanFileException($"plan file: {where}.desired is not an object."),
            },
            Changes = changes,
            ForceDelete = entry["forceDelete"] switch
            {
                null or { Type: JTokenType.Null } => false,
                { Type: JTokenType.Boolean } flag => (bool)flag,
                _ => throw new PlanFileException($"plan file: {where}.forceDelete is not true or false."),
            },
        };
    }

    public static string RequiredString(JObject owner, string name, string where) =>
        OptionalString(owner, name, where) ?? throw new PlanFileException($"{Prefix(where)}\"{name}\" is missing.");

    public static string? OptionalString(JObject owner, string name, string where) => owner[name] switch
    {
        null or { Type: JTokenType.Null } => null,
        { Type: JTokenType.String } value => (string?)value,
        _ => throw new PlanFileException($"{Prefix(where)}\"{name}\" is not a string."),
    };

    private static FieldChange Change(JToken token, string where) => token is JObject change
        ? new FieldChange(RequiredString(change, "path", where), Value(change["before"]), Value(change["after"]))
        : throw new PlanFileException($"plan file: {where} is not an object.");

    // The canonical writer drops nulls, so an explicit null can only mean absent.
    private static JToken? Value(JToken? token) => token is null or { Type: JTokenType.Null } ? null : token.DeepClone();

    /// <param name="where">Where in the file (<c>entries[3].changes[0]</c>); empty for the document itself.</param>
    private static string Prefix(string where) => where.Length == 0 ? "plan file: " : $"plan file: {where}: ";
}
