using CxAsCode.Planning.Rendering;

namespace CxAsCode.Tests.Planning.Rendering;

public class SafeTextTests
{
    [TestCase("plain name", "plain name")]
    [TestCase("a\nb", @"a\nb")]
    [TestCase("a\r\nb", @"a\r\nb")]
    [TestCase("tab\there", @"tab\there")]
    [TestCase("\u001b[31mred", @"\u001b[31mred")]
    [TestCase("csi\u009b2J", @"csi\u009b2J")]
    [TestCase("del\u007f", @"del\u007f")]
    [TestCase("line\u2028sep", @"line\u2028sep")]
    [TestCase("bidi\u202eevil", @"bidi\u202eevil")]
    [TestCase("%0A::x", "%0A::x")]
    [TestCase("🔥 family 👨‍👩‍👧", "🔥 family 👨‍👩‍👧")]
    public void Escape_Text_EscapesOnlyUnsafeCharacters(string text, string expected)
    {
        Assert.That(SafeText.Escape(text), Is.EqualTo(expected));
    }

    [Test]
    public void Escape_LoneSurrogate_IsEscaped()
    {
        Assert.That(SafeText.Escape("x\ud800y"), Is.EqualTo(@"x\ud800y"));
    }

    [Test]
    public void Quote_QuoteAndBackslash_AreJsonEscaped()
    {
        Assert.That(SafeText.Quote("\"; rm -rf ~ #\\"), Is.EqualTo("\"\\\"; rm -rf ~ #\\\\\""));
    }

    [Test]
    public void Truncate_LongText_EndsWithEllipsisAtMaxLength()
    {
        var cut = SafeText.Truncate(new string('a', 200), 120);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cut, Has.Length.EqualTo(120));
            Assert.That(cut, Does.EndWith("a…"));
        }
    }

    [Test]
    public void Truncate_CutInsideEmoji_KeepsThePairWhole()
    {
        var text = new string('a', 118) + "🔥🔥🔥";

        Assert.That(SafeText.Truncate(text, 120), Is.EqualTo(new string('a', 118) + "…"));
    }
}
