using CxAsCode.Sandbox.Store;

namespace CxAsCode.Tests.Sandbox.Store;

public sealed class OrderedIndexTests
{
    [Test]
    public void From_AfterRandomAddsAndRemoves_MatchesASortedListAtEveryRank()
    {
        var index = new OrderedIndex<int>(Comparer<int>.Default);
        var reference = new SortedSet<int>();
        var random = new Random(42);
        for (var i = 0; i < 3000; i++)
        {
            var value = random.Next(2000);
            if (reference.Add(value))
            {
                index.Add(value);
            }
            else if (random.Next(2) == 0)
            {
                reference.Remove(value);
                Assert.That(index.Remove(value), Is.True);
            }
        }

        var sorted = reference.ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.Count, Is.EqualTo(sorted.Count));
            Assert.That(index.From(0), Is.EqualTo(sorted));
            foreach (var rank in new[] { 1, 17, sorted.Count / 2, sorted.Count - 1 })
            {
                Assert.That(index.From(rank).Take(5), Is.EqualTo(sorted.Skip(rank).Take(5)), $"rank {rank}");
            }

            Assert.That(index.From(sorted.Count), Is.Empty);
            Assert.That(index.Remove(-1), Is.False);
        }
    }

    [Test]
    public void From_ListKeys_OrderByNameIgnoringCaseThenById()
    {
        var index = new OrderedIndex<ListKey>(ListKey.Order);
        foreach (var key in new ListKey[] { new("beta", "2"), new("Alpha", "9"), new("alpha", "1"), new("Gamma", "0") })
        {
            index.Add(key);
        }

        Assert.That(index.From(0).Select(k => k.Id), Is.EqualTo(new[] { "1", "9", "2", "0" }));
    }
}
