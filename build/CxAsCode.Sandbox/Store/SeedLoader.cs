using CxAsCode.Sandbox.Kinds.Queues;
using CxAsCode.Sandbox.Kinds.Skills;
using CxAsCode.Sandbox.Kinds.WrapupCodes;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>Builds an org from <c>Seed/default.json</c> (an embedded resource). The seed names its
/// references (division names, skill names, wrap-up code names) so it reads like the state folder; here
/// they become ids, through the same operations the API uses, so seeded objects look exactly like created
/// ones. Ids are derived from kind + name and stay the same on every reset.</summary>
internal static class SeedLoader
{
    public static Org Load(string seed, string timestamp)
    {
        if (!SeedNames.IsKnown(seed))
        {
            throw new ArgumentException($"Unknown seed '{seed}'; use '{SeedNames.Default}' or '{SeedNames.Empty}'.", nameof(seed));
        }

        var data = ReadDefaultSeed();
        var org = new Org();
        var stamp = new Stamp(Actors.UiUser, timestamp);
        foreach (var division in Items(data, "divisions"))
        {
            var name = division.Str("name")!;
            org.Divisions.Add(new JObject
            {
                ["id"] = DeterministicId.For("divisions", name),
                ["name"] = name,
                ["description"] = division.Str("description"),
                ["homeDivision"] = division.Value<bool?>("homeDivision") ?? false,
            });
        }

        if (seed == SeedNames.Empty)
        {
            return org;
        }

        foreach (var skill in Items(data, "skills"))
        {
            var name = skill.Str("name")!;
            var created = SkillOperations.Create(org, new JObject { ["name"] = name }, stamp, DeterministicId.For("skills", name));
            created["division"] = IdRef(org.Divisions, skill.Str("division"));
        }

        foreach (var code in Items(data, "wrapupCodes"))
        {
            var body = (JObject)code.DeepClone();
            body["division"] = IdRef(org.Divisions, code.Str("division"));
            WrapupCodeOperations.Create(org, body, stamp, DeterministicId.For("wrapupcodes", code.Str("name")!));
        }

        foreach (var queue in Items(data, "queues"))
        {
            var body = (JObject)queue.DeepClone();
            body["division"] = IdRef(org.Divisions, queue.Str("division"));
            foreach (var skill in body.SelectTokens("bullseye.rings[*].actions.skillsToRemove[*]").OfType<JObject>().ToList())
            {
                skill.Replace(IdRef(org.Skills, skill.Str("name")));
            }

            var created = QueueOperations.Create(org, body, stamp, DeterministicId.For("queues", queue.Str("name")!));
            var codes = (queue["wrapupCodes"] as JArray ?? []).Select(name => IdRef(org.WrapupCodes, (string?)name));
            QueueWrapupCodeOperations.Add(org, created.Str("id")!, new JArray(codes), stamp);
        }

        return org;
    }

    private static JObject ReadDefaultSeed()
    {
        var assembly = typeof(SeedLoader).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Seed.default.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return (JObject)Json.Parse(reader.ReadToEnd());
    }

    private static IEnumerable<JObject> Items(JObject data, string name) =>
        data[name] is JArray array ? array.OfType<JObject>() : [];

    private static JObject IdRef(IEnumerable<JObject> items, string? name)
    {
        var match = items.FirstOrDefault(o => Json.NameEquals(o.Str("name"), name))
            ?? throw new InvalidOperationException($"The seed refers to '{name}', which it does not define.");
        return new JObject { ["id"] = match.Str("id") };
    }
}
