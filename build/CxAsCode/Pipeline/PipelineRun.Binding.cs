using CxAsCode.Configuration;
using CxAsCode.Http;
using CxAsCode.Planning;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Pipeline;

/// <summary>Which org this run is pointed at, and the refusal of plans and journals made for another one.</summary>
public sealed partial class PipelineRun
{
    /// <summary>Where this run applies: its environment, and the org and API host Auth found. Null before Auth.</summary>
    public OrgBinding? Binding { get; private set; }

    /// <summary>The org's display name, for the log.</summary>
    public string? OrgName { get; private set; }

    private OrgBinding CurrentBinding => Binding ?? throw new InvalidOperationException("Auth has not run.");

    /// <summary>
    /// One read, once per run: <c>GET /api/v2/organizations/me</c> (any authenticated client may call it).
    /// The org id is what plans and journals record, so they can only ever be applied to this org.
    /// </summary>
    private async Task ReadOrganizationAsync()
    {
        const string path = "/api/v2/organizations/me";
        var organization = await Client.GetAsync(path, CancellationToken.None) as JObject;
        var id = (string?)organization?["id"];
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ApiException($"GET {path} answered without an org id: without it this run cannot tell which org it is pointed at, so it stops here.");
        }

        OrgName = (string?)organization!["name"];
        Binding = new OrgBinding(Options.Environment, id, _connection!.ApiBase.Authority);
    }

    /// <summary>Refuses, before any write, a plan or journal recorded for another environment or org.</summary>
    /// <param name="what">What is checked, as the message should name it (<c>The plan in plan.json</c>).</param>
    /// <param name="recorded">Where it was made; null when it does not say.</param>
    /// <param name="advice">What to do instead.</param>
    private void RequireMadeHere(string what, OrgBinding? recorded, string advice)
    {
        var current = CurrentBinding;
        if (recorded is null)
        {
            throw new ConfigurationException($"{what} does not record the environment and org it was made for, so it cannot be checked against this run ({current}): refused, nothing was sent. {advice}");
        }

        if (!recorded.Matches(current))
        {
            throw new ConfigurationException($"{what} was made for {recorded}, and this run is for {current}: refused, nothing was sent. {advice}");
        }
    }
}
