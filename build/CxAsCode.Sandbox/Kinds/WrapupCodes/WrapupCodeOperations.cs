using CxAsCode.Sandbox.Contract;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Kinds.Queues;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.WrapupCodes;

/// <summary>Wrap-up codes: create, replace (PUT), hard delete. No server-side version: last write wins.
/// A code may be in one division or in all of them (<c>division: {"id": "*"}</c>); with the platform's
/// divisions on, a body without a division puts the code in all divisions, as the platform does ("If not
/// set, * will be used to indicate all divisions", routing_wrapupcode/resource_genesyscloud_routing_wrapupcode_schema.go).</summary>
internal static class WrapupCodeOperations
{
    public const int MaxPageSize = 100;

    public static JObject Create(Org org, JObject body, WriteContext write, string? id = null)
    {
        var code = new JObject { ["id"] = id ?? DeterministicId.NewRandom() };
        Assign(org, code, body, write);
        code["dateCreated"] = write.Stamp.Timestamp;
        code["createdBy"] = write.Stamp.ActorId;
        Touch(code, write.Stamp);
        org.WrapupCodes.Commit(code.Str("id")!, write.Revision(code), write.Now);
        return code;
    }

    /// <summary>PUT replaces name, division and description; an absent description is cleared and an
    /// absent division means the default one (see the class remarks).</summary>
    public static JObject Replace(Org org, string id, JObject body, WriteContext write)
    {
        var code = (JObject)Find(org, id, write).DeepClone();
        Assign(org, code, body, write);
        Touch(code, write.Stamp);
        org.WrapupCodes.Commit(code.Str("id")!, write.Revision(code), write.Now);
        return code;
    }

    /// <summary>Hard delete; the code also leaves every queue it was assigned to (found through the org's
    /// code → queues index, not by scanning queues).</summary>
    public static JObject Delete(Org org, string id, WriteContext write)
    {
        var code = Find(org, id, write);
        var codeId = code.Str("id")!;
        foreach (var queueId in org.QueuesUsingCode(codeId).ToList())
        {
            var queue = (JObject)org.Queues.Current(queueId)!.DeepClone();
            queue["wrapupCodes"] = new JArray(Org.AssignedCodes(queue).Where(c => !string.Equals(c, codeId, StringComparison.OrdinalIgnoreCase)));
            QueueOperations.Commit(org, queue, write);
        }

        org.WrapupCodes.Commit(codeId, write.Deletion(), write.Now);
        return code;
    }

    public static void Touch(JObject code, Stamp stamp)
    {
        code["dateModified"] = stamp.Timestamp;
        code["modifiedBy"] = stamp.ActorId;
    }

    private static JObject Find(Org org, string id, WriteContext write)
    {
        var code = org.WrapupCodes.Current(id) ?? throw ApiErrors.NotFound("wrap-up code", id);
        write.Access.Demand(org, code.RefId("division"), code.Str("id"), code.Str("name"));
        return code;
    }

    private static void Assign(Org org, JObject code, JObject body, WriteContext write)
    {
        // Validate everything before the first change, so a rejected PUT leaves the code untouched.
        var name = Names.Require(body);
        if (write.Realism.Validation)
        {
            ContractEnums.Validate("WrapupCodeRequest", body);
        }

        var divisionId = DivisionView.ResolveForWrite(org, body, allowAllDivisions: true, absentMeansAll: write.Realism.PlatformDivisions);
        if (!string.Equals(divisionId, code.RefId("division"), StringComparison.OrdinalIgnoreCase))
        {
            write.Access.Demand(org, divisionId, code.Str("id"), name);
        }

        if (org.WrapupCodes.NameTaken(name, code.Str("id")))
        {
            throw ApiErrors.DuplicateName("wrap-up code", name);
        }

        var description = body.Str("description");
        code["name"] = name;
        code["division"] = new JObject { ["id"] = divisionId };
        if (description is null)
        {
            code.Remove("description");
        }
        else
        {
            code["description"] = description;
        }
    }
}
