using CxAsCode.Configuration;
using CxAsCode.Extraction;
using CxAsCode.Http;
using CxAsCode.Normalization;
using CxAsCode.Planning;
using CxAsCode.Resources;
using CxAsCode.Validation;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Pipeline;

/// <summary>Auth → Extract → Normalize → Validate: everything before a plan, none of it writes.</summary>
public sealed partial class PipelineRun
{
    private Plan? _savedPlan;
    private IReadOnlyList<PlanEntry> _storedDiffDiffers = [];

    /// <summary>
    /// Decides which org and credential to use, proves the credential with one token request, and reads
    /// which org it reaches (the id plans and journals record).
    /// </summary>
    public async Task AuthAsync()
    {
        // Local refusals come before the first request.
        RefuseSyncOverLocalChanges();
        TakeDeployLockBeforeAuth();
        _connection = await Connection.OpenAsync(Options, _env, Masker, Time, CancellationToken.None);
        foreach (var notice in _connection.Notices)
        {
            Log("Notice: " + notice);
        }

        if (_connection.IsSandbox)
        {
            Log($"No Genesys Cloud credentials set: running against {_connection.Description}.");
        }

        _pipelines = new ResiliencePipelines(new ResilienceOptions
        {
            RequestsPerMinute = Options.RequestsPerMinute,
            MaxRetryAfter = TimeSpan.FromSeconds(Options.MaxRetryAfterSeconds),
        }, Time);
        _pool = new TokenPool(_connection.Tokens, _connection.MoreTokens, TokenPoolSizes.Resolve(Options, _env), Options.RequestsPerMinute, Time);
        _client = new GenesysClient(_connection.Http, _connection.ApiBase, _pool, _pipelines, Masker, Requests, Time);
        await _connection.Tokens.GetTokenAsync(CancellationToken.None);
        await ReadOrganizationAsync();
        Log($"Auth: {_connection.Description}: token acquired; org '{OrgName}' ({CurrentBinding.OrgId}).");
        if (Options.Target == "Deploy")
        {
            // Before Extract, so the plan is made against an org whose earlier interrupted writes are settled.
            await SettleInterruptedDeploysAsync();
        }
    }

    /// <summary>Reads desired state (or the saved plan) from disk, then every kind from the org.</summary>
    public async Task ExtractAsync()
    {
        Func<ResourceKind, SubResource, string, bool> wantsMembers;
        if (Options.PlanPath is { } planPath)
        {
            _savedPlan = PlanFile.Deserialize(File.ReadAllText(Path.GetFullPath(planPath, Options.RepositoryRoot)));
            RequireMadeHere($"The plan in {planPath}", _savedPlan.Binding, $"Make a plan for {Options.Environment} with --target=DryRun --env={Options.Environment} --out=<file>.");

            var planned = _savedPlan.Entries.Where(e => e.Desired is not null).ToList();
            wantsMembers = (kind, sub, name) => planned.Any(e => e.Kind == kind.Name && NameComparer.Instance.Equals(e.Key, name) && e.Desired![sub.Field] is not null);
        }
        else
        {
            Desired = _store.LoadDesired(Options.Environment);
            _warnings.AddRange(Desired.Skipped.Select(s => s.ToString())); // printed with Normalize's warnings
            var desired = Desired.Objects;
            // Looked up once per live object with sub-resources: a set, not a scan of state each time.
            var holding = desired.SelectMany(d => d.Kind.SubResources.Where(s => d.Body[s.Field] is not null).Select(s => (d.Kind.Name, s.Field, d.Key.ToUpperInvariant()))).ToHashSet();
            bool Named(ResourceKind kind, SubResource sub, string name) => holding.Contains((kind.Name, sub.Field, name.ToUpperInvariant()));
            // Memberships kept on users can add or drop a user on any queue of state: every queue's members are read.
            var usersHoldQueues = UserMemberships.AnyHeldByUsers(desired);
            bool Wanted(ResourceKind kind, SubResource sub, string name) =>
                Named(kind, sub, name) || (usersHoldQueues && kind == ResourceKinds.Queues && sub.TargetKind == ResourceKinds.Users.Name);
            wantsMembers = Options.Target == "Sync"
                ? (kind, sub, name) => !sub.OptIn || Wanted(kind, sub, name)
                : Wanted;
        }

        var before = Requests.Total;
        Live = await new Extractor(Client, Log).ExtractAsync(wantsMembers, CancellationToken.None);
        Log($"Extract: {Live.Count} live objects in {Requests.Total - before} requests.");
    }

    /// <summary>Live JSON and state files → canonical form, so the two compare field by field.</summary>
    public void Normalize()
    {
        Live = SnapshotNormalizer.Normalize(Live ?? throw new InvalidOperationException("Extract has not run."), _warnings);
        if (Desired is null)
        {
            // Applying a saved plan: state is not read. What it will change is diffed against live now.
            (_savedPlan, _storedDiffDiffers) = ApplyTimeDiff.Compute(_savedPlan!, Live);
            return;
        }

        var (mappings, problems) = _store.LoadMappings(Options.Environment);
        Mappings = mappings;
        ValidationErrors = problems;
        // Canonical objects name their file from the repository root, as plans and reports show it.
        CanonicalState = [.. Desired.Objects.Select(o => StateNormalizer.ToCanonical(o.Kind, o.Body, mappings) is var body
            ? o with { Body = body, Key = o.Kind.KeyOf(body), SourceFile = Desired.PathOf(o) }
            : o)];
        // Memberships kept on users are written on their queues: planned there.
        DesiredObjects = UserMemberships.Fold(CanonicalState, Live);
        foreach (var warning in _warnings)
        {
            Log("Warning: " + warning);
        }
    }

    /// <summary>Fails, listing every problem with file and JSON path, when desired state cannot be deployed as it is.</summary>
    public void Validate()
    {
        if (Desired is null)
        {
            ValidateSavedPlan();
            return;
        }

        ValidationErrors = [.. ValidationErrors, .. StateValidator.Validate(Desired, Mappings, kind => kind.IsManaged ? null : Live?.Of(kind).Select(o => o.Key).ToHashSet(StringComparer.Ordinal)), .. ReferenceCycle()];
        if (ValidationErrors.Count == 0)
        {
            Log($"Validate: {Desired.Objects.Count} objects in {Desired.EnvironmentPath} are valid.");
            return;
        }

        ReportValidationErrors(Desired.EnvironmentPath);
    }

    /// <summary>
    /// Objects that name each other in a circle (a queue whose in-queue flow transfers back to it) cannot be
    /// created in any order: named, object by object, at the first one's file.
    /// </summary>
    private IEnumerable<ValidationError> ReferenceCycle()
    {
        if (DependencyOrder.Cycle(DesiredObjects, o => (o.Kind.Name, o.Key), o => Dependencies.Of(o.Kind, o.Body)) is not { } cycle)
        {
            yield break;
        }

        var first = DesiredObjects.First(o => o.Kind.Name == cycle[0].Kind && NameComparer.Instance.Equals(o.Key, cycle[0].Key));
        yield return new ValidationError(first.SourceFile ?? Desired!.EnvironmentPath, "$", $"reference cycle: {DependencyCycleException.Describe(cycle)}; none of them can be created before the others, so break the circle (name one of them through the mappings, or drop one reference)");
    }

    /// <summary>
    /// A saved plan's desired bodies meet the schema state files must meet; the plan printed next is the
    /// diff against live now, and any entry whose stored diff says otherwise is named.
    /// </summary>
    private void ValidateSavedPlan()
    {
        var plan = _savedPlan ?? throw new InvalidOperationException("Extract has not run.");
        ValidationErrors = SavedPlanValidation.Check(plan, Options.PlanPath!);
        if (ValidationErrors.Count > 0)
        {
            ReportValidationErrors("the saved plan " + Options.PlanPath);
        }

        Log($"Validate: the saved plan from {Options.PlanPath}: hash verified, its {plan.Writes.Count()} change(s) valid, made for {plan.Binding}; state/ is not read.");
        foreach (var entry in _storedDiffDiffers)
        {
            Warn($"the saved plan's diff for {entry.Kind} '{entry.Key}' is not what applying it would change now: the object changed since the plan (the deploy will refuse it), or the file was re-hashed after an edit. The diff below is computed against live, from the plan's desired bodies.");
        }
    }

    private void ReportValidationErrors(string where)
    {
        foreach (var error in ValidationErrors)
        {
            Log("  " + error);
            GitHub.Error($"{error.JsonPath}: {error.Message}", error.File);
        }

        throw new ValidationFailedException($"{ValidationErrors.Count} problem(s) in {where}; nothing was sent.");
    }
}
