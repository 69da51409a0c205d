using Newtonsoft.Json.Linq;

namespace CxAsCode.Extraction;

/// <summary>
/// What one read of an object by id saw. The three answers mean different things on an eventually
/// consistent platform: <see cref="Missing"/> (404) right after a create is lag, while
/// <see cref="MarkedDeleted"/> (a skill's <c>state: deleted</c>) is the platform saying so itself.
/// </summary>
internal sealed record LiveRead(JObject? Object, bool MarkedDeleted)
{
    public static LiveRead NotFound { get; } = new(null, false);

    /// <summary>The object is there and not deleted.</summary>
    public bool Exists => Object is not null && !MarkedDeleted;

    /// <summary>The API answered 404 (or 410).</summary>
    public bool Missing => Object is null;
}
