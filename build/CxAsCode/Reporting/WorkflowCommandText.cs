namespace CxAsCode.Reporting;

/// <summary>
/// The escaping GitHub's runner undoes when it reads a workflow command (<c>::error file=…::message</c>):
/// without it a message holding a newline would end the command and start a line of its own.
/// </summary>
internal static class WorkflowCommandText
{
    public static string Data(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Property values also end at <c>,</c> and <c>:</c>.</summary>
    public static string Property(string value) =>
        Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
