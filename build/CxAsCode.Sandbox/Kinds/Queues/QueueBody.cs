using CxAsCode.Sandbox.Contract;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Kinds.Skills;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary>Turns a CreateQueueRequest / QueueRequest body into the stored queue: writable fields as sent,
/// references reduced to ids (so reads always expand the current names), then the realism rules in force:
/// enum and value validation, the platform's queue rules, server defaults.</summary>
internal static class QueueBody
{
    /// <param name="org">The org.</param>
    /// <param name="body">The request body.</param>
    /// <param name="existing">The queue a PUT replaces; null for a create.</param>
    /// <param name="write">The write's context (realism profile).</param>
    public static JObject ToStored(Org org, JObject body, JObject? existing, WriteContext write)
    {
        var realism = write.Realism;
        var name = Names.Require(body);
        if (realism.Validation)
        {
            ContractEnums.Validate(existing is null ? "CreateQueueRequest" : "QueueRequest", body);
        }

        if (org.Queues.NameTaken(name, existing?.Str("id")))
        {
            throw ApiErrors.DuplicateName("queue", name);
        }

        var stored = new JObject();
        foreach (var field in QueueFields.Writable)
        {
            if (body[field] is { Type: not JTokenType.Null } value)
            {
                stored[field] = value.DeepClone();
            }
        }

        stored["name"] = name;
        // A PUT leaves the division as it was on the platform: the provider moves a queue with a separate
        // POST /api/v2/authorization/divisions/{id}/objects/QUEUE after its PUT (util.UpdateObjectDivision,
        // called from updateRoutingQueue in resource_genesyscloud_routing_queue.go).
        stored["division"] = new JObject
        {
            ["id"] = existing is not null && realism.PlatformDivisions
                ? existing.RefId("division")
                : DivisionView.ResolveForWrite(org, body, allowAllDivisions: false),
        };
        ReduceSkillsToRemove(org, stored);
        QueueFlowReferences.Reduce(org, stored);
        if (realism.QueueRules)
        {
            QueuePlatformRules.Apply(org, stored, existing);
        }

        if (realism.ServerDefaults)
        {
            QueueDefaults.Fill(stored);
        }

        if (realism.Validation)
        {
            QueueValueRules.Validate(stored);
        }

        return stored;
    }

    /// <summary><c>bullseye.rings[].actions.skillsToRemove[]</c> arrive as <c>{id}</c> (or the read form
    /// <c>{id,name,selfUri}</c>); only the id is kept, and it must name a skill that is not deleted.</summary>
    private static void ReduceSkillsToRemove(Org org, JObject stored)
    {
        if (stored["bullseye"]?["rings"] is not JArray rings)
        {
            return;
        }

        foreach (var ring in rings.OfType<JObject>())
        {
            if (ring["actions"]?["skillsToRemove"] is not JArray skills)
            {
                continue;
            }

            var reduced = new JArray();
            foreach (var entry in skills)
            {
                var id = (entry as JObject)?.Str("id");
                var skill = org.Skills.Current(id);
                if (skill is null || !SkillOperations.IsUsable(skill))
                {
                    throw ApiErrors.InvalidValue($"The skill {id ?? "(no id)"} in bullseye.rings[].actions.skillsToRemove does not exist.", id);
                }

                reduced.Add(new JObject { ["id"] = skill.Str("id") });
            }

            ring["actions"]!["skillsToRemove"] = reduced;
        }
    }
}
