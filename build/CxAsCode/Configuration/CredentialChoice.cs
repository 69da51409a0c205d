using Variables = CxAsCode.Configuration.EnvironmentVariables;

namespace CxAsCode.Configuration;

/// <summary>
/// Which credential a run uses, decided from the environment variables alone (a pure function, so every
/// combination is testable): all or nothing. A partial set — an id without its secret, a region or host
/// with no credential — is an error naming what is missing, never a silent fall-back to the sandbox.
/// A class, not a record: a record's ToString would print the secret.
/// </summary>
public sealed class CredentialChoice
{
    private CredentialChoice(CredentialMode mode, string? clientId = null, string? clientSecret = null, string? accessToken = null, string? privateKey = null)
    {
        Mode = mode;
        ClientId = clientId;
        ClientSecret = clientSecret;
        AccessToken = accessToken;
        PrivateKey = privateKey;
    }

    public CredentialMode Mode { get; }

    public string? ClientId { get; }

    public string? ClientSecret { get; }

    public string? AccessToken { get; }

    /// <summary>The PEM private key of the JWT mode.</summary>
    public string? PrivateKey { get; }

    /// <param name="env">Reads an environment variable.</param>
    /// <param name="environment">The pipeline environment: <c>prod</c> never falls back to the sandbox.</param>
    /// <param name="useSandbox"><c>--sandbox</c>: the sandbox on purpose, whatever is set.</param>
    /// <exception cref="ConfigurationException">The variables are a partial set, or none is set where the sandbox is not allowed.</exception>
    public static CredentialChoice Decide(Func<string, string?> env, string environment, bool useSandbox)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (useSandbox)
        {
            return new CredentialChoice(CredentialMode.Sandbox);
        }

        // A CI secret that is not defined arrives as an empty string: the same as not set.
        string? Read(string name) => env(name) is { Length: > 0 } value ? value : null;
        var (id, secret, token, key) = (Read(Variables.ClientId), Read(Variables.ClientSecret), Read(Variables.AccessToken), Read(Variables.JwtPrivateKey));
        if (secret is not null && key is not null)
        {
            throw new ConfigurationException($"Both {Variables.ClientSecret} and {Variables.JwtPrivateKey} are set: the client authenticates one way, set one of them.");
        }

        if ((id is null) != (secret is null && key is null))
        {
            var (set, missing) = id is null
                ? (secret is not null ? Variables.ClientSecret : Variables.JwtPrivateKey, Variables.ClientId)
                : (Variables.ClientId, Variables.ClientSecret);
            var alternative = id is null ? string.Empty : $" (nor {Variables.JwtPrivateKey}, for the JWT mode)";
            throw new ConfigurationException($"{set} is set but {missing} is not{alternative}: set both, or neither to use the local sandbox.");
        }

        if (token is not null && id is not null)
        {
            throw new ConfigurationException($"Both {Variables.AccessToken} and {Variables.ClientId} are set: set one credential, not both.");
        }

        var jwtOnly = new[] { Variables.JwtKeyId, Variables.TokenUrl }.Where(name => Read(name) is not null).ToList();
        if (key is null && jwtOnly.Count > 0)
        {
            throw new ConfigurationException($"{string.Join(" and ", jwtOnly)} {(jwtOnly.Count == 1 ? "is" : "are")} set but {Variables.JwtPrivateKey} is not: {(jwtOnly.Count == 1 ? "it belongs" : "they belong")} to the JWT assertion mode.");
        }

        if (key is not null)
        {
            return new CredentialChoice(CredentialMode.JwtAssertion, id, privateKey: key);
        }

        if (token is not null)
        {
            return new CredentialChoice(CredentialMode.AccessToken, accessToken: token);
        }

        if (id is not null)
        {
            return new CredentialChoice(CredentialMode.ClientCredentials, id, secret);
        }

        var hosts = new[] { Variables.Region, Variables.ApiUrl, Variables.LoginUrl }.Where(name => Read(name) is not null).ToList();
        if (hosts.Count > 0)
        {
            throw new ConfigurationException($"{string.Join(" and ", hosts)} {(hosts.Count == 1 ? "is" : "are")} set but no credential is: set {Variables.ClientId} and {Variables.ClientSecret} (or {Variables.AccessToken}), or unset {(hosts.Count == 1 ? "it" : "them")} to use the local sandbox.");
        }

        if (environment == "prod")
        {
            throw new ConfigurationException($"No credentials for prod. prod never falls back to the sandbox: set {Variables.ClientId} and {Variables.ClientSecret} (and {Variables.Region}).");
        }

        if (Variables.InCi(env))
        {
            throw new ConfigurationException($"No Genesys Cloud credentials in CI: set {Variables.ClientId} and {Variables.ClientSecret}, or pass --sandbox to run against the local sandbox on purpose.");
        }

        return new CredentialChoice(CredentialMode.Sandbox);
    }
}
