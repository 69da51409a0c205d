using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary>Queues: create, full replace (PUT clears every writable field the body leaves out, like the
/// real PUT), hard delete. No <c>version</c>: last write wins.</summary>
internal static class QueueOperations
{
    public const int MaxPageSize = 500;

    public static JObject Create(Org org, JObject body, Stamp stamp, string? id = null)
    {
        var queue = QueueBody.ToStored(org, body, exceptId: null);
        queue.AddFirst(new JProperty("id", id ?? DeterministicId.NewRandom()));
        queue["dateCreated"] = stamp.Timestamp;
        queue["createdBy"] = stamp.ActorId;
        queue["wrapupCodes"] = new JArray();
        Touch(queue, stamp);
        org.Queues.Add(queue);
        return queue;
    }

    public static JObject Replace(Org org, string id, JObject body, Stamp stamp)
    {
        var existing = Org.FindById(org.Queues, id) ?? throw ApiErrors.NotFound("queue", id);
        var replacement = QueueBody.ToStored(org, body, existing.Str("id"));
        foreach (var field in QueueFields.Writable)
        {
            existing.Remove(field);
        }

        foreach (var property in replacement.Properties())
        {
            existing[property.Name] = property.Value.DeepClone();
        }

        Touch(existing, stamp);
        return existing;
    }

    /// <summary>Hard delete. The real API's eventual consistency (a deleted queue readable for up to a
    /// minute) and <c>active.queue</c> refusals are not emulated; <c>forceDelete</c> is accepted and ignored.</summary>
    public static JObject Delete(Org org, string id)
    {
        var queue = Org.FindById(org.Queues, id) ?? throw ApiErrors.NotFound("queue", id);
        org.Queues.Remove(queue);
        return queue;
    }

    public static void Touch(JObject queue, Stamp stamp)
    {
        queue["dateModified"] = stamp.Timestamp;
        queue["modifiedBy"] = stamp.ActorId;
    }
}
