using static CxAsCode.Resources.FieldSchema;

namespace CxAsCode.Resources;

/// <summary>The managed wrap-up code fields (WrapupCode in the SDK contract, build/contract/genesys-models.json).</summary>
internal static class WrapupCodeSchema
{
    public const string Model = "WrapupCode";

    public static readonly IReadOnlyDictionary<string, FieldSchema> Fields = new Dictionary<string, FieldSchema>
    {
        ["name"] = Name,
        ["division"] = Text,
        ["description"] = Text,
    };
}
