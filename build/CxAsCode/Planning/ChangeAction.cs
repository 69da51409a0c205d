namespace CxAsCode.Planning;

/// <summary>What a plan does to one object.</summary>
public enum ChangeAction
{
    /// <summary>In state, not live: create it.</summary>
    Create,

    /// <summary>In both, different: update it in place.</summary>
    Update,

    /// <summary>In both, different, and the kind has no update endpoint: delete, then create.</summary>
    Replace,

    /// <summary>In state, deleted in the org where the API keeps it (users): bring it back with its id, then update it.</summary>
    Restore,

    /// <summary>Live only, and <c>--prune</c> was given: delete it.</summary>
    Delete,

    /// <summary>Live only, without <c>--prune</c>: reported, never touched.</summary>
    Unmanaged,
}
