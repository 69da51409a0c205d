using CxAsCode.Deployment;
using CxAsCode.Planning;

namespace CxAsCode.Tests.Deployment;

/// <summary>The closing line: counts of changes and writes that add up, and why they differ.</summary>
public sealed class DeploySummaryTests
{
    [Test]
    public void Describe_EveryWriteApplied_SaysWhichChangeTookMoreThanOneWrite()
    {
        var changes = Changes(("skills", "Heat Pumps", ChangeAction.Create), ("queues", "Heat Pump Advice", ChangeAction.Create), ("queues", "Payments", ChangeAction.Update));
        var tally = Tally(WriteResult.Applied, WriteResult.Applied, WriteResult.Applied, WriteResult.Applied);

        var text = DeploySummary.Describe(changes, Sent(changes, 1, 2, 1), tally);

        Assert.That(text, Is.EqualTo("3 changes, 4 writes (creating queues 'Heat Pump Advice' takes 2: member lists, such as a queue's wrap-up codes, are written apart from their object)"));
    }

    [Test]
    public void Describe_StoppedPartWay_CountsAppliedFailedAndNotStarted()
    {
        var changes = Changes(("skills", "A", ChangeAction.Create), ("skills", "B", ChangeAction.Create), ("skills", "C", ChangeAction.Create));
        var tally = Tally(WriteResult.Applied, WriteResult.Failed);

        var text = DeploySummary.Describe(changes, Sent(changes, 1, 1), tally);

        Assert.That(text, Is.EqualTo("3 changes, 2 writes (1 applied, 1 failed); 1 of the changes not started"));
    }

    [Test]
    public void Describe_LostResponsesSettled_SaysHowManyAndCountsThemApplied()
    {
        var changes = Changes(("skills", "A", ChangeAction.Create), ("skills", "B", ChangeAction.Replace));
        var tally = Tally(WriteResult.Settled, WriteResult.Applied, WriteResult.Unknown);

        var text = DeploySummary.Describe(changes, Sent(changes, 1, 2), tally);

        Assert.That(text, Is.EqualTo("2 changes, 3 writes (2 applied, 1 unknown); 1 settled by reading after a lost response (replacing skills 'B' takes 2 (a delete and a create))"));
    }

    private static List<PlanEntry> Changes(params (string Kind, string Key, ChangeAction Action)[] changes) =>
        [.. changes.Select(c => new PlanEntry(c.Kind, c.Key, c.Action))];

    private static Dictionary<PlanEntry, int> Sent(List<PlanEntry> changes, params int[] writes) =>
        writes.Select((n, i) => (changes[i], n)).ToDictionary(p => p.Item1, p => p.n);

    private static WriteTally Tally(params WriteResult[] results)
    {
        var tally = new WriteTally();
        foreach (var result in results)
        {
            tally.Add(result);
        }

        return tally;
    }
}
