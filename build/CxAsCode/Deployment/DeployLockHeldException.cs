namespace CxAsCode.Deployment;

/// <summary>Another deploy or rollback of the environment holds its lock: this run sends nothing.</summary>
public sealed class DeployLockHeldException : Exception
{
    public DeployLockHeldException()
    {
    }

    public DeployLockHeldException(string message)
        : base(message)
    {
    }

    public DeployLockHeldException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
