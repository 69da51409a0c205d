namespace CxAsCode.Http;

/// <summary>
/// A write was sent but no response came back (timeout, dropped connection). The API may or may not have
/// applied it: the caller must read the object to find out, never send the write again blindly.
/// </summary>
public sealed class ResponseLostException : Exception
{
    public ResponseLostException()
    {
    }

    public ResponseLostException(string message)
        : base(message)
    {
    }

    public ResponseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
