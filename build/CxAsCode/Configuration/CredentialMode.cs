namespace CxAsCode.Configuration;

/// <summary>How a run authenticates, as <see cref="CredentialChoice"/> decides it.</summary>
public enum CredentialMode
{
    /// <summary>No credential at all (outside CI, never for prod), or <c>--sandbox</c>: the local sandbox, started for the run.</summary>
    Sandbox,

    /// <summary>GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET: the client-credentials grant.</summary>
    ClientCredentials,

    /// <summary>GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_JWT_PRIVATE_KEY: client credentials authenticated by a signed JWT assertion.</summary>
    JwtAssertion,

    /// <summary>GENESYSCLOUD_ACCESS_TOKEN: a pre-issued token, used as it is.</summary>
    AccessToken,
}
