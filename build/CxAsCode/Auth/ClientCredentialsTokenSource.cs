using System.Net.Http.Headers;
using System.Text;
using CxAsCode.Http;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Auth;

/// <summary>
/// OAuth client credentials, the grant Genesys Cloud supports for machines:
/// <c>POST {login}/oauth/token</c> with <c>grant_type=client_credentials</c> and
/// <c>Authorization: Basic base64(id:secret)</c>.
/// </summary>
internal sealed class ClientCredentialsTokenSource : ITokenSource, IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);
    private readonly HttpClient _http;
    private readonly Uri _tokenUri;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly SecretMasker _masker;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    public ClientCredentialsTokenSource(HttpClient http, Uri loginBase, string clientId, string clientSecret, SecretMasker masker, TimeProvider time)
    {
        _http = http;
        _tokenUri = new Uri(loginBase, "/oauth/token");
        _clientId = clientId;
        _clientSecret = clientSecret;
        _masker = masker;
        _time = time;
        masker.AddBasicCredentials(clientId, clientSecret);
    }

    public bool CanRenew => true;

    public string Description => $"client credentials (client {Shorten(_clientId)}) at {_tokenUri.GetLeftPart(UriPartial.Authority)}";

    /// <remarks>POST /oauth/token</remarks>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && _time.GetUtcNow() < _expires - RefreshMargin)
            {
                return _token;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri)
            {
                Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_clientId}:{_clientSecret}")));
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var body = TryParse(text);
            if (!response.IsSuccessStatusCode || (string?)body?["access_token"] is not { Length: > 0 } token)
            {
                var reason = (string?)body?["error_description"] ?? (string?)body?["description"] ?? (string?)body?["error"] ?? $"HTTP {(int)response.StatusCode}";
                throw new ApiAuthenticationException("POST", "/oauth/token", (int)response.StatusCode, null, null,
                    _masker.Apply($"The token endpoint refused {Description}: {reason}"));
            }

            _masker.Add(token);
            _token = token;
            _expires = _time.GetUtcNow().AddSeconds((int?)body["expires_in"] ?? 3600);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _token = null;

    public void Dispose() => _gate.Dispose();

    private static JObject? TryParse(string text)
    {
        try
        {
            return JObject.Parse(text);
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }

    private static string Shorten(string id) => id.Length <= 8 ? id : id[..8] + "…";
}
