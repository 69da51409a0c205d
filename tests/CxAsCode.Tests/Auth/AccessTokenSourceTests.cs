using CxAsCode.Auth;
using CxAsCode.Http;

namespace CxAsCode.Tests.Auth;

public sealed class AccessTokenSourceTests
{
    private const string Token = "pre-issued-token-9d8c7b";

    [Test]
    public async Task GetTokenAsync_Always_ReturnsTheGivenToken()
    {
        var source = new AccessTokenSource(Token, new SecretMasker());

        var first = await source.GetTokenAsync(CancellationToken.None);
        source.Invalidate();
        var second = await source.GetTokenAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(Token));
            Assert.That(second, Is.EqualTo(Token), "a pre-issued token cannot be renewed");
        }
    }

    [Test]
    public void Constructor_Token_IsRegisteredWithTheMasker()
    {
        var masker = new SecretMasker();

        var source = new AccessTokenSource(Token, masker);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(masker.Apply("Authorization: Bearer " + Token), Is.EqualTo("Authorization: Bearer ***"));
            Assert.That(source.Description, Does.Contain("GENESYSCLOUD_ACCESS_TOKEN").And.Not.Contain(Token));
        }
    }
}
