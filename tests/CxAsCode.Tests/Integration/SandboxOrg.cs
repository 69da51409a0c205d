using System.Net.Http.Headers;
using System.Text;
using CxAsCode.Configuration;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>Which org a sandbox is, asked the way any API client asks (token, then <c>GET /api/v2/organizations/me</c>).</summary>
internal static class SandboxOrg
{
    public static async Task<string> IdAsync(SandboxHost sandbox)
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Connection.SandboxClientId}:{Connection.SandboxClientSecret}")));
        using var token = await http.SendAsync(tokenRequest);
        var accessToken = (string)JObject.Parse(await token.Content.ReadAsStringAsync())["access_token"]!;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v2/organizations/me", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request);
        return (string)JObject.Parse(await response.Content.ReadAsStringAsync())["id"]!;
    }
}
