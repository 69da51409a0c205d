using System.Net;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>Issue 10: schedules, schedule groups and routing languages behave as the platform's do: version
/// checks (409 on a stale one), a schedule in use cannot go, time zones and local date-times are checked,
/// languages are soft deleted.</summary>
public sealed class ScheduleEndpointTests : SandboxFixture
{
    private const string Schedules = "api/v2/architect/schedules";
    private const string Groups = "api/v2/architect/schedulegroups";

    [Test]
    public async Task List_Schedules_UsesTheEnvelopeWithTotalNumberOfEntities()
    {
        var list = await Sandbox.GetObjectAsync(Schedules + "?pageSize=100");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(list["entities"]!.Select(e => (string?)e["name"]), Is.EquivalentTo(new[] { "Christmas Day", "Saturdays", "Weekdays" }));
            Assert.That((long?)list["totalNumberOfEntities"], Is.EqualTo(3));
            Assert.That((int?)list["entities"]![0]!["version"], Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Put_CurrentVersion_AppliesAndCountsAVersion()
    {
        var id = await Sandbox.IdOfAsync(Schedules, "Saturdays");
        var schedule = await Sandbox.GetObjectAsync($"{Schedules}/{id}");
        schedule["end"] = "2026-01-10T14:00:00.000";

        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Put, $"{Schedules}/{id}", schedule);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToString());
            Assert.That((string?)body!["end"], Is.EqualTo("2026-01-10T14:00:00.000"));
            Assert.That((int?)body["version"], Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Put_StaleVersion_Is409GeneralConflictAndChangesNothing()
    {
        var id = await Sandbox.IdOfAsync(Schedules, "Saturdays");
        var read = await Sandbox.GetObjectAsync($"{Schedules}/{id}");
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/edit", new { kind = "schedules", name = "Saturdays", set = new { description = "edited in the UI" } });
        read["description"] = "ours";

        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Put, $"{Schedules}/{id}", read);
        Settle();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string?)body!["code"], Is.EqualTo("general.conflict"));
            Assert.That((string?)body["message"], Does.Contain("does not match the current version"));
            Assert.That((string?)(await Sandbox.GetObjectAsync($"{Schedules}/{id}"))["description"], Is.EqualTo("edited in the UI"));
        }
    }

    [Test]
    public async Task Delete_ScheduleAGroupUses_Is409InUse()
    {
        var id = await Sandbox.IdOfAsync(Schedules, "Weekdays");

        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Delete, $"{Schedules}/{id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string?)body!["code"], Is.EqualTo("general.conflict"));
            Assert.That((string?)body["message"], Does.Contain("Contact Centre Hours"));
        }
    }

    [TestCase("Europe/Lndon")]
    [TestCase("GMT Standard Time")]
    public async Task PostGroup_UnknownTimeZone_Is400InvalidValue(string timeZone)
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, Groups, new { name = "Night Shift", timeZone });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["code"], Is.EqualTo("invalid.value"));
        }
    }

    [Test]
    public async Task PostGroup_ScheduleThatDoesNotExist_Is400InvalidValue()
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, Groups, new { name = "Night Shift", timeZone = "Europe/London", openSchedules = new[] { new { id = "no-such-schedule" } } });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["message"], Does.Contain("no-such-schedule"));
        }
    }

    [Test]
    public async Task PostSchedule_StartWithAZone_Is400InvalidValue()
    {
        var (status, _) = await Sandbox.ApiAsync(HttpMethod.Post, Schedules, new { name = "Sundays", start = "2026-01-11T09:00:00Z", end = "2026-01-11T12:00:00.000" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task DeleteLanguage_StaysReadableAsDeletedAndItsNameIsFreeAgain()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/languages", "Welsh");

        var (deleted, _) = await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/languages/{id}");
        Settle();
        var read = await Sandbox.GetObjectAsync($"api/v2/routing/languages/{id}");
        var (again, created) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/languages", new { name = "Welsh" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That((string?)read["state"], Is.EqualTo("deleted"));
            Assert.That(again, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)created!["id"], Is.Not.EqualTo(id));
        }
    }

    [Test]
    public async Task PostLanguage_TakenName_Is409GeneralConflict()
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/languages", new { name = "english" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string?)body!["code"], Is.EqualTo("general.conflict"));
        }
    }

    [Test]
    public async Task GetGroup_ExpandsItsSchedulesByName()
    {
        var id = await Sandbox.IdOfAsync(Groups, "Contact Centre Hours");

        var group = await Sandbox.GetObjectAsync($"{Groups}/{id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(group["openSchedules"]!.Select(s => (string?)s["name"]), Is.EquivalentTo(new[] { "Weekdays", "Saturdays" }));
            Assert.That((string?)group["timeZone"], Is.EqualTo("Europe/London"));
            Assert.That((string?)group["holidaySchedules"]![0]!["selfUri"], Does.StartWith("/api/v2/architect/schedules/"));
        }
    }
}
