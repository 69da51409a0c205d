using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration.Flows;

/// <summary>
/// Issue 8, must show: Extract reads flows through list pages and export jobs only, never one GET per flow:
/// 200 flows are one list page and ⌈200 / 50⌉ = 4 export jobs (with their polls and downloads).
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class FlowExtractTests : SandboxPipelineFixture
{
    [Test]
    public async Task Extract_200Flows_ListPagesAndFourExportJobsNeverAGetPerFlow()
    {
        await Sandbox.PostAsync("/sandbox/reset", new JObject { ["seed"] = "empty" });
        for (var i = 1; i <= 200; i++)
        {
            var name = $"Flow {i:000}";
            await Sandbox.PostAsync("/sandbox/edit", new JObject { ["kind"] = "flows", ["create"] = new JObject { ["name"] = name, ["type"] = "INBOUNDCALL" } });
            var yaml = $"inboundCall:\n  name: {name}\n  description: generated {i}\n  startUpRef: ./menus/menu[Main]\n";
            await Sandbox.PostAsync("/sandbox/edit", new JObject { ["kind"] = "flows", ["name"] = name, ["set"] = new JObject { ["content"] = yaml, ["publishedVersion"] = 1 } });
        }

        await SandboxHost.SettleAsync();
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RunAsync("DryRun");

        var requests = (await Sandbox.RequestsAsync()).Select(r => ((string)r["method"]!, ((string)r["path"]!).Split('?')[0])).ToList();
        var flowReads = requests.Where(r => r.Item2.StartsWith("/api/v2/flows", StringComparison.Ordinal) || r.Item2.StartsWith("/storage/", StringComparison.Ordinal)).ToList();
        var lists = flowReads.Count(r => r == ("GET", "/api/v2/flows"));
        var jobs = flowReads.Count(r => r == ("POST", "/api/v2/flows/export/jobs"));
        var polls = flowReads.Count(r => r.Item1 == "GET" && r.Item2.StartsWith("/api/v2/flows/export/jobs/", StringComparison.Ordinal));
        var downloads = flowReads.Count(r => r.Item2.StartsWith("/storage/downloads/", StringComparison.Ordinal));
        TestContext.Out.WriteLine($"Extract of 200 flows: {lists} list page(s), {jobs} export jobs, {polls} polls, {downloads} downloads; {flowReads.Count} flow requests in all.");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(run.Live!.Of(CxAsCode.Resources.ResourceKinds.Flows).Count(f => f.Raw![CxAsCode.Resources.FlowFields.Yaml] is not null), Is.EqualTo(200), "every flow's content came from the export jobs");
            Assert.That(lists, Is.EqualTo(1), "one page of 500");
            Assert.That(jobs, Is.EqualTo(4), "⌈200 / 50⌉ export jobs");
            Assert.That(downloads, Is.EqualTo(4));
            Assert.That(flowReads.Where(r => r.Item1 == "GET" && System.Text.RegularExpressions.Regex.IsMatch(r.Item2, "^/api/v2/flows/[0-9a-f-]{36}$")), Is.Empty, "never a GET per flow");
            Assert.That(flowReads.Count, Is.EqualTo(lists + jobs + polls + downloads), "nothing else");
        }
    }
}
