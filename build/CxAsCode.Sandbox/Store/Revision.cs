using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>One version of an object and when each view of the platform starts showing it. Genesys Cloud
/// is eventually consistent: a write is applied at once, but lists (and name/id filters) and GET by id
/// catch up separately. <see cref="Document"/> null means the object is gone.</summary>
/// <param name="Document">The stored object; null once it is deleted (hard delete).</param>
/// <param name="GetFrom">From this instant GET by id answers with this version.</param>
/// <param name="ListFrom">From this instant lists and filters show this version.</param>
/// <param name="ListUntil">After this instant lists stop showing it (a deleted skill drops out of the list
/// a while after its deletion); null = listed as long as it is the newest listed version.</param>
internal sealed record Revision(JObject? Document, DateTimeOffset GetFrom, DateTimeOffset ListFrom, DateTimeOffset? ListUntil = null)
{
    /// <summary>Visible in every view from the start of time: seeded and loaded objects.</summary>
    public static Revision Settled(JObject? document) => new(document, DateTimeOffset.MinValue, DateTimeOffset.MinValue);

    /// <summary>When every view shows this version for good (older versions can then be forgotten).</summary>
    public DateTimeOffset SettledAt
    {
        get
        {
            var settled = GetFrom > ListFrom ? GetFrom : ListFrom;
            return ListUntil is { } until && until > settled ? until : settled;
        }
    }

    /// <summary>The instants at which some view of the object changes because of this version.</summary>
    public IEnumerable<DateTimeOffset> Milestones()
    {
        yield return ListFrom;
        yield return GetFrom;
        if (ListUntil is { } until)
        {
            yield return until;
        }
    }

    public bool IsListedAt(DateTimeOffset now) => Document is not null && (ListUntil is not { } until || now < until);
}
