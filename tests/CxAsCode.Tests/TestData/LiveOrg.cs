using System.Globalization;
using CxAsCode.Extraction;
using CxAsCode.Normalization;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.TestData;

/// <summary>
/// Builds a live org the way Extract sees it: raw API objects with GUID ids, expanded references
/// (<c>{id, name, selfUri}</c>), server bookkeeping and fields this repository does not manage.
/// Ids are deterministic, so a test can name them and prove none is left in state.
/// </summary>
internal sealed class LiveOrg
{
    private readonly List<(ResourceKind Kind, JObject Raw)> _objects = [];
    private int _next;

    public LiveOrg Division(string name)
    {
        Add(ResourceKinds.Divisions, new JObject
        {
            ["id"] = NextId(),
            ["name"] = name,
            ["description"] = name + " customers",
            ["homeDivision"] = name == "Home",
        });
        return this;
    }

    public LiveOrg Skill(string name)
    {
        Add(ResourceKinds.Skills, new JObject
        {
            ["id"] = NextId(),
            ["name"] = name,
            ["state"] = "active",
            ["version"] = 1,
            ["dateModified"] = "2025-01-02T03:04:05.000Z",
        });
        return this;
    }

    public LiveOrg WrapupCode(string name, string division, string? description = null)
    {
        Add(ResourceKinds.WrapupCodes, new JObject
        {
            ["id"] = NextId(),
            ["name"] = name,
            ["division"] = DivisionReference(division),
            ["description"] = description,
            ["dateCreated"] = "2025-01-02T03:04:05.000Z",
            ["createdBy"] = "3f0c3d43-7a0b-4d35-9d4e-000000000001",
        });
        return this;
    }

    /// <param name="name">Queue name.</param>
    /// <param name="division">Name of a division added before.</param>
    /// <param name="rings">Per bullseye ring, the names of the skills it removes (skills added before).</param>
    /// <param name="wrapupCodes">The wrap-up code sub-resource list as Extract reads it; null when not read.</param>
    /// <param name="edit">Changes to the raw queue before it is added.</param>
    public LiveOrg Queue(string name, string division, string[][]? rings = null, string[]? wrapupCodes = null, Action<JObject>? edit = null)
    {
        var raw = new JObject
        {
            ["id"] = NextId(),
            ["name"] = name,
            ["division"] = DivisionReference(division),
            ["description"] = name + " queue",
            ["dateCreated"] = "2025-01-02T03:04:05.000Z",
            ["dateModified"] = "2025-02-03T04:05:06.000Z",
            ["modifiedBy"] = "3f0c3d43-7a0b-4d35-9d4e-000000000002",
            ["memberCount"] = 12,
            ["userMemberCount"] = 12,
            ["joinedMemberCount"] = 7,
            ["acwSettings"] = new JObject { ["wrapupPrompt"] = "OPTIONAL", ["timeoutMs"] = 60000 },
            ["skillEvaluationMethod"] = "BEST",
            ["mediaSettings"] = new JObject
            {
                ["call"] = new JObject
                {
                    ["alertingTimeoutSeconds"] = 8,
                    ["enableAutoAnswer"] = false,
                    ["serviceLevel"] = new JObject { ["percentage"] = 0.8m, ["durationMs"] = 20000 },
                },
            },
            ["enableTranscription"] = true,
            ["callingPartyName"] = "Northwind Energy",
            ["scoringMethod"] = "TimestampAndPriority",
        };
        if (rings is not null)
        {
            raw["bullseye"] = new JObject
            {
                ["rings"] = new JArray(rings.Select((skills, i) => new JObject
                {
                    ["expansionCriteria"] = new JArray(new JObject { ["type"] = "TIMEOUT_SECONDS", ["threshold"] = 15 * (i + 1) }),
                    ["actions"] = new JObject
                    {
                        ["skillsToRemove"] = new JArray(skills.Select(s => new JObject
                        {
                            ["id"] = IdOf(ResourceKinds.Skills, s),
                            ["selfUri"] = ResourceKinds.Skills.ItemPath(IdOf(ResourceKinds.Skills, s)),
                        })),
                    },
                })),
            };
        }

        if (wrapupCodes is not null)
        {
            raw["wrapupCodes"] = new JArray(wrapupCodes.Select(c => new JObject { ["id"] = IdOf(ResourceKinds.WrapupCodes, c), ["name"] = c }));
        }

        edit?.Invoke(raw);
        Add(ResourceKinds.Queues, raw);
        return this;
    }

    /// <summary>The raw API JSON of an object added before (the instance the snapshots hold).</summary>
    public JObject Raw(ResourceKind kind, string name) =>
        _objects.Single(o => o.Kind == kind && kind.KeyOf(o.Raw) == name).Raw;

    public string IdOf(ResourceKind kind, string name) =>
        (string)Raw(kind, name)["id"]!;

    /// <summary>Every id handed out so far.</summary>
    public IEnumerable<string> Ids => _objects.Select(o => (string)o.Raw["id"]!);

    /// <summary>What Extract returns: each object's managed fields, references not yet named, and its raw JSON as it is now.</summary>
    public LiveSnapshot Snapshot() => new(_objects.Select(o => Extractor.ToObject(o.Kind, (JObject)o.Raw.DeepClone())));

    /// <summary>What Normalize makes of it: canonical bodies filled in.</summary>
    public LiveSnapshot Normalized(ICollection<string>? warnings = null) => SnapshotNormalizer.Normalize(Snapshot(), warnings ?? []);

    /// <summary>The canonical body Normalize gives one object.</summary>
    public JObject Canonical(ResourceKind kind, string name, ICollection<string>? warnings = null) =>
        LiveNormalizer.ToCanonical(kind, Raw(kind, name), Snapshot(), warnings ?? []);

    /// <summary>The org of <c>Seed/default.json</c>'s shape, cut down: three divisions, some skills and codes, one queue.</summary>
    public static LiveOrg Northwind() => new LiveOrg()
        .Division("Home").Division("Residential").Division("Business")
        .Skill("Billing").Skill("English").Skill("Welsh").Skill("Payments")
        .WrapupCode("Resolved", "Home", "Customer's issue resolved")
        .WrapupCode("Escalated", "Home", "Passed to a team leader")
        .WrapupCode("Transferred", "Home", "Warm transfer to another queue");

    private JObject DivisionReference(string division)
    {
        var id = IdOf(ResourceKinds.Divisions, division);
        return new JObject { ["id"] = id, ["name"] = division, ["selfUri"] = ResourceKinds.Divisions.ItemPath(id) };
    }

    private string NextId() => string.Create(CultureInfo.InvariantCulture, $"6b1f0c2e-0000-4000-8000-{++_next:x12}");

    private void Add(ResourceKind kind, JObject raw)
    {
        raw["selfUri"] = kind.ItemPath((string)raw["id"]!);
        _objects.Add((kind, raw));
    }
}
