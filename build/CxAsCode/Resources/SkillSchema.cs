using static CxAsCode.Resources.FieldSchema;

namespace CxAsCode.Resources;

/// <summary>The managed skill fields (RoutingSkill in the SDK contract, build/contract/genesys-models.json): a skill is its name.</summary>
internal static class SkillSchema
{
    public const string Model = "RoutingSkill";

    public static readonly IReadOnlyDictionary<string, FieldSchema> Fields = new Dictionary<string, FieldSchema>
    {
        ["name"] = Name,
    };
}
