using CxAsCode.Json;
using CxAsCode.Resources;
using CxAsCode.State;
using CxAsCode.Tests.TestData;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.State;

public partial class StateStoreTests
{
    [Test]
    public void Write_EmptyFolder_CreatesCanonicalFiles()
    {
        var result = _store.Write("dev", [Skill("Billing"), Code("Resolved", "Done"), Skill("Heat Pumps")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(new SyncResult(3, 0, 0, 0)));
            Assert.That(File.ReadAllText(_folder.PathOf("state/dev/routing/skills/heat-pumps.json")), Is.EqualTo("{\n  \"name\": \"Heat Pumps\"\n}\n"));
            Assert.That(File.ReadAllText(_folder.PathOf("state/dev/routing/wrapupcodes/resolved.json")),
                Is.EqualTo("{\n  \"description\": \"Done\",\n  \"division\": \"Home\",\n  \"name\": \"Resolved\"\n}\n"));
            Assert.That(File.Exists(_folder.PathOf("state/dev/routing/skills/billing.json")), Is.True);
        }
    }

    [Test]
    public void Write_SameObjectsAgain_CountsUnchangedAndLeavesFilesUntouched()
    {
        _store.Write("dev", [Skill("Billing"), Code("Resolved", "Done")]);
        var files = Directory.GetFiles(_folder.PathOf("state/dev"), "*.json", SearchOption.AllDirectories);
        foreach (var file in files)
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }

        var result = _store.Write("dev", [Code("Resolved", "Done"), Skill("Billing")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(new SyncResult(0, 0, 0, 2)));
            Assert.That(result.HasChanges, Is.False);
            Assert.That(files.Select(File.GetLastWriteTimeUtc), Has.All.EqualTo(LongAgo));
        }
    }

    [Test]
    public void Write_ChangedAddedAndGoneObjects_CountsEachAndTouchesOnlyThoseFiles()
    {
        _store.Write("dev", [Skill("Billing"), Skill("Welsh"), Code("Resolved", "Done")]);
        foreach (var file in Directory.GetFiles(_folder.PathOf("state/dev"), "*.json", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }

        var result = _store.Write("dev", [Skill("Billing"), Code("Resolved", "Customer's issue resolved"), Skill("Spanish")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(new SyncResult(Created: 1, Updated: 1, Removed: 1, Unchanged: 1)));
            Assert.That(result.HasChanges, Is.True);
            Assert.That(File.Exists(_folder.PathOf("state/dev/routing/skills/welsh.json")), Is.False);
            Assert.That(File.Exists(_folder.PathOf("state/dev/routing/skills/spanish.json")), Is.True);
            Assert.That(File.GetLastWriteTimeUtc(_folder.PathOf("state/dev/routing/skills/billing.json")), Is.EqualTo(LongAgo));
            Assert.That(_folder.ReadJson("state/dev/routing/wrapupcodes/resolved.json")["description"]!.ToString(), Is.EqualTo("Customer's issue resolved"));
        }
    }

    [Test]
    public void Write_ContentInAnyKeyOrder_GivesByteIdenticalFiles()
    {
        _store.Write("dev", [(ResourceKinds.WrapupCodes, "Resolved", JObject.Parse("""{"name": "Resolved", "division": "Home", "description": "Done"}"""))]);
        var first = File.ReadAllBytes(_folder.PathOf("state/dev/routing/wrapupcodes/resolved.json"));

        var result = _store.Write("dev", [(ResourceKinds.WrapupCodes, "Resolved", JObject.Parse("""{"description": "Done", "division": "Home", "name": "Resolved", "x": null}"""))]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Unchanged, Is.EqualTo(1));
            Assert.That(File.ReadAllBytes(_folder.PathOf("state/dev/routing/wrapupcodes/resolved.json")), Is.EqualTo(first));
        }
    }

    [Test]
    public void Write_NoObjects_RemovesEveryJsonFileButKeepsDotfiles()
    {
        _store.Write("dev", [Skill("Billing"), Code("Resolved", "Done")]);
        _folder.Write("state/dev/routing/skills/.gitkeep", string.Empty);

        var result = _store.Write("dev", []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(new SyncResult(0, 0, 2, 0)));
            Assert.That(Directory.GetFiles(_folder.PathOf("state/dev"), "*.json", SearchOption.AllDirectories), Is.Empty);
            Assert.That(File.Exists(_folder.PathOf("state/dev/routing/skills/.gitkeep")), Is.True);
        }
    }

    [TestCase("../../../escape")]
    [TestCase("/etc/passwd")]
    [TestCase("..")]
    [TestCase("con")]
    [TestCase("a\nb")]
    public void Write_HostileName_StaysInTheKindFolderAndLoadsBack(string name)
    {
        var result = _store.Write("dev", [Skill(name)]);

        var files = Directory.GetFiles(_folder.Root, "*", SearchOption.AllDirectories);
        var state = _store.LoadDesired("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Created, Is.EqualTo(1));
            Assert.That(files, Has.Length.EqualTo(1));
            Assert.That(Path.GetDirectoryName(files[0]), Is.EqualTo(_folder.PathOf("state/dev/routing/skills")));
            Assert.That(Path.GetFileName(files[0]), Does.Match("^[a-z0-9-]+\\.json$"));
            Assert.That(state.Objects.Select(o => o.Key), Is.EqualTo(new[] { name }));
        }
    }

    [Test]
    public void WriteThenLoadDesired_GivesTheSameObjectsBack()
    {
        var written = new[] { Skill("Billing"), Code("Resolved", "Done"), (ResourceKinds.Queues, "Billing Support", JObject.Parse("""{"name": "Billing Support", "division": "Home", "wrapupCodes": ["Resolved"]}""")) };
        _store.Write("dev", written);

        var state = _store.LoadDesired("dev");

        Assert.That(state.Objects.Select(o => CanonicalJson.Compact(o.Body)).Order(StringComparer.Ordinal),
            Is.EqualTo(written.Select(w => CanonicalJson.Compact(w.Item3)).Order(StringComparer.Ordinal)));
    }
}
