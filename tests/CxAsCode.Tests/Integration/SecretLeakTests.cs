using System.Text;
using System.Text.RegularExpressions;
using CxAsCode.Configuration;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>A hostile server echoes our credentials back: none of them may reach any output or artifact.</summary>
[TestFixture]
[NonParallelizable]
internal sealed partial class SecretLeakTests : SandboxPipelineFixture
{
    [Test]
    public async Task Deploy_ServerEchoesAuthorizationInA500_NoTokenOrSecretInOutputOrArtifacts()
    {
        await Sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = "^/api/v2/routing/queues/[^/]+$", ["echoRequest"] = true });
        await Sandbox.FaultAsync(new JObject { ["method"] = "GET", ["path"] = "^/api/v2/routing/skills/[^/]+$", ["echoRequest"] = true, ["status"] = 503, ["times"] = 1 });

        var (_, exit) = await Driver.RunAsync("Deploy");

        var texts = Directory.EnumerateFiles(Repository.Root, "*", SearchOption.AllDirectories)
            .Select(f => (Name: Path.GetRelativePath(Repository.Root, f), Text: File.ReadAllText(f)))
            .Append((Name: "console", Text: Driver.Output.ToString()))
            .ToList();
        var secret = Connection.SandboxClientSecret;
        var forbidden = new[] { secret, Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), Uri.EscapeDataString(secret), Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Connection.SandboxClientId}:{secret}")) };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Not.Zero, "the echoing 500 fails the deploy");
            Assert.That(texts.Select(t => t.Text), Has.Some.Contains("Bearer ***"), "the echo happened and was masked");
            foreach (var (name, text) in texts)
            {
                Assert.That(BearerToken().IsMatch(text), Is.False, $"{name} holds a bearer token");
                Assert.That(forbidden.Where(f => text.Contains(f, StringComparison.Ordinal)), Is.Empty, $"{name} holds the client secret");
            }
        }
    }

    [GeneratedRegex(@"Bearer\s+(?!\*\*\*)[A-Za-z0-9._~+/=-]{16,}")]
    private static partial Regex BearerToken();
}
