using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary>The queue wrap-up code sub-resource. A change here is a new version of the queue with a new
/// <c>dateModified</c>, so a fingerprint taken over the queue notices it.
/// <para>Do assignments lag? The sources show no wait for them: the provider reads the queue's codes, removes
/// and adds the difference and reads them back at once, tolerating only a 404 for a queue or code that is
/// gone (updateQueueWrapupCodes in routing_queue/resource_genesyscloud_routing_queue.go), while it sleeps or
/// polls around queue creates, lists and deletes. So the sub-resource reads the queue's current assignments
/// without lag; it answers 404 while the queue itself is not visible to GET yet, and keeps answering for a
/// deleted queue as long as the queue does.</para></summary>
internal static class QueueWrapupCodeOperations
{
    public const int MaxPageSize = 100;
    public const int MaxPerCall = 100;

    /// <summary>The codes assigned to a queue GET can see, for the paged list.</summary>
    public static IEnumerable<JObject> Assigned(Org org, string queueId, Access access)
    {
        var visible = Visible.Get(org, org.Queues, queueId, "queue", access);
        var queue = org.Queues.Current(queueId) ?? visible;
        return Org.AssignedCodes(queue).Select(org.WrapupCodes.Current).OfType<JObject>();
    }

    /// <summary>Adds codes (all validated first); codes already assigned are a no-op. Returns the stored
    /// codes that were newly added.</summary>
    public static List<JObject> Add(Org org, string queueId, JToken body, WriteContext write)
    {
        var queue = QueueOperations.Find(org, queueId, write);
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
            return org.WrapupCodes.Current(id)
                ?? throw ApiErrors.InvalidValue($"The wrap-up code {id ?? "(no id)"} does not exist.", id);
        }).ToList();

        var assigned = Org.AssignedCodes(queue).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = codes.Where(code => assigned.Add(code.Str("id")!)).DistinctBy(code => code.Str("id")).ToList();
        if (added.Count > 0)
        {
            var changed = (JObject)queue.DeepClone();
            changed["wrapupCodes"] = new JArray(Org.AssignedCodes(queue).Concat(added.Select(code => code.Str("id")!)));
            QueueOperations.Touch(changed, write.Stamp);
            QueueOperations.Commit(org, changed, write);
        }

        return added;
    }

    public static void Remove(Org org, string queueId, string codeId, WriteContext write)
    {
        var queue = QueueOperations.Find(org, queueId, write);
        var codes = Org.AssignedCodes(queue);
        if (!codes.Contains(codeId, StringComparer.OrdinalIgnoreCase))
        {
            throw ApiErrors.NotFound("wrap-up code assigned to this queue", codeId);
        }

        var changed = (JObject)queue.DeepClone();
        changed["wrapupCodes"] = new JArray(codes.Where(id => !string.Equals(id, codeId, StringComparison.OrdinalIgnoreCase)));
        QueueOperations.Touch(changed, write.Stamp);
        QueueOperations.Commit(org, changed, write);
    }
}
