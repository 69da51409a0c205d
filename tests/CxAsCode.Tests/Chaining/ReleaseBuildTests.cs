using CxAsCode.Tests.Integration;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Chaining;

/// <summary>
/// Chaining, the Cake way: <c>release.cake</c> beside this file is a platform team's own release build. It
/// <c>#load</c>s our task graph and adds "Package" before Auth and "SmokeTest" after Deploy without copying a
/// task of ours. Run in a clone, against a sandbox, as its CI would run it.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class ReleaseBuildTests
{
    private const string Script = "tests/CxAsCode.Tests/Chaining/release.cake";

    private SandboxHost _sandbox = null!;

    [OneTimeSetUp]
    public async Task StartSandbox() => _sandbox = await SandboxHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopSandbox() => await _sandbox.DisposeAsync();

    [SetUp]
    public async Task Reset()
    {
        await _sandbox.ResetAsync();
        await _sandbox.ClearRequestsAsync();
    }

    [Test]
    public async Task ReleaseBuild_DeploySucceeds_RunsPackageThenOurGraphThenItsSmokeTest()
    {
        var (exit, output) = await BuildScript.RunCakeAsync(_sandbox, Script, "--target=SmokeTest", "--env=dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, output);
            Assert.That(ReleaseLog(), Is.EqualTo(new[] { "Package", "SmokeTest after Succeeded" }));
            Assert.That(await _sandbox.WritesAsync(), Is.Not.Empty, "Deploy really wrote to the org");
            Assert.That(output.IndexOf("Package", StringComparison.Ordinal), Is.LessThan(output.IndexOf("Auth", StringComparison.Ordinal)));
        }
    }

    [Test]
    public async Task ReleaseBuild_DeployRolledBack_SkipsItsSmokeTestAndExitsThree()
    {
        await _sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = "^/api/v2/routing/queues/[^/]+$", ["status"] = 500 });

        var (exit, output) = await BuildScript.RunCakeAsync(_sandbox, Script, "--target=SmokeTest", "--env=dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(3), output);
            Assert.That(output, Does.Contain("Rolling back"));
            Assert.That(ReleaseLog(), Is.EqualTo(new[] { "Package" }), "SmokeTest must not run after a failed deploy");
        }
    }

    private static string[] ReleaseLog()
    {
        var log = Path.Combine(BuildScript.Root, "artifacts", "release.log");
        return File.Exists(log) ? File.ReadAllLines(log) : [];
    }
}
