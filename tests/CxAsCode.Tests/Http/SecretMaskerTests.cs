using System.Text;
using CxAsCode.Http;

namespace CxAsCode.Tests.Http;

public sealed class SecretMaskerTests
{
    private const string Secret = "p@ss/word+value=";

    [Test]
    public void Apply_SecretRawBase64AndUrlEncoded_MasksEveryForm()
    {
        var masker = new SecretMasker();
        masker.Add(Secret);
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret));
        var url = Uri.EscapeDataString(Secret);

        var masked = masker.Apply($"raw={Secret} b64={base64} url={url}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(masked, Is.EqualTo("raw=*** b64=*** url=***"));
            Assert.That(url, Is.Not.EqualTo(Secret), "the URL-encoded form is a different string");
        }
    }

    [Test]
    public void Apply_BasicCredentials_MasksTheHeaderValueAndTheSecret()
    {
        var masker = new SecretMasker();
        masker.AddBasicCredentials("my-client", Secret);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("my-client:" + Secret));

        var masked = masker.Apply($"Authorization: Basic {basic}; secret {Secret}; id my-client");

        Assert.That(masked, Is.EqualTo("Authorization: Basic ***; secret ***; id my-client"));
    }

    [Test]
    public void Apply_NothingRegistered_ReturnsTextUnchanged()
    {
        var masker = new SecretMasker();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(masker.Apply("plain text"), Is.EqualTo("plain text"));
            Assert.That(masker.Apply(null), Is.Empty);
        }
    }

    [Test]
    public void Add_ShortOrEmptyValue_IsIgnoredSoOrdinaryTextSurvives()
    {
        var masker = new SecretMasker();
        masker.Add("abc");
        masker.Add(string.Empty);
        masker.Add(null);

        Assert.That(masker.Apply("abc def"), Is.EqualTo("abc def"));
    }

    [Test]
    public void Add_NewSecret_RaisesSecretAddedWithTheRawValue()
    {
        var masker = new SecretMasker();
        var seen = new List<string>();
        masker.SecretAdded += seen.Add;

        masker.Add(Secret);

        Assert.That(seen, Is.EqualTo(new[] { Secret }));
    }

    [Test]
    public void Apply_SecretInsideALongerSecret_MasksTheLongerOneWhole()
    {
        var masker = new SecretMasker();
        masker.Add("inner-secret");
        masker.Add("prefix-inner-secret-suffix");

        Assert.That(masker.Apply("x prefix-inner-secret-suffix y inner-secret"), Is.EqualTo("x *** y ***"));
    }
}
