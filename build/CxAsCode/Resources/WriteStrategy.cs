namespace CxAsCode.Resources;

/// <summary>How the API lets us change an existing object of a kind.</summary>
public enum WriteStrategy
{
    /// <summary>Not managed: read only, referenced by name (divisions).</summary>
    ReadOnly,

    /// <summary>No update endpoint: a change of a managed field is a delete then a create (skills).</summary>
    CreateDelete,

    /// <summary>Full replace with PUT; fields we do not manage are carried over from the live object.</summary>
    Put,

    /// <summary>
    /// Content through Architect import jobs, which create or update a flow and publish it (flows,
    /// genesys-api.md §3): the YAML carries name, description and division; a delete is the API's soft delete.
    /// </summary>
    ArchitectJob,

    /// <summary>
    /// PATCH with the object's current <c>version</c> (a stale one is 409), and list-valued parts through their own
    /// bulk endpoints (users, genesys-api.md §3, §4): a user's write is a short sequence under one journal entry.
    /// </summary>
    Patch,
}
