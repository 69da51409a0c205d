using CxAsCode.Deployment;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Deployment;

/// <summary>The hook for the API's own version check: none of today's kinds has one, so nothing is added.</summary>
public sealed class ServerVersionsTests
{
    [Test]
    public void Stamp_TodaysKinds_SendNoVersionBecauseTheirApiChecksNone()
    {
        var fresh = new JObject { ["id"] = "s1", ["name"] = "Billing", ["version"] = "3" };

        var bodies = ResourceKinds.Managed.Select(kind => ServerVersions.Stamp(kind, new JObject { ["name"] = "Billing" }, fresh));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ResourceKinds.Managed.Where(ServerVersions.IsChecked), Is.Empty);
            Assert.That(bodies.Select(b => b["version"]), Is.All.Null);
        }
    }
}
