using CxAsCode.Flows;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Planning;

/// <summary>
/// The field changes of one object: <see cref="JsonDiff"/> for every kind, except that a flow's YAML is never
/// shown as one long string replaced. Its metadata diffs as fields; its content as the paths of the actions and
/// settings that differ (<see cref="FlowDiff"/>, each prefixed <c>flow:</c>); a created or deleted flow's
/// content as one line saying how much YAML it is.
/// </summary>
internal static class PlanDiff
{
    public static IReadOnlyList<FieldChange> Between(ResourceKind kind, JObject? before, JObject? after)
    {
        if (kind.IsUser)
        {
            return JsonDiff.Between(ByName(before), ByName(after));
        }

        if (!kind.IsFlow)
        {
            return JsonDiff.Between(before, after);
        }

        var changes = JsonDiff.Between(Metadata(before), Metadata(after)).ToList();
        var (old, @new) = ((string?)before?[FlowFields.Yaml], (string?)after?[FlowFields.Yaml]);
        switch (old, @new)
        {
            case (null, null):
                break;
            case (null, { } added):
                changes.Add(new FieldChange("flow", null, Size(added)));
                break;
            case ({ } removed, null):
                changes.Add(new FieldChange("flow", Size(removed), null));
                break;
            case ({ } a, { } b) when a != b:
                changes.AddRange(Content(a, b));
                break;
        }

        return changes;
    }

    private static IEnumerable<FieldChange> Content(string before, string after)
    {
        IReadOnlyList<FlowChange> changes;
        try
        {
            changes = FlowDiff.Between(FlowDocument.Parse(before).Tree, FlowDocument.Parse(after).Tree);
        }
        catch (FlowYamlException)
        {
            return [new FieldChange("flow", Size(before), Size(after))];
        }

        // Same tree, different text (a reformatting only canonical form would undo): still a change to send.
        return changes.Count == 0
            ? [new FieldChange("flow", Size(before), Size(after))]
            : changes.Select(c => new FieldChange("flow: " + c.Path, Value(c.Before), Value(c.After)));
    }

    /// <summary>
    /// A user's skills and languages as maps from name to proficiency, so a plan reads
    /// <c>~ skills.Billing: 3 → 4</c> and <c>+ skills.Smart Meters: 2</c>, not two whole lists.
    /// </summary>
    private static JObject? ByName(JObject? body)
    {
        if (body is null)
        {
            return null;
        }

        var copy = (JObject)body.DeepClone();
        foreach (var (field, reference) in new[] { ("skills", "skill"), ("languages", "language") })
        {
            if (copy[field] is JArray list)
            {
                copy[field] = new JObject(list.OfType<JObject>()
                    .Where(e => e[reference] is JValue { Type: JTokenType.String })
                    .GroupBy(e => (string)e[reference]!, StringComparer.Ordinal)
                    .Select(g => new JProperty(g.Key, g.First()["proficiency"]?.DeepClone())));
            }
        }

        return copy;
    }

    private static JObject? Metadata(JObject? body)
    {
        if (body is null)
        {
            return null;
        }

        var copy = (JObject)body.DeepClone();
        copy.Remove(FlowFields.Yaml);
        return copy;
    }

    private static JValue Size(string yaml) => new($"{yaml.Count(c => c == '\n')} lines of Archy YAML");

    /// <summary>FlowDiff's text is JSON already (a quoted scalar, or a compact subtree).</summary>
    private static JToken? Value(string? text) => text is null ? null : JToken.Parse(text);
}
