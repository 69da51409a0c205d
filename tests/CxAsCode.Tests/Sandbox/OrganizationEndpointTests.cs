using CxAsCode.Sandbox;

namespace CxAsCode.Tests.Sandbox;

public sealed class OrganizationEndpointTests : SandboxFixture
{
    private protected override SandboxOptions CreateOptions() => new() { Port = 0 };

    [Test]
    public async Task OrganizationsMe_AfterReset_SameOrgId()
    {
        var before = await Sandbox.GetObjectAsync("api/v2/organizations/me");
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/reset", new { seed = "empty" });
        var after = await Sandbox.GetObjectAsync("api/v2/organizations/me");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)before["id"], Does.Match("^[0-9a-f-]{36}$"));
            Assert.That((string?)after["id"], Is.EqualTo((string?)before["id"]));
            Assert.That((string?)after["selfUri"], Is.EqualTo("/api/v2/organizations/" + (string?)before["id"]));
        }
    }

    [Test]
    public async Task OrganizationsMe_TwoSandboxes_DifferentOrgIds()
    {
        await using var other = await SandboxClient.StartAsync(new SandboxOptions { Port = 0 });
        await other.RefreshTokenAsync();

        var mine = await Sandbox.GetObjectAsync("api/v2/organizations/me");
        var theirs = await other.GetObjectAsync("api/v2/organizations/me");

        Assert.That((string?)theirs["id"], Is.Not.EqualTo((string?)mine["id"]));
    }
}
