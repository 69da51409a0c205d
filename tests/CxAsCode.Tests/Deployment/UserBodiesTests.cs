using CxAsCode.Deployment;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Deployment;

/// <summary>What one user's write sends, from where the user is and where state wants it (pure).</summary>
[TestFixture]
internal sealed class UserBodiesTests
{
    private static readonly Func<ResourceKind, string, string> Ids = (kind, name) => $"{kind.Name}:{name}";

    [Test]
    public void Between_NewUser_CreateBodyWithDivisionIdThenManagerPatchAndRoutingLists()
    {
        var target = UserBodies.Target(Desired(), Ids);

        var body = UserBodies.Between(target, null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body["create"], Is.EqualTo(JObject.Parse("""{"name":"Ada","email":"ada@example.com","divisionId":"divisions:Home","title":"Agent"}""")).Using(JToken.EqualityComparer));
            Assert.That(body["patch"], Is.EqualTo(JObject.Parse("""{"manager":"users:boss@example.com"}""")).Using(JToken.EqualityComparer), "CreateUser has no manager: a PATCH sets it");
            Assert.That(body["routingSkills"], Is.EqualTo(JArray.Parse("""[{"id":"skills:Billing","proficiency":4},{"id":"skills:Payments","proficiency":2.5}]""")).Using(JToken.EqualityComparer));
            Assert.That(body["routingLanguages"], Is.EqualTo(JArray.Parse("""[{"id":"languages:English","proficiency":5}]""")).Using(JToken.EqualityComparer));
            Assert.That(body["removeLanguages"], Is.Null);
        }
    }

    [Test]
    public void Between_LiveUserAsTheApiReturnsIt_OnlyWhatDiffers()
    {
        var live = JObject.Parse("""
            {"id":"u1","name":"Ada","email":"ada@example.com","title":"Agent","version":7,"state":"active",
             "division":{"id":"divisions:Home","name":"Home"},"manager":{"id":"users:boss@example.com","selfUri":"/api/v2/users/x"},
             "skills":[{"id":"skills:Payments","name":"Payments","proficiency":2.5,"state":"active"},{"id":"skills:Billing","name":"Billing","proficiency":4.0,"state":"active"}],
             "languages":[{"id":"languages:English","proficiency":5.0},{"id":"languages:Welsh","proficiency":3.0}]}
            """);

        var body = UserBodies.Between(UserBodies.Target(Desired(), Ids), live);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body["create"], Is.Null);
            Assert.That(body["patch"], Is.Null, "fields and manager already as wanted");
            Assert.That(body["routingSkills"], Is.Null, "4.0 is 4, and order carries no meaning");
            Assert.That(body["routingLanguages"], Is.Null);
            Assert.That(body["removeLanguages"], Is.EqualTo(new JArray("languages:Welsh")).Using(JToken.EqualityComparer), "languages have no bulk removal");
        }
    }

    [Test]
    public void Between_ChangedTitleAndProficiency_PatchesTheTitleAndReplacesTheSkills()
    {
        var desired = Desired();
        desired["title"] = "Senior Agent";
        desired["skills"]![0]!["proficiency"] = 5;
        var live = UserBodies.Target(Desired(), Ids);
        live["id"] = "u1";

        var body = UserBodies.Between(UserBodies.Target(desired, Ids), live, restore: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body["restore"]?.Value<bool>(), Is.True);
            Assert.That(body["patch"], Is.EqualTo(JObject.Parse("""{"title":"Senior Agent"}""")).Using(JToken.EqualityComparer));
            Assert.That(body["routingSkills"]!.Select(s => (double)s["proficiency"]!), Is.EqualTo(new[] { 5.0, 2.5 }), "the whole list: the bulk PUT replaces it");
            Assert.That(UserBodies.IsEmpty(UserBodies.Between(UserBodies.Target(desired, Ids), UserBodies.Target(desired, Ids))), Is.True);
        }
    }

    [Test]
    public void After_RoutingListsTheWriteSet_OverTheUserTheApiReturned()
    {
        var before = JObject.Parse("""{"id":"u1","version":3,"skills":[{"id":"s1","proficiency":1}],"languages":[{"id":"l1","proficiency":1},{"id":"l2","proficiency":2}]}""");
        var returned = JObject.Parse("""{"id":"u1","version":4,"title":"New"}""");
        var body = JObject.Parse("""{"routingLanguages":[{"id":"l3","proficiency":3}],"removeLanguages":["l1"]}""");

        var after = UserBodies.After(returned, before, body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)after["title"], Is.EqualTo("New"));
            Assert.That(after["skills"]!.Select(s => (string?)s["id"]), Is.EqualTo(new[] { "s1" }), "untouched skills stay");
            Assert.That(after["languages"]!.Select(s => (string?)s["id"]), Is.EqualTo(new[] { "l2", "l3" }));
        }
    }

    private static JObject Desired() => JObject.Parse("""
        {"name":"Ada","email":"ada@example.com","title":"Agent","division":"Home","manager":"boss@example.com",
         "skills":[{"skill":"Billing","proficiency":4},{"skill":"Payments","proficiency":2.5}],
         "languages":[{"language":"English","proficiency":5}]}
        """);
}
