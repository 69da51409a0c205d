namespace CxAsCode.Pipeline;

/// <summary>A deploy stopped before applying the whole plan; the journal records what it applied.</summary>
public sealed class DeployFailedException : Exception
{
    public DeployFailedException()
    {
    }

    public DeployFailedException(string message)
        : base(message)
    {
    }

    public DeployFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
