using System.Net;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>Issue 10, item 3: users as the platform keeps them — PATCH with version, soft delete and the
/// <c>state</c> filter, restore with the same id, a deleted user's email refused on create, skills replaced and
/// languages patched in bulk with proficiencies checked.</summary>
public sealed class UserEndpointTests : SandboxFixture
{
    private const string Users = "api/v2/users";
    private const string Owen = "owen.hughes@northwind-energy.example";
    private const string Priya = "priya.shah@northwind-energy.example";

    [Test]
    public async Task List_DefaultIsActive_DeletedAndAnyOnRequest_SkillsAndLanguagesWithExpand()
    {
        var active = await Sandbox.GetObjectAsync(Users + "?pageSize=500&expand=skills,languages");
        var deleted = await Sandbox.GetObjectAsync(Users + "?state=deleted");
        var any = await Sandbox.GetObjectAsync(Users + "?state=any");

        var priya = active["entities"]!.Single(u => (string?)u["email"] == Priya);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(active["entities"]!.Select(u => (string?)u["email"]), Does.Not.Contain(Owen));
            Assert.That(deleted["entities"]!.Select(u => (string?)u["email"]), Is.EqualTo(new[] { Owen }));
            Assert.That((int?)any["total"], Is.EqualTo(3));
            Assert.That(priya["skills"]!.Select(s => ((string?)s["name"], (double?)s["proficiency"])), Is.EquivalentTo(new[] { ("Billing", (double?)4), ("Payments", 3) }));
            Assert.That(priya["languages"]!.Select(l => (string?)l["name"]), Is.EquivalentTo(new[] { "English", "Spanish" }));
            Assert.That((string?)priya["manager"]!["id"], Is.Not.Null);
        }
    }

    [Test]
    public async Task Patch_StaleVersion_Is409AndChangesNothing()
    {
        var user = await UserAsync(Priya);
        var (first, _) = await Sandbox.ApiAsync(HttpMethod.Patch, $"{Users}/{user["id"]}", new { version = (int)user["version"]!, title = "Senior Team Leader" });

        var (stale, body) = await Sandbox.ApiAsync(HttpMethod.Patch, $"{Users}/{user["id"]}", new { version = (int)user["version"]!, title = "Overwritten" });
        Settle();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(stale, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string?)body!["code"], Is.EqualTo("general.conflict"));
            Assert.That((string?)(await UserAsync(Priya))["title"], Is.EqualTo("Senior Team Leader"));
        }
    }

    [Test]
    public async Task Create_EmailOfADeletedUser_Is409SayingRestore()
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, Users, new { name = "Owen Hughes", email = Owen });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string?)body!["message"], Does.Contain("restore"));
        }
    }

    [Test]
    public async Task Restore_DeletedUser_ComesBackWithTheSameIdSkillsAndLanguages()
    {
        var deleted = (JObject)(await Sandbox.GetObjectAsync(Users + "?state=deleted"))["entities"]![0]!;
        var (before, _) = await Sandbox.ApiAsync(HttpMethod.Get, $"{Users}/{deleted["id"]}");

        var (status, restored) = await Sandbox.ApiAsync(HttpMethod.Patch, $"{Users}/{deleted["id"]}?expand=skills,languages", new { version = (int)deleted["version"]!, state = "active" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.EqualTo(HttpStatusCode.NotFound), "a deleted user answers only with state=deleted");
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)restored!["id"], Is.EqualTo((string?)deleted["id"]));
            Assert.That((string?)restored["state"], Is.EqualTo("active"));
            Assert.That(restored["skills"]!.Select(s => (string?)s["name"]), Is.EqualTo(new[] { "Outages" }));
            Assert.That(restored["languages"]!.Select(l => (string?)l["name"]), Is.EquivalentTo(new[] { "English", "Welsh" }));
        }
    }

    [Test]
    public async Task Delete_IsSoft_ListedWithStateDeleted()
    {
        var user = await UserAsync(Priya);

        var (status, _) = await Sandbox.ApiAsync(HttpMethod.Delete, $"{Users}/{user["id"]}");
        Settle();
        var deleted = await Sandbox.GetObjectAsync(Users + "?state=deleted");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(deleted["entities"]!.Select(u => (string?)u["email"]), Does.Contain(Priya));
        }
    }

    [Test]
    public async Task BulkSkills_Replace_AndBulkLanguages_AddOrUpdate_InOneCallEach()
    {
        var user = await UserAsync(Priya);
        var solar = await Sandbox.IdOfAsync("api/v2/routing/skills", "Solar");
        var welsh = await Sandbox.IdOfAsync("api/v2/routing/languages", "Welsh");

        var (skills, skillList) = await Sandbox.ApiAsync(HttpMethod.Put, $"{Users}/{user["id"]}/routingskills/bulk", new[] { new { id = solar, proficiency = 2.5 } });
        var (languages, languageList) = await Sandbox.ApiAsync(HttpMethod.Patch, $"{Users}/{user["id"]}/routinglanguages/bulk", new[] { new { id = welsh, proficiency = 1.0 } });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(skills, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(skillList!["entities"]!.Select(s => (string?)s["name"]), Is.EqualTo(new[] { "Solar" }), "replaced");
            Assert.That(languages, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(languageList!["entities"]!.Select(l => (string?)l["name"]), Is.EquivalentTo(new[] { "English", "Spanish", "Welsh" }), "added beside the others");
        }
    }

    [TestCase(5.5)]
    [TestCase(-1)]
    public async Task BulkSkills_ProficiencyOutsideZeroToFive_Is400AndChangesNothing(double proficiency)
    {
        var user = await UserAsync(Priya);
        var solar = await Sandbox.IdOfAsync("api/v2/routing/skills", "Solar");

        var (status, _) = await Sandbox.ApiAsync(HttpMethod.Put, $"{Users}/{user["id"]}/routingskills/bulk", new[] { new { id = solar, proficiency } });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await UserAsync(Priya, expand: true))["skills"]!.Count(), Is.EqualTo(2));
        }
    }

    private async Task<JObject> UserAsync(string email, bool expand = false)
    {
        var list = await Sandbox.GetObjectAsync(Users + "?pageSize=500" + (expand ? "&expand=skills,languages" : string.Empty));
        return (JObject)list["entities"]!.Single(u => (string?)u["email"] == email);
    }
}
