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
    private Connection? _connection;
    private ResiliencePipelines? _pipelines;
    private GenesysClient? _client;

    private PipelineRun(PipelineOptions options, Func<string, string?> env, TimeProvider time, TextWriter output)
    {
        Options = options;
        _env = env;
        Time = time;
        _out = output;
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

    public LiveSnapshot? Live { get; private set; }

    public Plan? Plan { get; private set; }

    public DeployResult? Deployment { get; private set; }

    public RollbackResult? Rollback { get; private set; }

    public SyncResult? Sync { get; private set; }

    public IReadOnlyList<ValidationError> ValidationErrors { get; private set; } = [];

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The first failure of the run, if any (the Cake script records it).</summary>
    public Exception? Failure { get; private set; }

    public RequestCounter Requests { get; } = new();

    /// <summary>This run's folder: <c>artifacts/&lt;env&gt;/&lt;run-id&gt;</c>.</summary>
    public string RunFolder => Path.Combine(Options.ArtifactsFolder, RunId);

    /// <summary>A run for the Cake script: real environment variables, real clock, the console.</summary>
    public static PipelineRun Create(PipelineOptions options) =>
        Create(options, Environment.GetEnvironmentVariable, TimeProvider.System, Console.Out);

    /// <summary>A run with its environment, clock and output supplied (tests).</summary>
    public static PipelineRun Create(PipelineOptions options, Func<string, string?> env, TimeProvider time, TextWriter output)
    {
        Environments.Require(options.Environment, options.RepositoryRoot);
        return new PipelineRun(options, env, time, output);
    }

    /// <summary>0 success or no changes; 1 error; 2 changes found (with --detailed-exitcode); 3 rolled back; 4 rollback incomplete.</summary>
    public int ExitCode => (Deployment?.Status, Rollback) switch
    {
        (DeployStatus.RollbackIncomplete, _) => 4,
        (DeployStatus.RolledBack, _) => 3,
        (_, { IsComplete: false }) => 4,
        _ when Failure is not null => 1,
        _ when Options.DetailedExitCode && Options.Target is "DryRun" && Plan?.HasChanges == true => 2,
        _ => 0,
    };

    /// <summary>Prints one line, secrets masked and control characters made visible.</summary>
    public void Log(string message) => _out.WriteLine(Printable(Masker.Apply(message)));

    /// <summary>Prints a block our renderers made (already escaped; may hold colour codes), secrets masked.</summary>
    public void Write(string block) => _out.Write(Masker.Apply(block));

    public void Dispose()
    {
        ReleaseDeploy();
        _pipelines?.Dispose();
        _connection?.Dispose();
    }

    private GenesysClient Client => _client ?? throw new InvalidOperationException("Auth has not run.");

    private static string Printable(string text) =>
        string.Concat(text.Select(c => c is '\n' or '\r' or '\u001b' || (char.IsControl(c) && c != '\t') ? $"\\u{(int)c:x4}" : c.ToString()));
}
