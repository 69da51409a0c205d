namespace CxAsCode.Resources;

/// <summary>The kinds this pipeline knows, in one place. Later kinds plug in here.</summary>
public static class ResourceKinds
{
    /// <summary>Divisions are not managed: state names them and <c>mappings/&lt;env&gt;.json</c> maps them.</summary>
    public static readonly ResourceKind Divisions = new()
    {
        Name = "divisions",
        Folder = "authorization/divisions",
        ApiPath = "/api/v2/authorization/divisions",
        PageSize = 100,
        WriteStrategy = WriteStrategy.ReadOnly,
    };

    /// <summary>Routing skills: the API can create and delete them, never rename them.</summary>
    public static readonly ResourceKind Skills = new()
    {
        Name = "skills",
        // GET /api/v2/routing/skills lists deleted and inactive skills too (RoutingSkill.state in the contract:
        // active, inactive, deleted); only an active one exists for state and plans.
        IsPresent = raw => (string?)raw["state"] is null or "active",
        Folder = "routing/skills",
        ApiPath = "/api/v2/routing/skills",
        PageSize = 500,
        WriteStrategy = WriteStrategy.CreateDelete,
        Schema = SkillSchema.Fields,
    };

    public static readonly ResourceKind WrapupCodes = new()
    {
        Name = "wrapupcodes",
        Folder = "routing/wrapupcodes",
        ApiPath = "/api/v2/routing/wrapupcodes",
        PageSize = 100,
        WriteStrategy = WriteStrategy.Put,
        ManagedFields = ["name", "division", "description"],
        RequiredFields = ["division"],
        // "*" is the platform's "all divisions", the default when a code names none (the Terraform provider's
        // routing_wrapupcode reads it back as division id "*"): state writes it as "division": "*".
        References = [new("division", "divisions") { Wildcard = "*" }],
        Schema = WrapupCodeSchema.Fields,
    };

    public static readonly ResourceKind Queues = new()
    {
        Name = "queues",
        Folder = "routing/queues",
        ApiPath = "/api/v2/routing/queues",
        PageSize = 500,
        WriteStrategy = WriteStrategy.Put,
        ManagedFields = ["name", "division", "description", "acwSettings", "mediaSettings", "skillEvaluationMethod", "bullseye", "wrapupCodes", "queueFlow", "members"],
        RequiredFields = ["division"],
        VolatileFields = ["id", "selfUri", "dateCreated", "dateModified", "createdBy", "modifiedBy", "memberCount", "userMemberCount", "joinedMemberCount"],
        ReadOnlyFields = ["id", "selfUri", "dateCreated", "dateModified", "createdBy", "modifiedBy", "memberCount", "userMemberCount", "joinedMemberCount"],
        References =
        [
            new("division", "divisions"),
            new("bullseye.rings[*].actions.skillsToRemove[*]", "skills"),
            // The in-queue flow by its key (inqueueCall/<name>): it must exist before the queue names it.
            new("queueFlow", "flows"),
        ],
        UnorderedArrays = ["bullseye.rings[*].actions.skillsToRemove", "wrapupCodes", "members"],
        CarriedOver = ["bullseye.rings[*].memberGroups"],
        // The Terraform provider moves a queue with util.UpdateObjectDivision(d, "QUEUE", …) after its PUT
        // (genesyscloud/routing_queue/resource_genesyscloud_routing_queue.go, updateQueue).
        DivisionObjectType = "QUEUE",
        // The provider deletes every queue with forceDelete=true; we send it only when the plan says so, since
        // it ends conversations in progress (genesys-api.md §6; resource_genesyscloud_routing_queue.go).
        ForceDeleteParameter = "forceDelete",
        LostOnRecreate = "the platform dropped its agent members and every reference to its old id (flows, user memberships) with it: add them again",
        ServerDefaults = QueueDefaults.FillFrom,
        PrepareBody = QueueDefaults.PrepareBody,
        // Agent members by email: listed 100 a page and added 100 a call (genesys-api.md §2, §3).
        SubResources = [new("wrapupCodes", "/wrapupcodes", "wrapupcodes", PageSize: 100, MaxPerAdd: 100), new("members", "/members", "users", PageSize: 100, MaxPerAdd: 100, OptIn: true)],
        Schema = QueueSchema.Fields,
    };

    /// <summary>Routing languages: like skills, created and deleted, never renamed (genesys-api.md §3).</summary>
    public static readonly ResourceKind Languages = new()
    {
        Name = "languages",
        // Language.state in the contract: active, inactive, deleted; a deleted language may still be listed.
        IsPresent = raw => (string?)raw["state"] is null or "active",
        Folder = "routing/languages",
        ApiPath = "/api/v2/routing/languages",
        PageSize = 100,
        WriteStrategy = WriteStrategy.CreateDelete,
        Schema = ScheduleSchema.Languages,
    };

    /// <summary>Architect schedules: PUT with the current <c>version</c> (a stale one is 409, genesys-api.md §4).</summary>
    public static readonly ResourceKind Schedules = new()
    {
        Name = "schedules",
        Folder = "architect/schedules",
        ApiPath = "/api/v2/architect/schedules",
        PageSize = 100,
        WriteStrategy = WriteStrategy.Put,
        ManagedFields = ["name", "division", "description", "start", "end", "rrule"],
        RequiredFields = ["division", "start", "end"],
        VolatileFields = ["id", "selfUri", "dateCreated", "dateModified", "createdBy", "modifiedBy", "createdByApp", "modifiedByApp", "version", "state"],
        ReadOnlyFields = ["id", "selfUri", "dateCreated", "dateModified", "createdBy", "modifiedBy", "createdByApp", "modifiedByApp", "version", "state"],
        References = [new("division", "divisions")],
        Schema = ScheduleSchema.Schedules,
    };

    /// <summary>Architect schedule groups: schedules by name, a time zone, PUT with <c>version</c>.</summary>
    public static readonly ResourceKind ScheduleGroups = new()
    {
        Name = "schedulegroups",
        Folder = "architect/schedulegroups",
        ApiPath = "/api/v2/architect/schedulegroups",
        PageSize = 100,
        WriteStrategy = WriteStrategy.Put,
        ManagedFields = ["name", "division", "description", "timeZone", "openSchedules", "closedSchedules", "holidaySchedules"],
        RequiredFields = ["division", "timeZone"],
        VolatileFields = ["id", "selfUri", "dateCreated", "dateModified", "createdBy", "modifiedBy", "createdByApp", "modifiedByApp", "version", "state"],
        ReadOnlyFields = ["id", "selfUri", "dateCreated", "dateModified", "createdBy", "modifiedBy", "createdByApp", "modifiedByApp", "version", "state"],
        References =
        [
            new("division", "divisions"),
            new("openSchedules[*]", "schedules"),
            new("closedSchedules[*]", "schedules"),
            new("holidaySchedules[*]", "schedules"),
        ],
        UnorderedArrays = ["openSchedules", "closedSchedules", "holidaySchedules"],
        Schema = ScheduleSchema.ScheduleGroups,
    };

    /// <summary>
    /// Architect flows (genesys-api.md §3, §9): metadata through <c>/api/v2/flows</c>, content (Archy YAML) only
    /// through Architect jobs; key = type + name. The queues, schedule groups and skills a flow names are
    /// written before it is published, and a queue naming it as its in-queue flow after (the deploy orders by
    /// references: Planning/DependencyOrder). Fingerprint = metadata with the published, checked-in and saved versions
    /// (every import publishes a new version); the lock is checked on its own, before any write.
    /// </summary>
    public static readonly ResourceKind Flows = new()
    {
        Name = "flows",
        Folder = CxAsCode.Flows.FlowStateReader.Folder,
        ApiPath = "/api/v2/flows",
        // The Terraform provider pages flows by 500 (genesys-api.md §2).
        PageSize = 500,
        WriteStrategy = WriteStrategy.ArchitectJob,
        KeyOf = body => $"{CxAsCode.Flows.FlowTypeNames.ToArchy((string?)body["type"] ?? string.Empty)}/{(string?)body["name"]}",
        // A deleted flow is listed only with deleted=true; a system flow belongs to the platform, never to state.
        IsPresent = raw => raw.Value<bool?>("deleted") != true && raw.Value<bool?>("system") != true,
        ManagedFields = ["name", "type", "description", "division", FlowFields.Yaml],
        VolatileFields = ["id", "selfUri", "dateCreated", "dateModified", "createdBy", "modifiedBy", "lockedUser", "lockedClient", "lockedUserClient", "currentOperation", FlowFields.Yaml, FlowFields.Content],
        ReadOnlyFields = ["id", "selfUri"],
        References = [new("division", "divisions")],
        RequiredFields = ["type", FlowFields.Yaml],
        Schema = FlowSchema.Fields,
        // A flow whose YAML names no division is published into the home division: the server's choice.
        ServerDefaults = (desired, live) => desired["division"] is null && live["division"] is { } division
            ? new Newtonsoft.Json.Linq.JObject(desired) { ["division"] = division.DeepClone() }
            : desired,
    };

    /// <summary>
    /// Users (genesys-api.md §2–§4, §6; the Terraform provider's genesyscloud_user): key = email. Created with
    /// name, email and divisionId; changed by PATCH with the current version (a stale one is 409: a conflict,
    /// never sent again); skills replaced in one bulk PUT, languages added in bulk PATCHes; moved between
    /// divisions through the divisions objects endpoint (the provider's updateUser calls
    /// util.UpdateObjectDivision(d, "USER", …)). A deleted user stays listed with <c>state=any</c> and is
    /// restored with its id, never created again (the API refuses the email).
    /// </summary>
    public static readonly ResourceKind Users = new()
    {
        Name = "users",
        Folder = "users",
        ApiPath = "/api/v2/users",
        // The Terraform provider pages users by 500 (genesys-api.md §2).
        PageSize = 500,
        ListQuery = "state=any&expand=skills,languages",
        ItemQuery = "expand=skills,languages",
        WriteStrategy = WriteStrategy.Patch,
        KeyOf = body => (string?)body["email"] ?? string.Empty,
        IsPresent = raw => (string?)raw["state"] != "deleted",
        Restorable = true,
        LiveShape = UserShape.Of,
        ManagedFields = ["name", "email", "title", "department", "division", "manager", "skills", "languages"],
        RequiredFields = ["email", "division"],
        // The User model's read-only and server-kept fields (genesys-api.md §8): never in state or a fingerprint.
        VolatileFields = ["id", "selfUri", "version", "username", "presence", "routingStatus", "primaryContactInfo", "station", "authorization", "dateLastLogin", "conversationSummary", "outOfOffice", "geolocation", "acdAutoAnswer", "chat", "images", "addresses"],
        ReadOnlyFields = ["id", "selfUri", "version", "state", "username", "presence", "routingStatus", "primaryContactInfo", "station", "authorization", "dateLastLogin"],
        References =
        [
            new("division", "divisions"),
            new("manager", "users"),
            new("skills[*].skill", "skills"),
            new("languages[*].language", "languages"),
        ],
        UnorderedArrays = ["skills", "languages", "queues"],
        DivisionObjectType = "USER",
        Schema = UserSchema.Fields,
    };

    /// <summary>Every kind, in the order plans list them (writes are ordered by references, not by this list).</summary>
    public static IReadOnlyList<ResourceKind> All { get; } = [Divisions, Skills, Languages, WrapupCodes, Schedules, ScheduleGroups, Users, Queues, Flows];

    /// <summary>The kinds state can hold.</summary>
    public static IReadOnlyList<ResourceKind> Managed { get; } = [.. All.Where(k => k.IsManaged)];

    public static ResourceKind ByName(string name) =>
        All.FirstOrDefault(k => k.Name == name) ?? throw new ArgumentException($"Unknown resource kind '{name}'.", nameof(name));

    /// <summary>The kind whose JSON files live in this folder (flows are read by their own reader).</summary>
    public static ResourceKind? ByFolder(string folder) => Managed.FirstOrDefault(k => k.Folder == folder && !k.IsFlow);
}
