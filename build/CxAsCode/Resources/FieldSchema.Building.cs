using Newtonsoft.Json.Linq;

namespace CxAsCode.Resources;

/// <summary>Factories and refinements, so a schema reads like the rule it states.</summary>
public sealed partial record FieldSchema
{
    public static FieldSchema Text => new(JTokenType.String);

    /// <summary>An object's name (<see cref="FieldLimits.NameMaxLength"/> characters at most).</summary>
    public static FieldSchema Name => Text.NoLongerThan(FieldLimits.NameMaxLength);

    public static FieldSchema WholeNumber => new(JTokenType.Integer);

    public static FieldSchema Number => new(JTokenType.Float);

    public static FieldSchema Flag => new(JTokenType.Boolean);

    public static FieldSchema Enum(params string[] values) => new(JTokenType.String) { AllowedValues = values };

    /// <summary>An object with exactly these fields, as the contract's <paramref name="model"/> defines them.</summary>
    public static FieldSchema Record(string model, Dictionary<string, FieldSchema> fields) =>
        new(JTokenType.Object) { Model = model, Fields = fields };

    /// <summary>An object whose listed fields are checked and whose other fields are accepted as they are.</summary>
    public static FieldSchema OpenRecord(string model, Dictionary<string, FieldSchema> fields) =>
        Record(model, fields) with { AcceptsOtherFields = true };

    /// <summary>An object whose content is not checked (a free-form map).</summary>
    public static FieldSchema AnyObject => new(JTokenType.Object) { AcceptsOtherFields = true };

    public static FieldSchema ArrayOf(FieldSchema items) => new(JTokenType.Array) { Items = items };

    public FieldSchema AtLeast(double minimum, string? unit = null) => this with { Minimum = minimum, Unit = unit ?? Unit };

    public FieldSchema AtMost(double maximum, string? unit = null) => this with { Maximum = maximum, Unit = unit ?? Unit };

    public FieldSchema Between(double minimum, double maximum, string? unit = null) =>
        this with { Minimum = minimum, Maximum = maximum, Unit = unit ?? Unit };

    public FieldSchema NoLongerThan(int characters) => this with { MaxLength = characters };

    /// <summary>An array of <paramref name="minimum"/> to <paramref name="maximum"/> items, each called <paramref name="noun"/>.</summary>
    public FieldSchema Holding(int? minimum, int? maximum, string noun) => this with { MinItems = minimum, MaxItems = maximum, ItemNoun = noun };

    public FieldSchema With(params FieldRule[] rules) => this with { Rules = [.. Rules, .. rules] };
}
