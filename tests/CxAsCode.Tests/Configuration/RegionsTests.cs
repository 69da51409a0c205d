using CxAsCode.Configuration;

namespace CxAsCode.Tests.Configuration;

public sealed class RegionsTests
{
    [TestCase("us-east-1", "mypurecloud.com")]
    [TestCase("eu-west-1", "mypurecloud.ie")]
    [TestCase("eu-central-1", "mypurecloud.de")]
    [TestCase("ap-southeast-2", "mypurecloud.com.au")]
    [TestCase("us-west-2", "usw2.pure.cloud")]
    [TestCase("us-east-2", "use2.us-gov-pure.cloud")]
    [TestCase("eusc-de-east-1", "edee1.eusc-pure.cloud")]
    [TestCase("EU-WEST-1", "mypurecloud.ie")]
    public void DomainFor_RegionName_ReturnsItsDomain(string region, string domain) =>
        Assert.That(Regions.DomainFor(region), Is.EqualTo(domain));

    [TestCase("mypurecloud.ie", "mypurecloud.ie")]
    [TestCase("usw2.pure.cloud", "usw2.pure.cloud")]
    [TestCase("MyPureCloud.DE", "mypurecloud.de")]
    public void DomainFor_DomainGivenDirectly_ReturnsItLowerCase(string value, string domain) =>
        Assert.That(Regions.DomainFor(value), Is.EqualTo(domain));

    [TestCase("mars-north-1")]
    [TestCase("us-west-2.pure.cloud")]
    [TestCase("api.mypurecloud.ie")]
    [TestCase("")]
    public void DomainFor_Unknown_ThrowsNamingItAndTheKnownRegions(string value) =>
        Assert.That(
            () => Regions.DomainFor(value),
            Throws.TypeOf<ConfigurationException>()
                .With.Message.Contains($"'{value}'")
                .And.Message.Contains("eu-west-1")
                .And.Message.Contains("us-east-1"));

    [Test]
    public void Domains_Always_HoldsTheEighteenDocumentedRegions()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Regions.Domains, Has.Count.EqualTo(18));
            Assert.That(Regions.Domains.Values, Is.Unique);
            Assert.That(Regions.Domains.ContainsKey(Regions.Default), Is.True);
        }
    }
}
