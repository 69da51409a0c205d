using CxAsCode.Auth;
using CxAsCode.Configuration;
using CxAsCode.Flows;
using CxAsCode.Http;
using CxAsCode.Tests.Integration;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Flows;

/// <summary>Issue 8, items 2 and 4 at the client level, against the sandbox's Architect jobs: import through the
/// presigned URL and poll, export many flows per job, a refused import said with the flow's name.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class ArchitectJobsTests
{
    private const string Yaml = "inboundCall:\n  name: Outage Line IVR\n  description: Routes outage calls\n  division: Home\n  menus:\n    - menu:\n        name: Main Menu\n        choices:\n          - menuTransferToAcd:\n              name: Outages\n              targetQueue:\n                lit:\n                  name: Outage Line\n";

    private SandboxHost _sandbox = null!;
    private HttpClient _http = null!;
    private ResiliencePipelines _pipelines = null!;
    private ClientCredentialsTokenSource _tokens = null!;
    private GenesysClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sandbox = await SandboxHost.StartAsync();
        _http = new HttpClient();
        var masker = new SecretMasker();
        _pipelines = new ResiliencePipelines(new ResilienceOptions { RequestsPerMinute = 0 }, TimeProvider.System);
        _tokens = new ClientCredentialsTokenSource(_http, _sandbox.BaseAddress, Connection.SandboxClientId, Connection.SandboxClientSecret, masker, TimeProvider.System);
        _client = new GenesysClient(_http, _sandbox.BaseAddress, _tokens, _pipelines, masker, new RequestCounter(), TimeProvider.System);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _tokens.Dispose();
        _pipelines.Dispose();
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [SetUp]
    public async Task ResetAsync()
    {
        await _sandbox.ResetAsync();
        await _sandbox.ClearRequestsAsync();
    }

    [Test]
    public async Task Import_ThenExport_GivesTheSameYamlBack()
    {
        var jobs = new ArchitectJobs(_client, _http, TimeProvider.System);

        var imported = await jobs.ImportAsync("Outage Line IVR", Yaml, CancellationToken.None);
        await SandboxHost.SettleAsync();
        var id = (string)(await _client.GetAsync("/api/v2/flows?name=Outage%20Line%20IVR", CancellationToken.None))!["entities"]![0]!["id"]!;
        var exported = await jobs.ExportAsync([id], CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)imported["status"], Is.EqualTo("Success"));
            Assert.That(exported, Is.EqualTo(new[] { Yaml }));
        }
    }

    [Test]
    public void Import_RefusedByTheArchyCheck_FailsNamingTheFlowAndTheJobsMessage()
    {
        var jobs = new ArchitectJobs(_client, _http, TimeProvider.System);

        var error = Assert.ThrowsAsync<ApiException>(() => jobs.ImportAsync("Lost", Yaml.Replace("name: Outage Line\n", "name: No Such Queue\n", StringComparison.Ordinal), CancellationToken.None))!;

        Assert.That(error.Message, Does.Contain("Importing flow 'Lost' failed").And.Contain("Queue 'No Such Queue'"));
    }

    [Test]
    public async Task Import_JobFailureInjected_FailsNamingTheFlowAndTheJobsMessage()
    {
        var jobs = new ArchitectJobs(_client, _http, TimeProvider.System);
        await _sandbox.FaultAsync(new JObject { ["method"] = "POST", ["path"] = "^/api/v2/flows/jobs$", ["jobFailure"] = "Archy: the flow could not be published." });

        var error = Assert.ThrowsAsync<ApiException>(() => jobs.ImportAsync("Outage Line IVR", Yaml, CancellationToken.None))!;

        var state = await _sandbox.StateAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain("Importing flow 'Outage Line IVR' failed").And.Contain("Archy: the flow could not be published."));
            Assert.That(state["flows"]!.Select(f => (string?)f["name"]), Does.Not.Contain("Outage Line IVR"), "nothing published");
        }
    }

    [Test]
    public async Task Export_JobFailsFalselyOnce_AskedForAgainAndSucceeds()
    {
        var jobs = new ArchitectJobs(_client, _http, TimeProvider.System);
        var id = (string)(await _client.GetAsync("/api/v2/flows?name=In-Queue%20Flow", CancellationToken.None))!["entities"]![0]!["id"]!;
        await _sandbox.FaultAsync(new JObject { ["method"] = "POST", ["path"] = "^/api/v2/flows/export/jobs$", ["jobFailure"] = "Rate limit exceeded the maximum." });
        await _sandbox.ClearRequestsAsync();

        var exported = await jobs.ExportAsync([id], CancellationToken.None);

        var started = (await _sandbox.RequestsAsync()).Count(r => (string?)r["method"] == "POST" && (string?)r["path"] == "/api/v2/flows/export/jobs");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exported.Single(), Does.StartWith("inqueueCall:"));
            Assert.That(started, Is.EqualTo(2), "the failed job, then one that succeeded");
        }
    }

    [Test]
    public async Task Export_JobFailsEveryTime_FailsAfterThreeJobsWithTheJobsMessage()
    {
        var jobs = new ArchitectJobs(_client, _http, TimeProvider.System);
        var id = (string)(await _client.GetAsync("/api/v2/flows?name=In-Queue%20Flow", CancellationToken.None))!["entities"]![0]!["id"]!;
        await _sandbox.FaultAsync(new JObject { ["method"] = "POST", ["path"] = "^/api/v2/flows/export/jobs$", ["times"] = 10, ["jobFailure"] = "Rate limit exceeded the maximum." });

        var error = Assert.ThrowsAsync<ExportJobFailedException>(() => jobs.ExportAsync([id], CancellationToken.None))!;

        var started = (await _sandbox.RequestsAsync()).Count(r => (string?)r["method"] == "POST" && (string?)r["path"] == "/api/v2/flows/export/jobs");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain("Rate limit exceeded the maximum."));
            Assert.That(started, Is.EqualTo(ArchitectJobs.ExportAttempts));
        }
    }

    [Test]
    public async Task Export_ManyFlows_UsesOneJobPerFiftyNeverAGetPerFlow()
    {
        var ids = new List<string>();
        for (var i = 0; i < 51; i++)
        {
            var created = await _client.SendAsync(HttpMethod.Post, "/api/v2/flows", new JObject { ["name"] = $"Flow {i:D3}", ["type"] = "INBOUNDCALL" }, CancellationToken.None);
            ids.Add((string)created!["id"]!);
        }

        await SandboxHost.SettleAsync(); // the platform shows new flows a moment later; Extract exports what it listed
        await _sandbox.ClearRequestsAsync();
        await new ArchitectJobs(_client, _http, TimeProvider.System).ExportAsync(ids, CancellationToken.None);

        var requests = await _sandbox.RequestsAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requests.Count(r => (string?)r["method"] == "POST" && (string?)r["path"] == "/api/v2/flows/export/jobs"), Is.EqualTo(2), "⌈51 / 50⌉ export jobs");
            Assert.That(requests.Where(r => ((string?)r["path"])!.StartsWith("/api/v2/flows/", StringComparison.Ordinal) && !((string?)r["path"])!.Contains("/jobs", StringComparison.Ordinal)), Is.Empty, "no GET per flow");
        }
    }
}
