using CxAsCode.Configuration;

namespace CxAsCode.Tests.Configuration;

public sealed class NearestNameTests
{
    [TestCase("", "", 0)]
    [TestCase("abc", "", 3)]
    [TestCase("kitten", "sitting", 3)]
    [TestCase("prune", "prnue", 2)]
    [TestCase("env", "env", 0)]
    public void Distance_TwoWords_IsTheLevenshteinDistance(string a, string b, int expected) =>
        Assert.That(NearestName.Distance(a, b), Is.EqualTo(expected));

    [TestCase("enviroment", "env")]
    [TestCase("PRUNE", "prune")]
    [TestCase("jurnal", "journal")]
    [TestCase("comit", "commit")]
    public void Suggest_CloseWord_ReturnsTheKnownName(string typed, string expected) =>
        Assert.That(NearestName.Suggest(typed, ["env", "prune", "journal", "commit", "confirm"]), Is.EqualTo(expected));

    [TestCase("x")]
    [TestCase("completely-different")]
    public void Suggest_NothingClose_ReturnsNull(string typed) =>
        Assert.That(NearestName.Suggest(typed, ["env", "prune", "journal"]), Is.Null);
}
