using CxAsCode.Http;

namespace CxAsCode.Tests.Http;

public sealed class RequestCounterTests
{
    [Test]
    public void Count_SeveralMethods_CountsEachSeparately()
    {
        var counter = new RequestCounter();

        counter.Count(HttpMethod.Get);
        counter.Count(HttpMethod.Get);
        counter.Count(HttpMethod.Get);
        counter.Count(HttpMethod.Post);
        counter.Count(HttpMethod.Put);
        counter.Count(HttpMethod.Delete);
        counter.Count(HttpMethod.Delete);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(counter.Of("GET"), Is.EqualTo(3));
            Assert.That(counter.Of("POST"), Is.EqualTo(1));
            Assert.That(counter.Of("PUT"), Is.EqualTo(1));
            Assert.That(counter.Of("DELETE"), Is.EqualTo(2));
            Assert.That(counter.Of("PATCH"), Is.Zero);
            Assert.That(counter.Total, Is.EqualTo(7));
            Assert.That(counter.Writes, Is.EqualTo(4));
            Assert.That(counter.ToString(), Is.EqualTo("2 DELETE, 3 GET, 1 POST, 1 PUT"));
        }
    }

    [Test]
    public void ToString_NothingCounted_SaysNoRequests()
    {
        var counter = new RequestCounter();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(counter.ToString(), Is.EqualTo("no requests"));
            Assert.That(counter.Total, Is.Zero);
            Assert.That(counter.Writes, Is.Zero);
        }
    }

    [Test]
    public async Task Count_FromManyThreads_LosesNothing()
    {
        var counter = new RequestCounter();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                counter.Count(HttpMethod.Post);
            }
        })));

        Assert.That(counter.Of("POST"), Is.EqualTo(8000));
    }
}
