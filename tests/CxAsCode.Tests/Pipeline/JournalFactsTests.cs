using CxAsCode.Deployment;
using CxAsCode.Pipeline;

namespace CxAsCode.Tests.Pipeline;

public sealed class JournalFactsTests
{
    [Test]
    public void MayHaveChangedTheOrg_EmptyJournal_False() =>
        Assert.That(JournalFacts.MayHaveChangedTheOrg([]), Is.False);

    [Test]
    public void MayHaveChangedTheOrg_EveryWriteRefused_False() =>
        Assert.That(JournalFacts.MayHaveChangedTheOrg([Intent(1), Outcome(1, WriteStatus.Failed), Intent(2), Outcome(2, WriteStatus.Failed)]), Is.False);

    [TestCase(WriteStatus.Applied)]
    [TestCase(WriteStatus.Unknown)]
    public void MayHaveChangedTheOrg_AWriteAppliedOrUnknown_True(WriteStatus status) =>
        Assert.That(JournalFacts.MayHaveChangedTheOrg([Intent(1), Outcome(1, WriteStatus.Failed), Intent(2), Outcome(2, status)]), Is.True);

    [Test]
    public void MayHaveChangedTheOrg_IntentWithoutOutcome_True() =>
        Assert.That(JournalFacts.MayHaveChangedTheOrg([Intent(1)]), Is.True);

    [Test]
    public void MayHaveChangedTheOrg_UnknownSettledAsNotApplied_False() =>
        Assert.That(JournalFacts.MayHaveChangedTheOrg([Intent(1), Outcome(1, WriteStatus.Unknown), Outcome(1, WriteStatus.Failed)]), Is.False);

    private static JournalEntry Intent(int seq) =>
        new() { Seq = seq, Phase = JournalPhase.Intent, Kind = "queues", Key = "Sales", Operation = WriteOperation.Update };

    private static JournalEntry Outcome(int seq, WriteStatus status) => Intent(seq) with { Phase = JournalPhase.Outcome, Status = status };
}
