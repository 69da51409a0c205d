using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary>Queues: create, full replace (PUT clears every writable field the body leaves out, like the
/// real PUT), delete, division move. No <c>version</c>: last write wins. Every change is a new version of the
/// queue that the read views show after the realism profile's lags.</summary>
internal static class QueueOperations
{
    public const int MaxPageSize = 500;

    public static JObject Create(Org org, JObject body, WriteContext write, string? id = null)
    {
        var queue = QueueBody.ToStored(org, body, existing: null, write);
        write.Access.Demand(org, queue.RefId("division"), entityName: queue.Str("name"));
        queue.AddFirst(new JProperty("id", id ?? DeterministicId.NewRandom()));
        queue["dateCreated"] = write.Stamp.Timestamp;
        queue["createdBy"] = write.Stamp.ActorId;
        queue["wrapupCodes"] = new JArray();
        Touch(queue, write.Stamp);
        org.Queues.Commit(queue.Str("id")!, write.Revision(queue), write.Now);
        return queue;
    }

    public static JObject Replace(Org org, string id, JObject body, WriteContext write)
    {
        var existing = Find(org, id, write);
        var replacement = QueueBody.ToStored(org, body, existing, write);
        if (!string.Equals(replacement.RefId("division"), existing.RefId("division"), StringComparison.OrdinalIgnoreCase))
        {
            write.Access.Demand(org, replacement.RefId("division"), existing.Str("id"), existing.Str("name"));
        }

        foreach (var field in QueueFields.Server)
        {
            if (existing[field] is { } value)
            {
                replacement[field] = value.DeepClone();
            }
        }

        Touch(replacement, write.Stamp);
        return Commit(org, replacement, write);
    }

    /// <summary>Deletes a queue. The platform refuses one with conversations in progress unless
    /// <paramref name="forceDelete"/> (400 <c>active.queue</c>, genesys-api.md §6); the deleted queue keeps
    /// answering for a while (see <see cref="WriteContext.QueueDeletion"/>).</summary>
    public static void Delete(Org org, string id, bool forceDelete, WriteContext write)
    {
        var queue = Find(org, id, write);
        var queueId = queue.Str("id")!;
        if (org.QueuesWithConversations.Contains(queueId) && !forceDelete)
        {
            throw ApiErrors.ActiveQueue(queueId, queue.Str("name"));
        }

        org.ConversationsChanged |= org.QueuesWithConversations.Remove(queueId);
        org.IndexQueueCodes(queueId, queue, null);
        org.Queues.Commit(queueId, write.QueueDeletion(), write.Now);
    }

    /// <summary>Moves a queue to another division (the divisions' objects endpoint).</summary>
    public static void MoveToDivision(Org org, JObject queue, string divisionId, WriteContext write)
    {
        var moved = (JObject)queue.DeepClone();
        moved["division"] = new JObject { ["id"] = divisionId };
        Touch(moved, write.Stamp);
        Commit(org, moved, write);
    }

    /// <summary>A new version of a queue that already exists (its wrap-up codes may have changed).</summary>
    public static JObject Commit(Org org, JObject queue, WriteContext write)
    {
        var id = queue.Str("id")!;
        org.IndexQueueCodes(id, org.Queues.Current(id), queue);
        org.Queues.Commit(id, write.Revision(queue), write.Now);
        return queue;
    }

    /// <summary>The queue as it is now, if the caller may change it; 404 when unknown or deleted.</summary>
    public static JObject Find(Org org, string id, WriteContext write)
    {
        var queue = org.Queues.Current(id) ?? throw ApiErrors.NotFound("queue", id);
        write.Access.Demand(org, queue.RefId("division"), queue.Str("id"), queue.Str("name"));
        return queue;
    }

    public static void Touch(JObject queue, Stamp stamp)
    {
        queue["dateModified"] = stamp.Timestamp;
        queue["modifiedBy"] = stamp.ActorId;
    }
}
