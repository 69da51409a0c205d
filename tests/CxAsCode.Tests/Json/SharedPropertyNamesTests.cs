using CxAsCode.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Json;

public class SharedPropertyNamesTests
{
    [Test]
    public void Parse_TheSameFieldInTwoDocuments_IsOneString()
    {
        var first = (JObject)CanonicalJson.Parse("""{"skillEvaluationMethod": "BEST"}""");
        var second = (JObject)CanonicalJson.Parse(new MemoryStream("""{"skillEvaluationMethod": "ALL"}"""u8.ToArray()))!;

        Assert.That(ReferenceEquals(first.Properties().Single().Name, second.Properties().Single().Name), Is.True);
    }

    [Test]
    public void Parse_AVeryLongName_IsReadButNotKept()
    {
        var name = new string('k', 500);

        var first = (JObject)CanonicalJson.Parse($$"""{"{{name}}": 1}""");
        var second = (JObject)CanonicalJson.Parse($$"""{"{{name}}": 2}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Properties().Single().Name, Is.EqualTo(name));
            Assert.That(ReferenceEquals(first.Properties().Single().Name, second.Properties().Single().Name), Is.False);
        }
    }
}
