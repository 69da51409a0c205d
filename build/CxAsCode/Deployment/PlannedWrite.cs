using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>One HTTP write a deploy is about to send, with what rollback will need to undo it.</summary>
internal sealed record PlannedWrite(ResourceKind Kind, string Key, WriteOperation Operation, HttpMethod Method, string Path)
{
    public JToken? Body { get; init; }

    /// <summary>The object (or, for member writes, <c>{"members": [ids]}</c>) before the write.</summary>
    public JObject? PreImage { get; init; }

    public string? PreFingerprint { get; init; }

    public string? ObjectId { get; init; }

    /// <summary>For member writes: which list, and the member ids added or removed.</summary>
    public SubResource? Sub { get; init; }

    public IReadOnlyList<string> MemberIds { get; init; } = [];

    /// <summary>When this run created the object written to (its member lists right after): a 404 until the consistency window passes is lag.</summary>
    public DateTimeOffset? OwnerCreatedAt { get; init; }
}
