using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Kinds.Flows;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary>
/// A queue's in-queue flows (Queue.queueFlow, emailInQueueFlow, messageInQueueFlow: DomainEntityRef in the
/// contract): stored as the flow's id, which must be a flow that exists and is not deleted (the API answers 400
/// for one it cannot find), and read back as <c>{id, name, selfUri}</c> with the flow's current name.
/// </summary>
internal static class QueueFlowReferences
{
    private static readonly string[] Fields = ["queueFlow", "emailInQueueFlow", "messageInQueueFlow"];

    public static void Reduce(Org org, JObject stored)
    {
        foreach (var field in Fields)
        {
            if (stored[field] is not JObject reference)
            {
                continue;
            }

            var id = reference.Str("id");
            if (id is null || org.Flows.Current(id) is not { } flow || flow.Value<bool?>("deleted") == true)
            {
                throw ApiErrors.InvalidValue($"The flow {id ?? "(no id)"} given as {field} does not exist.", id);
            }

            stored[field] = new JObject { ["id"] = id };
        }
    }

    public static void Expand(Org org, JObject view)
    {
        foreach (var field in Fields)
        {
            if (view[field] is JObject reference && reference.Str("id") is { } id)
            {
                view[field] = org.Flows.Current(id) is { } flow ? FlowView.Reference(flow) : new JObject { ["id"] = id };
            }
        }
    }
}
