namespace CxAsCode.State;

/// <summary>
/// Sync refused to write into <c>state/&lt;env&gt;</c> because a path in it is a link or resolves outside it:
/// writing or deleting through it could change files anywhere on the machine.
/// </summary>
public sealed class StatePathException : Exception
{
    public StatePathException()
    {
    }

    public StatePathException(string message)
        : base(message)
    {
    }

    public StatePathException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
