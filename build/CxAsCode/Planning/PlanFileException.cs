namespace CxAsCode.Planning;

/// <summary>A saved plan file that cannot be applied: not a plan, another format version, or modified after it was written.</summary>
public sealed class PlanFileException : Exception
{
    public PlanFileException()
    {
    }

    public PlanFileException(string message)
        : base(message)
    {
    }

    public PlanFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
