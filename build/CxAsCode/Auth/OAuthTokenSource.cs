using CxAsCode.Http;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Auth;

/// <summary>
/// A token from an OAuth token endpoint, kept in memory and renewed a minute before it expires. Subclasses
/// say only how the request authenticates the client (a Basic secret, a signed JWT assertion).
/// </summary>
internal abstract class OAuthTokenSource : ITokenSource, IDisposable
{
    private const int TokenRequestRetries = 3;
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    protected OAuthTokenSource(HttpClient http, Uri tokenUri, SecretMasker masker, TimeProvider time)
    {
        _http = http;
        TokenUri = tokenUri;
        Masker = masker;
        Time = time;
    }

    public bool CanRenew => true;

    public abstract string Description { get; }

    protected Uri TokenUri { get; }

    protected SecretMasker Masker { get; }

    protected TimeProvider Time { get; }

    /// <remarks>POST the token endpoint (<c>{login}/oauth/token</c> for Genesys Cloud).</remarks>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && Time.GetUtcNow() < _expires - RefreshMargin)
            {
                return _token;
            }

            var (response, text) = await RequestTokenAsync(cancellationToken);
            using var answered = response;
            var body = TryParse(text);
            if (!response.IsSuccessStatusCode || (string?)body?["access_token"] is not { Length: > 0 } token)
            {
                var reason = (string?)body?["error_description"] ?? (string?)body?["description"] ?? (string?)body?["error"] ?? $"HTTP {(int)response.StatusCode}";
                throw new ApiAuthenticationException("POST", TokenUri.AbsolutePath, (int)response.StatusCode, null, null,
                    Masker.Apply($"The token endpoint refused {Description}: {reason}"));
            }

            Masker.Add(token);
            _token = token;
            _expires = Time.GetUtcNow().AddSeconds((int?)body["expires_in"] ?? 3600);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _token = null;

    /// <summary>The token request, sent again after a 429's Retry-After (token requests are rate limited too,
    /// genesys-api.md §5), at most <see cref="TokenRequestRetries"/> times and never for longer than a minute.</summary>
    private async Task<(HttpResponseMessage Response, string Text)> RequestTokenAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = CreateRequest();
            var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            if (response.StatusCode != System.Net.HttpStatusCode.TooManyRequests || attempt >= TokenRequestRetries || wait > TimeSpan.FromMinutes(1))
            {
                return (response, text);
            }

            response.Dispose();
            await Task.Delay(wait, Time, cancellationToken);
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }
    }

    /// <summary>A new token request, authenticated as the subclass does it.</summary>
    protected abstract HttpRequestMessage CreateRequest();

    protected static string Shorten(string id) => id.Length <= 8 ? id : id[..8] + "…";

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
}
