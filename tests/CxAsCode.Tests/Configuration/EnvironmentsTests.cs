using CxAsCode.Configuration;

namespace CxAsCode.Tests.Configuration;

public sealed class EnvironmentsTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRepository()
    {
        _root = Path.Combine(Path.GetTempPath(), "cxascode-env-" + Guid.NewGuid().ToString("N"));
        foreach (var folder in new[] { "dev", "test", "prod", "Bad_Name" })
        {
            Directory.CreateDirectory(Path.Combine(_root, "state", folder));
        }

        File.WriteAllText(Path.Combine(_root, "state", "notes.txt"), "not an environment");
    }

    [TearDown]
    public void DeleteRepository() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Known_StateFolders_ListsSafeFolderNamesSorted() =>
        Assert.That(Environments.Known(_root), Is.EqualTo(new[] { "dev", "prod", "test" }));

    [Test]
    public void Known_NoStateFolder_IsEmpty() =>
        Assert.That(Environments.Known(Path.Combine(_root, "missing")), Is.Empty);

    [TestCase("dev")]
    [TestCase("test")]
    [TestCase("prod")]
    public void Require_FolderUnderState_ReturnsTheName(string name) =>
        Assert.That(Environments.Require(name, _root), Is.EqualTo(name));

    [TestCase("../x")]
    [TestCase("..")]
    [TestCase("state/../prod")]
    [TestCase("/etc")]
    [TestCase("staging")]
    [TestCase("Dev")]
    [TestCase("Bad_Name")]
    [TestCase("prod ")]
    [TestCase("")]
    public void Require_NotAnAllowedFolder_ThrowsListingTheAllowedOnes(string name) =>
        Assert.That(
            () => Environments.Require(name, _root),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("dev, prod, test").And.Message.Contains("--env"));

    [Test]
    public void Require_NameWithTrailingNewline_IsRefusedAndPrintedWithoutTheNewline() =>
        Assert.That(
            () => Environments.Require("prod\n", _root),
            Throws.TypeOf<ConfigurationException>()
                .With.Message.Contains("(got 'prod?')")
                .And.Message.Not.Contain("\n"));

    [Test]
    public void Require_WorkflowCommandInjection_IsRefusedWithControlCharactersReplaced() =>
        Assert.That(
            () => Environments.Require("dev\n::set-output name=x::1", _root),
            Throws.TypeOf<ConfigurationException>().With.Message.Not.Contain("\n"));

    [Test]
    public void Require_FolderNameWithTrailingNewline_IsNeitherKnownNorAccepted()
    {
        Directory.CreateDirectory(Path.Combine(_root, "state", "stage\n"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Environments.Known(_root), Is.EqualTo(new[] { "dev", "prod", "test" }));
            Assert.That(() => Environments.Require("stage\n", _root), Throws.TypeOf<ConfigurationException>());
        }
    }

    [Test]
    public void Require_Null_ThrowsSayingNothingWasGiven() =>
        Assert.That(
            () => Environments.Require(null, _root),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("(got 'nothing')"));
}
