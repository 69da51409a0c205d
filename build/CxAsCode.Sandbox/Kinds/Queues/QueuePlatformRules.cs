using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary>Queue details the platform insists on (realism: QueueRules): conditional group routing and
/// bullseye member groups. The platform's wording for these refusals is not in the sources; the messages say
/// what is wrong and the codes are the ones the platform uses for a bad value or request.</summary>
internal static class QueuePlatformRules
{
    /// <summary>Checks and reduces the conditional-group-routing rules and ring member groups of the queue
    /// about to be stored; <paramref name="existing"/> is the queue before a PUT (null on create).</summary>
    public static void Apply(Org org, JObject stored, JObject? existing)
    {
        if (stored["conditionalGroupRouting"]?["rules"] is JArray rules)
        {
            ReduceRules(org, rules);
        }

        if (stored["bullseye"]?["rings"] is JArray rings)
        {
            foreach (var ring in rings.OfType<JObject>())
            {
                if (ring["memberGroups"] is JArray groups)
                {
                    ring["memberGroups"] = new JArray(groups.OfType<JObject>().Select(g => Json.WithoutNulls(new JObject
                    {
                        ["id"] = g.Str("id"),
                        ["type"] = g.Str("type"),
                    })));
                }
            }
        }

        if (existing is not null)
        {
            RefuseDroppingRingsWithMemberGroups(existing, stored);
        }
    }

    /// <summary>The read-back form: rule 1 names the queue itself (the provider strips it again: "The first
    /// rule is assumed to apply to this queue, so queue_id should be omitted", flattenConditionalGroupRoutingRules
    /// in resource_genesyscloud_routing_queue_utils.go); the other rules' queues as <c>{id, selfUri}</c>.</summary>
    public static void RenderRules(JObject view, string? queueId)
    {
        if (view["conditionalGroupRouting"]?["rules"] is not JArray rules)
        {
            return;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not JObject rule)
            {
                continue;
            }

            var id = i == 0 ? queueId : rule["queue"]?.Type == JTokenType.Object ? rule["queue"]!.Value<string>("id") : null;
            if (id is not null)
            {
                rule["queue"] = new JObject { ["id"] = id, ["selfUri"] = QueueView.SelfUri(id) };
            }
        }
    }

    /// <summary>The first rule always evaluates the queue itself, and the API rejects a body whose first
    /// rule names a queue: the provider refuses "queue_id" on rule 1 ("For rule 1, queue_id is always assumed
    /// to be the current queue") and, when it re-sends rules it read, strips it first: "remove queue_id from
    /// first CGR rule to avoid api error" (resource_genesyscloud_routing_queue.go, addCGRAndOEAAndCGA).
    /// Later rules may name another queue, which must exist.</summary>
    private static void ReduceRules(Org org, JArray rules)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not JObject rule || rule["queue"] is not { Type: not JTokenType.Null } queue)
            {
                continue;
            }

            var id = (queue as JObject)?.Str("id");
            if (i == 0)
            {
                throw ApiErrors.InvalidValue(
                    $"conditionalGroupRouting.rules[0].queue must not be set: the first rule always evaluates the queue itself (it names {id ?? "a queue"}).",
                    id);
            }

            if (org.Queues.Current(id) is null)
            {
                throw ApiErrors.InvalidValue($"The queue {id ?? "(no id)"} in conditionalGroupRouting.rules[{i}].queue does not exist.", id);
            }

            rule["queue"] = new JObject { ["id"] = id };
        }
    }

    /// <summary>"The API rejects removing a bullseye ring that has members attached": the provider clears a
    /// ring's member groups in a first PUT before a second PUT drops the ring or the whole bullseye
    /// (clearBullseyeRingMemberGroups in resource_genesyscloud_routing_queue_utils.go; provider PRs #1982 and
    /// #2491). Rings are positional, so a PUT with fewer rings drops the last ones.</summary>
    private static void RefuseDroppingRingsWithMemberGroups(JObject existing, JObject stored)
    {
        if (existing["bullseye"]?["rings"] is not JArray before)
        {
            return;
        }

        var kept = stored["bullseye"]?["rings"] is JArray after ? after.Count : 0;
        for (var i = kept; i < before.Count; i++)
        {
            if (before[i]?["memberGroups"] is JArray { Count: > 0 })
            {
                throw ApiErrors.BadRequest(
                    $"Bullseye ring {i + 1} has member groups: remove them from the ring (PUT the queue with the ring's memberGroups empty) before removing the ring.");
            }
        }
    }
}
