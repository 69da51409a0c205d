namespace CxAsCode.Deployment;

/// <summary>
/// Where a user delete's pre-image keeps the queues the user was a member of (the platform drops a deleted user
/// from every queue, genesys-api.md §6): a rollback that restores the user adds it back to each.
/// </summary>
internal static class UserQueues
{
    public const string Field = "queueMemberships";
}
