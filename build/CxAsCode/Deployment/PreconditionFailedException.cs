namespace CxAsCode.Deployment;

/// <summary>An object moved after the plan was made: we refuse to write over someone else's edit.</summary>
public sealed class PreconditionFailedException : Exception
{
    public PreconditionFailedException()
    {
    }

    public PreconditionFailedException(string message)
        : base(message)
    {
    }

    public PreconditionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
