using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CxAsCode.Sandbox;
using Microsoft.AspNetCore.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>An in-process sandbox on a free port plus the HTTP plumbing the tests share.</summary>
internal sealed class SandboxClient : IAsyncDisposable
{
    private SandboxClient(WebApplication app, HttpClient http)
    {
        App = app;
        Http = http;
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    /// <summary>The bearer token the API helpers send; refreshed by <see cref="RefreshTokenAsync"/>.</summary>
    public string Token { get; private set; } = string.Empty;

    public static async Task<SandboxClient> StartAsync(SandboxOptions options)
    {
        var app = SandboxApp.Create(options);
        await app.StartAsync();
        var http = new HttpClient { BaseAddress = SandboxApp.BaseAddress(app), Timeout = TimeSpan.FromSeconds(30) };
        return new SandboxClient(app, http);
    }

    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret, string grantType = "client_credentials")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", grantType)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.Latin1.GetBytes($"{clientId}:{secret}")));
        return await Http.SendAsync(request);
    }

    public async Task RefreshTokenAsync()
    {
        using var response = await RequestTokenAsync(SandboxCredentials.ClientId, SandboxCredentials.ClientSecret);
        response.EnsureSuccessStatusCode();
        Token = (string)Parse(await response.Content.ReadAsStringAsync())["access_token"]!;
    }

    /// <summary>Sends an API request with the current token (or none when <paramref name="token"/> is "").</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? token = null, CancellationToken cancellation = default)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            var json = body as string ?? JsonConvert.SerializeObject(body);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        token ??= Token;
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request, cancellation);
    }

    /// <summary>Sends an API request and returns the status and parsed body (null for an empty body).</summary>
    public async Task<(HttpStatusCode Status, JToken? Body)> ApiAsync(HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : Parse(text));
    }

    public async Task<JObject> GetObjectAsync(string path)
    {
        var (status, body) = await ApiAsync(HttpMethod.Get, path);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), $"GET {path}: {body}");
        return (JObject)body!;
    }

    /// <summary>Calls the admin surface (no token) and expects 200.</summary>
    public async Task<JToken> AdminAsync(HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(method, path, body, token: string.Empty);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{method} {path}: {text}");
        return Parse(text);
    }

    public async Task<JArray> RequestLogAsync() => (JArray)await AdminAsync(HttpMethod.Get, "sandbox/requests");

    public async Task<string> IdOfAsync(string kindPath, string name)
    {
        var list = await GetObjectAsync($"{kindPath}?name={Uri.EscapeDataString(name)}");
        Assert.That(list["entities"], Is.Not.Empty, $"{kindPath}: nothing named '{name}' is listed");
        return (string)list["entities"]![0]!["id"]!;
    }

    /// <summary>Sends an API request with another token (a client registered with a limited role).</summary>
    public async Task<(HttpStatusCode Status, JToken? Body)> ApiAsAsync(string token, HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(method, path, body, token);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : Parse(text));
    }

    /// <summary>Registers an OAuth client with a limited role and returns a token for it.</summary>
    public async Task<string> RegisterClientAsync(string clientId, params object[] grants)
    {
        await AdminAsync(HttpMethod.Post, "sandbox/clients", new { clientId, clientSecret = "secret-" + clientId, grants });
        using var response = await RequestTokenAsync(clientId, "secret-" + clientId);
        response.EnsureSuccessStatusCode();
        return (string)Parse(await response.Content.ReadAsStringAsync())["access_token"]!;
    }

    /// <summary>The whole org as it really is (<c>GET /sandbox/state</c>): one kind's objects by name.</summary>
    public async Task<JObject> StateOfAsync(string kind, string name) =>
        (JObject)(await AdminAsync(HttpMethod.Get, "sandbox/state"))[kind]!.Single(o => (string?)o["name"] == name);

    /// <summary>Reseeds, gets a fresh token and clears the request log, so each test starts alike.</summary>
    public async Task ResetAsync(string seed = "default")
    {
        await AdminAsync(HttpMethod.Post, "sandbox/reset", new { seed });
        await RefreshTokenAsync();
        await AdminAsync(HttpMethod.Delete, "sandbox/requests");
    }

    public static JToken Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
