using static CxAsCode.Resources.FieldSchema;

namespace CxAsCode.Resources;

/// <summary>Bullseye routing (Bullseye, Ring, ExpansionCriterium and Actions in the SDK contract).</summary>
internal static partial class QueueSchema
{
    /// <summary>
    /// The provider's bullseye_rings (genesyscloud/routing_queue/resource_genesyscloud_routing_queue_schema.go):
    /// MinItems 2, MaxItems 6 (the API turns the last ring into the default ring, so one ring is no
    /// bullseye), and a ring's expansion timeout FloatBetween(0, 259200) seconds.
    /// </summary>
    private static FieldSchema Bullseye => Record("Bullseye", new()
    {
        ["rings"] = ArrayOf(Ring).Holding(2, 6, "ring"),
    });

    private static FieldSchema Ring => Record("Ring", new()
    {
        ["expansionCriteria"] = ArrayOf(Record("ExpansionCriterium", new()
        {
            ["type"] = Enum("TIMEOUT_SECONDS"),
            ["threshold"] = Number.Between(0, 259_200, "seconds"),
        })),
        ["actions"] = Record("Actions", new() { ["skillsToRemove"] = ArrayOf(Text) }),
        ["memberGroups"] = ArrayOf(MemberGroup),
    }).With(new FieldRule("member groups are the org's, not state's", MemberGroupsStayInTheOrg));

    /// <summary>
    /// A ring's member groups name teams, groups and skill groups by id, objects this repository does not
    /// manage: the pipeline carries them over from the live queue (and clears them first when a ring goes,
    /// as the platform requires), so state never holds them.
    /// </summary>
    private static IEnumerable<(string Field, string Message)> MemberGroupsStayInTheOrg(Newtonsoft.Json.Linq.JObject ring)
    {
        if (ring["memberGroups"] is not null)
        {
            yield return ("memberGroups", "member groups are kept as they are in the org (teams and groups are not managed here); remove memberGroups from state");
        }
    }

    /// <summary>
    /// A group of agents a ring adds (Ring.memberGroups, MemberGroup in the contract). The type's values are
    /// the contract's and the provider's memberGroupResource (member_group_type, same schema file). Checked
    /// so a hand-written entry gets a precise message before the rule above refuses it.
    /// </summary>
    private static FieldSchema MemberGroup => OpenRecord("MemberGroup", new()
    {
        ["type"] = Enum("TEAM", "GROUP", "SKILLGROUP"),
    });
}
