using CxAsCode.Configuration;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>The repository's own state, every environment, deploys against the validating sandbox without one refused write.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class CommittedStateTests : SandboxPipelineFixture
{
    [TestCase("dev")]
    [TestCase("test")]
    [TestCase("prod")]
    public async Task Deploy_CommittedStateOfEachEnvironment_NoWriteRefusedThenNoChanges(string environment)
    {
        PipelineOptions For(PipelineOptions o) => new() { Target = o.Target, Environment = environment, RepositoryRoot = o.RepositoryRoot, Confirm = environment == "prod" ? "prod" : null };

        var (_, exit) = await Driver.RunAsync("Deploy", For);
        await SandboxHost.SettleAsync();
        var (again, _) = await Driver.RunAsync("DryRun", For);

        var refused = (await Sandbox.WritesAsync()).Where(w => (int?)w["status"] is >= 400 and < 500).Select(w => w.ToString(Newtonsoft.Json.Formatting.None)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(refused, Is.Empty, "the validating sandbox accepts every write the committed state makes");
            Assert.That(again.Plan!.HasChanges, Is.False, Driver.Output.ToString());
        }
    }
}
