using System.Globalization;
using System.Text;

namespace CxAsCode.Reporting;

/// <summary>
/// Talks to the GitHub Actions runner: step summary, annotations, secret masks and step outputs. Outside
/// Actions (<c>GITHUB_ACTIONS</c> is not <c>true</c>) every method does nothing, so the pipeline calls it
/// unconditionally.
/// </summary>
public sealed class GitHubActions
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly TextWriter _stdout;

    /// <param name="getEnvironmentVariable">Reads an environment variable (<c>Environment.GetEnvironmentVariable</c> in production).</param>
    /// <param name="stdout">Where workflow commands go: the runner reads them from the step's standard output.</param>
    public GitHubActions(Func<string, string?> getEnvironmentVariable, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        ArgumentNullException.ThrowIfNull(stdout);
        _getEnvironmentVariable = getEnvironmentVariable;
        _stdout = stdout;
    }

    /// <summary>True inside a GitHub Actions job.</summary>
    public bool IsActive => string.Equals(_getEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.Ordinal);

    /// <summary>Appends Markdown to the job's summary page (the file named by <c>GITHUB_STEP_SUMMARY</c>).</summary>
    public void AppendStepSummary(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (IsActive && FileFrom("GITHUB_STEP_SUMMARY") is { } path)
        {
            File.AppendAllText(path, markdown.EndsWith('\n') ? markdown : markdown + "\n", Utf8);
        }
    }

    /// <summary>
    /// Tells the runner to hide <paramref name="secret"/> in every later log line. The runner masks line by
    /// line, so each line of a multi-line secret (a PEM key) is registered on its own.
    /// </summary>
    public void Mask(string secret)
    {
        if (!IsActive || string.IsNullOrEmpty(secret))
        {
            return;
        }

        foreach (var line in secret.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            // Masking blank text would hide every space in the log; nothing secret is lost by skipping it.
            if (!string.IsNullOrWhiteSpace(line))
            {
                Command($"::add-mask::{WorkflowCommandText.Data(line)}");
            }
        }
    }

    /// <summary>Starts a foldable group of log lines (one per task), ended by <see cref="EndGroup"/>.</summary>
    public void StartGroup(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (IsActive)
        {
            Command($"::group::{WorkflowCommandText.Data(title)}");
        }
    }

    /// <summary>Ends the group <see cref="StartGroup"/> started.</summary>
    public void EndGroup()
    {
        if (IsActive)
        {
            Command("::endgroup::");
        }
    }

    /// <summary>An error annotation on the run, and on <paramref name="file"/> when given.</summary>
    public void Error(string message, string? file = null) => Annotation("error", message, file);

    /// <summary>A warning annotation on the run, and on <paramref name="file"/> when given.</summary>
    public void Warning(string message, string? file = null) => Annotation("warning", message, file);

    /// <summary>
    /// Sets a step output (the file named by <c>GITHUB_OUTPUT</c>) in the <c>name&lt;&lt;DELIMITER</c> form,
    /// with a fresh random delimiter, so a value holding newlines or <c>EOF</c> cannot set other outputs.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty or holds a newline, <c>=</c> or <c>&lt;&lt;</c>.</exception>
    public void SetOutput(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.AsSpan().IndexOfAny('\r', '\n', '=') >= 0 || name.Contains("<<", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Output name {name} may not hold a line break, '=' or '<<'.", nameof(name));
        }

        if (!IsActive || FileFrom("GITHUB_OUTPUT") is not { } path)
        {
            return;
        }

        var delimiter = "ghadelimiter_" + Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
        File.AppendAllText(path, $"{name}<<{delimiter}\n{value}\n{delimiter}\n", Utf8);
    }

    private void Annotation(string level, string message, string? file)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsActive)
        {
            return;
        }

        var properties = string.IsNullOrEmpty(file) ? string.Empty : $" file={WorkflowCommandText.Property(file)}";
        Command($"::{level}{properties}::{WorkflowCommandText.Data(message)}");
    }

    private string? FileFrom(string variable) => _getEnvironmentVariable(variable) is { Length: > 0 } path ? path : null;

    // LF, not the writer's NewLine: the runner splits on it on every platform.
    private void Command(string line) => _stdout.Write(line + "\n");
}
