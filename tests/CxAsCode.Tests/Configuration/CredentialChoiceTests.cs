using CxAsCode.Configuration;

namespace CxAsCode.Tests.Configuration;

public sealed class CredentialChoiceTests
{
    private const string Id = "GENESYSCLOUD_OAUTHCLIENT_ID";
    private const string Secret = "GENESYSCLOUD_OAUTHCLIENT_SECRET";
    private const string Token = "GENESYSCLOUD_ACCESS_TOKEN";

    [Test]
    public void Decide_IdAndSecret_ClientCredentials()
    {
        var choice = Decide("dev", false, (Id, "id-1"), (Secret, "secret-1"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(choice.Mode, Is.EqualTo(CredentialMode.ClientCredentials));
            Assert.That(choice.ClientId, Is.EqualTo("id-1"));
            Assert.That(choice.ClientSecret, Is.EqualTo("secret-1"));
            Assert.That(choice.ToString(), Does.Not.Contain("secret-1"));
        }
    }

    [Test]
    public void Decide_AccessToken_AccessToken()
    {
        var choice = Decide("prod", false, (Token, "tok"), ("GENESYSCLOUD_REGION", "eu-west-1"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(choice.Mode, Is.EqualTo(CredentialMode.AccessToken));
            Assert.That(choice.AccessToken, Is.EqualTo("tok"));
        }
    }

    [Test]
    public void Decide_Nothing_SandboxOutsideCi() =>
        Assert.That(Decide("dev", false).Mode, Is.EqualTo(CredentialMode.Sandbox));

    [Test]
    public void Decide_SandboxFlag_SandboxWhateverIsSet() =>
        Assert.That(Decide("prod", true, (Id, "id-1"), ("CI", "true")).Mode, Is.EqualTo(CredentialMode.Sandbox));

    [TestCase(Id, Secret)]
    [TestCase(Secret, Id)]
    public void Decide_HalfAClient_ThrowsNamingTheMissingOne(string set, string missing) =>
        Assert.That(
            () => Decide("dev", false, (set, "value")),
            Throws.TypeOf<ConfigurationException>().With.Message.EqualTo($"{set} is set but {missing} is not: set both, or neither to use the local sandbox."));

    [Test]
    public void Decide_IdWithAnEmptySecret_CountsTheSecretAsMissing() =>
        Assert.That(
            () => Decide("dev", false, (Id, "id-1"), (Secret, string.Empty)),
            Throws.TypeOf<ConfigurationException>().With.Message.StartsWith($"{Id} is set but {Secret} is not"));

    [TestCase("GENESYSCLOUD_REGION")]
    [TestCase("GENESYSCLOUD_API_URL")]
    [TestCase("GENESYSCLOUD_LOGIN_URL")]
    public void Decide_HostWithoutCredential_ThrowsInsteadOfUsingTheSandbox(string variable) =>
        Assert.That(
            () => Decide("dev", false, (variable, "x")),
            Throws.TypeOf<ConfigurationException>().With.Message.EqualTo(
                $"{variable} is set but no credential is: set {Id} and {Secret} (or {Token}), or unset it to use the local sandbox."));

    [Test]
    public void Decide_TwoHostsWithoutCredential_NamesBoth() =>
        Assert.That(
            () => Decide("dev", false, ("GENESYSCLOUD_REGION", "x"), ("GENESYSCLOUD_API_URL", "y")),
            Throws.TypeOf<ConfigurationException>().With.Message.StartsWith("GENESYSCLOUD_REGION and GENESYSCLOUD_API_URL are set but no credential is"));

    [Test]
    public void Decide_TokenAndClient_Throws() =>
        Assert.That(
            () => Decide("dev", false, (Id, "id-1"), (Secret, "s"), (Token, "t")),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("set one credential, not both"));

    [Test]
    public void Decide_NothingForProd_NeverTheSandbox() =>
        Assert.That(
            () => Decide("prod", false),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("prod never falls back to the sandbox"));

    [TestCase("CI")]
    [TestCase("GITHUB_ACTIONS")]
    public void Decide_NothingInCi_AsksForCredentialsOrTheFlag(string variable) =>
        Assert.That(
            () => Decide("dev", false, (variable, "true")),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("No Genesys Cloud credentials in CI").And.Message.Contains("--sandbox"));

    private static CredentialChoice Decide(string environment, bool useSandbox, params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return CredentialChoice.Decide(name => values.GetValueOrDefault(name), environment, useSandbox);
    }
}
