namespace CxAsCode.Deployment;

/// <summary>How a deploy runs.</summary>
internal sealed class DeployOptions
{
    /// <summary>Objects written at once inside one layer of the dependency order. Default 4; 1 makes the order strict.</summary>
    public int Parallelism { get; set; } = 4;
}
