namespace CxAsCode.Sandbox.Store;

/// <summary>Who made a change and when: written into the server-managed fields of the object.</summary>
internal readonly record struct Stamp(string ActorId, string Timestamp);
