namespace CxAsCode.Pipeline;

/// <summary>Desired state has problems; they are listed in <see cref="PipelineRun.ValidationErrors"/>.</summary>
public sealed class ValidationFailedException : Exception
{
    public ValidationFailedException()
    {
    }

    public ValidationFailedException(string message)
        : base(message)
    {
    }

    public ValidationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
