using CxAsCode.Configuration;

namespace CxAsCode.Tests.Configuration;

public sealed class RepositoryRootTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRepository()
    {
        _root = Path.Combine(Path.GetTempPath(), "cxascode-root-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, ".config"));
        Directory.CreateDirectory(Path.Combine(_root, "build", "deeper"));
        File.WriteAllText(Path.Combine(_root, ".config", "dotnet-tools.json"), "{}");
    }

    [TearDown]
    public void DeleteRepository() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Find_FromAFolderInside_ReturnsTheRoot() =>
        Assert.That(RepositoryRoot.Find(Path.Combine(_root, "build", "deeper")), Is.EqualTo(_root));

    [Test]
    public void Find_OutsideAnyRepository_Throws() =>
        Assert.That(() => RepositoryRoot.Find(Path.GetTempPath()), Throws.TypeOf<ConfigurationException>().With.Message.Contains("run ./build.sh from the repository"));
}
