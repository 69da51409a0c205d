using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// A create was refused because the name is taken (400 <c>duplicate.name</c>, 409 <c>general.conflict</c>)
/// and waiting did not free it. Nothing was applied, and nothing was deleted to make room.
/// </summary>
public sealed class NameTakenException : Exception
{
    public NameTakenException()
    {
    }

    public NameTakenException(string message)
        : base(message)
    {
    }

    public NameTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal NameTakenException(string message, JObject? holder, Exception innerException)
        : base(message, innerException) => Holder = holder;

    /// <summary>The object that holds the name, when a read can see it; null when none can (lag).</summary>
    internal JObject? Holder { get; }
}
