using System.Text;
using CxAsCode.Json;
using CxAsCode.Tests.TestData;
using CxAsCode.Validation;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Validation;

public class JsonSizeTests
{
    [TestCase("{}")]
    [TestCase("[]")]
    [TestCase("""{"a": [1, 2.5, -3, true, false, null, "x"], "b": {"c": "été ☀"}, "d": []}""")]
    [TestCase("""[{"name": "Q"}, {"name": "R", "n": 12345678901234567890123}]""")]
    public void Of_JsonWithoutEscapes_IsItsCompactUtf8Length(string json)
    {
        var token = CanonicalJson.Parse(json);

        Assert.That(JsonSize.Of(token), Is.EqualTo(Encoding.UTF8.GetByteCount(token.ToString(Newtonsoft.Json.Formatting.None))));
    }

    [Test]
    public void Of_EverySampleStateFile_IsItsCompactUtf8Length()
    {
        var files = Directory.GetFiles(Path.Combine(StateFolder.RepositoryRoot, "state", "dev"), "*.json", SearchOption.AllDirectories);

        Assert.That(files.Select(f => CanonicalJson.Parse(File.ReadAllText(f))).Select(t => JsonSize.Of(t) - Encoding.UTF8.GetByteCount(CanonicalJson.Compact(t))), Has.All.Zero);
    }
}
