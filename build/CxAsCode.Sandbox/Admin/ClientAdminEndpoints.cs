using CxAsCode.Sandbox.Auth;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Admin;

/// <summary><c>/sandbox/clients</c>: register an OAuth client whose role is limited to some permissions in
/// some divisions (POST), list the registered ones without their secrets (GET), remove one (DELETE). Its
/// tokens then get 403 <c>missing.permissions</c> outside the role and lists show only what it may see.</summary>
internal static class ClientAdminEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/clients", RegisterAsync);
        group.MapGet("/clients", (ClientRegistry clients) => JsonResponse.Ok(new JArray(clients.Registered().Select(Describe))));
        group.MapDelete("/clients/{clientId}", (string clientId, ClientRegistry clients) =>
            clients.Remove(clientId) ? AdminEndpoints.Ok() : throw new GenesysErrorException(404, "not.found", $"No registered client '{clientId}'."));
    }

    /// <summary>Body: <c>{"clientId", "clientSecret", "publicKeys": [{"keyId", "pem"}], "grants": [{"division":
    /// "Residential" | id | "*", "permissions": ["routing:queue:edit", …]}]}</c>. A client needs a secret, public
    /// keys for JWT assertions (PEM, public part only), or both.</summary>
    private static async Task<IResult> RegisterAsync(HttpContext context, ClientRegistry clients)
    {
        var body = await RequestBody.ReadObjectAsync(context);
        var id = NonEmpty(body, "clientId");
        var secret = body.Str("clientSecret") is { Length: > 0 } given ? given : null;
        var keys = Keys(body["publicKeys"]);
        if (secret is null && keys.Count == 0)
        {
            throw ApiErrors.BadRequest("clientSecret or publicKeys is required.");
        }

        var grants = (body["grants"] as JArray ?? throw ApiErrors.BadRequest("grants must be an array of {division, permissions}."))
            .Select(grant => grant as JObject ?? throw ApiErrors.BadRequest("each grant must be an object."))
            .Select(grant => new Grant(
                NonEmpty(grant, "division"),
                [.. (grant["permissions"] as JArray ?? throw ApiErrors.BadRequest("each grant needs a permissions array."))
                    .Select(p => p.Type == JTokenType.String ? (string)p! : throw ApiErrors.BadRequest("permissions are strings."))]))
            .ToList();
        if (!clients.Register(new OAuthClient(id, secret, grants) { Keys = keys }))
        {
            throw ApiErrors.BadRequest($"'{id}' is the default client; register another id.");
        }

        return JsonResponse.Ok(Describe(clients.Find(id)!));
    }

    private static List<ClientKey> Keys(JToken? keys)
    {
        if (keys is null or { Type: JTokenType.Null })
        {
            return [];
        }

        return [.. (keys as JArray ?? throw ApiErrors.BadRequest("publicKeys must be an array of {keyId, pem}."))
            .Select(key => key as JObject ?? throw ApiErrors.BadRequest("each public key must be an object."))
            .Select(key =>
            {
                try
                {
                    return ClientKey.FromPem(key.Str("keyId"), NonEmpty(key, "pem"));
                }
                catch (ArgumentException e)
                {
                    throw ApiErrors.BadRequest("publicKeys: " + e.Message);
                }
            })];
    }

    private static JObject Describe(OAuthClient client) => new()
    {
        ["clientId"] = client.Id,
        ["keyIds"] = new JArray(client.Keys.Select(k => k.KeyId)),
        ["grants"] = new JArray(client.Grants.Select(g => g.ToJson())),
    };

    private static string NonEmpty(JObject body, string name) =>
        body.Str(name) is { Length: > 0 } value ? value : throw ApiErrors.BadRequest($"{name} is required.");
}
