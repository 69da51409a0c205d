using System.Text;
using CxAsCode.Resources;
using CxAsCode.State;
using CxAsCode.Tests.TestData;

namespace CxAsCode.Tests.State;

public class StateFileReaderTests
{
    private StateFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = StateFolder.Empty();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private (Newtonsoft.Json.Linq.JObject? Content, IReadOnlyList<(string Path, string Message)> Problems) Read(byte[] bytes)
    {
        var path = _folder.PathOf("file.json");
        File.WriteAllBytes(path, bytes);
        return StateFileReader.Read(path);
    }

    private (Newtonsoft.Json.Linq.JObject? Content, IReadOnlyList<(string Path, string Message)> Problems) Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    [Test]
    public void Read_StrictJsonObject_ReturnsItWithoutProblems()
    {
        var (content, problems) = Read("{\"name\": \"Billing\", \"description\": \"Tarifs – été ☀\"}\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That((string?)content!["description"], Is.EqualTo("Tarifs – été ☀"));
        }
    }

    [Test]
    public void Read_Utf8ByteOrderMark_IsAccepted()
    {
        var (content, problems) = Read([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("{\"name\": \"Billing\"}")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That((string?)content!["name"], Is.EqualTo("Billing"));
        }
    }

    [TestCase(new byte[] { 0xFF })]
    [TestCase(new byte[] { 0xC3 })]
    [TestCase(new byte[] { 0xC0, 0xAF })]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 })]
    [TestCase(new byte[] { 0xE9 })]
    public void Read_InvalidUtf8_IsAProblemWithItsLine(byte[] bad)
    {
        var (content, problems) = Read([.. Encoding.UTF8.GetBytes("{\n  \"name\": \"Billing\",\n  \"description\": \"caf"), .. bad, .. Encoding.UTF8.GetBytes("\"\n}\n")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(content, Is.Null);
            Assert.That(problems.Select(p => p.Path), Is.EqualTo(new[] { "$" }));
            Assert.That(problems[0].Message, Does.StartWith("not valid UTF-8 at line 3, byte 22 ").And.EndWith("save the file as UTF-8"));
        }
    }

    [Test]
    public void Read_DuplicateKeys_ReportsEachWithItsPath()
    {
        var (content, problems) = Read("""
            {
              "name": "Billing Support",
              "acwSettings": {"timeoutMs": 30000, "wrapupPrompt": "OPTIONAL", "timeoutMs": 60000},
              "bullseye": {"rings": [{}, {"expansionCriteria": [{"type": "TIMEOUT_SECONDS", "threshold": 1, "type": "X"}]}]},
              "name": "Billing"
            }
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(content, Is.Null);
            Assert.That(problems.Select(p => p.Path), Is.EqualTo(new[]
            {
                "$.acwSettings.timeoutMs",
                "$.bullseye.rings[1].expansionCriteria[0].type",
                "$.name",
            }));
            Assert.That(problems[0].Message, Is.EqualTo("the key 'timeoutMs' appears more than once in this object; JSON readers keep only one of them, so give it once"));
        }
    }

    [Test]
    public void Read_SameKeyInDifferentObjectsOrDifferingInCase_IsNoDuplicate()
    {
        var (content, problems) = Read("""{"name": "Q", "a": {"name": "x"}, "b": [{"name": 1}, {"name": 2}], "Name": "q"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That(content, Is.Not.Null);
        }
    }

    [Test]
    public void Read_DuplicateKeyWithAnOddName_UsesABracketedPath()
    {
        var (_, problems) = Read("""{"references": {"divisions": {"Home Office": "A", "Home Office": "B"}}}""");

        Assert.That(problems.Select(p => p.Path), Is.EqualTo(new[] { "$.references.divisions['Home Office']" }));
    }

    [Test]
    public void Read_FileOverTheLimit_IsRefusedWithoutParsing()
    {
        // Not even JSON: the size alone decides, so a huge file costs no parse.
        var (content, problems) = Read(new byte[FieldLimits.StateFileMaxBytes + 1]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(content, Is.Null);
            Assert.That(problems, Is.EqualTo(new[] { ("$", "the file is 1,048,577 bytes; state and mappings files are limited to 1,048,576 bytes (1 MiB) and are not read past that") }));
        }
    }

    [Test]
    public void Read_FileExactlyAtTheLimit_IsRead()
    {
        var head = "{\"name\": \"Billing\", \"description\": \"";
        var tail = "\"}";
        var text = head + new string('x', FieldLimits.StateFileMaxBytes - head.Length - tail.Length) + tail;

        var (content, problems) = Read(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That(((string?)content!["description"])!, Has.Length.EqualTo(FieldLimits.StateFileMaxBytes - head.Length - tail.Length));
        }
    }

    [Test]
    public void Read_NestingDeeperThanTheReaderAllows_IsMalformed()
    {
        var (content, problems) = Read("{\"a\": " + string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)) + "}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(content, Is.Null);
            Assert.That(problems.Select(p => p.Message), Has.One.StartsWith("malformed JSON at line 1"));
        }
    }

    [TestCase("{\"n\": 1e400}")]
    [TestCase("{\"n\": -1e400}")]
    public void Read_NumberBeyondWhatCanBeHeld_IsMalformedNotACrash(string text)
    {
        var (content, problems) = Read(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(content, Is.Null);
            Assert.That(problems.Select(p => p.Message), Has.One.StartsWith("malformed JSON at line 1"));
        }
    }
}
