using System.Net;

namespace CxAsCode.Tests.Sandbox;

public sealed class SkillEndpointTests : SandboxFixture
{
    [Test]
    public async Task PostSkill_NewName_ReturnsActiveSkillInHomeDivision()
    {
        var (status, skill) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "Gaelic" });
        var id = (string?)skill?["id"];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Guid.TryParse(id, out _), Is.True);
            Assert.That((string?)skill?["state"], Is.EqualTo("active"));
            Assert.That((string?)skill?["version"], Is.EqualTo("1"));
            Assert.That((string?)skill?["division"]?["name"], Is.EqualTo("Home"));
            Assert.That((string?)skill?["selfUri"], Is.EqualTo($"/api/v2/routing/skills/{id}"));
            Assert.That((string?)skill?["dateModified"], Does.EndWith("Z"));
        }
    }

    [Test]
    public async Task PostSkill_NameOfActiveSkillInOtherCase_Returns409GeneralConflict()
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "BILLING" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string?)body?["code"], Is.EqualTo("general.conflict"));
            Assert.That((int?)body?["status"], Is.EqualTo(409));
        }
    }

    [Test]
    public async Task DeleteSkill_Active_SoftDeletesAndStaysReadableById()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/skills", "Welsh");

        var (deleteStatus, _) = await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/skills/{id}");
        var (againStatus, again) = await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/skills/{id}");
        Settle();
        var skill = await Sandbox.GetObjectAsync($"api/v2/routing/skills/{id}");
        var list = await Sandbox.GetObjectAsync("api/v2/routing/skills?name=Welsh");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleteStatus, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(againStatus, Is.EqualTo(HttpStatusCode.NotFound), "a second delete sees the first at once");
            Assert.That((string?)again?["code"], Is.EqualTo("not.found"));
            Assert.That((string?)skill["state"], Is.EqualTo("deleted"));
            Assert.That((string?)skill["version"], Is.EqualTo("2"));
            Assert.That((int?)list["total"], Is.EqualTo(0));
        }
    }

    [Test]
    public async Task PostSkill_NameOfInactiveSkill_Returns409GeneralConflict()
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "Prepayment Meters" });
        var listed = await Sandbox.GetObjectAsync("api/v2/routing/skills?name=Prepayment%20Meters");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string?)body?["code"], Is.EqualTo("general.conflict"));
            Assert.That((string?)listed["entities"]![0]!["state"], Is.EqualTo("inactive"), "inactive skills are listed");
        }
    }

    [Test]
    public async Task PostSkill_NameOfDeletedSkill_CreatesSkillWithNewId()
    {
        var oldId = await Sandbox.IdOfAsync("api/v2/routing/skills", "Welsh");
        await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/skills/{oldId}");

        var (status, skill) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "Welsh" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)skill?["id"], Is.Not.EqualTo(oldId));
        }
    }

    [Test]
    public async Task GetSkill_UnknownId_Returns404NotFound()
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Get, $"api/v2/routing/skills/{Guid.NewGuid()}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)body?["code"], Is.EqualTo("not.found"));
        }
    }
}
