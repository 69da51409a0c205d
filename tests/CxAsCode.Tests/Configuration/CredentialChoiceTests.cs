using CxAsCode.Configuration;

namespace CxAsCode.Tests.Configuration;

public sealed class CredentialChoiceTests
{
    private const string Id = "GENESYSCLOUD_OAUTHCLIENT_ID";
    private const string Secret = "GENESYSCLOUD_OAUTHCLIENT_SECRET";
    private const string Token = "GENESYSCLOUD_ACCESS_TOKEN";
    private const string JwtKey = "GENESYSCLOUD_JWT_PRIVATE_KEY";

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

    [TestCase(Id, Secret, " (nor GENESYSCLOUD_JWT_PRIVATE_KEY, for the JWT mode)")]
    [TestCase(Secret, Id, "")]
    [TestCase(JwtKey, Id, "")]
    public void Decide_HalfAClient_ThrowsNamingTheMissingOne(string set, string missing, string alternative) =>
        Assert.That(
            () => Decide("dev", false, (set, "value")),
            Throws.TypeOf<ConfigurationException>().With.Message.EqualTo($"{set} is set but {missing} is not{alternative}: set both, or neither to use the local sandbox."));

    [Test]
    public void Decide_IdAndPrivateKey_JwtAssertionMode()
    {
        var choice = Decide("prod", false, (Id, "id-1"), (JwtKey, "-----BEGIN PRIVATE KEY-----"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(choice.Mode, Is.EqualTo(CredentialMode.JwtAssertion));
            Assert.That(choice.PrivateKey, Is.EqualTo("-----BEGIN PRIVATE KEY-----"));
            Assert.That(choice.ClientSecret, Is.Null);
        }
    }

    [Test]
    public void Decide_SecretAndPrivateKey_RefusedAsTwoCredentials() =>
        Assert.That(
            () => Decide("dev", false, (Id, "id-1"), (Secret, "s"), (JwtKey, "k")),
            Throws.TypeOf<ConfigurationException>().With.Message.StartsWith($"Both {Secret} and {JwtKey} are set"));

    [TestCase("GENESYSCLOUD_JWT_KEY_ID")]
    [TestCase("GENESYSCLOUD_TOKEN_URL")]
    public void Decide_JwtSettingWithoutTheKey_RefusedNamingTheKey(string variable) =>
        Assert.That(
            () => Decide("dev", false, (Id, "id-1"), (Secret, "s"), (variable, "x")),
            Throws.TypeOf<ConfigurationException>().With.Message.EqualTo($"{variable} is set but {JwtKey} is not: it belongs to the JWT assertion mode."));

    [Test]
    public void WithAliases_TutorialNames_ReadAsPreferredWithOneNoticeEach()
    {
        var notices = new List<string>();
        var values = new Dictionary<string, string> { ["GENESYS_CLIENT_ID"] = "id-1", ["GENESYS_JWT_PRIVATE_KEY"] = "k", ["GENESYS_SUBDOMAIN"] = "mypurecloud.ie" };
        var env = EnvironmentVariables.WithAliases(name => values.GetValueOrDefault(name), notices);

        var choice = CredentialChoice.Decide(env, "dev", useSandbox: false);
        _ = env("GENESYSCLOUD_OAUTHCLIENT_ID");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(choice.Mode, Is.EqualTo(CredentialMode.JwtAssertion));
            Assert.That(choice.ClientId, Is.EqualTo("id-1"));
            Assert.That(env("GENESYSCLOUD_REGION"), Is.EqualTo("mypurecloud.ie"));
            Assert.That(notices, Is.EquivalentTo(new[]
            {
                "GENESYS_CLIENT_ID is read as GENESYSCLOUD_OAUTHCLIENT_ID; rename it to GENESYSCLOUD_OAUTHCLIENT_ID.",
                "GENESYS_JWT_PRIVATE_KEY is read as GENESYSCLOUD_JWT_PRIVATE_KEY; rename it to GENESYSCLOUD_JWT_PRIVATE_KEY.",
                "GENESYS_SUBDOMAIN is read as GENESYSCLOUD_REGION; rename it to GENESYSCLOUD_REGION.",
            }));
        }
    }

    [Test]
    public void WithAliases_PreferredAndAliasBothSet_PreferredWinsWithoutNotice()
    {
        var notices = new List<string>();
        var values = new Dictionary<string, string> { ["GENESYSCLOUD_OAUTHCLIENT_ID"] = "preferred", ["GENESYS_CLIENT_ID"] = "alias" };

        var read = EnvironmentVariables.WithAliases(name => values.GetValueOrDefault(name), notices)("GENESYSCLOUD_OAUTHCLIENT_ID");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read, Is.EqualTo("preferred"));
            Assert.That(notices, Is.Empty);
        }
    }

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
