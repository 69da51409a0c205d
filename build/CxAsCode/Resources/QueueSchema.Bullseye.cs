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
    });
}
