using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// <c>POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}</c> with a JSON array of object
/// ids: how the platform moves a queue to another division (its PUT leaves the division as it was).
/// </summary>
internal static partial class DivisionMoves
{
    public static string Path(string divisionId, string objectType) =>
        $"/api/v2/authorization/divisions/{Uri.EscapeDataString(divisionId)}/objects/{objectType}";

    /// <summary>The division a move write sends the object to, from its path.</summary>
    public static string TargetOf(string path) =>
        Uri.UnescapeDataString(MovePath().Match(path) is { Success: true } match ? match.Groups[1].Value : throw new ArgumentException($"Not a division move: {path}", nameof(path)));

    /// <summary>The id of the division an object (as the API returns it) is in.</summary>
    public static string? DivisionOf(JObject? raw) => (string?)raw?["division"]?["id"];

    [GeneratedRegex("^/api/v2/authorization/divisions/([^/]+)/objects/[^/]+$")]
    private static partial Regex MovePath();
}
