using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Organization;

/// <summary><c>GET /api/v2/organizations/me</c>: the Organization model of the platform SDKs
/// (OrganizationApi.GetOrganizationsMe), with the fields a client reads to know which org it talks to.</summary>
internal static class OrganizationEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v2/organizations/me", (OrgStore store) => store.Read(org => JsonResponse.Ok(Render(org.Organization))));

    private static JObject Render(JObject organization) => new()
    {
        ["id"] = organization.Str("id"),
        ["name"] = organization.Str("name"),
        ["defaultLanguage"] = "en-us",
        ["defaultCountryCode"] = "GB",
        ["thirdPartyOrgName"] = "sandbox-energy-co",
        ["domain"] = "sandbox-energy-co",
        ["version"] = 1,
        ["state"] = "active",
        ["productPlatform"] = "PureCloud",
        ["selfUri"] = "/api/v2/organizations/" + organization.Str("id"),
    };
}
