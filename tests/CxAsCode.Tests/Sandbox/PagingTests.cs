using System.Net;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

public sealed class PagingTests : SandboxFixture
{
    [Test]
    public async Task ListSkills_PageSize3_NextUriWalksEveryListedSkillInNameOrder()
    {
        var names = new List<string>();
        var pages = new List<JObject>();
        string? next = "api/v2/routing/skills?pageSize=3";
        while (next is not null)
        {
            var page = await Sandbox.GetObjectAsync(next);
            pages.Add(page);
            names.AddRange(page["entities"]!.Select(e => (string)e["name"]!));
            next = (string?)page["nextUri"];
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pages, Has.Count.EqualTo(4));
            Assert.That(names, Has.Count.EqualTo(11), "10 active skills and the inactive Prepayment Meters");
            Assert.That(names, Is.Ordered.Using((IComparer<string>)StringComparer.OrdinalIgnoreCase));
            Assert.That((int?)pages[0]["total"], Is.EqualTo(11));
            Assert.That((int?)pages[0]["pageCount"], Is.EqualTo(4));
            Assert.That(pages[0]["previousUri"], Is.Null);
            Assert.That((string?)pages[1]["nextUri"], Is.EqualTo("/api/v2/routing/skills?pageSize=3&pageNumber=3"));
            Assert.That((string?)pages[1]["previousUri"], Is.EqualTo("/api/v2/routing/skills?pageSize=3&pageNumber=1"));
            Assert.That((string?)pages[3]["lastUri"], Is.EqualTo("/api/v2/routing/skills?pageSize=3&pageNumber=4"));
            Assert.That(pages[3]["entities"]!.Count(), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task ListSkills_IdFilterAcrossPages_KeepsOtherQueryParameters()
    {
        var billing = await Sandbox.IdOfAsync("api/v2/routing/skills", "Billing");
        var welsh = await Sandbox.IdOfAsync("api/v2/routing/skills", "Welsh");

        var page = await Sandbox.GetObjectAsync($"api/v2/routing/skills?id={billing}&id={welsh}&pageSize=1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int?)page["total"], Is.EqualTo(2));
            Assert.That((string?)page["entities"]![0]!["name"], Is.EqualTo("Billing"));
            Assert.That((string?)page["nextUri"], Is.EqualTo($"/api/v2/routing/skills?pageSize=1&pageNumber=2&id={billing}&id={welsh}"));
        }
    }

    [TestCase("api/v2/routing/skills?pageSize=501")]
    [TestCase("api/v2/routing/queues?pageSize=501")]
    [TestCase("api/v2/routing/wrapupcodes?pageSize=101")]
    [TestCase("api/v2/authorization/divisions?pageSize=101")]
    public async Task List_PageSizeOverMaximum_Returns400BadRequest(string path)
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Get, path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body?["code"], Is.EqualTo("bad.request"));
        }
    }

    [Test]
    public async Task ListQueues_DivisionIdFilter_ReturnsOnlyThatDivision()
    {
        var business = await Sandbox.IdOfAsync("api/v2/authorization/divisions", "Business");

        var page = await Sandbox.GetObjectAsync($"api/v2/routing/queues?divisionId={business}");

        Assert.That(page["entities"]!.Select(q => (string)q["name"]!), Is.EqualTo(new[] { "Business Accounts", "Solar Sales" }));
    }

    [Test]
    public async Task ListQueues_NameFilter_IsExactAndCaseInsensitive()
    {
        var exact = await Sandbox.GetObjectAsync("api/v2/routing/queues?name=billing%20SUPPORT");
        var partial = await Sandbox.GetObjectAsync("api/v2/routing/queues?name=Billing");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int?)exact["total"], Is.EqualTo(1));
            Assert.That((int?)partial["total"], Is.EqualTo(0));
        }
    }
}
