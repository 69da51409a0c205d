using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary>The queue wrap-up code sub-resource. A change here bumps the queue's <c>dateModified</c>, so
/// a fingerprint taken over the queue notices it.</summary>
internal static class QueueWrapupCodeOperations
{
    public const int MaxPageSize = 100;
    public const int MaxPerCall = 100;

    public static JObject FindQueue(Org org, string queueId) =>
        Org.FindById(org.Queues, queueId) ?? throw ApiErrors.NotFound("queue", queueId);

    public static IEnumerable<JObject> Assigned(Org org, JObject queue) =>
        QueueView.AssignedCodeIds(queue).Select(id => Org.FindById(org.WrapupCodes, id)).OfType<JObject>();

    /// <summary>Adds codes (all validated first); codes already assigned are a no-op. Returns the stored
    /// codes that were newly added.</summary>
    public static List<JObject> Add(Org org, string queueId, JToken body, Stamp stamp)
    {
        var queue = FindQueue(org, queueId);
        if (body is not JArray references)
        {
            throw ApiErrors.BadRequest("The request body must be a JSON array of wrap-up code references.");
        }

        if (references.Count > MaxPerCall)
        {
            throw ApiErrors.BadRequest($"At most {MaxPerCall} wrap-up codes can be added in one request.");
        }

        var codes = references.Select(reference =>
        {
            var id = (reference as JObject)?.Str("id");
            return Org.FindById(org.WrapupCodes, id)
                ?? throw ApiErrors.InvalidValue($"The wrap-up code {id ?? "(no id)"} does not exist.", id);
        }).ToList();

        if (queue["wrapupCodes"] is not JArray assigned)
        {
            // Assign before use: Newtonsoft clones a token that already has a parent.
            assigned = [];
            queue["wrapupCodes"] = assigned;
        }

        var added = new List<JObject>();
        foreach (var code in codes)
        {
            var id = code.Str("id")!;
            if (!QueueView.AssignedCodeIds(queue).Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                assigned.Add(id);
                added.Add(code);
            }
        }

        if (added.Count > 0)
        {
            QueueOperations.Touch(queue, stamp);
        }

        return added;
    }

    public static void Remove(Org org, string queueId, string codeId, Stamp stamp)
    {
        var queue = FindQueue(org, queueId);
        var entry = (queue["wrapupCodes"] as JArray)?
            .FirstOrDefault(e => string.Equals((string?)e, codeId, StringComparison.OrdinalIgnoreCase))
            ?? throw ApiErrors.NotFound("wrap-up code assigned to this queue", codeId);
        entry.Remove();
        QueueOperations.Touch(queue, stamp);
    }
}
