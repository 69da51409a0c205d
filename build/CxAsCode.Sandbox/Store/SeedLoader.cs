using CxAsCode.Sandbox.Kinds.Flows;
using CxAsCode.Sandbox.Kinds.Languages;
using CxAsCode.Sandbox.Kinds.Queues;
using CxAsCode.Sandbox.Kinds.Schedules;
using CxAsCode.Sandbox.Kinds.Skills;
using CxAsCode.Sandbox.Kinds.Users;
using CxAsCode.Sandbox.Kinds.WrapupCodes;
using CxAsCode.Sandbox.Permissions;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>Builds an org from <c>Seed/default.json</c> (an embedded resource). The seed names its
/// references (division, skill, wrap-up code, queue and member-group names) so it reads like the state
/// folder; here they become ids, through the same operations the API uses and under the realism rules in
/// force, so seeded objects look exactly like created ones (and a seed the rules refuse fails the start).
/// Ids are derived from kind + name and stay the same on every reset; seeded objects are visible at once.
/// While every rule is off, <c>Seed/default.pre-realism.json</c> is applied first (see its <c>about</c>).</summary>
internal static class SeedLoader
{
    /// <param name="seed"><c>default</c> or <c>empty</c>.</param>
    /// <param name="generated">Data in the seed's shape to use instead of <c>Seed/default.json</c> (the benchmark's org).</param>
    /// <param name="now">The org's clock.</param>
    /// <param name="realism">The rules the seed is loaded under.</param>
    public static Org Load(string seed, JObject? generated, DateTimeOffset now, RealismProfile realism)
    {
        if (!SeedNames.IsKnown(seed))
        {
            throw new ArgumentException($"Unknown seed '{seed}'; use '{SeedNames.Default}' or '{SeedNames.Empty}'.", nameof(seed));
        }

        var data = generated is null ? Resource("default.json") : (JObject)generated.DeepClone();
        if (generated is null && !realism.AnyRules)
        {
            ApplyPreRealismOverlay(data, Resource("default.pre-realism.json"));
        }

        var org = new Org();
        org.Advance(now);
        foreach (var division in Items(data, "divisions"))
        {
            var name = division.Str("name")!;
            org.AddDivision(new JObject
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

        var seeding = realism.Clone();
        seeding.Consistency = ConsistencyLags.None();
        var write = new WriteContext(new Stamp(Actors.UiUser, SandboxClock.Format(now)), now, seeding, Access.Unrestricted);
        LoadSkills(org, data, write);
        foreach (var language in Items(data, "languages"))
        {
            LanguageOperations.Create(org, new JObject { ["name"] = language.Str("name") }, write, DeterministicId.For("languages", language.Str("name")!));
        }

        foreach (var schedule in Items(data, "schedules"))
        {
            var body = (JObject)schedule.DeepClone();
            body["division"] = DivisionRef(org, schedule.Str("division"));
            ScheduleOperations.Create(org, body, write, DeterministicId.For("schedules", schedule.Str("name")!));
        }

        foreach (var group in Items(data, "scheduleGroups"))
        {
            var body = (JObject)group.DeepClone();
            body["division"] = DivisionRef(org, group.Str("division"));
            foreach (var field in ScheduleGroupOperations.ScheduleFields)
            {
                body[field] = new JArray((group[field] as JArray ?? []).Select(name => IdRef(org.Schedules, (string?)name)));
            }

            ScheduleGroupOperations.Create(org, body, write, DeterministicId.For("schedulegroups", group.Str("name")!));
        }

        LoadUsers(org, data, write);
        foreach (var code in Items(data, "wrapupCodes"))
        {
            var body = (JObject)code.DeepClone();
            body["division"] = DivisionRef(org, code.Str("division"));
            WrapupCodeOperations.Create(org, body, write, DeterministicId.For("wrapupcodes", code.Str("name")!));
        }

        foreach (var queue in Items(data, "queues"))
        {
            var created = QueueOperations.Create(org, ResolveQueueReferences(org, queue), write, DeterministicId.For("queues", queue.Str("name")!));
            var codes = (queue["wrapupCodes"] as JArray ?? []).Select(name => IdRef(org.WrapupCodes, (string?)name));
            QueueWrapupCodeOperations.Add(org, created.Str("id")!, new JArray(codes), write);
        }

        if (generated is null)
        {
            LoadFlows(org, write); // a generated org (the benchmark's) has none of the queues these flows name
        }

        return org;
    }

    /// <summary>The seed's flows (Seed/Flows, see its SOURCES.md), imported as an Architect job would.</summary>
    private static void LoadFlows(Org org, WriteContext write)
    {
        var assembly = typeof(SeedLoader).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".Seed.Flows.", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var content = reader.ReadToEnd();
            var yaml = FlowYaml.Read(content);
            FlowOperations.Import(org, yaml, content, write, clientId: null);
        }
    }

    private static void LoadSkills(Org org, JObject data, WriteContext write)
    {
        foreach (var skill in Items(data, "skills"))
        {
            var name = skill.Str("name")!;
            var created = (JObject)SkillOperations.Create(org, new JObject { ["name"] = name }, write, DeterministicId.For("skills", name)).DeepClone();
            created["division"] = DivisionRef(org, skill.Str("division"));
            if (skill.Str("state") is { } state)
            {
                created["state"] = state; // inactive: only ever set "in the UI", never through the API
            }

            org.Skills.Commit(created.Str("id")!, write.Revision(created), write.Now);
        }
    }

    /// <summary>Users with their skills and languages by name and their manager by email; a seeded
    /// <c>state: deleted</c> user is created then deleted, as the platform would hold one.</summary>
    private static void LoadUsers(Org org, JObject data, WriteContext write)
    {
        foreach (var seeded in Items(data, "users"))
        {
            var email = seeded.Str("email")!;
            var body = new JObject { ["name"] = seeded.Str("name"), ["email"] = email, ["title"] = seeded.Str("title"), ["department"] = seeded.Str("department") };
            body["divisionId"] = DivisionRef(org, seeded.Str("division"))["id"];
            var user = UserOperations.Create(org, body, write, DeterministicId.For("users", email));
            var id = user.Str("id")!;
            UserRoutingOperations.ReplaceSkills(org, id, Proficiencies(org.Skills, seeded["skills"]), write);
            UserRoutingOperations.PatchLanguages(org, id, Proficiencies(org.Languages, seeded["languages"]), write);
        }

        foreach (var seeded in Items(data, "users"))
        {
            var id = DeterministicId.For("users", seeded.Str("email")!);
            if (seeded.Str("manager") is { } manager)
            {
                var user = org.Users.Current(id)!;
                UserOperations.Patch(org, id, new JObject { ["version"] = user["version"], ["manager"] = DeterministicId.For("users", manager) }, write);
            }

            if (seeded.Str("state") == UserOperations.Deleted)
            {
                UserOperations.Delete(org, id, write);
            }
        }
    }

    private static JArray Proficiencies(KindTable table, JToken? entries) => new((entries as JArray ?? []).OfType<JObject>()
        .Select(e => new JObject { ["id"] = IdRef(table, e.Str("name"))["id"], ["proficiency"] = e["proficiency"]?.DeepClone() }));

    private static JObject ResolveQueueReferences(Org org, JObject queue)
    {
        var body = (JObject)queue.DeepClone();
        body.Remove("wrapupCodes");
        body["division"] = DivisionRef(org, queue.Str("division"));
        foreach (var skill in body.SelectTokens("bullseye.rings[*].actions.skillsToRemove[*]").OfType<JObject>().ToList())
        {
            skill.Replace(IdRef(org.Skills, skill.Str("name")));
        }

        foreach (var rule in body.SelectTokens("conditionalGroupRouting.rules[*]").OfType<JObject>())
        {
            if (rule["queue"] is JObject reference)
            {
                rule["queue"] = IdRef(org.Queues, reference.Str("name"));
            }
        }

        // Groups, teams and skill groups are not emulated: member groups get stable ids from their names.
        foreach (var group in body.SelectTokens("$..memberGroups[*]").Concat(body.SelectTokens("$..groups[*]")).OfType<JObject>())
        {
            group["id"] = DeterministicId.For("groups", group.Str("name")!);
            group.Remove("name");
        }

        return body;
    }

    /// <summary>Removes the objects the overlay omits and merges its patches into the named objects.</summary>
    private static void ApplyPreRealismOverlay(JObject data, JObject overlay)
    {
        foreach (var kind in (overlay["omit"] as JObject ?? []).Properties())
        {
            var names = kind.Value.Select(n => (string?)n).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var item in Items(data, kind.Name).Where(i => names.Contains(i.Str("name"))).ToList())
            {
                item.Remove();
            }
        }

        foreach (var kind in (overlay["patch"] as JObject ?? []).Properties())
        {
            foreach (var patch in ((JObject)kind.Value).Properties())
            {
                var item = Items(data, kind.Name).Single(i => Json.NameEquals(i.Str("name"), patch.Name));
                JsonMergePatch.Apply(item, patch.Value);
            }
        }
    }

    private static JObject Resource(string name)
    {
        var assembly = typeof(SeedLoader).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Seed." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return (JObject)Json.Parse(reader.ReadToEnd());
    }

    private static IEnumerable<JObject> Items(JObject data, string name) =>
        data[name] is JArray array ? array.OfType<JObject>() : [];

    private static JObject DivisionRef(Org org, string? name)
    {
        if (name == DivisionScope.AllDivisions)
        {
            return new JObject { ["id"] = DivisionScope.AllDivisions };
        }

        var match = org.Divisions.FirstOrDefault(d => Json.NameEquals(d.Str("name"), name))
            ?? throw new InvalidOperationException($"The seed refers to division '{name}', which it does not define.");
        return new JObject { ["id"] = match.Str("id") };
    }

    private static JObject IdRef(KindTable table, string? name)
    {
        var match = (name is null ? null : table.HoldingName(name).FirstOrDefault())
            ?? throw new InvalidOperationException($"The seed refers to '{name}', which it does not define.");
        return new JObject { ["id"] = match.Id };
    }
}
