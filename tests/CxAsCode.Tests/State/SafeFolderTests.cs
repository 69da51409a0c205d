using CxAsCode.State;
using CxAsCode.Tests.TestData;

namespace CxAsCode.Tests.State;

public class SafeFolderTests
{
    private StateFolder _folder = null!;
    private StateFolder _outside = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = StateFolder.Empty();
        _outside = StateFolder.Empty();
        _outside.Write("secret.json", "{\"name\": \"Outside\"}");
        _outside.Write("more/other.json", "{\"name\": \"Other\"}");
    }

    [TearDown]
    public void TearDown()
    {
        _folder.Dispose();
        _outside.Dispose();
    }

    [Test]
    public void List_PlainFilesAndFolders_AreAllListedRelativeWithSlashes()
    {
        _folder.Write("a/b/c.json", "{}");
        _folder.Write("a/.hidden", string.Empty);
        _folder.Write("top.json", "{}");

        var (files, links) = SafeFolder.List(_folder.Root);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(files, Is.EquivalentTo(new[] { "a/.hidden", "a/b/c.json", "top.json" }));
            Assert.That(links, Is.Empty);
        }
    }

    [Test]
    public void List_LinkToAFileOutside_IsListedAsALinkNotAsAFile()
    {
        _folder.Write("routing/skills/billing.json", "{}");
        File.CreateSymbolicLink(_folder.PathOf("routing/skills/outside.json"), _outside.PathOf("secret.json"));

        var (files, links) = SafeFolder.List(_folder.Root);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(files, Is.EqualTo(new[] { "routing/skills/billing.json" }));
            Assert.That(links, Is.EqualTo(new[] { ("routing/skills/outside.json", _outside.PathOf("secret.json")) }));
        }
    }

    [Test]
    public void List_LinkToAFolderOutside_IsNeverEntered()
    {
        Directory.CreateDirectory(_folder.PathOf("routing"));
        Directory.CreateSymbolicLink(_folder.PathOf("routing/queues"), _outside.Root);

        var (files, links) = SafeFolder.List(_folder.Root);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(files, Is.Empty, "nothing behind the link is listed");
            Assert.That(links.Select(l => l.Path), Is.EqualTo(new[] { "routing/queues" }));
        }
    }

    [Test]
    public void List_LinkToAFileInsideOrABrokenLink_IsStillALink()
    {
        _folder.Write("routing/skills/billing.json", "{}");
        File.CreateSymbolicLink(_folder.PathOf("routing/skills/alias.json"), "billing.json");
        File.CreateSymbolicLink(_folder.PathOf("routing/skills/broken.json"), "/nowhere/at/all.json");

        var (files, links) = SafeFolder.List(_folder.Root);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(files, Is.EqualTo(new[] { "routing/skills/billing.json" }));
            Assert.That(links, Is.EqualTo(new[] { ("routing/skills/alias.json", "billing.json"), ("routing/skills/broken.json", "/nowhere/at/all.json") }));
        }
    }

    [Test]
    public void LinkTarget_OfALinkedFolderAndOfAPlainOne_TellsThemApart()
    {
        Directory.CreateSymbolicLink(_folder.PathOf("linked"), _outside.Root);
        Directory.CreateDirectory(_folder.PathOf("plain"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(SafeFolder.LinkTarget(_folder.PathOf("linked")), Is.EqualTo(_outside.Root));
            Assert.That(SafeFolder.LinkTarget(_folder.PathOf("plain")), Is.Null);
            Assert.That(SafeFolder.LinkTarget(_folder.PathOf("missing")), Is.Null);
        }
    }
}
