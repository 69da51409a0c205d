using CxAsCode.Json;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// The platform refuses to drop a place that still holds what the org owns there (a bullseye ring with member
/// groups): the Terraform provider first PUTs the queue with those member groups emptied, then drops the ring
/// (clearBullseyeRingMemberGroups in genesyscloud/routing_queue/resource_genesyscloud_routing_queue_utils.go).
/// This finds, for an update body, the carried-over places it drops that are not empty, and builds that first PUT.
/// </summary>
internal static class CarriedOverClearing
{
    /// <summary>
    /// The live object with every non-empty carried-over value the update <paramref name="body"/> drops
    /// emptied; null when the body drops none (one PUT does).
    /// </summary>
    public static JObject? FirstWrite(ResourceKind kind, JObject body, JObject live)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var cleared = (JObject)live.DeepClone();
        var any = false;
        foreach (var path in kind.CarriedOver)
        {
            foreach (var held in JsonPathPattern.Of(path).Select(cleared).OfType<JArray>().Where(a => a.Count > 0).ToList())
            {
                if (held.Parent is JProperty { Parent: JObject owner } && body.SelectToken(owner.Path) is not JObject)
                {
                    held.Clear();
                    any = true;
                }
            }
        }

        return any ? cleared : null;
    }
}
