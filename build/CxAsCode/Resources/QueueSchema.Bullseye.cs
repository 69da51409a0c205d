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
    });

    /// <summary>
    /// A group of agents a ring adds (Ring.memberGroups, MemberGroup in the contract). The type's values are
    /// the contract's and the provider's memberGroupResource (member_group_type, same schema file). How
    /// state names the group is not settled yet, so its other fields are accepted as they are (length-checked).
    /// </summary>
    private static FieldSchema MemberGroup => OpenRecord("MemberGroup", new()
    {
        ["type"] = Enum("TEAM", "GROUP", "SKILLGROUP"),
    });
}
