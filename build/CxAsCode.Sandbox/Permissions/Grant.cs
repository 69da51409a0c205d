using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Permissions;

/// <summary>Part of a role: permissions held in one division (by id or name) or in all of them (<c>*</c>).
/// Permissions are <c>domain:entity:action</c>; a <c>*</c> segment matches anything from there on, so
/// <c>routing:queue:*</c> holds every queue action and <c>*</c> holds everything.</summary>
internal sealed record Grant(string Division, IReadOnlyList<string> Permissions)
{
    public bool InAllDivisions => Division == DivisionScope.AllDivisions;

    public bool Holds(string permission) => Permissions.Any(pattern => Matches(pattern, permission));

    /// <summary>Whether this grant applies in <paramref name="divisionId"/>; an object in all divisions
    /// (<c>*</c>) needs a grant in all divisions.</summary>
    public bool Covers(string? divisionId, Org org)
    {
        if (InAllDivisions)
        {
            return true;
        }

        if (divisionId is null or DivisionScope.AllDivisions)
        {
            return false;
        }

        var division = org.FindDivision(divisionId);
        return string.Equals(Division, divisionId, StringComparison.OrdinalIgnoreCase)
            || (division is not null && string.Equals(Division, division.Str("name"), StringComparison.OrdinalIgnoreCase));
    }

    public JObject ToJson() => new()
    {
        ["division"] = Division,
        ["permissions"] = new JArray(Permissions),
    };

    private static bool Matches(string pattern, string permission)
    {
        var wanted = pattern.Split(':');
        var actual = permission.Split(':');
        for (var i = 0; i < wanted.Length; i++)
        {
            if (wanted[i] == "*")
            {
                return true;
            }

            if (i >= actual.Length || !string.Equals(wanted[i], actual[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return wanted.Length == actual.Length;
    }
}
