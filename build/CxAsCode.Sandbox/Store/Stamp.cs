namespace CxAsCode.Sandbox.Store;

/// <summary>Who made a change and when: written into the server-managed fields of the object.</summary>
internal readonly record struct Stamp(string ActorId, string Timestamp)
{
    public static Stamp Api(SandboxClock clock) => new(Actors.ApiClient, clock.NowIso());

    public static Stamp Ui(SandboxClock clock) => new(Actors.UiUser, clock.NowIso());
}
