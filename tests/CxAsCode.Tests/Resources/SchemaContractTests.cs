using CxAsCode.Resources;
using CxAsCode.Tests.TestData;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Resources;

/// <summary>
/// The enum values Validate enforces are kept in code; these tests hold them to the SDK contract in
/// <c>build/contract/genesys-models.json</c> (the real models), so the two cannot drift apart.
/// </summary>
public class SchemaContractTests
{
    private static readonly JObject Models = LoadModels();

    private static IEnumerable<TestCaseData> Kinds()
    {
        yield return new TestCaseData(ResourceKinds.Skills, SkillSchema.Model).SetArgDisplayNames("skills");
        yield return new TestCaseData(ResourceKinds.WrapupCodes, WrapupCodeSchema.Model).SetArgDisplayNames("wrapupcodes");
        yield return new TestCaseData(ResourceKinds.Queues, QueueSchema.Model).SetArgDisplayNames("queues");
    }

    [TestCaseSource(nameof(Kinds))]
    public void Schema_EveryEnumAndModel_MatchesTheContract(ResourceKind kind, string model)
    {
        var comparison = Compare(kind, model);

        Assert.That(comparison.Mismatches, Is.Empty);
    }

    [Test]
    public void Schema_QueueEnums_AreAllCompared()
    {
        // Proves the comparison above is not vacuous: every enum of the managed queue fields was looked at.
        var comparison = Compare(ResourceKinds.Queues, QueueSchema.Model);

        Assert.That(comparison.EnumsCompared, Is.EquivalentTo(new[]
        {
            "$.skillEvaluationMethod",
            "$.acwSettings.wrapupPrompt",
            "$.bullseye.rings[*].expansionCriteria[*].type",
            "$.bullseye.rings[*].memberGroups[*].type",
            "$.mediaSettings.callback.mode",
            "$.mediaSettings.callback.liveVoiceReactionType",
            "$.mediaSettings.callback.answeringMachineReactionType",
        }));
    }

    [Test]
    public void Compare_EnumThatDriftedFromTheContract_IsAMismatch()
    {
        var drifted = new ResourceKind
        {
            Name = "queues",
            Folder = "routing/queues",
            ApiPath = "/api/v2/routing/queues",
            PageSize = 1,
            WriteStrategy = WriteStrategy.Put,
            Schema = new Dictionary<string, FieldSchema>
            {
                ["skillEvaluationMethod"] = FieldSchema.Enum("NONE", "BEST"),
                ["acwSettings"] = FieldSchema.Record("AcwSettings", new() { ["timeoutMs"] = FieldSchema.WholeNumber }),
                ["colour"] = FieldSchema.Text,
            },
        };

        var comparison = Compare(drifted, QueueSchema.Model);

        Assert.That(comparison.Mismatches, Is.EquivalentTo(new[]
        {
            "$.skillEvaluationMethod: the engine allows [NONE, BEST], the contract's Queue.skillEvaluationMethod [NONE, BEST, ALL]",
            "$.acwSettings.wrapupPrompt: AcwSettings.wrapupPrompt is an enum in the contract, and the engine does not check it",
            "$.colour: Queue has no field 'colour' in the contract",
        }));
    }

    private static (List<string> Mismatches, List<string> EnumsCompared) Compare(ResourceKind kind, string model)
    {
        var result = (Mismatches: new List<string>(), EnumsCompared: new List<string>());
        // Sub-resource lists (a queue's wrap-up codes) live in state but are written through their own endpoint.
        var stateOnly = kind.SubResources.Select(s => s.Field).ToHashSet(StringComparer.Ordinal);
        CompareRecord(model, kind.Schema, "$", topLevel: true, stateOnly, result);
        return result;
    }

    private static void CompareRecord(string model, IReadOnlyDictionary<string, FieldSchema> fields, string path, bool topLevel, HashSet<string> stateOnly, (List<string> Mismatches, List<string> EnumsCompared) result)
    {
        if (Models[model]?["fields"] is not JObject contract)
        {
            result.Mismatches.Add($"{path}: {model} is not a model in the contract");
            return;
        }

        foreach (var (name, schema) in fields.Where(f => !(topLevel && stateOnly.Contains(f.Key))))
        {
            var at = $"{path}.{name}";
            if (contract[name] is not JObject field)
            {
                result.Mismatches.Add($"{at}: {model} has no field '{name}' in the contract");
                continue;
            }

            var (element, elementPath) = schema.Items is { } items ? (items, at + "[*]") : (schema, at);
            var contractEnum = field["enum"]?.Values<string>().ToList();
            if (element.AllowedValues is { } allowed)
            {
                result.EnumsCompared.Add(at);
                if (contractEnum is null || !allowed.SequenceEqual(contractEnum!))
                {
                    result.Mismatches.Add($"{at}: the engine allows [{string.Join(", ", allowed)}], the contract's {model}.{name} [{string.Join(", ", contractEnum ?? [])}]");
                }
            }

            if (element.Model is { } nested && element.Fields is { } nestedFields)
            {
                var contractType = (string)field["type"]!;
                if (contractType != nested && contractType != $"List<{nested}>")
                {
                    result.Mismatches.Add($"{at}: the engine reads it as {nested}, the contract's {model}.{name} is {contractType}");
                }

                CompareRecord(nested, nestedFields, elementPath, topLevel: false, stateOnly, result);
            }
        }

        // Below the top level a managed field is the whole object: every enum in it must be checked. (At the
        // top level the kind's managed fields choose which of the model's fields state holds.)
        foreach (var property in topLevel ? [] : contract.Properties().Where(p => p.Value["enum"] is not null && !fields.ContainsKey(p.Name)))
        {
            result.Mismatches.Add($"{path}.{property.Name}: {model}.{property.Name} is an enum in the contract, and the engine does not check it");
        }
    }

    private static JObject LoadModels()
    {
        var path = Path.Combine(StateFolder.RepositoryRoot, "build", "contract", "genesys-models.json");
        return (JObject)JObject.Parse(File.ReadAllText(path))["models"]!;
    }
}
