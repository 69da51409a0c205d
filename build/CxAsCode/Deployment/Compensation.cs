namespace CxAsCode.Deployment;

/// <summary>How rollback dealt with one applied write.</summary>
public sealed record Compensation(int Seq, string Kind, string Key, WriteOperation Undid, WriteStatus Status, string Detail);
