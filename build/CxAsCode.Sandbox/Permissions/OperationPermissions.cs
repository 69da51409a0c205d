using System.Text.RegularExpressions;
using CxAsCode.Sandbox.Contract;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Permissions;

/// <summary>The permissions each real operation requires, read from the SDK contract embedded in the
/// assembly (build/contract/genesys-operations.json, extracted from the official .NET SDK's API docs, e.g.
/// <c>PUT /api/v2/routing/queues/{queueId}</c> requires ANY of <c>routing:queue:edit</c>). Operations the
/// contract does not list (<c>/api/v2/organizations/me</c>) require nothing.</summary>
internal static partial class OperationPermissions
{
    private static readonly Lazy<Dictionary<string, PermissionRequirement>> ByOperation = new(Load);

    /// <summary>The requirement of <paramref name="method"/> on the route <paramref name="routeTemplate"/>
    /// (parameter names do not matter: <c>{id}</c> matches <c>{queueId}</c>).</summary>
    public static PermissionRequirement For(string method, string routeTemplate) =>
        ByOperation.Value.GetValueOrDefault(Key(method, routeTemplate)) ?? PermissionRequirement.None;

    private static Dictionary<string, PermissionRequirement> Load()
    {
        var operations = ContractResources.Read("genesys-operations.json")["operations"] as JArray ?? [];
        var byOperation = new Dictionary<string, PermissionRequirement>(StringComparer.Ordinal);
        foreach (var operation in operations.OfType<JObject>())
        {
            var permissions = operation["permissions"] as JObject;
            byOperation[Key(operation.Str("method") ?? string.Empty, operation.Str("path") ?? string.Empty)] = new PermissionRequirement(
                permissions?.Str("mode") ?? "NONE",
                [.. (permissions?["list"] as JArray ?? []).Select(p => (string?)p).OfType<string>()]);
        }

        return byOperation;
    }

    private static string Key(string method, string path) =>
        method.ToUpperInvariant() + " " + Parameter().Replace(path.TrimEnd('/'), "{}");

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
