using CxAsCode.Configuration;
using CxAsCode.Planning;

namespace CxAsCode.Tests.Integration.Flows;

/// <summary>
/// Issue 8, must show: every flow Genesys wrote (TestData/Flows) goes into state, deploys to the sandbox through an
/// Architect import job, and comes back with Sync byte for byte; DryRun right after has nothing to do for it.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class FlowRoundTripTests : SandboxPipelineFixture
{
    private static IEnumerable<string> Fixtures() => FlowStateFixture.Fixtures();

    [TestCaseSource(nameof(Fixtures))]
    public async Task DeployThenSync_GenesysFlow_YamlInStateUnchangedAndNothingLeftToPlan(string fixture)
    {
        var (path, document, text) = FlowStateFixture.Add(Repository, FlowStateFixture.Read(fixture));
        var key = $"{document.ArchyType}/{document.Name}";

        var (deploy, deployed) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync();
        var (again, _) = await Driver.RunAsync("DryRun");
        var (_, synced) = await Driver.RunAsync("Sync", o => new PipelineOptions { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Force = true });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deployed, Is.Zero, Driver.Output.ToString());
            Assert.That(again.Live!.ByKey(CxAsCode.Resources.ResourceKinds.Flows, key), Is.Not.Null, $"{key} is in the org");
            Assert.That(again.Plan!.Entries.Where(e => e.Kind == "flows" && e.Key == key && e.IsWrite), Is.Empty, Driver.Output.ToString());
            Assert.That(synced, Is.Zero, Driver.Output.ToString());
            Assert.That(File.ReadAllText(Repository.PathOf(path)), Is.EqualTo(text), "Sync left the flow's YAML as it was written");
        }
    }
}
