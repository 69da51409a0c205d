using System.Text;
using CxAsCode.Pipeline;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>
/// State and mappings files the engine must refuse (issue 5 item 4) or that the real API would reject
/// (issue 6 item 3): each one, through a whole Deploy against the sandbox, exits 1 naming the file and the
/// JSON path, and not one write reaches the org.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class UnsafeStateTests : SandboxPipelineFixture
{
    private const string OutageLine = "state/dev/routing/queues/outage-line.json";
    private const string Mappings = "mappings/dev.json";

    private static IEnumerable<TestCaseData> Breakages()
    {
        TestCaseData Case(string name, Action<TestRepository> breakIt, string file, string path, string message) =>
            new TestCaseData(breakIt, file, path, message).SetArgDisplayNames(name);

        // Loading (issue 5 item 4).
        yield return Case("invalid UTF-8 in a state file", r => Replace(r, OutageLine, "Power cuts", "Power cuts \u00FF"), OutageLine, "$", "not valid UTF-8");
        yield return Case("invalid UTF-8 in the mappings file", r => Replace(r, Mappings, "0800", "\u00E90800"), Mappings, "$", "not valid UTF-8");
        yield return Case("duplicate key", r => Replace(r, OutageLine, "\"division\": \"Residential\",", "\"division\": \"Residential\", \"division\": \"Home\","), OutageLine, "$.division", "appears more than once");
        yield return Case("file over 1 MiB", r => Edit(r, OutageLine, q => q["description"] = new string('x', 5_000_000)), OutageLine, "$", "limited to 1,048,576 bytes");
        yield return Case("description over the text limit", r => Edit(r, OutageLine, q => q["description"] = new string('x', 10_000)), OutageLine, "$.description", "too long: 10,000 characters");
        yield return Case("missing mappings file", r => File.Delete(r.PathOf(Mappings)), Mappings, "$", "the mappings file is missing");
        yield return Case("unknown mappings key", r => Edit(r, Mappings, m => m["refrences"] = new JObject()), Mappings, "$.refrences", "unknown key 'refrences'");
        yield return Case("references not an object", r => Edit(r, Mappings, m => m["references"] = new JArray()), Mappings, "$.references", "expected an object of kinds");
        yield return Case("reference not a string", r => Edit(r, Mappings, m => m["references"]!["divisions"]!["Home"] = 7), Mappings, "$.references.divisions['Home']", "expected a string");

        // What the real API rejects (issue 6 item 3).
        yield return Case("alerting timeout under 7 s", r => Edit(r, OutageLine, q => q["mediaSettings"]!["call"]!["alertingTimeoutSeconds"] = 6), OutageLine, "$.mediaSettings.call.alertingTimeoutSeconds", "expected at least 7 seconds");
        yield return Case("service level under 1000 ms", r => Edit(r, OutageLine, q => q["mediaSettings"]!["chat"]!["serviceLevel"]!["durationMs"] = 999), OutageLine, "$.mediaSettings.chat.serviceLevel.durationMs", "expected at least 1000 ms");
        yield return Case("service level percentage over 1", r => Edit(r, OutageLine, q => q["mediaSettings"]!["email"]!["serviceLevel"]!["percentage"] = 80), OutageLine, "$.mediaSettings.email.serviceLevel.percentage", "expected 0 to 1");
        yield return Case("one bullseye ring", r => Edit(r, OutageLine, q => ((JArray)q["bullseye"]!["rings"]!).RemoveAt(1)), OutageLine, "$.bullseye.rings", "expected 2 to 6 rings");
        yield return Case("seven bullseye rings", r => Edit(r, OutageLine, q => ((JArray)q["bullseye"]!["rings"]!).Add(Enumerable.Range(0, 5).Select(_ => q["bullseye"]!["rings"]![1]!.DeepClone()))), OutageLine, "$.bullseye.rings", "expected 2 to 6 rings");
        yield return Case("ACW timeout with an untimed prompt", r => Edit(r, OutageLine, q => q["acwSettings"]!["wrapupPrompt"] = "OPTIONAL"), OutageLine, "$.acwSettings.timeoutMs", "AGENT_REQUESTED, MANDATORY_TIMEOUT or MANDATORY_FORCED_TIMEOUT");
        yield return Case("ACW timeout over 60 minutes", r => Edit(r, OutageLine, q => q["acwSettings"]!["timeoutMs"] = 3_600_001), OutageLine, "$.acwSettings.timeoutMs", "expected 1000 to 3600000 ms");
        yield return Case("enum value", r => Edit(r, OutageLine, q => q["skillEvaluationMethod"] = "FASTEST"), OutageLine, "$.skillEvaluationMethod", "expected one of: NONE, BEST, ALL");
    }

    [TestCaseSource(nameof(Breakages))]
    public async Task Deploy_UnsafeOrInvalidState_ExitsOneNamingFileAndPathWithZeroWrites(Action<TestRepository> breakIt, string file, string path, string message)
    {
        breakIt(Repository);

        var (run, exit) = await Driver.RunAsync("Deploy");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(run.Failure, Is.TypeOf<ValidationFailedException>());
            Assert.That(run.ValidationErrors.Where(e => e.File == file && e.JsonPath == path).Select(e => e.Message), Has.Some.Contains(message), string.Join("\n", run.ValidationErrors));
            Assert.That(Driver.Output.ToString(), Does.Contain(file));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty, "nothing reaches the sandbox");
        }
    }

    [Test]
    public async Task Validate_SymlinkUnderStateToAFileOutsideTheRepository_ExitsOneNamingItWithZeroWrites()
    {
        // Issue 5's "must show": the link is refused, never followed, and named.
        using var outside = new TestRepository();
        File.Move(Repository.PathOf(OutageLine), outside.PathOf("outage-line.json"));
        File.CreateSymbolicLink(Repository.PathOf(OutageLine), outside.PathOf("outage-line.json"));

        var (run, exit) = await Driver.RunAsync("Validate");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(run.ValidationErrors.Select(e => (e.File, e.JsonPath)), Has.Member((OutageLine, "$")));
            Assert.That(Driver.Output.ToString(), Does.Contain($"{OutageLine} $: is a symbolic link (to {outside.PathOf("outage-line.json")})"));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Deploy_LinkedKindFolder_ExitsOneWithZeroWritesAndNothingBehindItRead()
    {
        using var outside = new TestRepository();
        Directory.Delete(Repository.PathOf("state/dev/routing/skills"), recursive: true);
        Directory.CreateSymbolicLink(Repository.PathOf("state/dev/routing/skills"), outside.PathOf("state/dev/routing/skills"));

        var (run, exit) = await Driver.RunAsync("Deploy");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(run.ValidationErrors.Select(e => e.File), Has.Member("state/dev/routing/skills"));
            Assert.That(run.Desired!.Objects.Where(o => o.Kind.Name == "skills"), Is.Empty, "no skill was read through the link");
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task DryRun_DotFileAndNotesBesideState_AreListedAsSkippedWarnings()
    {
        Repository.Write("state/dev/routing/queues/.outage-line.json.swp", "editor swap file");
        Repository.Write("state/dev/README.md", "# Dev");

        var (run, exit) = await Driver.RunAsync("DryRun");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(run.ValidationErrors, Is.Empty);
            Assert.That(Driver.Output.ToString(), Does.Contain("Warning: skipped state/dev/routing/queues/.outage-line.json.swp: files whose name starts with '.' are not read"));
            Assert.That(Driver.Output.ToString(), Does.Contain("Warning: skipped state/dev/README.md: not a state file"));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    private static void Replace(TestRepository repository, string file, string find, string replaceWith)
    {
        var path = repository.PathOf(file);
        var text = File.ReadAllText(path);
        Assert.That(text, Does.Contain(find), "the test's edit applies");
        // Latin-1 keeps each char below 256 as one byte: how a file saved in a legacy encoding looks.
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(text[..text.IndexOf(find, StringComparison.Ordinal)]), .. Encoding.Latin1.GetBytes(replaceWith), .. Encoding.UTF8.GetBytes(text[(text.IndexOf(find, StringComparison.Ordinal) + find.Length)..])]);
    }

    private static void Edit(TestRepository repository, string file, Action<JObject> change)
    {
        var content = JObject.Parse(File.ReadAllText(repository.PathOf(file)));
        change(content);
        File.WriteAllText(repository.PathOf(file), content.ToString());
    }
}
