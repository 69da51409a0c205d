namespace CxAsCode.Configuration;

/// <summary>Genesys Cloud regions (the Terraform provider's names) and their domains.</summary>
public static class Regions
{
    public const string Default = "us-east-1";

    public static IReadOnlyDictionary<string, string> Domains { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["us-east-1"] = "mypurecloud.com",
        ["eu-west-1"] = "mypurecloud.ie",
        ["eu-central-1"] = "mypurecloud.de",
        ["ap-northeast-1"] = "mypurecloud.jp",
        ["ap-southeast-2"] = "mypurecloud.com.au",
        ["us-west-2"] = "usw2.pure.cloud",
        ["ca-central-1"] = "cac1.pure.cloud",
        ["ap-northeast-2"] = "apne2.pure.cloud",
        ["eu-west-2"] = "euw2.pure.cloud",
        ["ap-south-1"] = "aps1.pure.cloud",
        ["us-east-2"] = "use2.us-gov-pure.cloud",
        ["sa-east-1"] = "sae1.pure.cloud",
        ["me-central-1"] = "mec1.pure.cloud",
        ["ap-northeast-3"] = "apne3.pure.cloud",
        ["eu-central-2"] = "euc2.pure.cloud",
        ["mx-central-1"] = "mxc1.pure.cloud",
        ["ap-southeast-1"] = "apse1.pure.cloud",
        ["eusc-de-east-1"] = "edee1.eusc-pure.cloud",
    };

    /// <summary>The domain for a region name, or for a domain given directly (<c>mypurecloud.ie</c>).</summary>
    public static string DomainFor(string region) =>
        Domains.TryGetValue(region, out var domain) ? domain
        : Domains.Values.Contains(region, StringComparer.OrdinalIgnoreCase) ? region.ToLowerInvariant()
        : throw new ConfigurationException($"GENESYSCLOUD_REGION '{region}' is not a Genesys Cloud region; use one of: {string.Join(", ", Domains.Keys)}.");
}
