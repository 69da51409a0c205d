using Newtonsoft.Json.Linq;

namespace CxAsCode.Resources;

/// <summary>
/// What Validate knows about one field of a state file: its JSON type, the values an enum allows, the
/// range of a number, the length of a text, how many items an array may hold, the fields of an object and
/// the rules that tie those fields together. It catches what people get wrong by hand and what the real
/// API refuses, before anything is sent. Build one with the factories and refinements in
/// <c>FieldSchema.Building.cs</c>: <c>WholeNumber.AtLeast(7)</c>, <c>ArrayOf(ring).Holding(2, 6, "rings")</c>.
/// </summary>
public sealed partial record FieldSchema(JTokenType Type)
{
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>For objects: the known nested fields.</summary>
    public IReadOnlyDictionary<string, FieldSchema>? Fields { get; init; }

    /// <summary>
    /// For objects: true when fields not listed in <see cref="Fields"/> are accepted unchecked (channel
    /// settings that carry many optional, channel-specific fields). Listed fields are still checked.
    /// </summary>
    public bool AcceptsOtherFields { get; init; }

    /// <summary>For objects: the model of the SDK contract (<c>build/contract/genesys-models.json</c>) this object is, so tests can hold the enums to it.</summary>
    public string? Model { get; init; }

    /// <summary>For arrays: the schema of each element.</summary>
    public FieldSchema? Items { get; init; }

    /// <summary>For numbers: the smallest value allowed.</summary>
    public double? Minimum { get; init; }

    /// <summary>For numbers: the largest value allowed.</summary>
    public double? Maximum { get; init; }

    /// <summary>For numbers: the unit a person reads the range in (<c>ms</c>, <c>seconds</c>), shown in messages.</summary>
    public string? Unit { get; init; }

    /// <summary>For strings: the most characters allowed.</summary>
    public int MaxLength { get; init; } = FieldLimits.TextMaxLength;

    /// <summary>For arrays: the fewest items allowed.</summary>
    public int? MinItems { get; init; }

    /// <summary>For arrays: the most items allowed.</summary>
    public int? MaxItems { get; init; }

    /// <summary>For arrays: what one item is called in messages (<c>ring</c>).</summary>
    public string ItemNoun { get; init; } = "item";

    /// <summary>For objects: rules across fields, checked once each field on its own is valid.</summary>
    public IReadOnlyList<FieldRule> Rules { get; init; } = [];

    /// <summary>For text: a check of its form (a time zone, a local date-time); returns the problem, or null.</summary>
    public Func<string, string?>? Format { get; init; }
}
