using System.IO.Compression;
using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>Issue 8, item 8: Architect flows in the sandbox — listing with type and name filters, soft delete
/// (410), name conflicts, locks, import jobs through a presigned URL on the sandbox clock, export round trip,
/// and the Archy-like check refusing bad YAML with job messages.</summary>
public sealed class FlowEndpointTests : SandboxFixture
{
    private const string Flows = "api/v2/flows";

    private const string Yaml = """
        inboundCall:
          name: Outage Line IVR
          description: Routes outage calls
          division: Home
          startUpRef: "/inboundCall/menus/menu[Main Menu_1]"
          defaultLanguage: en-us
          menus:
            - menu:
                name: Main Menu
                refId: Main Menu_1
                choices:
                  - menuTransferToAcd:
                      name: Outages
                      dtmf: digit_1
                      targetQueue:
                        lit:
                          name: Outage Line

        """;

    [Test]
    public async Task List_TypeFilterAndName_FindTheSeededFlows()
    {
        var inQueue = await Sandbox.GetObjectAsync(Flows + "?type=INQUEUECALL&pageSize=500");
        var byName = await Sandbox.GetObjectAsync(Flows + "?name=SimpleFinancialIvr");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(inQueue["entities"]!.Select(f => (string?)f["name"]), Is.EqualTo(new[] { "In-Queue Flow" }));
            Assert.That((string?)byName["entities"]![0]!["type"], Is.EqualTo("INBOUNDCALL"));
            Assert.That((string?)byName["entities"]![0]!["publishedVersion"]!["id"], Is.EqualTo("1.0"));
        }
    }

    [Test]
    public async Task Create_SameTypeAndName_Is409AlreadyExists_OtherTypeIsFine()
    {
        var (same, body) = await Sandbox.ApiAsync(HttpMethod.Post, Flows, new { name = "In-Queue Flow", type = "INQUEUECALL" });
        var (other, _) = await Sandbox.ApiAsync(HttpMethod.Post, Flows, new { name = "In-Queue Flow", type = "INQUEUEEMAIL" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(same, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string?)body!["code"], Is.EqualTo("architect.flow.already.exists"));
            Assert.That(other, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Delete_IsSoft_GetAnswers410UnlessDeletedTrue()
    {
        var id = await Sandbox.IdOfAsync(Flows, "In-Queue Flow");

        var (deleted, _) = await Sandbox.ApiAsync(HttpMethod.Delete, $"{Flows}/{id}");
        Settle();
        var (gone, body) = await Sandbox.ApiAsync(HttpMethod.Get, $"{Flows}/{id}");
        var (kept, flow) = await Sandbox.ApiAsync(HttpMethod.Get, $"{Flows}/{id}?deleted=true");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(gone, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That((string?)body!["code"], Is.EqualTo("architect.flow.deleted"));
            Assert.That(kept, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((bool?)flow!["deleted"], Is.True);
        }
    }

    [Test]
    public async Task Locks_CheckoutOfAFlowSomeoneElseHolds_Is409NamingThem_PutWithoutTheLockToo()
    {
        var id = await Sandbox.IdOfAsync(Flows, "SimpleFinancialIvr");
        var (unlocked, put) = await Sandbox.ApiAsync(HttpMethod.Put, $"{Flows}/{id}", new { name = "SimpleFinancialIvr", description = "x" });
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/edit", new { kind = "flows", name = "SimpleFinancialIvr", set = new { lockedBy = "architect-ui-user" } });
        Settle();

        var (checkout, body) = await Sandbox.ApiAsync(HttpMethod.Post, $"{Flows}/actions/checkout?flow={id}");
        var shown = await Sandbox.GetObjectAsync($"{Flows}/{id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unlocked, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string?)put!["code"], Is.EqualTo("architect.flow.not.locked.by.user"));
            Assert.That(checkout, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string?)body!["code"], Is.EqualTo("architect.flow.locked.by.user"));
            Assert.That((string?)body["message"], Does.Contain("architect-ui-user"));
            Assert.That((string?)shown["lockedClient"]!["id"], Is.EqualTo("architect-ui-user"));
        }
    }

    [Test]
    public async Task ImportJob_UploadWithTheGivenHeaders_RunsOnTheClockThenPublishes_ExportGivesTheSameBytesBack()
    {
        var job = await RegisterAsync();
        using (var upload = await UploadAsync(job, Yaml))
        {
            Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var running = await JobAsync(job);
        Time.Advance(TimeSpan.FromSeconds(3));
        var done = await JobAsync(job);
        Settle();
        var id = await Sandbox.IdOfAsync(Flows, "Outage Line IVR");
        var export = (string)(await Sandbox.ApiAsync(HttpMethod.Post, $"{Flows}/export/jobs", new { flows = new[] { new { flow = new { id } } } })).Body!["id"]!;
        var exporting = await Sandbox.GetObjectAsync($"{Flows}/export/jobs/{export}");
        Time.Advance(TimeSpan.FromSeconds(3));
        var exported = await Sandbox.GetObjectAsync($"{Flows}/export/jobs/{export}");
        var archive = await Sandbox.Http.GetByteArrayAsync(new Uri((string)exported["downloadUrl"]!));

        using var zip = new ZipArchive(new MemoryStream(archive));
        using var reader = new StreamReader(zip.Entries.Single().Open(), Encoding.UTF8);
        var content = await reader.ReadToEndAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)running["status"], Is.EqualTo("Started"), "a job takes time");
            Assert.That((string?)done["status"], Is.EqualTo("Success"), done.ToString());
            Assert.That((string?)done["flow"]!["name"], Is.EqualTo("Outage Line IVR"));
            Assert.That((string?)exporting["status"], Is.EqualTo("Started"));
            Assert.That((string?)exported["status"], Is.EqualTo("Success"));
            Assert.That(content, Is.EqualTo(Yaml), "export returns what was imported, byte for byte");
        }
    }

    [Test]
    public async Task Upload_MissingAGivenHeader_IsRefusedAndTheJobStaysRegistered()
    {
        var job = await RegisterAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, (string)job["presignedUrl"]!) { Content = new StringContent(Yaml) };

        using var response = await Sandbox.Http.SendAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string?)(await JobAsync(job))["status"], Is.EqualTo("Registered"));
        }
    }

    [TestCase("inboundCall:\n  name: Broken\n  menus: [unclosed\n", "not valid at line")]
    [TestCase("inboundTelepathy:\n  name: Odd\n", "not a flow type")]
    [TestCase("inboundCall:\n  name: Lost\n  x:\n    targetQueue:\n      lit:\n        name: No Such Queue\n", "Queue 'No Such Queue'")]
    public async Task ImportJob_YamlTheArchyCheckRefuses_FailsWithAMessage(string yaml, string expected)
    {
        var job = await RegisterAsync();
        (await UploadAsync(job, yaml)).Dispose();
        Time.Advance(TimeSpan.FromSeconds(3));

        var state = await JobAsync(job);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)state["status"], Is.EqualTo("Failure"));
            Assert.That((string?)state["messages"]![0]!["type"], Is.EqualTo("Error"));
            Assert.That((string?)state["messages"]![0]!["text"], Does.Contain(expected));
        }
    }

    private async Task<JObject> RegisterAsync() => (JObject)(await Sandbox.ApiAsync(HttpMethod.Post, $"{Flows}/jobs")).Body!;

    private async Task<JObject> JobAsync(JObject job) => await Sandbox.GetObjectAsync($"{Flows}/jobs/{job["id"]}?expand=messages");

    private async Task<HttpResponseMessage> UploadAsync(JObject job, string yaml)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, (string)job["presignedUrl"]!) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(yaml)) };
        foreach (var header in ((JObject)job["headers"]!).Properties())
        {
            if (!request.Headers.TryAddWithoutValidation(header.Name, (string?)header.Value))
            {
                request.Content.Headers.TryAddWithoutValidation(header.Name, (string?)header.Value);
            }
        }

        using (request)
        {
            return await Sandbox.Http.SendAsync(request);
        }
    }
}
