using CxAsCode.Configuration;
using CxAsCode.Deployment;
using CxAsCode.Extraction;
using CxAsCode.Rollback;

namespace CxAsCode.Pipeline;

/// <summary>Deploy and Rollback: the only tasks that write to the org.</summary>
public sealed partial class PipelineRun
{
    private Journal? _journal;
    private DeployLock? _deployLock;

    /// <summary>Journal path of the current or last deploy.</summary>
    public string JournalPath => Path.Combine(RunFolder, "journal.jsonl");

    /// <summary>Applies the plan. Throws <see cref="DeployFailedException"/> when it stops part-way; then call <see cref="RollBackFailedDeployAsync"/>.</summary>
    public async Task DeployAsync()
    {
        var plan = Plan ?? throw new InvalidOperationException("DryRun has not run.");
        StartRunFolder();
        if (!plan.HasChanges)
        {
            // Nothing to write: no journal, no request, and the lock taken at Auth goes at once; exit 0.
            Deployment = new DeployResult(DeployStatus.NoChanges);
            Log($"No changes to deploy: nothing was sent to {Options.Environment}.");
            ReleaseDeploy();
            return;
        }

        RequireConfirmation();
        // Held until this run's rollback, if any, is done: no second deploy may start on a half-undone org.
        TakeDeployLock();
        _journal = Journal.Create(JournalPath, new JournalHeader
        {
            Environment = CurrentBinding.Environment,
            OrgId = CurrentBinding.OrgId,
            ApiHost = CurrentBinding.ApiHost,
            RunId = RunId,
            StartedAt = StartedAt,
        });
        var reader = new LiveReader(Client);
        var sender = new PatientSender(Client, reader, Window);
        var writer = new WriteExecutor(sender, _journal, new Reconciler(reader, Window), Masker, Time, Log, new FlowPublisher(new Flows.ArchitectJobs(Client), reader, Time));
        var deployer = new Deployer(writer, new Preconditions(reader, Options.ForceUnlock), new DeployOptions { Parallelism = Options.Parallelism }, Log);
        var before = Requests.Writes;
        Deployment = await deployer.DeployAsync(plan, Live!, JournalPath, CancellationToken.None);
        Log($"Deploy: {Deployment.Summary}; {Requests.Writes - before} write request(s) sent; journal {Relative(JournalPath)}.");
        if (Deployment.Status == DeployStatus.Failed)
        {
            throw new DeployFailedException($"Deploy to {Options.Environment} failed: {Deployment.Failure}");
        }

        ReleaseDeploy();
    }

    /// <summary>The Deploy task's OnError hook: undo this run's applied writes from its journal.</summary>
    public async Task RollBackFailedDeployAsync(Exception failure)
    {
        Failure ??= failure;
        if (_journal is null || Deployment is null || !JournalFacts.MayHaveChangedTheOrg(_journal.Entries))
        {
            // Refused before any write applied (a stale plan, a held lock, a precondition): nothing to undo,
            // and not a rollback: the exit code stays 1.
            if (Deployment is not null)
            {
                Log("Deploy: no write applied, so there is nothing to roll back.");
            }

            ReleaseDeploy();
            return;
        }

        Log("Rolling back the writes this deploy applied, newest first.");
        Rollback = await Runner(_journal).RollbackAsync(CancellationToken.None);
        Deployment = Deployment with
        {
            Status = Rollback.IsComplete ? DeployStatus.RolledBack : DeployStatus.RollbackIncomplete,
            Rollback = Rollback,
        };
        Log(Rollback.IsComplete
            ? $"Rollback complete: {Rollback.Compensations.Count} write(s) undone. The org is as it was before the deploy."
            : $"Rollback INCOMPLETE: {Rollback.ManualActions.Count()} item(s) need a person; resume with --target=Rollback --journal={Relative(JournalPath)}.");
        ReleaseDeploy();
    }

    private void ReleaseDeploy()
    {
        _journal?.Dispose();
        _journal = null;
        _deployLock?.Dispose();
        _deployLock = null;
    }

    /// <summary>
    /// The Rollback target: resumes or runs a rollback from a journal: <c>--journal</c>, or this environment's
    /// newest, named with its run time. Refused, before any write, for a journal of another environment or
    /// org, and (without <c>--journal</c>) when a later deploy left no journal, so the newest journal is not
    /// the latest deploy's.
    /// </summary>
    public async Task RollbackAsync()
    {
        StartRunFolder();
        var path = Options.JournalPath is { } given ? Path.GetFullPath(given, Options.RepositoryRoot) : PickNewestJournal();
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"No journal at {path}.");
        }

        TakeDeployLock();
        var content = ReadJournal(path);
        RequireMadeHere($"The journal {Relative(path)}", content.Header?.Binding, "A journal is rolled back only in the environment and org its writes went to.");
        _rollbackJournal = path;
        if (Options.JournalPath is not null)
        {
            Log($"Rollback: from {Relative(path)} (run {content.Header!.RunId}, started {content.Header.StartedAt}).");
        }

        using var journal = Journal.Open(path, Warn, Relative(path));
        Rollback = await Runner(journal).RollbackAsync(CancellationToken.None);
        ReleaseDeploy();
        Log(Rollback.Compensations.Count == 0
            ? "Rollback: nothing left to undo."
            : $"Rollback: {Rollback.Compensations.Count(c => c.Status == WriteStatus.Compensated)} undone, {Rollback.ManualActions.Count()} need a person.");
    }

    /// <summary>
    /// A deploy that died mid-write left intents without outcomes. Settle them by reading (never by
    /// writing) and say so, so that run's journal tells the truth if someone rolls it back later.
    /// </summary>
    private async Task SettleInterruptedDeploysAsync()
    {
        var reconciler = new Reconciler(new LiveReader(Client), Window);
        foreach (var path in RunFolders.Journals(Options.ArtifactsFolder))
        {
            var content = ReadJournal(path);
            var pending = content.PendingIntents.ToList();
            if (pending.Count == 0 && content.TornLine is null)
            {
                continue;
            }

            var recorded = content.Header?.Binding;
            if (recorded is null || !recorded.Matches(CurrentBinding))
            {
                // Reading this org says nothing about another org's writes: leave that journal as it is.
                Warn($"{Relative(path)} records {(recorded is null ? "no org" : recorded.ToString())}, not this run's {CurrentBinding}: " +
                    (pending.Count > 0 ? $"its {pending.Count} pending write(s) are left for a run against that org." : $"its torn line {content.TornLine} is left as it is."));
                continue;
            }

            // Opening cuts a torn last line off (and says so), so it is never reported twice.
            using var journal = Journal.Open(path, Warn, Relative(path));
            foreach (var intent in pending)
            {
                var outcome = await reconciler.ReconcileAsync(intent, CancellationToken.None);
                journal.Append(outcome);
                Log($"Warning: an interrupted deploy ({Relative(path)}) left write #{intent.Seq} ({intent.Method} {intent.Kind} '{intent.Key}') pending; reading shows {outcome.Status switch { WriteStatus.Applied => "it applied", WriteStatus.Unknown => "nothing certain (" + outcome.Error + ")", _ => "it did not apply" }}. Undo that run with --target=Rollback --journal={Relative(path)} if it should not stand.");
            }
        }
    }

    private RollbackRunner Runner(Journal journal)
    {
        var reader = new LiveReader(Client);
        return new RollbackRunner(journal, new Reconciler(reader, Window), new Compensator(new PatientSender(Client, reader, Window), reader, new FlowPublisher(new Flows.ArchitectJobs(Client), reader, Time)), Masker, Time, Log);
    }

    /// <summary>How long to keep re-reading an eventually consistent org before calling an outcome unknown (--consistency-window).</summary>
    private ConsistencyWindow Window => new(Time, TimeSpan.FromSeconds(Options.ConsistencyWindowSeconds));

    /// <summary>
    /// Deploy and Rollback take the environment's lock first thing in Auth, so a second run stops in seconds,
    /// before a token or a read. (A release build's own target that depends on Deploy takes it at Deploy.)
    /// </summary>
    private void TakeDeployLockBeforeAuth()
    {
        if (Options.Target is "Deploy" or "Rollback")
        {
            TakeDeployLock();
        }
    }

    /// <summary>Takes the environment's deploy lock unless this run holds it already; refuses at once if another does.</summary>
    private void TakeDeployLock()
    {
        if (_deployLock is not null)
        {
            return;
        }

        _deployLock = DeployLock.Acquire(Options.ArtifactsFolder, RunId, Time);
        if (_deployLock.StaleHolder is { } stale)
        {
            Log($"Notice: the last holder of the deploy lock ({stale}) ended without releasing it cleanly; the operating system had already freed the lock. Any write it left pending is settled by reading before this run writes.");
        }
    }

    private void RequireConfirmation()
    {
        var ci = _env("CI") == "true" || _env("GITHUB_ACTIONS") == "true";
        if (Options.Environment == "prod" && !ci && Options.Confirm != "prod")
        {
            throw new ConfigurationException("Deploying to prod from a workstation needs --confirm=prod.");
        }
    }


    private string Relative(string path) => Path.GetRelativePath(Options.RepositoryRoot, path).Replace('\\', '/');
}
