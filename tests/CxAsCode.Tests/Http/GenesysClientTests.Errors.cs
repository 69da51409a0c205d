using CxAsCode.Http;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CxAsCode.Tests.Http;

public sealed partial class GenesysClientTests
{
    [Test]
    public async Task SendAsync_400DuplicateName_ThrowsApiExceptionWithCodeStatusAndCorrelationId()
    {
        _server.Given(Request.Create().WithPath(QueuesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400)
                .WithHeader("ININ-Correlation-Id", "corr-400-abc")
                .WithBody(ErrorBody(400, "duplicate.name", "A queue with name Support already exists", contextId: "corr-400-abc")));
        var client = CreateClient();

        var error = await CatchAsync<ApiException>(() => client.SendAsync(HttpMethod.Post, QueuesPath, new JObject { ["name"] = "Support" }, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.GetType(), Is.EqualTo(typeof(ApiException)));
            Assert.That(error.Status, Is.EqualTo(400));
            Assert.That(error.Code, Is.EqualTo("duplicate.name"));
            Assert.That(error.CorrelationId, Is.EqualTo("corr-400-abc"));
            Assert.That(error.Method, Is.EqualTo("POST"));
            Assert.That(error.Path, Is.EqualTo(QueuesPath));
            Assert.That(error.Message, Does.Contain("400").And.Contain("duplicate.name").And.Contain("corr-400-abc").And.Contain("A queue with name Support already exists"));
            Assert.That(_server.LogEntries.Count, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task SendAsync_CorrelationHeaderMissing_FallsBackToBodyContextId()
    {
        _server.Given(Request.Create().WithPath(QueuesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody(ErrorBody(400, "invalid.value", "bad", contextId: "ctx-from-body")));
        var client = CreateClient();

        var error = await CatchAsync<ApiException>(() => client.SendAsync(HttpMethod.Post, QueuesPath, new JObject(), CancellationToken.None));

        Assert.That(error.CorrelationId, Is.EqualTo("ctx-from-body"));
    }

    [Test]
    public async Task SendAsync_404_ThrowsNotFoundException()
    {
        _server.Given(Request.Create().WithPath(QueuesPath + "/missing").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithBody(ErrorBody(404, "not.found", "Queue not found")));
        var client = CreateClient();

        var error = await CatchAsync<NotFoundException>(() => client.GetAsync(QueuesPath + "/missing", CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Status, Is.EqualTo(404));
            Assert.That(error.Code, Is.EqualTo("not.found"));
            Assert.That(_server.LogEntries.Count, Is.EqualTo(1), "a 404 is an answer, not a transient failure");
        }
    }

    [Test]
    public async Task SendAsync_410_ThrowsNotFoundException()
    {
        _server.Given(Request.Create().WithPath("/api/v2/flows/f1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(410).WithBody(ErrorBody(410, "architect.flow.deleted", "Flow deleted")));
        var client = CreateClient();

        var error = await CatchAsync<NotFoundException>(() => client.GetAsync("/api/v2/flows/f1", CancellationToken.None));

        Assert.That(error.Status, Is.EqualTo(410));
    }

    [Test]
    public async Task SendAsync_409_ThrowsConflictException()
    {
        _server.Given(Request.Create().WithPath("/api/v2/users/u1").UsingPatch())
            .RespondWith(Response.Create().WithStatusCode(409)
                .WithHeader("ININ-Correlation-Id", "corr-409")
                .WithBody(ErrorBody(409, "general.conflict", "The version supplied does not match the current version of the user")));
        var client = CreateClient();

        var error = await CatchAsync<ConflictException>(() => client.SendAsync(HttpMethod.Patch, "/api/v2/users/u1", new JObject { ["version"] = 3 }, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Status, Is.EqualTo(409));
            Assert.That(error.Code, Is.EqualTo("general.conflict"));
            Assert.That(error.CorrelationId, Is.EqualTo("corr-409"));
            Assert.That(_server.LogEntries.Count, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task SendAsync_NonJsonErrorBody_KeepsTheTextAndNoBody()
    {
        _server.Given(Request.Create().WithPath(QueuesPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("<html>Bad gateway config</html>"));
        var client = CreateClient();

        var error = await CatchAsync<ApiException>(() => client.GetAsync(QueuesPath, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Body, Is.Null);
            Assert.That(error.Code, Is.Null);
            Assert.That(error.Message, Does.Contain("<html>Bad gateway config</html>"));
        }
    }

    /// <summary>Awaits the call and returns the exception it threw, failing the test when it threw none (or another type).</summary>
    private static async Task<T> CatchAsync<T>(Func<Task> call)
        where T : Exception
    {
        try
        {
            await call();
        }
        catch (T expected)
        {
            return expected;
        }

        Assert.Fail($"Expected {typeof(T).Name}, but the call succeeded.");
        throw new InvalidOperationException("unreachable");
    }
}
