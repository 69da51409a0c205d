using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace CxAsCode.Flows;

/// <summary>
/// Readable paths inside a flow: a list item names itself by its action and name (<c>menu "Main Menu"</c>,
/// <c>transferToAcd "Billing"</c>, or <c>choice 2</c> when it has no name), the keys that only hold such lists
/// (<c>menus</c>, <c>choices</c>, <c>actions</c>) and the <c>lit</c> wrapper of a literal are left out, so a path
/// reads as a person would point at it: <c>menu "Main Menu" → menuTransferToAcd "Outages" → targetQueue</c>.
/// </summary>
public static class FlowPaths
{
    public const string Separator = " → ";

    public static string Join(IEnumerable<string> segments) => string.Join(Separator, segments.Where(s => s.Length > 0));

    /// <summary>A mapping key: empty for list holders and <c>lit</c>.</summary>
    public static string Segment(string key, bool holdsList) => holdsList || key == "lit" ? string.Empty : key;

    internal static string Segment(string key, YamlNode value) => Segment(key, value is YamlSequenceNode);

    public static string Segment(string key, JToken value) => Segment(key, value is JArray);

    /// <summary>A list item: its single key and its name, else its name, else its position.</summary>
    public static string ItemSegment(string? singleKey, string? name, int position) =>
        (singleKey, name) switch
        {
            ({ } key, { } named) => $"{key} \"{named}\"",
            ({ } key, null) => $"{key} {position}",
            (null, { } named) => $"\"{named}\"",
            _ => $"#{position}",
        };

    internal static string ItemSegment(YamlNode item, int position)
    {
        if (item is not YamlMappingNode mapping)
        {
            return ItemSegment(null, null, position);
        }

        if (mapping.Children.Count == 1 && mapping.Children.Single() is var (key, value) && value is YamlMappingNode inner)
        {
            return ItemSegment((key as YamlScalarNode)?.Value, NameOf(inner), position);
        }

        return ItemSegment(null, NameOf(mapping), position);
    }

    public static string ItemSegment(JToken item, int position) => item switch
    {
        JObject { Count: 1 } single when single.Properties().Single() is { Value: JObject inner } only => ItemSegment(only.Name, (string?)inner["name"], position),
        JObject obj => ItemSegment(null, (string?)obj["name"], position),
        _ => ItemSegment(null, null, position),
    };

    private static string? NameOf(YamlMappingNode mapping) =>
        mapping.Children.TryGetValue(new YamlScalarNode("name"), out var name) ? (name as YamlScalarNode)?.Value : null;
}
