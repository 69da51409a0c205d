using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Kinds.Skills;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary>Queue as the API returns it: the stored writable fields with references expanded, plus the
/// server fields. The member counts are the users on its members sub-resource. With the platform's queue
/// rules on, the conditional-group-routing rules read back as the platform writes them.</summary>
internal static class QueueView
{
    public static string SelfUri(string? id) => $"/api/v2/routing/queues/{id}";

    public static JObject Render(Org org, JObject queue, RealismProfile realism)
    {
        var view = new JObject
        {
            ["id"] = queue.Str("id"),
            ["name"] = queue.Str("name"),
            ["division"] = DivisionView.Reference(org, queue.RefId("division")),
        };
        foreach (var field in QueueFields.Writable.Where(f => f is not ("name" or "division")))
        {
            if (queue[field] is { } value)
            {
                view[field] = value.DeepClone();
            }
        }

        view["dateCreated"] = queue.Str("dateCreated");
        view["dateModified"] = queue.Str("dateModified");
        view["modifiedBy"] = queue.Str("modifiedBy");
        view["createdBy"] = queue.Str("createdBy");
        view["memberCount"] = QueueMemberOperations.MemberIds(queue).Count;
        view["userMemberCount"] = QueueMemberOperations.MemberIds(queue).Count;
        view["joinedMemberCount"] = 0;
        view["selfUri"] = SelfUri(queue.Str("id"));
        ExpandSkillsToRemove(org, view);
        QueueFlowReferences.Expand(org, view);
        if (realism.QueueRules)
        {
            QueuePlatformRules.RenderRules(view, queue.Str("id"));
        }

        return (JObject)Json.WithoutNulls(view);
    }

    private static void ExpandSkillsToRemove(Org org, JObject view)
    {
        if (view["bullseye"]?["rings"] is not JArray rings)
        {
            return;
        }

        foreach (var actions in rings.Select(r => r["actions"]).OfType<JObject>())
        {
            if (actions["skillsToRemove"] is JArray skills)
            {
                actions["skillsToRemove"] = new JArray(
                    skills.OfType<JObject>().Select(skill => SkillView.Reference(org, skill.Str("id"))));
            }
        }
    }
}
