using CxAsCode.Http;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CxAsCode.Tests.Http;

/// <summary>Writes that get no answer, and the attempt counter the write-result lines read.</summary>
public sealed partial class GenesysClientTests
{
    [Test]
    public async Task SendAsync_PutWhoseResponseNeverComes_ThrowsResponseLostAfterOneRequest()
    {
        // A PUT is idempotent, but one that timed out may still apply later, over our rollback or someone's
        // edit: it is settled by reading, never sent again.
        _server.Given(Request.Create().WithPath(QueuesPath + "/q1").UsingPut())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"q1"}""").WithDelay(TimeSpan.FromMilliseconds(900)));
        var options = FastOptions();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        var client = CreateClient(options);
        var attempts = new AttemptCounter();

        await Assert.ThatAsync(
            () => client.SendAsync(HttpMethod.Put, QueuesPath + "/q1", new JObject { ["name"] = "Q" }, attempts, CancellationToken.None),
            Throws.TypeOf<ResponseLostException>().With.Message.Contains("may or may not have applied"));

        await _server.WaitForRequestsAsync(2, TimeSpan.FromSeconds(1.5));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_server.LogEntries.Count, Is.EqualTo(1));
            Assert.That(attempts.Count, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task SendAsync_WithAnAttemptCounter_CountsEveryRetry()
    {
        GivenSequence(QueuesPath, "GET",
            Response.Create().WithStatusCode(503).WithBody(ErrorBody(503, "service.unavailable", "down")),
            Response.Create().WithStatusCode(503).WithBody(ErrorBody(503, "service.unavailable", "down")),
            Response.Create().WithStatusCode(200).WithBody("""{"id":"q"}"""));
        var client = CreateClient();
        var attempts = new AttemptCounter();

        await client.SendAsync(HttpMethod.Get, QueuesPath, null, attempts, CancellationToken.None);

        Assert.That(attempts.Count, Is.EqualTo(3));
    }
}
