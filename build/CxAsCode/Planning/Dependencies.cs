using CxAsCode.Flows;
using CxAsCode.Json;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Planning;

/// <summary>
/// What one object needs to exist before it can be written, read from the object itself: the places its
/// descriptor says name another object (a queue's skills, wrap-up codes and in-queue flow; a schedule group's
/// schedules), and for a flow the queues, schedule groups, skills, languages and flows its YAML names. Pure.
/// </summary>
internal static class Dependencies
{
    /// <summary>A flow names another flow by its name alone (Archy's <c>targetFlow</c>), whatever its type.</summary>
    public const string AnyFlowType = "*";

    /// <summary>(kind, key) of each object <paramref name="body"/> names; a flow named by name alone has key <c>*/name</c>.</summary>
    public static IEnumerable<(string Kind, string Key)> Of(ResourceKind kind, JObject body)
    {
        if (kind.IsFlow)
        {
            return OfFlow(body);
        }

        return kind.AllReferences
            .SelectMany(reference => JsonPathPattern.Of(reference.Path).Select(body).OfType<JValue>()
                .Where(v => v.Type == JTokenType.String && !reference.IsWildcard((string)v!))
                .Select(v => (reference.TargetKind, (string)v!)))
            .Where(r => ResourceKinds.ByName(r.TargetKind).IsManaged)
            .Distinct();
    }

    /// <summary>
    /// The kinds whose planned deletes an object of this kind goes before, whatever was read of it: a live
    /// object's lists are not always read (a pruned queue's wrap-up codes are not), so it goes before every kind
    /// its descriptor can name. Two kinds that can name each other (queues and flows) would make a circle of
    /// every such pair, so between them only the references actually found order the deletes.
    /// </summary>
    public static IReadOnlySet<string> DeletedAfter(ResourceKind kind) =>
        KindsNamedBy(kind).Where(k => !KindsNamedBy(ResourceKinds.ByName(k)).Contains(kind.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The other kinds an object of this kind can name, from its descriptor (for a flow: the kinds its YAML names, flows aside).</summary>
    private static HashSet<string> KindsNamedBy(ResourceKind kind) => kind.IsFlow
        ? new HashSet<string>(StringComparer.Ordinal) { ResourceKinds.Queues.Name, ResourceKinds.ScheduleGroups.Name, ResourceKinds.Skills.Name, ResourceKinds.Languages.Name }
        : kind.AllReferences.Select(r => r.TargetKind).Where(k => k != kind.Name && ResourceKinds.ByName(k).IsManaged).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<(string Kind, string Key)> OfFlow(JObject body)
    {
        FlowDocument document;
        try
        {
            document = FlowDocument.Parse((string?)body[FlowFields.Yaml] ?? string.Empty);
        }
        catch (FlowYamlException)
        {
            return []; // Validate has said so already
        }

        return document.References
            .Where(r => ResourceKinds.Managed.Any(k => k.Name == r.Kind))
            .Select(r => r.Kind == ResourceKinds.Flows.Name ? (r.Kind, $"{AnyFlowType}/{r.Name}") : (r.Kind, r.Name))
            .Distinct();
    }
}
