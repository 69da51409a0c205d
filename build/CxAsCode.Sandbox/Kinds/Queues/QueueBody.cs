using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Kinds.Skills;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary>Turns a CreateQueueRequest / QueueRequest body into the stored queue: writable fields as sent,
/// references reduced to ids (so reads always expand the current names).</summary>
internal static class QueueBody
{
    public static JObject ToStored(Org org, JObject body, string? exceptId)
    {
        var name = Names.Require(body);
        if (Names.TakenByOther(org.Queues, name, exceptId))
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
        stored["division"] = new JObject { ["id"] = DivisionView.ResolveForWrite(org, body) };
        ReduceSkillsToRemove(org, stored);
        return stored;
    }

    /// <summary><c>bullseye.rings[].actions.skillsToRemove[]</c> arrive as <c>{id}</c> (or the read form
    /// <c>{id,name,selfUri}</c>); only the id is kept, and it must name an active skill.</summary>
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
                var skill = Org.FindById(org.Skills, id);
                if (skill is null || !SkillOperations.IsActive(skill))
                {
                    throw ApiErrors.InvalidValue($"The skill {id ?? "(no id)"} in bullseye.rings[].actions.skillsToRemove does not exist.", id);
                }

                reduced.Add(new JObject { ["id"] = skill.Str("id") });
            }

            ring["actions"]!["skillsToRemove"] = reduced;
        }
    }
}
