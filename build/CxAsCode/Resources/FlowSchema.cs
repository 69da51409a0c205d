using static CxAsCode.Resources.FieldSchema;

namespace CxAsCode.Resources;

/// <summary>
/// A flow's canonical body (Flow in the SDK contract: name, description, division, type; plus its YAML), for
/// checking a saved plan's bodies; a flow in state is checked by <see cref="CxAsCode.Flows.FlowValidator"/>.
/// </summary>
internal static class FlowSchema
{
    public static readonly IReadOnlyDictionary<string, FieldSchema> Fields = new Dictionary<string, FieldSchema>
    {
        ["name"] = Name,
        ["type"] = Enum([.. CxAsCode.Flows.FlowTypeNames.ApiTypes]),
        ["description"] = Text,
        ["division"] = Name,
        [FlowFields.Yaml] = Text.NoLongerThan(FieldLimits.StateFileMaxBytes),
    };
}
