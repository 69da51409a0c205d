using CxAsCode.Configuration;

namespace CxAsCode.Tests.Configuration;

public sealed class TokenPoolSizesTests
{
    private static readonly PipelineOptions NotGiven = new() { RepositoryRoot = "." };

    [Test]
    public void Resolve_NothingSet_IsTheProvidersDefaultOfTen() =>
        Assert.That(TokenPoolSizes.Resolve(NotGiven, _ => null), Is.EqualTo(10));

    [Test]
    public void Resolve_EnvironmentVariable_IsRead() =>
        Assert.That(TokenPoolSizes.Resolve(NotGiven, Env("GENESYSCLOUD_TOKEN_POOL_SIZE", "4")), Is.EqualTo(4));

    [Test]
    public void Resolve_ArgumentAndVariable_TheArgumentWins() =>
        Assert.That(TokenPoolSizes.Resolve(new PipelineOptions { RepositoryRoot = ".", TokenPoolSize = 2 }, Env("GENESYSCLOUD_TOKEN_POOL_SIZE", "4")), Is.EqualTo(2));

    [TestCase("0")]
    [TestCase("21")]
    [TestCase("ten")]
    [TestCase("-3")]
    public void Resolve_VariableOutOfRange_IsAnErrorNamingTheVariable(string value) =>
        Assert.That(
            () => TokenPoolSizes.Resolve(NotGiven, Env("GENESYSCLOUD_TOKEN_POOL_SIZE", value)),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("GENESYSCLOUD_TOKEN_POOL_SIZE").And.Message.Contains("1 to 20"));

    [TestCase("--token-pool-size=0")]
    [TestCase("--token-pool-size=21")]
    [TestCase("--token-pool-size=ten")]
    public void Parse_ArgumentOutOfRange_IsAnErrorNamingTheArgument(string argument)
    {
        var root = Directory.CreateTempSubdirectory("cxascode-pool-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "state", "dev"));
            var (name, value) = (argument.Split('=')[0][2..], argument.Split('=')[1]);
            Assert.That(
                () => PipelineArguments.Parse(new Dictionary<string, ICollection<string>> { [name] = [value] }, root),
                Throws.TypeOf<ConfigurationException>().With.Message.Contains("--token-pool-size"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Func<string, string?> Env(string name, string value) => n => n == name ? value : null;
}
