namespace CxAsCode.Deployment;

/// <summary>The kinds of HTTP write a deploy sends; each has a known compensation.</summary>
public enum WriteOperation
{
    /// <summary>POST a new object. Undone by deleting it.</summary>
    Create,

    /// <summary>PUT an object. Undone by putting the pre-image back.</summary>
    Update,

    /// <summary>
    /// Bring a deleted user back with its id (PATCH <c>{state: active, version}</c>, genesys-api.md §6), then write
    /// the rest of its change. Undone by deleting it again.
    /// </summary>
    Restore,

    /// <summary>DELETE an object. Undone by creating it again from the pre-image.</summary>
    Delete,

    /// <summary>POST entries to a sub-resource list (queue wrap-up codes). Undone by removing them.</summary>
    AddMembers,

    /// <summary>DELETE one entry of a sub-resource list. Undone by adding it back.</summary>
    RemoveMember,

    /// <summary>
    /// POST the object to another division (<c>/api/v2/authorization/divisions/{id}/objects/{type}</c>): a
    /// queue's PUT leaves its division as it was. Undone by moving it back.
    /// </summary>
    MoveDivision,

    /// <summary>
    /// POST <c>/api/v2/flows/actions/unlock?flow={id}</c>: end someone's lock on a flow so it can be published
    /// (<c>--force-unlock</c> only). Cannot be undone: a lock cannot be handed back to its holder; a rollback
    /// says so, and who held it.
    /// </summary>
    Unlock,
}
