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
    public static ContractModels Load() =>
        new((JObject)JObject.Parse(File.ReadAllText(FindFile(RelativePath)))["models"]!);

    private static string FindFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"Could not find {relativePath} in any folder above {TestContext.CurrentContext.TestDirectory}. " +
                    "The contract lives in build/contract/ in the repository.");
        throw new InvalidOperationException("unreachable");
    }

    public bool Has(string model) => _models.ContainsKey(model);

    /// <summary>Adds a model the contract does not describe (it stops one level below the queue models),
    /// so answers that use it are checked too. Callers note where the fields come from.</summary>
    public ContractModels With(string model, params (string Name, string Type)[] fields)
    {
        var copy = (JObject)_models.DeepClone();
        copy[model] = new JObject
        {
            ["fields"] = new JObject(fields.Select(f => new JProperty(f.Name, new JObject { ["type"] = f.Type }))),
        };
        return new ContractModels(copy);
    }

    /// <summary>Every <c>METHOD /path</c> of the contract's operations, path parameters written <c>{}</c>.</summary>
    public static HashSet<string> Operations()
    {
        var path = Path.Combine(Path.GetDirectoryName(FindFile(RelativePath))!, "genesys-operations.json");
        return JObject.Parse(File.ReadAllText(path))["operations"]!
            .Select(o => $"{o["method"]} {System.Text.RegularExpressions.Regex.Replace((string)o["path"]!, @"\{[^}]*\}", "{}")}")
            .ToHashSet(StringComparer.Ordinal);
    }

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
