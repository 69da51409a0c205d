using CxAsCode.State;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Benchmark;

/// <summary>
/// A contact centre of realistic shape, generated: skills, wrap-up codes and queues in the proportions of
/// the 3,400-object org issue 11 measured (2,000 skills, 400 wrap-up codes, 1,000 queues), spread over the
/// three divisions; each queue has two bullseye rings removing a skill each, three wrap-up codes and the
/// full media settings. Deterministic: the same size gives the same org.
/// </summary>
internal static class OrgGenerator
{
    private static readonly string[] Divisions = ["Home", "Residential", "Business"];

    /// <param name="objects">Managed objects in the org (at least 10).</param>
    /// <param name="changes">Changes to plan: a third updated queues, a third updated wrap-up codes, a third new skills.</param>
    public static GeneratedOrg Generate(int objects, int changes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(objects, 10);
        ArgumentOutOfRangeException.ThrowIfNegative(changes);
        var skillCount = objects * 20 / 34;
        var codeCount = Math.Max(3, objects * 4 / 34);
        var queueCount = objects - skillCount - codeCount;

        var skills = Enumerable.Range(0, skillCount).Select(i => $"Skill {i:D5}").ToList();
        var codes = Enumerable.Range(0, codeCount).Select(i => $"Wrap-up {i:D5}").ToList();
        var queues = Enumerable.Range(0, queueCount).Select(i => Queue(i, skills, codes)).ToList();

        var state = new Dictionary<string, JObject>(StringComparer.Ordinal);
        foreach (var skill in skills)
        {
            state[File("routing/skills", skill)] = new JObject { ["name"] = skill };
        }

        var codeBodies = codes.Select((name, i) => new JObject { ["name"] = name, ["division"] = Divisions[i % 3], ["description"] = $"Outcome {i} of a call" }).ToList();
        foreach (var code in codeBodies)
        {
            state[File("routing/wrapupcodes", (string)code["name"]!)] = code;
        }

        foreach (var queue in queues)
        {
            state[File("routing/queues", (string)queue["name"]!)] = queue;
        }

        var planned = Changes(changes, queues, codeBodies);
        var changed = new Dictionary<string, JObject>(state, StringComparer.Ordinal);
        foreach (var change in planned)
        {
            changed[change.StateFile] = change.Body;
        }

        var seed = new JObject
        {
            ["divisions"] = new JArray(Divisions.Select((d, i) => new JObject { ["name"] = d, ["description"] = d + " division", ["homeDivision"] = i == 0 })),
            ["skills"] = new JArray(skills.Select(s => new JObject { ["name"] = s, ["division"] = "Home" })),
            ["wrapupCodes"] = new JArray(codeBodies.Select(c => c.DeepClone())),
            ["queues"] = new JArray(queues.Select(SeedQueue)),
        };
        return new GeneratedOrg(seed, state, changed, planned);
    }

    public static string File(string folder, string name) => $"{folder}/{FileNames.StemFor(name)}.json";

    /// <summary>Changes spread evenly over the org: updated queues, updated wrap-up codes, new skills.</summary>
    private static List<GeneratedChange> Changes(int count, List<JObject> queues, List<JObject> codes)
    {
        var queueChanges = Math.Min((count + 2) / 3, queues.Count);
        var codeChanges = Math.Min((count + 1) / 3, codes.Count);
        var creates = count - queueChanges - codeChanges;
        return
        [
            .. Spread(queues, queueChanges).Select(queue => Updated("queues", "routing/queues", queue)),
            .. Spread(codes, codeChanges).Select(code => Updated("wrapupcodes", "routing/wrapupcodes", code)),
            .. Enumerable.Range(0, creates).Select(i => $"New Skill {i:D5}")
                .Select(name => new GeneratedChange("skills", name, File("routing/skills", name), new JObject { ["name"] = name }, IsCreate: true)),
        ];
    }

    private static IEnumerable<JObject> Spread(List<JObject> items, int count) =>
        Enumerable.Range(0, count).Select(j => items[(int)((long)j * items.Count / count)]);

    private static GeneratedChange Updated(string kind, string folder, JObject original)
    {
        var body = (JObject)original.DeepClone();
        body["description"] = body["description"] + " (changed by the benchmark)";
        var name = (string)body["name"]!;
        return new GeneratedChange(kind, name, File(folder, name), body, IsCreate: false);
    }

    private static JObject Queue(int i, List<string> skills, List<string> codes)
    {
        var media = new JObject();
        foreach (var (channel, alerting, duration) in new[] { ("call", 8, 20000), ("callback", 30, 20000), ("chat", 30, 20000), ("email", 300, 86400000), ("message", 30, 20000) })
        {
            media[channel] = new JObject
            {
                ["alertingTimeoutSeconds"] = alerting,
                ["enableAutoAnswer"] = false,
                ["serviceLevel"] = new JObject { ["durationMs"] = duration, ["percentage"] = 0.8 },
            };
        }

        return new JObject
        {
            ["acwSettings"] = new JObject { ["timeoutMs"] = 30000 + (i % 4 * 15000), ["wrapupPrompt"] = "MANDATORY_TIMEOUT" },
            ["bullseye"] = new JObject
            {
                ["rings"] = new JArray(
                    Ring(skills[i % skills.Count], 15),
                    Ring(skills[(i + 1) % skills.Count], 30)),
            },
            ["description"] = $"Queue {i} of the generated org",
            ["division"] = Divisions[i % 3],
            ["mediaSettings"] = media,
            ["name"] = $"Queue {i:D5}",
            ["skillEvaluationMethod"] = "BEST",
            ["wrapupCodes"] = new JArray(new[] { codes[i % codes.Count], codes[(i + 1) % codes.Count], codes[(i + 2) % codes.Count] }.Distinct().Order(StringComparer.Ordinal)),
        };
    }

    private static JObject Ring(string skill, int seconds) => new()
    {
        ["actions"] = new JObject { ["skillsToRemove"] = new JArray(skill) },
        ["expansionCriteria"] = new JArray(new JObject { ["threshold"] = seconds, ["type"] = "TIMEOUT_SECONDS" }),
    };

    /// <summary>The seed names its skills as objects (<c>{"name": …}</c>), as <c>Seed/default.json</c> does.</summary>
    private static JObject SeedQueue(JObject queue)
    {
        var seed = (JObject)queue.DeepClone();
        foreach (var skill in seed.SelectTokens("bullseye.rings[*].actions.skillsToRemove[*]").ToList())
        {
            skill.Replace(new JObject { ["name"] = skill });
        }

        return seed;
    }
}
