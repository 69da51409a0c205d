using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>The real API's models from <c>build/contract/genesys-models.json</c> (copied from the official SDK; see its README), and a check that a JSON
/// value uses only fields the model (and its nested models) defines.</summary>
internal sealed class ContractModels
{
    private const string RelativePath = "build/contract/genesys-models.json";
    private readonly JObject _models;

    private ContractModels(JObject models) => _models = models;

    /// <summary>Walks up from the test output folder to the repository root.</summary>
    public static ContractModels Load()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return new ContractModels((JObject)JObject.Parse(File.ReadAllText(candidate))["models"]!);
            }
        }

        Assert.Fail($"Could not find {RelativePath} in any folder above {TestContext.CurrentContext.TestDirectory}. " +
                    "The contract lives in build/contract/ in the repository.");
        throw new InvalidOperationException("unreachable");
    }

    public bool Has(string model) => _models.ContainsKey(model);

    /// <summary>Every field path in <paramref name="value"/> that <paramref name="model"/> does not define.</summary>
    public List<string> UnknownFields(string model, JToken value)
    {
        var unknown = new List<string>();
        if (!Has(model))
        {
            unknown.Add($"{model} (not a model in the contract)");
        }

        Check(model, value, model, unknown);
        return unknown;
    }

    private void Check(string type, JToken value, string path, List<string> unknown)
    {
        type = type.TrimEnd('?');
        if (type.StartsWith("List<", StringComparison.Ordinal) && value is JArray items)
        {
            var element = type[5..^1];
            for (var i = 0; i < items.Count; i++)
            {
                Check(element, items[i], $"{path}[{i}]", unknown);
            }

            return;
        }

        if (type.StartsWith("Dictionary<", StringComparison.Ordinal) && value is JObject map)
        {
            var valueType = type[(type.IndexOf(',', StringComparison.Ordinal) + 1)..^1].Trim();
            foreach (var property in map.Properties())
            {
                Check(valueType, property.Value, $"{path}.{property.Name}", unknown);
            }

            return;
        }

        // Primitives, free JSON, and nested models the contract does not list are not checked further.
        if (value is not JObject obj || _models[type]?["fields"] is not JObject fields)
        {
            return;
        }

        foreach (var property in obj.Properties())
        {
            if (fields[property.Name] is JObject field)
            {
                Check((string)field["type"]!, property.Value, $"{path}.{property.Name}", unknown);
            }
            else
            {
                unknown.Add($"{path}.{property.Name}");
            }
        }
    }
}
