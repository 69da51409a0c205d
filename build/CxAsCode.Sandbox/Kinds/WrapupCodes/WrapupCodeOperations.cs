using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.WrapupCodes;

/// <summary>Wrap-up codes: create, replace (PUT), hard delete. No server-side version: last write wins.</summary>
internal static class WrapupCodeOperations
{
    public const int MaxPageSize = 100;

    public static JObject Create(Org org, JObject body, Stamp stamp, string? id = null)
    {
        var code = new JObject { ["id"] = id ?? DeterministicId.NewRandom() };
        Assign(org, code, body);
        code["dateCreated"] = stamp.Timestamp;
        code["createdBy"] = stamp.ActorId;
        Touch(code, stamp);
        org.WrapupCodes.Add(code);
        return code;
    }

    /// <summary>PUT replaces name, division and description; an absent description is cleared and an
    /// absent division means the home division.</summary>
    public static JObject Replace(Org org, string id, JObject body, Stamp stamp)
    {
        var code = Org.FindById(org.WrapupCodes, id) ?? throw ApiErrors.NotFound("wrap-up code", id);
        Assign(org, code, body);
        Touch(code, stamp);
        return code;
    }

    /// <summary>Hard delete; the code also leaves every queue's wrap-up code list.</summary>
    public static JObject Delete(Org org, string id, Stamp stamp)
    {
        var code = Org.FindById(org.WrapupCodes, id) ?? throw ApiErrors.NotFound("wrap-up code", id);
        org.WrapupCodes.Remove(code);
        var codeId = code.Str("id");
        foreach (var queue in org.Queues)
        {
            if (queue["wrapupCodes"] is JArray assigned)
            {
                foreach (var entry in assigned.Where(e => string.Equals((string?)e, codeId, StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    entry.Remove();
                }
            }
        }

        return code;
    }

    public static void Touch(JObject code, Stamp stamp)
    {
        code["dateModified"] = stamp.Timestamp;
        code["modifiedBy"] = stamp.ActorId;
    }

    private static void Assign(Org org, JObject code, JObject body)
    {
        // Validate everything before the first change, so a rejected PUT leaves the code untouched.
        var name = Names.Require(body);
        if (Names.TakenByOther(org.WrapupCodes, name, code.Str("id")))
        {
            throw ApiErrors.DuplicateName("wrap-up code", name);
        }

        var divisionId = DivisionView.ResolveForWrite(org, body);
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
