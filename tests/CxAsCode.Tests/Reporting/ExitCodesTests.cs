using CxAsCode.Reporting;

namespace CxAsCode.Tests.Reporting;

public sealed class ExitCodesTests
{
    [Test]
    public void All_Codes_AreZeroToFourInOrder() =>
        Assert.That(ExitCodes.All.Select(c => c.Code), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));

    [TestCase(2, "DryRun found changes (with --detailed-exitcode)")]
    [TestCase(3, "deploy failed and was rolled back cleanly")]
    [TestCase(7, "not an exit code this pipeline uses")]
    public void Meaning_Code_IsTheTablesTextWithoutMarkdown(int code, string meaning) =>
        Assert.That(ExitCodes.Meaning(code), Is.EqualTo(meaning));
}
