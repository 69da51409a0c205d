using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// A write made of several requests (a user's fields, then its skills, then its languages) failed after part of
/// it applied: the journal records it as applied with <see cref="After"/>, so a rollback undoes that part too.
/// </summary>
public sealed class PartiallyAppliedException : Exception
{
    public PartiallyAppliedException()
    {
    }

    public PartiallyAppliedException(string message)
        : base(message)
    {
    }

    public PartiallyAppliedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PartiallyAppliedException(string message, JObject after, Exception innerException)
        : base(message, innerException) => After = after;

    /// <summary>The object as the applied part left it (as far as the writer knows).</summary>
    public JObject? After { get; }
}
