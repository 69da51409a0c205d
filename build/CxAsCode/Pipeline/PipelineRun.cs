using CxAsCode.Configuration;
using CxAsCode.Deployment;
using CxAsCode.Http;
using CxAsCode.Planning;
using CxAsCode.Reporting;
using CxAsCode.Resources;
using CxAsCode.State;
using CxAsCode.Validation;

namespace CxAsCode.Pipeline;

/// <summary>
/// The typed data of one build run: made in the Cake script's Setup, handed to every task, and each task
/// body is one call into it. Holds what earlier tasks produced for later ones, and decides the exit code.
/// </summary>
public sealed partial class PipelineRun : IDisposable
{
    private readonly Func<string, string?> _env;
    private readonly TextWriter _out;
    private readonly StateStore _store;
    private readonly List<string> _warnings = [];
    private readonly List<string> _runWarnings = []; // apart from _warnings, which Normalize prints as a batch
    private readonly bool _terminal;
    private bool _failureShown;
    private Connection? _connection;
    private ResiliencePipelines? _pipelines;
    private GenesysClient? _client;
    private TokenPool? _pool;

    /// <summary>Requests sent through each token of the pool, first token first (empty before Auth).</summary>
    public IReadOnlyList<int> RequestsPerToken => _pool?.RequestsPerToken ?? [];

    private PipelineRun(PipelineOptions options, Func<string, string?> env, TimeProvider time, TextWriter output, bool terminal)
    {
        Options = options;
        _env = env;
        Time = time;
        _out = output;
        _terminal = terminal;
        _store = new StateStore(options.RepositoryRoot);
        GitHub = new GitHubActions(env, output);
        Masker.SecretAdded += GitHub.Mask;
        var started = time.GetUtcNow();
        StartedAt = started.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        RunId = $"{started:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..6]}";
        Commit = Git.HeadCommit(options.RepositoryRoot);
    }

    public PipelineOptions Options { get; }

    public TimeProvider Time { get; }

    /// <summary>Unique per run; names the run's folder under <c>artifacts/&lt;env&gt;</c>.</summary>
    public string RunId { get; }

    public string StartedAt { get; }

    /// <summary>The commit of the state this run works from, when in a git work tree.</summary>
    public string? Commit { get; }

    public SecretMasker Masker { get; } = new();

    public GitHubActions GitHub { get; }

    public DesiredState? Desired { get; private set; }

    public Mappings Mappings { get; private set; } = Mappings.Empty;

    /// <summary>Desired objects in canonical form (after Normalize).</summary>
    public IReadOnlyList<ResourceObject> DesiredObjects { get; private set; } = [];

    /// <summary>State in canonical form as its files hold it (memberships kept on users still on the users): what Sync compares.</summary>
    public IReadOnlyList<ResourceObject> CanonicalState { get; private set; } = [];

    public LiveSnapshot? Live { get; private set; }

    public Plan? Plan { get; private set; }

    public DeployResult? Deployment { get; private set; }

    public RollbackResult? Rollback { get; private set; }

    public SyncResult? Sync { get; private set; }

    public IReadOnlyList<ValidationError> ValidationErrors { get; private set; } = [];

    public IReadOnlyList<string> Warnings => [.. _runWarnings, .. _warnings];

    /// <summary>The first failure of the run, if any (the Cake script records it).</summary>
    public Exception? Failure { get; private set; }

    public RequestCounter Requests { get; } = new();

    /// <summary>
    /// This run's folder: <c>artifacts/&lt;env&gt;/&lt;run-id&gt;</c> for a Deploy or Rollback, else the
    /// <c>artifacts/&lt;env&gt;/latest</c> every run that writes nothing to the org shares (see <see cref="RunFolders"/>).
    /// </summary>
    public string RunFolder => Path.Combine(Options.ArtifactsFolder, _ownRunFolder ? RunId : RunFolders.Latest);

    /// <summary>A run for the Cake script: real environment variables, real clock, the console (colour only on a terminal).</summary>
    public static PipelineRun Create(PipelineOptions options) =>
        Create(options, Environment.GetEnvironmentVariable, TimeProvider.System, Console.Out, terminal: !Console.IsOutputRedirected);

    /// <summary>A run with its environment, clock and output supplied (tests): never a terminal, so never colour.</summary>
    public static PipelineRun Create(PipelineOptions options, Func<string, string?> env, TimeProvider time, TextWriter output) =>
        Create(options, env, time, output, terminal: false);

    private static PipelineRun Create(PipelineOptions options, Func<string, string?> env, TimeProvider time, TextWriter output, bool terminal)
    {
        Environments.Require(options.Environment, options.RepositoryRoot);
        var run = new PipelineRun(options, env, time, output, terminal);
        foreach (var warning in options.Warnings)
        {
            run.Warn(warning);
        }

        return run;
    }

    /// <summary>0 success or no changes; 1 error; 2 changes found (with --detailed-exitcode); 3 rolled back; 4 rollback incomplete.</summary>
    public int ExitCode => (Deployment?.Status, Rollback) switch
    {
        (DeployStatus.RollbackIncomplete, _) => ExitCodes.RollbackIncomplete,
        (DeployStatus.RolledBack, _) => ExitCodes.RolledBack,
        (_, { IsComplete: false }) => ExitCodes.RollbackIncomplete,
        _ when Failure is not null => ExitCodes.Error,
        _ when Options.DetailedExitCode && Options.Target is "DryRun" && Plan?.HasChanges == true => ExitCodes.ChangesFound,
        _ => ExitCodes.Success,
    };

    /// <summary>The run's result in one line, e.g. "Deploy failed and was rolled back cleanly: …" (set by <see cref="Finish"/>).</summary>
    public string Outcome { get; private set; } = string.Empty;

    /// <summary>Colour codes only for a terminal, and never with NO_COLOR set (https://no-color.org).</summary>
    private bool UseColor => _terminal && string.IsNullOrEmpty(_env(EnvironmentVariables.NoColor));

    /// <summary>The script's TaskSetup: folds the task's output into a group in GitHub Actions.</summary>
    public void BeginTask(string name) => GitHub.StartGroup(name);

    /// <summary>
    /// The script's TaskTeardown: a failed task's reason is printed here, in the task's own output and before
    /// Cake's summary and banners, then the group ends (the annotation, outside it, stays visible).
    /// </summary>
    public void EndTask(Exception? failure)
    {
        if (failure is not null)
        {
            RecordFailure(failure);
            // A failed deploy has printed its reason and its rollback already; the outcome closes the run.
            _failureShown |= Unwrap(failure) is DeployFailedException;
            ShowFailure();
        }

        GitHub.EndGroup();
    }

    /// <summary>A warning: printed now, and listed in the run's report.</summary>
    private void Warn(string warning)
    {
        _runWarnings.Add(warning);
        Log("Warning: " + warning);
    }

    /// <summary>Prints one line, secrets masked and control characters made visible.</summary>
    public void Log(string message) => _out.WriteLine(Printable(Masker.Apply(message)));

    /// <summary>Prints a block our renderers made (already escaped; may hold colour codes), secrets masked.</summary>
    public void Write(string block) => _out.Write(Masker.Apply(block));

    public void Dispose()
    {
        ReleaseDeploy();
        _pipelines?.Dispose();
        _pool?.Dispose();
        _connection?.Dispose();
    }

    private GenesysClient Client => _client ?? throw new InvalidOperationException("Auth has not run.");

    private static string Printable(string text) =>
        string.Concat(text.Select(c => c is '\n' or '\r' or '\u001b' || (char.IsControl(c) && c != '\t') ? $"\\u{(int)c:x4}" : c.ToString()));
}
