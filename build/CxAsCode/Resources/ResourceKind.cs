namespace CxAsCode.Resources;

/// <summary>
/// Everything the pipeline needs to know about one kind of Genesys Cloud object. A new kind plugs in by
/// adding a descriptor to <see cref="ResourceKinds"/>; extraction, normalization, validation, planning,
/// deployment and rollback read only this.
/// </summary>
public sealed class ResourceKind
{
    /// <summary>Short name used in references, plans and journals (<c>queues</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Folder under <c>state/&lt;env&gt;</c> (<c>routing/queues</c>).</summary>
    public required string Folder { get; init; }

    /// <summary>Collection path under the API base (<c>/api/v2/routing/queues</c>).</summary>
    public required string ApiPath { get; init; }

    /// <summary>Largest page size the list endpoint allows; extraction always uses it.</summary>
    public required int PageSize { get; init; }

    /// <summary>
    /// Query every list and read of this kind carries (users: <c>state=any&amp;expand=skills,languages</c>, so one
    /// page holds deleted users and every user's routing lists); null when none.
    /// </summary>
    public string? ListQuery { get; init; }

    /// <summary>Query a read of one object carries (users: <c>expand=skills,languages</c>); null when none.</summary>
    public string? ItemQuery { get; init; }

    /// <summary>
    /// Rewrites a live object, before it is normalized or fingerprinted, into the shape state references
    /// (a user's skills become <c>[{skill: {id}, proficiency}]</c>); null when the API's shape already is it.
    /// </summary>
    public Func<Newtonsoft.Json.Linq.JObject, Newtonsoft.Json.Linq.JObject>? LiveShape { get; init; }

    /// <summary>
    /// True when a deleted object stays listed and can be brought back with its id (users): one in state is
    /// planned as a restore, never as a create the API would refuse.
    /// </summary>
    public bool Restorable { get; init; }

    /// <summary>True for the kind changed by PATCH with a version and bulk routing-list endpoints (users).</summary>
    public bool IsUser => WriteStrategy == WriteStrategy.Patch;

    public required WriteStrategy WriteStrategy { get; init; }

    /// <summary>
    /// The natural key of a live object or a canonical body: the name, for every kind but flows (type and
    /// name: <c>inboundCall/Main IVR</c>, since two flows of different types may share a name).
    /// </summary>
    public Func<Newtonsoft.Json.Linq.JObject, string> KeyOf { get; init; } = body => (string?)body["name"] ?? string.Empty;

    /// <summary>True for the kind whose content moves through Architect jobs (flows).</summary>
    public bool IsFlow => WriteStrategy == WriteStrategy.ArchitectJob;

    /// <summary>Top-level fields that state owns. Everything else on the live object is left as it is.</summary>
    public IReadOnlyList<string> ManagedFields { get; init; } = ["name"];

    /// <summary>Server bookkeeping left out of fingerprints (it moves on every write, ours included).</summary>
    public IReadOnlyList<string> VolatileFields { get; init; } = ["id", "selfUri", "dateCreated", "dateModified", "createdBy", "modifiedBy", "version", "state"];

    /// <summary>Fields the API sets and never accepts back in a create or update body.</summary>
    public IReadOnlyList<string> ReadOnlyFields { get; init; } = ["id", "selfUri", "dateCreated", "dateModified", "createdBy", "modifiedBy", "version", "state"];

    /// <summary>Fields every state file of this kind must have (besides <c>name</c>).</summary>
    public IReadOnlyList<string> RequiredFields { get; init; } = [];

    public IReadOnlyList<ReferenceField> References { get; init; } = [];

    /// <summary>Arrays whose order carries no meaning; sorted in canonical form so diffs stay quiet.</summary>
    public IReadOnlyList<string> UnorderedArrays { get; init; } = [];

    public IReadOnlyList<SubResource> SubResources { get; init; } = [];

    /// <summary>
    /// Places inside managed fields that the org owns and state never holds (a ring's member groups): left
    /// out of canonical form, and carried over from the live object into every write.
    /// </summary>
    public IReadOnlyList<string> CarriedOver { get; init; } = [];

    /// <summary>
    /// Fills, in a desired canonical object, the fields state left out that the platform defaults, from the
    /// live object (desired, live → desired as the server will hold it): an omitted field is the server's
    /// choice, never a change to plan. Null: the kind has no server defaults.
    /// </summary>
    public Func<Newtonsoft.Json.Linq.JObject, Newtonsoft.Json.Linq.JObject, Newtonsoft.Json.Linq.JObject>? ServerDefaults { get; init; }

    /// <summary>Last touch on a create or update body, for what the API insists on (the first conditional-group-routing rule names no queue).</summary>
    public Action<Newtonsoft.Json.Linq.JObject>? PrepareBody { get; init; }

    /// <summary>Whether a listed object exists for the pipeline (deleted and inactive skills are listed too, and are not).</summary>
    public Func<Newtonsoft.Json.Linq.JObject, bool> IsPresent { get; init; } = _ => true;

    /// <summary>
    /// The object type of <c>POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}</c> when
    /// the kind changes division through that endpoint rather than its own update (queues: <c>QUEUE</c>);
    /// null when its update body moves it.
    /// </summary>
    public string? DivisionObjectType { get; init; }

    /// <summary>
    /// The query parameter that makes a delete end the object's work in progress (queues: <c>forceDelete</c>),
    /// sent only on deletes the plan marks (<c>--force-delete</c>); null when the kind has none.
    /// </summary>
    public string? ForceDeleteParameter { get; init; }

    /// <summary>What an object of this kind loses when deleted and created again, for reports; null when nothing.</summary>
    public string? LostOnRecreate { get; init; }

    /// <summary>Field schema used by validation; absent fields are optional.</summary>
    public IReadOnlyDictionary<string, FieldSchema> Schema { get; init; } = new Dictionary<string, FieldSchema>();

    /// <summary>References plus sub-resource lists: every place state names another object.</summary>
    public IEnumerable<ReferenceField> AllReferences =>
        References.Concat(SubResources.Select(s => new ReferenceField(s.Field + "[*]", s.TargetKind)));

    /// <summary>True when this repository owns objects of this kind (false: referenced through mappings).</summary>
    public bool IsManaged => WriteStrategy != WriteStrategy.ReadOnly;

    /// <summary>The API path of one object.</summary>
    public string ItemPath(string id) => $"{ApiPath}/{Uri.EscapeDataString(id)}";

    /// <summary>The API path of one object with the query its reads carry.</summary>
    public string ReadPath(string id) => ItemQuery is null ? ItemPath(id) : $"{ItemPath(id)}?{ItemQuery}";

    public override string ToString() => Name;
}
