namespace CxAsCode.Flows;

/// <summary>A flow file that cannot be read, with where (1-based line and column, as an editor shows them).</summary>
public sealed class FlowYamlException : Exception
{
    public FlowYamlException()
    {
    }

    public FlowYamlException(string message)
        : base(message)
    {
    }

    public FlowYamlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FlowYamlException(string message, long line, long column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public long Line { get; }

    public long Column { get; }
}
