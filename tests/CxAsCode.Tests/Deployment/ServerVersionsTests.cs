using CxAsCode.Deployment;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Deployment;

public sealed class ServerVersionsTests
{
    [Test]
    public void Stamp_KindsWhoseApiChecksAVersion_SendTheVersionReadJustBefore_OthersSendNone()
    {
        var fresh = new JObject { ["id"] = "s1", ["name"] = "Billing", ["version"] = 3 };

        var stamped = ResourceKinds.Managed.ToDictionary(k => k.Name, kind => ServerVersions.Stamp(kind, new JObject { ["name"] = "Billing" }, fresh)["version"]);

        using (Assert.EnterMultipleScope())
        {
            // genesys-api.md §4: schedules and schedule groups check a version; skills, languages, wrap-up codes and queues do not.
            Assert.That(ResourceKinds.Managed.Where(ServerVersions.IsChecked).Select(k => k.Name), Is.EquivalentTo(new[] { "schedules", "schedulegroups", "users" }));
            Assert.That((int?)stamped["schedules"], Is.EqualTo(3));
            Assert.That((int?)stamped["schedulegroups"], Is.EqualTo(3));
            Assert.That(stamped.Where(p => !ServerVersions.IsChecked(ResourceKinds.ByName(p.Key))).Select(p => p.Value), Is.All.Null);
        }
    }
}
