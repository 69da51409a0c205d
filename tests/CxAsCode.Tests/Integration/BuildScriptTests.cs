using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary><c>./build.sh</c> end to end: the Cake graph, its exit codes and its failure flow.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class BuildScriptTests
{
    private SandboxHost _sandbox = null!;

    [OneTimeSetUp]
    public async Task StartSandbox() => _sandbox = await SandboxHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopSandbox() => await _sandbox.DisposeAsync();

    [SetUp]
    public Task Reset() => _sandbox.ResetAsync();

    [Test]
    public async Task Deploy_ThenDryRun_ExitZeroAndNoChanges()
    {
        var (deployExit, deployOutput) = await BuildScript.RunAsync(_sandbox, "--target=Deploy", "--env=dev");
        var (dryRunExit, dryRunOutput) = await BuildScript.RunAsync(_sandbox, "--target=DryRun", "--env=dev", "--detailed-exitcode");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deployExit, Is.Zero, deployOutput);
            Assert.That(deployOutput, Does.Contain("Deploy: 8 changes, 9 writes (creating queues 'Heat Pump Advice' takes 2").And.Contain("; 9 write request(s) sent"));
            Assert.That(dryRunExit, Is.Zero, dryRunOutput);
            Assert.That(dryRunOutput, Does.Contain("No changes."));
        }
    }

    [Test]
    public async Task DryRun_WithChangesAndDetailedExitCode_ExitsTwoAndWritesPlanFiles()
    {
        var (exit, output) = await BuildScript.RunAsync(_sandbox, "--target=DryRun", "--env=test", "--detailed-exitcode");

        var planJson = Path.Combine(BuildScript.Root, "artifacts", "test", "plan.json");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(2), output);
            Assert.That(output, Does.Contain("~ update queues \"Billing Support\"").And.Contain("acwSettings.timeoutMs: 60000 → 30000"));
            Assert.That((string?)JObject.Parse(File.ReadAllText(planJson))["environment"], Is.EqualTo("test"));
            Assert.That(File.ReadAllText(Path.ChangeExtension(planJson, ".md")), Does.Contain("Billing Support"));
            Assert.That(await _sandbox.WritesAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Deploy_FaultOnThirdWrite_ExitsThreeAndOrgIsAsBefore()
    {
        var before = await _sandbox.ComparableStateAsync();
        await _sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = "^/api/v2/routing/queues/[^/]+$", ["status"] = 500 });

        var (exit, output) = await BuildScript.RunAsync(_sandbox, "--target=Deploy", "--env=dev", "--parallelism=1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(3), output);
            Assert.That(output, Does.Contain("Rollback complete: 2 write(s) undone"));
            Assert.That(await _sandbox.ComparableStateAsync(), Is.EqualTo(before).Using<JToken>(JToken.DeepEquals));
        }
    }

    [Test]
    public async Task Deploy_QueueEditedWhileDeployRuns_RefusesItAndRollsBack()
    {
        // The first write is held for 3 s; meanwhile someone edits a queue the plan updates.
        await _sandbox.FaultAsync(new JObject { ["method"] = "POST", ["path"] = "^/api/v2/routing/skills$", ["delayMs"] = 3000 });
        var deploy = BuildScript.RunAsync(_sandbox, "--target=Deploy", "--env=dev", "--parallelism=1");
        await WaitForAsync(async () => await _sandbox.FaultMatchesAsync() is [> 0, ..], deploy);
        await _sandbox.EditAsync("queues", "Billing Support", new JObject { ["description"] = "Edited while the deploy ran" });
        var before = await _sandbox.ComparableStateAsync();

        var (exit, output) = await deploy;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(3), output);
            Assert.That(output, Does.Contain("'Billing Support' changed after the plan"));
            Assert.That(await _sandbox.ComparableStateAsync(), Is.EqualTo(before).Using<JToken>(JToken.DeepEquals), "the edit survives, our writes are undone");
        }
    }

    [Test]
    public async Task UnknownEnvironment_ExitsOneNamingTheAllowedOnes()
    {
        var (exit, output) = await BuildScript.RunAsync(_sandbox, "--target=DryRun", "--env=../etc");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("--env must be one of the folders under state/: dev, prod, test"));
            Assert.That(await _sandbox.RequestsAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Description_ListsEveryTask()
    {
        var (exit, output) = await BuildScript.RunAsync(null, "--description");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, output);
            foreach (var task in new[] { "Auth", "Extract", "Normalize", "Validate", "DryRun", "Deploy", "Rollback", "Sync", "Sandbox", "Test", "Help" })
            {
                Assert.That(output, Does.Contain(task));
            }
        }
    }

    [Test]
    public async Task DryRun_NoCredentialsOutsideCi_StartsTheSandboxAndSaysSo()
    {
        var (exit, output) = await BuildScript.RunAsync(null, new Dictionary<string, string?> { ["CI"] = null }, "--target=DryRun", "--env=dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, output);
            Assert.That(output, Does.Match(@"No Genesys Cloud credentials set: running against the local sandbox at http://127\.0\.0\.1:\d+/"));
            Assert.That(output, Does.Contain("Plan:").Or.Contain("No changes."));
        }
    }

    [Test]
    public async Task DryRun_NoCredentialsInCi_ExitsOneAskingForCredentialsOrSandbox()
    {
        var (exit, output) = await BuildScript.RunAsync(null, new Dictionary<string, string?> { ["CI"] = "true" }, "--target=DryRun", "--env=dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("No Genesys Cloud credentials in CI").And.Contain("--sandbox"));
            Assert.That(output, Does.Not.Contain("running against the local sandbox"));
        }
    }

    [Test]
    public async Task DryRun_ProdWithoutCredentials_NeverFallsBackToTheSandbox()
    {
        var (exit, output) = await BuildScript.RunAsync(null, new Dictionary<string, string?> { ["CI"] = null }, "--target=DryRun", "--env=prod");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("prod never falls back to the sandbox"));
            Assert.That(output, Does.Not.Contain("running against the local sandbox"));
        }
    }

    [Test]
    public async Task Deploy_ProdFromWorkstationWithoutConfirm_RefusedBeforeAnyWrite()
    {
        var (exit, output) = await BuildScript.RunAsync(_sandbox, new Dictionary<string, string?> { ["CI"] = null }, "--target=Deploy", "--env=prod");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("--confirm=prod"));
            Assert.That(await _sandbox.WritesAsync(), Is.Empty);
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, Task running)
    {
        for (var i = 0; i < 600 && !running.IsCompleted; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The deploy never reached the point this test waits for.");
    }
}
