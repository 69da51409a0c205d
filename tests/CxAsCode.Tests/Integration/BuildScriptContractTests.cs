using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>
/// The command-line contract through <c>./build.sh</c>, as an operator or a CI job meets it: one test per
/// exit code, strict arguments refused before any request, help, and output fit for a log.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class BuildScriptContractTests
{
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
    public async Task Deploy_NothingLeftToChange_ExitsZeroSayingNoChangesAndSendsNoWrite()
    {
        var (firstExit, firstOutput) = await BuildScript.RunAsync(_sandbox, "--target=Deploy", "--env=dev");
        await _sandbox.ClearRequestsAsync();

        var (exit, output) = await BuildScript.RunAsync(_sandbox, "--target=Deploy", "--env=dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(firstExit, Is.Zero, firstOutput);
            Assert.That(exit, Is.Zero, output);
            Assert.That(output, Does.Contain("No changes to deploy: nothing was sent to dev."));
            Assert.That(output, Does.Not.Contain("Could not reach target").And.Not.Contain("journal"));
            Assert.That(await _sandbox.WritesAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task DryRun_ChangesWithDetailedExitCode_ExitsTwoSayingChangesFoundNotAnError()
    {
        var (exit, output) = await BuildScript.RunAsync(_sandbox, "--target=DryRun", "--env=dev", "--detailed-exitcode");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(2), output);
            Assert.That(output, Does.EndWith("Changes found: 3 to create, 5 to update, 0 to replace, 0 to delete, 4 unmanaged, 31 unchanged.\n"));
            Assert.That(output, Does.Not.Contain("Error"));
        }
    }

    [TestCase("--prune=off", "Error: --prune takes no value, true or false (got 'off')")]
    [TestCase("--enviroment=prod", "Error: Unknown argument --enviroment; did you mean --env?")]
    [TestCase("--parallelism=0", "Error: --parallelism must be at least 1 (got 0).")]
    [TestCase("--rate-limit=-1", "Error: --rate-limit must be at least 1 (got -1).")]
    [TestCase("--max-retry-after=soon", "Error: --max-retry-after takes a whole number, at least 0 (got 'soon').")]
    [TestCase("--env=", "Error: --env needs a value: --env=<name>.")]
    [TestCase("--env", "Error: --env needs a value: --env=<name>.")]
    [TestCase("--exclusive", "Error: --exclusive would run Deploy without DryRun, Validate, Normalize, Extract, Auth")]
    public async Task Deploy_BadArgument_ExitsOneNamingItBeforeAnyRequest(string argument, string message)
    {
        var (exit, output) = await BuildScript.RunAsync(_sandbox, "--target=Deploy", argument);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain(message));
            Assert.That(output, Does.Not.Contain("Setup"), "refused before the graph runs");
            Assert.That(await _sandbox.RequestsAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Deploy_SavedPlanGoneStale_ExitsOneWithoutRollingBackOrWriting()
    {
        var plan = Path.Combine(Path.GetTempPath(), "cxascode-plan-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var (dryRunExit, dryRunOutput) = await BuildScript.RunAsync(_sandbox, "--target=DryRun", "--env=dev", "--out=" + plan);
            await _sandbox.EditAsync("queues", "Billing Support", new JObject { ["description"] = "Edited after the plan" });
            await _sandbox.ClearRequestsAsync();

            var (exit, output) = await BuildScript.RunAsync(_sandbox, "--target=Deploy", "--env=dev", "--plan=" + plan);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(dryRunExit, Is.Zero, dryRunOutput);
                Assert.That(exit, Is.EqualTo(1), output);
                Assert.That(output, Does.Contain("'Billing Support' changed after the plan"));
                Assert.That(output, Does.Not.Contain("Rolling back").And.Not.Contain("Rollback"));
                Assert.That(await _sandbox.WritesAsync(), Is.Empty);
            }
        }
        finally
        {
            File.Delete(plan);
        }
    }

    [Test]
    public async Task Deploy_WriteFailsInActions_ExitsThreeWithAnErrorAnnotationAndFoldedTasks()
    {
        await _sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = "^/api/v2/routing/queues/[^/]+$", ["status"] = 500 });

        var (exit, output) = await BuildScript.RunAsync(_sandbox, Actions, "--target=Deploy", "--env=dev", "--parallelism=1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(3), output);
            Assert.That(output, Does.Contain("\n::error::Deploy failed and was rolled back cleanly: update queues 'Billing Support'"));
            Assert.That(output, Does.Contain("::group::Auth\n").And.Contain("::group::Deploy\n").And.Contain("::endgroup::\n"));
            Assert.That(output, Does.Contain("Rollback complete: 2 write(s) undone"));
        }
    }

    [Test]
    public async Task Deploy_UndoFailsToo_ExitsFourWithAnErrorAnnotationNamingTheJournal()
    {
        await _sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = "^/api/v2/routing/queues/[^/]+$", ["status"] = 500 });
        await _sandbox.FaultAsync(new JObject { ["method"] = "DELETE", ["path"] = "^/api/v2/routing/skills/[^/]+$", ["status"] = 500, ["times"] = 10 });

        var (exit, output) = await BuildScript.RunAsync(_sandbox, Actions, "--target=Deploy", "--env=dev", "--parallelism=1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(4), output);
            Assert.That(output, Does.Contain("\n::error::Rollback incomplete: 1 write(s) need manual action"));
            Assert.That(output, Does.Match(@"resume with --target=Rollback --journal=artifacts/dev/[0-9TZ]+-[0-9a-f]{6}/journal\.jsonl"));
        }
    }

    [TestCase("--help")]
    [TestCase("--target=Help")]
    public async Task Help_ListsTargetsArgumentsEnvironmentVariablesAndExitCodes(string help)
    {
        var (exit, output) = await BuildScript.RunAsync(null, help);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, output);
            Assert.That(output, Does.Contain("Targets (default DryRun):\n  Auth "));
            Assert.That(output, Does.Contain("\n  --parallelism=<n>       objects written at once inside one dependency rank.\n"));
            Assert.That(output, Does.Contain("\n  GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET\n"));
            Assert.That(output, Does.Contain("\n  3                       deploy failed and was rolled back cleanly.\n"));
        }
    }

    [Test]
    public async Task CakeDryRun_Deploy_ListsTheTasksAndRunsNone()
    {
        var (exit, output) = await BuildScript.RunAsync(_sandbox, "--target=Deploy", "--env=dev", "--dryrun");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, output);
            Assert.That(output, Does.Contain("1. Auth\n2. Extract\n3. Normalize\n4. Validate\n5. DryRun\n6. Deploy\n"));
            Assert.That(output, Does.Not.Contain("Report:"));
            Assert.That(await _sandbox.RequestsAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Tree_DrawsTheGraph()
    {
        var (exit, output) = await BuildScript.RunAsync(null, "--tree");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, output);
            Assert.That(output, Does.Contain("Deploy\n└─DryRun\n"));
        }
    }

    [Test]
    public async Task Output_NotATerminal_HoldsNoColourCodes()
    {
        // NO_COLOR unset: build.sh must see for itself that its output is a pipe.
        var noColorUnset = new Dictionary<string, string?> { ["NO_COLOR"] = null };

        var (changesExit, changes) = await BuildScript.RunAsync(_sandbox, noColorUnset, "--target=DryRun", "--env=dev");
        var (errorExit, error) = await BuildScript.RunAsync(_sandbox, noColorUnset, "--target=DryRun", "--prune=maybe");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((changesExit, errorExit), Is.EqualTo((0, 1)), changes + error);
            Assert.That(changes, Does.Contain("+ create skills \"Heat Pumps\"").And.Not.Contain("\u001b"));
            Assert.That(error, Does.Contain("--prune takes").And.Not.Contain("\u001b"));
        }
    }

    [Test]
    public async Task DryRun_ClientIdWithoutSecret_ExitsOneNamingTheSecretNotFallingBackToTheSandbox()
    {
        var partial = new Dictionary<string, string?> { ["CI"] = null, ["GENESYSCLOUD_OAUTHCLIENT_ID"] = "an-id" };

        var (exit, output) = await BuildScript.RunAsync(null, partial, "--target=DryRun", "--env=dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("Error: GENESYSCLOUD_OAUTHCLIENT_ID is set but GENESYSCLOUD_OAUTHCLIENT_SECRET is not"));
            Assert.That(output, Does.Not.Contain("local sandbox at"));
        }
    }

    private static Dictionary<string, string?> Actions => new() { ["GITHUB_ACTIONS"] = "true" };
}
