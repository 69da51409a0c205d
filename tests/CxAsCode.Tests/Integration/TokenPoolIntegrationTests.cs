using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>Issue 11 against the sandbox limiting each token: a deploy that needs more than one token's minute
/// spreads over two tokens, each within its own limit, and earns no 429.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class TokenPoolIntegrationTests : SandboxPipelineFixture
{
    private const int PerToken = 20;

    [Test]
    public async Task Deploy_MoreCallsThanOneTokensMinute_SpreadsOverTokensEachWithinItsLimitAndNo429()
    {
        await Sandbox.LimitPerTokenAsync(PerToken);

        var (run, exit) = await Driver.RunAsync("Deploy", o => PipelineDriver.Paced(o, PerToken, tokenPoolSize: 3));

        var requests = await Sandbox.RequestsAsync();
        var api = requests.Where(r => ((string?)r["path"])!.StartsWith("/api/v2/", StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(api, Has.Count.GreaterThan(PerToken), "the deploy needs more than one token's minute");
            Assert.That(api.Where(r => (int?)r["status"] == 429), Is.Empty, "paced per token: no 429");
            Assert.That(run.RequestsPerToken, Has.Count.EqualTo((api.Count + PerToken - 1) / PerToken), "a new token only once the others are out of slots");
            Assert.That(run.RequestsPerToken, Has.Count.LessThanOrEqualTo(3), "never more than the pool");
            Assert.That(run.RequestsPerToken, Has.All.LessThanOrEqualTo(PerToken));
            Assert.That(run.RequestsPerToken.Sum(), Is.EqualTo(api.Count));
            Assert.That(requests.Count(r => (string?)r["path"] == "/oauth/token"), Is.EqualTo(run.RequestsPerToken.Count), "one token request per token");
        }
    }
}
