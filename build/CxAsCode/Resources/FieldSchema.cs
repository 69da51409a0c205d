using Newtonsoft.Json.Linq;

namespace CxAsCode.Resources;

/// <summary>
/// A deliberately small schema: the JSON type of a field, the values an enum allows, and the schema of
/// nested fields. It catches the mistakes people make by hand (wrong type, misspelt enum, unknown key)
/// before anything is sent.
/// </summary>
public sealed record FieldSchema(JTokenType Type)
{
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>For objects: known nested fields. Null means any nested content is accepted.</summary>
    public IReadOnlyDictionary<string, FieldSchema>? Fields { get; init; }

    /// <summary>For arrays: the schema of each element.</summary>
    public FieldSchema? Items { get; init; }

    public static FieldSchema Text => new(JTokenType.String);

    public static FieldSchema WholeNumber => new(JTokenType.Integer);

    public static FieldSchema Number => new(JTokenType.Float);

    public static FieldSchema Flag => new(JTokenType.Boolean);

    public static FieldSchema Enum(params string[] values) => new(JTokenType.String) { AllowedValues = values };

    public static FieldSchema Record(Dictionary<string, FieldSchema> fields) => new(JTokenType.Object) { Fields = fields };

    public static FieldSchema ArrayOf(FieldSchema items) => new(JTokenType.Array) { Items = items };
}
