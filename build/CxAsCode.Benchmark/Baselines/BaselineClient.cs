using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CxAsCode.Sandbox;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Benchmark.Baselines;

/// <summary>
/// The HTTP client a baseline script would have: a few tokens from the same credentials used in turn (the
/// same budget our pipeline gets), no pacing of its own, and a 429 retried after its Retry-After, as a
/// careful <c>curl</c> loop or an SDK with retries does.
/// </summary>
internal sealed class BaselineClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly IReadOnlyList<string> _tokens;
    private int _next;

    private BaselineClient(HttpClient http, IReadOnlyList<string> tokens)
    {
        _http = http;
        _tokens = tokens;
    }

    public static async Task<BaselineClient> ConnectAsync(Uri baseAddress, int tokens)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var issued = new List<string>();
        for (var i = 0; i < tokens; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token") { Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SandboxCredentials.ClientId}:{SandboxCredentials.ClientSecret}")));
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            issued.Add((string)JObject.Parse(await response.Content.ReadAsStringAsync())["access_token"]!);
        }

        return new BaselineClient(http, issued);
    }

    /// <summary>Sends one request (again after each 429); null for an empty answer.</summary>
    /// <exception cref="HttpRequestException">Any answer but 2xx and 429.</exception>
    public async Task<JToken?> SendAsync(HttpMethod method, string path, JToken? body = null)
    {
        while (true)
        {
            var token = _tokens[(Interlocked.Increment(ref _next) & int.MaxValue) % _tokens.Count];
            using var request = new HttpRequestMessage(method, path.TrimStart('/'));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json");
            }

            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}");
            }

            return text.Length == 0 ? null : JToken.Parse(text);
        }
    }

    public void Dispose() => _http.Dispose();
}
