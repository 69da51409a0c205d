using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Flows;

/// <summary>
/// Architect flows (genesys-api.md §3, §4, §6): natural key type + name; a live flow with the same type and name
/// makes a create 409 <c>architect.flow.already.exists</c>; delete is soft (<c>deleted: true</c>, GET by id then
/// 410 <c>architect.flow.deleted</c>); metadata changes need the caller's lock (else 409
/// <c>architect.flow.not.locked.by.user</c>) and checking out a flow someone else holds is 409
/// <c>architect.flow.locked.by.user</c>. Content arrives through import jobs, which publish a new version.
/// Stored: <c>lockedBy</c> (the holder's client id) and <c>content</c> (the published YAML); views hide both.
/// </summary>
internal static class FlowOperations
{
    public const int MaxPageSize = 500;

    public static JObject? Find(Org org, string type, string name) =>
        org.Flows.Entities.Select(e => e.Current).OfType<JObject>()
            .FirstOrDefault(f => f.Value<bool?>("deleted") != true && f.Str("type") == type && Json.NameEquals(f.Str("name"), name));

    public static JObject Create(Org org, JObject body, WriteContext write, string? id = null)
    {
        var name = Names.Require(body);
        var type = body.Str("type") is { } given && FlowTypes.All.Contains(given) ? given : throw ApiErrors.InvalidValue($"A flow needs a type, one of {string.Join(", ", FlowTypes.All.Order(StringComparer.Ordinal))}.");
        var divisionId = DivisionView.ResolveForWrite(org, body, allowAllDivisions: false);
        write.Access.Demand(org, divisionId, entityName: name);
        if (Find(org, type, name) is not null)
        {
            throw new GenesysErrorException(409, "architect.flow.already.exists", $"A {type} flow named {name} already exists.") { EntityName = name };
        }

        var flow = new JObject
        {
            ["id"] = id ?? DeterministicId.NewRandom(),
            ["name"] = name,
            ["type"] = type,
            ["description"] = body.Str("description"),
            ["division"] = new JObject { ["id"] = divisionId },
            ["deleted"] = false,
            ["publishedVersion"] = 0,
        };
        org.Flows.Commit(flow.Str("id")!, write.Revision(flow), write.Now);
        return flow;
    }

    /// <summary>PUT metadata (name, description): only under the caller's lock.</summary>
    public static JObject UpdateMetadata(Org org, string id, JObject body, WriteContext write)
    {
        var flow = Live(org, id, write);
        RequireLockedBy(flow, write.Access.ClientId);
        flow["name"] = Names.Require(body);
        flow["description"] = body.Str("description");
        return Commit(org, flow, write);
    }

    public static JObject Delete(Org org, string id, WriteContext write)
    {
        var flow = Live(org, id, write);
        if (flow.Str("lockedBy") is { } holder && holder != write.Access.ClientId)
        {
            throw LockedByOther(flow, holder);
        }

        flow["deleted"] = true;
        flow["lockedBy"] = null;
        return Commit(org, flow, write);
    }

    /// <summary><c>checkout</c>, <c>checkin</c>, <c>unlock</c>, <c>publish</c>, <c>revert</c> (POST /flows/actions/…?flow=).</summary>
    public static JObject Act(Org org, string action, string id, WriteContext write)
    {
        var flow = Live(org, id, write);
        var caller = write.Access.ClientId ?? "sandbox-admin";
        var holder = flow.Str("lockedBy");
        switch (action)
        {
            case "checkout":
                if (holder is not null && holder != caller)
                {
                    throw LockedByOther(flow, holder);
                }

                flow["lockedBy"] = caller;
                break;
            case "checkin" or "revert":
                RequireLockedBy(flow, caller);
                flow["lockedBy"] = null;
                break;
            case "unlock":
                flow["lockedBy"] = null;
                break;
            case "publish":
                if (holder is not null && holder != caller)
                {
                    throw LockedByOther(flow, holder);
                }

                flow["publishedVersion"] = (flow.Value<int?>("publishedVersion") ?? 0) + 1;
                flow["lockedBy"] = null;
                break;
            default:
                throw ApiErrors.RouteNotFound($"/api/v2/flows/actions/{action}");
        }

        return Commit(org, flow, write);
    }

    /// <summary>An import job's effect: the flow of that type and name is created (or updated), its content
    /// replaced and published as a new version. A flow locked by someone else refuses the import.</summary>
    public static JObject Import(Org org, FlowYaml yaml, string content, WriteContext write, string? clientId)
    {
        foreach (var queue in yaml.Queues.Where(q => !org.Queues.HoldingName(q).Any()))
        {
            throw new FlowImportException($"Queue '{queue}' referenced by the {yaml.Type} flow {yaml.Name} does not exist.");
        }

        // Archy resolves the YAML's division by name; a flow without one lands in the home division.
        var division = yaml.Division is { Length: > 0 } divisionName
            ? org.Divisions.FirstOrDefault(d => Json.NameEquals(d.Str("name"), divisionName))
                ?? throw new FlowImportException($"Division '{divisionName}' named by the {yaml.Type} flow {yaml.Name} does not exist.")
            : org.HomeDivision;
        var flow = Find(org, yaml.Type, yaml.Name) is { } existing
            ? (JObject)existing.DeepClone()
            : Create(org, new JObject { ["name"] = yaml.Name, ["type"] = yaml.Type, ["description"] = yaml.Description, ["division"] = new JObject { ["id"] = division.Str("id") } }, write);
        flow["division"] = new JObject { ["id"] = division.Str("id") };
        if (flow.Str("lockedBy") is { } holder && holder != clientId)
        {
            throw new FlowImportException($"The flow {yaml.Name} is locked by {holder}; it cannot be published.");
        }

        flow["description"] = yaml.Description;
        flow["content"] = content;
        flow["publishedVersion"] = (flow.Value<int?>("publishedVersion") ?? 0) + 1;
        return Commit(org, flow, write);
    }

    private static JObject Live(Org org, string id, WriteContext write)
    {
        var flow = org.Flows.Current(id);
        if (flow is null)
        {
            throw ApiErrors.NotFound("flow", id);
        }

        if (flow.Value<bool?>("deleted") == true)
        {
            throw Gone(id);
        }

        write.Access.Demand(org, flow.RefId("division"), id, flow.Str("name"));
        return (JObject)flow.DeepClone();
    }

    public static GenesysErrorException Gone(string id) => new(410, "architect.flow.deleted", $"The flow {id} has been deleted.");

    private static void RequireLockedBy(JObject flow, string? caller)
    {
        if (flow.Str("lockedBy") is not { } holder || holder != (caller ?? "sandbox-admin"))
        {
            throw new GenesysErrorException(409, "architect.flow.not.locked.by.user", $"The flow {flow.Str("name")} is not locked by you; check it out first.") { EntityName = flow.Str("name") };
        }
    }

    private static GenesysErrorException LockedByOther(JObject flow, string holder) =>
        new(409, "architect.flow.locked.by.user", $"The flow {flow.Str("name")} is locked by {holder}.") { EntityName = flow.Str("name") };

    private static JObject Commit(Org org, JObject flow, WriteContext write)
    {
        org.Flows.Commit(flow.Str("id")!, write.Revision(flow), write.Now);
        return flow;
    }
}
