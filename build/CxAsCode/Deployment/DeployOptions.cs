namespace CxAsCode.Deployment;

/// <summary>How a deploy runs.</summary>
internal sealed class DeployOptions
{
    /// <summary>Objects written at once inside one dependency rank. Default 4; 1 makes the order strict.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>Check every planned object's fingerprint before the first write (a saved plan). Default false.</summary>
    public bool VerifyAllFirst { get; set; }
}
