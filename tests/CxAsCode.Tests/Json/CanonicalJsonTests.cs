using System.Text;
using CxAsCode.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Json;

public class CanonicalJsonTests
{
    [Test]
    public void Parse_ValueAfterATrailingComment_IsRejected() =>
        Assert.That(() => CanonicalJson.Parse("{\"a\":1} /* c */ {\"b\":2}"), Throws.InstanceOf<Newtonsoft.Json.JsonReaderException>());

    [Test]
    public void Serialize_UnsortedNestedKeys_SortsKeysAtEveryLevel()
    {
        var token = JObject.Parse("""{"b": {"z": 1, "a": [{"y": 2, "x": 3}]}, "a": true}""");

        var text = CanonicalJson.Serialize(token);

        Assert.That(text, Is.EqualTo("{\n  \"a\": true,\n  \"b\": {\n    \"a\": [\n      {\n        \"x\": 3,\n        \"y\": 2\n      }\n    ],\n    \"z\": 1\n  }\n}\n"));
    }

    [Test]
    public void Serialize_KeysDifferingInCase_SortsOrdinally()
    {
        var token = JObject.Parse("""{"b": 1, "B": 2, "a": 3, "_": 4}""");

        Assert.That(CanonicalJson.Compact(token), Is.EqualTo("""{"B":2,"_":4,"a":3,"b":1}"""));
    }

    [Test]
    public void Serialize_NullValues_DropsThemAtEveryLevel()
    {
        var token = JObject.Parse("""{"a": null, "b": {"c": null, "d": 1}, "e": [{"f": null}]}""");

        Assert.That(CanonicalJson.Compact(token), Is.EqualTo("""{"b":{"d":1},"e":[{}]}"""));
    }

    [Test]
    public void Serialize_ArrayElementOrder_IsKept()
    {
        var token = JObject.Parse("""{"list": ["b", "a", "c"]}""");

        Assert.That(CanonicalJson.Compact(token), Is.EqualTo("""{"list":["b","a","c"]}"""));
    }

    [Test]
    public void Serialize_Object_UsesLfTwoSpaceIndentAndOneTrailingNewline()
    {
        var text = CanonicalJson.Serialize(JObject.Parse("""{"outer": {"inner": "x"}}"""));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Not.Contain("\r"));
            Assert.That(text, Does.EndWith("}\n"));
            Assert.That(text, Does.Not.EndWith("\n\n"));
            Assert.That(text.Split('\n'), Does.Contain("  \"outer\": {"));
            Assert.That(text.Split('\n'), Does.Contain("    \"inner\": \"x\""));
            Assert.That(text, Does.Not.Contain("\t"));
        }
    }

    [Test]
    public void Serialize_SameContentInDifferentKeyOrder_GivesIdenticalBytes()
    {
        var first = JObject.Parse("""{"name": "Billing", "acwSettings": {"timeoutMs": 1, "wrapupPrompt": "OPTIONAL"}, "x": null}""");
        var second = JObject.Parse("""{"acwSettings": {"wrapupPrompt": "OPTIONAL", "timeoutMs": 1}, "name": "Billing"}""");

        Assert.That(Encoding.UTF8.GetBytes(CanonicalJson.Serialize(second)), Is.EqualTo(Encoding.UTF8.GetBytes(CanonicalJson.Serialize(first))));
    }

    [Test]
    public void Serialize_SameInputTwice_GivesIdenticalBytes()
    {
        var token = JObject.Parse("""{"name": "Heat Pump 🔥 Advice", "n": 0.8, "list": [3, 1], "d": "2025-01-02T03:04:05Z"}""");

        var first = Encoding.UTF8.GetBytes(CanonicalJson.Serialize(token));
        var second = Encoding.UTF8.GetBytes(CanonicalJson.Serialize(token));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Serialize_ParsedBackAndSerializedAgain_IsAFixedPoint()
    {
        var text = CanonicalJson.Serialize(JObject.Parse("""{"b": [1, {"d": 2.5, "c": "x"}], "a": "2025-01-02T03:04:05.000Z"}"""));

        Assert.That(CanonicalJson.Serialize(CanonicalJson.Parse(text)), Is.EqualTo(text));
    }

    [Test]
    public void Canonicalize_Input_IsNotModified()
    {
        var token = JObject.Parse("""{"b": 1, "a": null}""");

        CanonicalJson.Canonicalize(token);

        Assert.That(token.ToString(Formatting.None), Is.EqualTo("""{"b":1,"a":null}"""));
    }

    [Test]
    public void Hash_SameContentInDifferentKeyOrder_IsEqual()
    {
        var first = JObject.Parse("""{"a": 1, "b": {"c": 2, "d": [1, 2]}}""");
        var second = JObject.Parse("""{"b": {"d": [1, 2], "c": 2}, "a": 1, "e": null}""");

        Assert.That(CanonicalJson.Hash(second), Is.EqualTo(CanonicalJson.Hash(first)));
    }

    [Test]
    public void Hash_DifferentValue_Differs()
    {
        var first = JObject.Parse("""{"a": 1}""");
        var second = JObject.Parse("""{"a": 2}""");

        Assert.That(CanonicalJson.Hash(second), Is.Not.EqualTo(CanonicalJson.Hash(first)));
    }

    [Test]
    public void Hash_DifferentArrayOrder_Differs()
    {
        Assert.That(CanonicalJson.Hash(JArray.Parse("[1, 2]")), Is.Not.EqualTo(CanonicalJson.Hash(JArray.Parse("[2, 1]"))));
    }

    [Test]
    public void Hash_Object_IsLowerCaseSha256HexOfCompactText()
    {
        var hash = CanonicalJson.Hash(JObject.Parse("""{"b": 1, "a": 2}"""));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hash, Does.Match("^[0-9a-f]{64}$"));
            Assert.That(hash, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("""{"a":2,"b":1}""")))));
        }
    }

    [Test]
    public void Parse_IsoDate_StaysAString()
    {
        var token = CanonicalJson.Parse("""{"dateModified": "2025-01-02T03:04:05.000Z"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(token["dateModified"]!.Type, Is.EqualTo(JTokenType.String));
            Assert.That((string?)token["dateModified"], Is.EqualTo("2025-01-02T03:04:05.000Z"));
            Assert.That(CanonicalJson.Compact(token), Is.EqualTo("""{"dateModified":"2025-01-02T03:04:05.000Z"}"""));
        }
    }

    [Test]
    public void Serialize_WholeNumberWithADecimalPoint_IsWrittenWithoutIt()
    {
        var parsed = CanonicalJson.Parse("""{"durationMs": 20000.0, "percentage": 0.8, "ratio": 1.50, "double": 3.0}""");
        parsed["double"] = 3.0d;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(CanonicalJson.Compact(parsed), Is.EqualTo("""{"double":3,"durationMs":20000,"percentage":0.8,"ratio":1.50}"""));
            Assert.That(CanonicalJson.IsCanonical(parsed), Is.False, "20000.0 is not canonical");
            Assert.That(CanonicalJson.Compact(CanonicalJson.CanonicalizeInPlace(parsed)), Is.EqualTo(CanonicalJson.Compact(parsed)));
            Assert.That(CanonicalJson.IsCanonical(parsed), Is.True);
            Assert.That(CanonicalJson.Hash(CanonicalJson.Parse("""{"n": 20000.0}""")), Is.EqualTo(CanonicalJson.Hash(CanonicalJson.Parse("""{"n": 20000}"""))));
            Assert.That(CanonicalJson.Compact(CanonicalJson.Parse("""{"beyondLong": 1e20}""")), Is.EqualTo("""{"beyondLong":100000000000000000000.0}"""), "too large for a whole-number value: kept as it is");
        }
    }

    [Test]
    public void Parse_DecimalNumber_KeepsItsDigits()
    {
        var token = CanonicalJson.Parse("""{"percentage": 0.1, "big": 12345678901234567.5}""");

        Assert.That(CanonicalJson.Compact(token), Is.EqualTo("""{"big":12345678901234567.5,"percentage":0.1}"""));
    }

    [TestCase("{} {}")]
    [TestCase("{\"a\": 1} []")]
    [TestCase("{\"a\": 1}\n\"x\"")]
    [TestCase("{\"a\": 1} x")]
    public void Parse_TrailingContent_Throws(string text)
    {
        Assert.That(() => CanonicalJson.Parse(text), Throws.InstanceOf<JsonReaderException>());
    }

    [Test]
    public void Parse_TrailingContent_MessageNamesLineAndPosition()
    {
        Assert.That(() => CanonicalJson.Parse("{\"a\": 1}\n{}"),
            Throws.InstanceOf<JsonReaderException>().With.Message.Contains("line 2"));
    }

    [TestCase("{\"a\": 1}\n")]
    [TestCase("  {\"a\": 1}  \n\n")]
    [TestCase("{\"a\": 1} // trailing comment")]
    public void Parse_TrailingWhiteSpaceOrComment_IsAccepted(string text)
    {
        Assert.That((int?)CanonicalJson.Parse(text)["a"], Is.EqualTo(1));
    }

    [TestCase("")]
    [TestCase("{\"a\": ")]
    [TestCase("{\"a\" 1}")]
    public void Parse_Incomplete_Throws(string text)
    {
        Assert.That(() => CanonicalJson.Parse(text), Throws.InstanceOf<JsonReaderException>());
    }
}
