using CxAsCode.Sandbox.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Contract;

/// <summary>Checks every enum field of a request body against the SDK contract (build/contract/
/// genesys-models.json, embedded), walking nested models and lists of models, and answers a value the
/// platform does not know with its 400 <c>invalid.value</c>. Fields the model does not have are left alone
/// (the platform ignores them); so are models the contract does not describe, except the few added below.</summary>
internal static class ContractEnums
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, Field>>> Models = new(Load);

    /// <summary>Throws on the first enum value of <paramref name="body"/> (a <paramref name="model"/>) that
    /// the model does not allow.</summary>
    public static void Validate(string model, JToken body) => Walk(model, body);

    private static void Walk(string type, JToken value)
    {
        type = type.TrimEnd('?');
        if (type.StartsWith("List<", StringComparison.Ordinal) && value is JArray items)
        {
            foreach (var item in items)
            {
                Walk(type[5..^1], item);
            }

            return;
        }

        if (type.StartsWith("Dictionary<", StringComparison.Ordinal) && value is JObject map)
        {
            var valueType = type[(type.IndexOf(',', StringComparison.Ordinal) + 1)..^1].Trim();
            foreach (var property in map.Properties())
            {
                Walk(valueType, property.Value);
            }

            return;
        }

        if (value is not JObject obj || !Models.Value.TryGetValue(type, out var fields))
        {
            return;
        }

        foreach (var property in obj.Properties())
        {
            if (!fields.TryGetValue(property.Name, out var field) || property.Value.Type == JTokenType.Null)
            {
                continue;
            }

            if (field.Enum is { } allowed)
            {
                IEnumerable<JToken> values = property.Value is JArray list ? list : [property.Value];
                foreach (var item in values)
                {
                    if (item.Type != JTokenType.String || !allowed.Contains((string)item!, StringComparer.Ordinal))
                    {
                        throw ApiErrors.InvalidEnumValue(Text(item), TypeName(property.Name), allowed);
                    }
                }
            }
            else
            {
                Walk(field.Type, property.Value);
            }
        }
    }

    /// <summary>The enum's type as the platform names it in the message: the field name with a capital
    /// first letter (<c>mode</c> → <c>Mode</c>, as in "field type [Mode]").</summary>
    private static string TypeName(string field) => char.ToUpperInvariant(field[0]) + field[1..];

    private static string Text(JToken value) => value.Type == JTokenType.String ? (string)value! : value.ToString(Formatting.None);

    private static Dictionary<string, Dictionary<string, Field>> Load()
    {
        var models = (JObject)ContractResources.Read("genesys-models.json")["models"]!;
        var byName = new Dictionary<string, Dictionary<string, Field>>(StringComparer.Ordinal);
        foreach (var model in models.Properties())
        {
            var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
            foreach (var field in (model.Value["fields"] as JObject ?? []).Properties())
            {
                fields[field.Name] = new Field(
                    (string?)field.Value["type"] ?? "Object",
                    field.Value["enum"] is JArray values ? [.. values.Select(v => (string)v!)] : null);
            }

            byName[model.Name] = fields;
        }

        // The contract stops one level below the queue models; the conditional-group-routing rule carries
        // two enums and a list of member groups. Values from the SDK's ConditionalGroupRoutingRule.cs
        // (MyPureCloud/platform-client-sdk-dotnet v270, build/src/PureCloudPlatform.Client.V2/Model).
        byName.TryAdd("ConditionalGroupRoutingRule", new Dictionary<string, Field>(StringComparer.Ordinal)
        {
            ["queue"] = new("DomainEntityRef", null),
            ["metric"] = new("string", ["EstimatedWaitTime", "ServiceLevel"]),
            ["operator"] = new("string", ["GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo"]),
            ["conditionValue"] = new("double?", null),
            ["groups"] = new("List<MemberGroup>", null),
            ["waitSeconds"] = new("int?", null),
        });
        return byName;
    }

    private sealed record Field(string Type, IReadOnlyList<string>? Enum);
}
