using System.Net.Http.Headers;
using System.Text;
using CxAsCode.Http;

namespace CxAsCode.Auth;

/// <summary>
/// OAuth client credentials, the grant Genesys Cloud supports for machines:
/// <c>POST {login}/oauth/token</c> with <c>grant_type=client_credentials</c> and
/// <c>Authorization: Basic base64(id:secret)</c>.
/// </summary>
internal sealed class ClientCredentialsTokenSource : OAuthTokenSource
{
    private readonly string _clientId;
    private readonly string _clientSecret;

    public ClientCredentialsTokenSource(HttpClient http, Uri loginBase, string clientId, string clientSecret, SecretMasker masker, TimeProvider time)
        : base(http, new Uri(loginBase, "/oauth/token"), masker, time)
    {
        _clientId = clientId;
        _clientSecret = clientSecret;
        masker.AddBasicCredentials(clientId, clientSecret);
    }

    public override string Description => $"client credentials (client {Shorten(_clientId)}) at {TokenUri.GetLeftPart(UriPartial.Authority)}";

    protected override HttpRequestMessage CreateRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TokenUri)
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_clientId}:{_clientSecret}")));
        return request;
    }
}
