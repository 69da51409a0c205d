namespace CxAsCode.Tests.Integration;

/// <summary>Once per test session, for every fixture in this namespace: removes the clone ./build.sh tests ran in.</summary>
[SetUpFixture]
internal sealed class IntegrationSession
{
    [OneTimeTearDown]
    public void DeleteBuildScriptClone() => BuildScript.DeleteCopy();
}
