using CxAsCode.Sandbox.Auth;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CxAsCode.Sandbox.Permissions;

/// <summary>What the calling OAuth client may do in this request: the operation's required permissions
/// (from the contract) checked against the client's grants, division by division. Writes outside them
/// answer 403 <c>missing.permissions</c>; lists show only the divisions where the client holds them.</summary>
internal sealed class Access
{
    private const string ClientItem = "sandbox.client";

    private readonly OAuthClient? _client;
    private readonly PermissionRequirement _required;

    private Access(OAuthClient? client, PermissionRequirement required)
    {
        _client = client;
        _required = required;
    }

    /// <summary>No checks: admin edits, the seed, and the default client (it holds <c>*</c> everywhere).</summary>
    public static Access Unrestricted { get; } = new(null, PermissionRequirement.None);

    /// <summary>The calling OAuth client's id (the holder of a flow lock it takes); null for admin edits and the seed.</summary>
    public string? ClientId => _client?.Id;

    public static void SetClient(HttpContext context, OAuthClient client) => context.Items[ClientItem] = client;

    /// <summary>The access of the request's client for the endpoint that is handling it.</summary>
    public static Access Of(HttpContext context)
    {
        var client = context.Items.TryGetValue(ClientItem, out var value) ? value as OAuthClient : null;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? string.Empty;
        return new Access(client, OperationPermissions.For(context.Request.Method, route));
    }

    /// <summary>The same client, checked against another permission (a division move needs the object's
    /// edit permission, which the move operation itself does not list).</summary>
    public Access Requiring(params string[] permissions) =>
        _client is null ? this : new Access(_client, new PermissionRequirement("ALL", permissions));

    /// <summary>Throws 403 <c>missing.permissions</c> unless the client may do this operation in
    /// <paramref name="divisionId"/> (<c>*</c> = an object in all divisions).</summary>
    public void Demand(Org org, string? divisionId, string? entityId = null, string? entityName = null)
    {
        if (_client is null || _required.IsNone || Satisfied(org, divisionId))
        {
            return;
        }

        var division = org.FindDivision(divisionId);
        throw ApiErrors.MissingPermissions(
            _required.Permissions,
            divisionId,
            division?.Str("name") ?? (divisionId == DivisionScope.AllDivisions ? "all divisions" : divisionId),
            entityId,
            entityName);
    }

    /// <summary>The divisions whose objects a list shows this client; 403 when it may see none.</summary>
    public DivisionScope Scope(Org org)
    {
        if (_client is null || _required.IsNone || Satisfied(org, DivisionScope.AllDivisions))
        {
            return DivisionScope.All;
        }

        var visible = org.Divisions.Select(d => d.Str("id")!).Where(id => Satisfied(org, id)).ToList();
        if (visible.Count == 0)
        {
            throw ApiErrors.MissingPermissions(_required.Permissions, null, null, null, null);
        }

        return DivisionScope.Only(visible);
    }

    private bool Satisfied(Org org, string? divisionId)
    {
        bool Held(string permission) => _client!.Grants.Any(g => g.Holds(permission) && g.Covers(divisionId, org));
        return _required.RequiresAll ? _required.Permissions.All(Held) : _required.Permissions.Any(Held);
    }
}
