namespace CxAsCode.Sandbox.Store;

/// <summary>Fixed ids written to <c>createdBy</c>/<c>modifiedBy</c>, so a test (or a drift report) can tell
/// a write made through the API from an out-of-band edit "in the UI".</summary>
internal static class Actors
{
    /// <summary>The OAuth client that calls the API.</summary>
    public const string ApiClient = "5a1d7c3e-0b6f-4e2a-9c1d-000000000001";

    /// <summary>A person editing in the Genesys Cloud UI (seed data and <c>POST /sandbox/edit</c>).</summary>
    public const string UiUser = "5a1d7c3e-0b6f-4e2a-9c1d-000000000002";
}
