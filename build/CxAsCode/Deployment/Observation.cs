namespace CxAsCode.Deployment;

/// <summary>
/// One read's answer to a question (did our write apply? is our write still in place?), with how far it can
/// be believed. <see cref="Key"/> identifies the state seen, so two <see cref="Trust.Stable"/> reads can be
/// compared; <see cref="Reason"/> says in words what was seen, for the report when it stays unsure.
/// </summary>
internal sealed record Observation<T>(Trust Trust, T Value, string Reason, string Key = "")
{
    public static Observation<T> Settled(T value, string reason) => new(Trust.Settled, value, reason);

    public static Observation<T> Stable(T value, string reason, string key) => new(Trust.Stable, value, reason, key);

    public static Observation<T> Tentative(T value, string reason) => new(Trust.Tentative, value, reason);

    public static Observation<T> Unclear(T value, string reason) => new(Trust.Unclear, value, reason);
}
