using CxAsCode.Http;

namespace CxAsCode.Auth;

/// <summary>A pre-issued token (<c>GENESYSCLOUD_ACCESS_TOKEN</c>). It cannot be renewed: a 401 is final.</summary>
internal sealed class AccessTokenSource : ITokenSource
{
    private readonly string _token;

    public AccessTokenSource(string token, SecretMasker masker)
    {
        _token = token;
        masker.Add(token);
    }

    public bool CanRenew => false;

    public string Description => "a pre-issued access token (GENESYSCLOUD_ACCESS_TOKEN)";

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_token);

    public void Invalidate()
    {
    }
}
