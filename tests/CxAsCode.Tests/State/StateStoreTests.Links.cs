using CxAsCode.Resources;
using CxAsCode.State;
using CxAsCode.Tests.TestData;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.State;

/// <summary>Symbolic links anywhere under state/&lt;env&gt; or mappings/: refused, named, never followed.</summary>
public partial class StateStoreTests
{
    [Test]
    public void LoadDesired_LinkedFile_IsRefusedAndNotRead()
    {
        using var outside = StateFolder.Empty();
        outside.Write("secret.json", "{\"name\": \"Secret\"}");
        _folder.Write("state/dev/routing/skills/billing.json", "{\"name\": \"Billing\"}");
        File.CreateSymbolicLink(_folder.PathOf("state/dev/routing/skills/secret.json"), outside.PathOf("secret.json"));

        var state = _store.LoadDesired("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Problems.Select(p => (p.File, p.JsonPath)), Is.EqualTo(new[] { ("state/dev/routing/skills/secret.json", "$") }));
            Assert.That(state.Problems[0].Message, Does.StartWith($"is a symbolic link (to {outside.PathOf("secret.json")})").And.Contain("inside state/dev"));
            Assert.That(state.Objects.Select(o => o.Key), Is.EqualTo(new[] { "Billing" }));
        }
    }

    [Test]
    public void LoadDesired_LinkedKindFolder_IsRefusedAndNothingBehindItIsRead()
    {
        using var outside = StateFolder.Empty();
        outside.Write("billing-support.json", "{\"name\": \"Billing Support\", \"division\": \"Home\"}");
        Directory.CreateDirectory(_folder.PathOf("state/dev/routing"));
        Directory.CreateSymbolicLink(_folder.PathOf("state/dev/routing/queues"), outside.Root);

        var state = _store.LoadDesired("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Problems.Select(p => p.File), Is.EqualTo(new[] { "state/dev/routing/queues" }));
            Assert.That(state.Objects, Is.Empty);
        }
    }

    [TestCase("state")]
    [TestCase("state/dev")]
    public void LoadDesired_EnvironmentFolderOrStateItselfALink_IsRefused(string linked)
    {
        using var outside = StateFolder.Empty();
        outside.Write("dev/routing/skills/billing.json", "{\"name\": \"Billing\"}");
        outside.Write("routing/skills/billing.json", "{\"name\": \"Billing\"}");
        Directory.CreateDirectory(Path.GetDirectoryName(_folder.PathOf(linked))!);
        Directory.CreateSymbolicLink(_folder.PathOf(linked), linked == "state" ? outside.Root : outside.PathOf("dev"));

        var state = _store.LoadDesired("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Problems.Select(p => p.File), Is.EqualTo(new[] { linked }));
            Assert.That(state.Problems[0].Message, Does.StartWith("is a symbolic link"));
            Assert.That(state.Objects, Is.Empty);
        }
    }

    [Test]
    public void LoadMappings_LinkedMappingsFile_IsRefused()
    {
        using var outside = StateFolder.Empty();
        outside.Write("dev.json", """{"references": {}, "values": {}}""");
        Directory.CreateDirectory(_folder.PathOf("mappings"));
        File.CreateSymbolicLink(_folder.PathOf("mappings/dev.json"), outside.PathOf("dev.json"));

        var (mappings, problems) = _store.LoadMappings("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems.Select(p => (p.File, p.JsonPath)), Is.EqualTo(new[] { ("mappings/dev.json", "$") }));
            Assert.That(problems[0].Message, Does.StartWith("is a symbolic link").And.Contain("inside mappings/"));
            Assert.That(mappings.References, Is.Empty);
        }
    }

    [Test]
    public void LoadMappings_LinkElsewhereUnderMappings_IsRefusedToo()
    {
        using var outside = StateFolder.Empty();
        outside.Write("prod.json", "{}");
        _folder.Write("mappings/dev.json", """{"references": {}, "values": {}}""");
        File.CreateSymbolicLink(_folder.PathOf("mappings/prod.json"), outside.PathOf("prod.json"));

        var (_, problems) = _store.LoadMappings("dev");

        Assert.That(problems.Select(p => p.File), Is.EqualTo(new[] { "mappings/prod.json" }));
    }

    [Test]
    public void LoadMappings_MappingsFolderALink_IsRefused()
    {
        using var outside = StateFolder.Empty();
        outside.Write("dev.json", """{"references": {}, "values": {}}""");
        Directory.CreateSymbolicLink(_folder.PathOf("mappings"), outside.Root);

        var (_, problems) = _store.LoadMappings("dev");

        Assert.That(problems.Select(p => p.File), Is.EqualTo(new[] { "mappings" }));
    }

    [Test]
    public void Write_LinkedKindFolder_RefusesBeforeWritingOrDeletingAnything()
    {
        using var outside = StateFolder.Empty();
        outside.Write("keep-me.json", "{\"name\": \"Not ours\"}");
        _folder.Write("state/dev/routing/skills/welsh.json", "{\"name\": \"Welsh\"}\n");
        Directory.CreateSymbolicLink(_folder.PathOf("state/dev/routing/wrapupcodes"), outside.Root);

        void Sync() => _store.Write("dev", [Skill("Billing"), (ResourceKinds.WrapupCodes, "Resolved", new JObject { ["name"] = "Resolved", ["division"] = "Home" })]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Sync, Throws.TypeOf<StatePathException>().With.Message.Contains("state/dev/routing/wrapupcodes (to " + outside.Root + ")"));
            Assert.That(File.Exists(outside.PathOf("keep-me.json")), Is.True, "a file behind the link survives");
            Assert.That(Directory.GetFiles(outside.Root), Has.Length.EqualTo(1), "nothing was written behind the link");
            Assert.That(File.Exists(_folder.PathOf("state/dev/routing/skills/welsh.json")), Is.True, "nothing was removed either");
            Assert.That(File.Exists(_folder.PathOf("state/dev/routing/skills/billing.json")), Is.False, "and nothing written");
        }
    }
}
