using CxAsCode.Extraction;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CxAsCode.Tests.Http;

public sealed partial class GenesysClientTests
{
    [Test]
    public async Task Extract_AKindOfManyPages_SaysHowFarItHasGotBetweenPages()
    {
        // Every other list is empty; skills come in three pages (2, 2 and 1).
        _server.Given(Request.Create().UsingGet()).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(new JObject { ["entities"] = new JArray(), ["pageCount"] = 1 }.ToString()));
        GivenThreePages(ResourceKinds.Skills.ApiPath);
        var said = new List<string>();

        var live = await new Extractor(CreateClient(), said.Add, progressEvery: TimeSpan.Zero).ExtractAsync((_, _, _) => false, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(live.Of(ResourceKinds.Skills).Count(), Is.EqualTo(5));
            Assert.That(said.Where(line => line.Contains("skills", StringComparison.Ordinal)).Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries))), Is.EqualTo(new[]
            {
                "Extract: skills 2 objects so far in 1 requests",
                "Extract: skills 4 objects so far in 2 requests",
                "Extract: skills 5 objects so far in 3 requests",
                "Extract: skills 5 objects in 3 requests",
            }));
        }
    }

    [Test]
    public async Task Extract_AQuickKind_SaysOneLine()
    {
        _server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(new JObject { ["entities"] = new JArray(new JObject { ["id"] = "s1", ["name"] = "Billing", ["state"] = "active" }), ["pageCount"] = 1 }.ToString()));
        var said = new List<string>();

        await new Extractor(CreateClient(), said.Add).ExtractAsync((_, _, _) => false, CancellationToken.None);

        Assert.That(said.Where(line => line.Contains("so far", StringComparison.Ordinal)), Is.Empty);
    }
}
