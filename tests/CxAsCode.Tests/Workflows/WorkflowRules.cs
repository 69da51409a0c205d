using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CxAsCode.Tests.Workflows;

/// <summary>
/// The rules every workflow in <c>.github/workflows/</c> follows (issue 7, design.md §7), checked on the YAML
/// itself: least-privilege permissions per job, a timeout on every job, actions pinned by commit SHA, no
/// <c>${{ }}</c> expression inside a script, one writer per environment at a time, NuGet caching keyed on the
/// lock files, and the run's artifacts kept on success and failure.
/// </summary>
internal static partial class WorkflowRules
{
    public const string TopPermissions = "top-level-permissions";
    public const string JobPermissions = "job-permissions";
    public const string Timeout = "timeout";
    public const string Pinned = "pinned-by-sha";
    public const string NoExpressionInScript = "no-expression-in-script";
    public const string WriterConcurrency = "writer-concurrency";
    public const string DotnetCache = "dotnet-cache";
    public const string Artifacts = "artifacts-always";

    /// <summary>Every broken rule in a workflow, as "rule: where: what".</summary>
    public static IReadOnlyList<Violation> Check(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var violations = new List<Violation>();
        CheckTopPermissions(root, violations);
        foreach (var (name, job) in Map(root, "jobs")?.Children.Select(p => (((YamlScalarNode)p.Key).Value!, p.Value as YamlMappingNode)) ?? [])
        {
            if (job is not null)
            {
                CheckJob(name, job, violations);
            }
        }

        return violations;
    }

    private static void CheckTopPermissions(YamlMappingNode root, List<Violation> violations)
    {
        var permissions = Node(root, "permissions");
        if (permissions is not YamlMappingNode { Children.Count: 0 } && !IsReadOnly(permissions))
        {
            violations.Add(new(TopPermissions, "workflow", "the workflow must set `permissions: {}` (or read-only) and grant each job what it needs"));
        }
    }

    private static void CheckJob(string name, YamlMappingNode job, List<Violation> violations)
    {
        var permissions = Node(job, "permissions");
        if (permissions is null || permissions is YamlScalarNode { Value: "write-all" or "read-all" })
        {
            violations.Add(new(JobPermissions, name, "the job must declare its own least-privilege `permissions:`"));
        }

        if (Scalar(job, "uses") is { } called)
        {
            // A job that calls a reusable workflow: its jobs carry timeouts and concurrency themselves.
            CheckPinned(name, called, violations);
            return;
        }

        if (Scalar(job, "timeout-minutes") is null)
        {
            violations.Add(new(Timeout, name, "the job needs `timeout-minutes`"));
        }

        var steps = (Node(job, "steps") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList() ?? [];
        foreach (var step in steps)
        {
            CheckStep(name, step, violations);
        }

        var runs = steps.Select(s => Scalar(s, "run")).OfType<string>().ToList();
        if (runs.Any(r => WritingTarget().IsMatch(r)) && !HoldsWriterLock(job))
        {
            violations.Add(new(WriterConcurrency, name, "a job that writes to an org needs `concurrency:` per environment with `cancel-in-progress: false`"));
        }

        if (runs.Any(r => r.Contains("./build.sh", StringComparison.Ordinal))
            && !steps.Any(s => IsAction(s, "actions/upload-artifact") && Scalar(s, "if") is { } condition && condition.Contains("always()", StringComparison.Ordinal)))
        {
            violations.Add(new(Artifacts, name, "a job that runs ./build.sh must upload artifacts/ with `if: always()`"));
        }
    }

    private static void CheckStep(string job, YamlMappingNode step, List<Violation> violations)
    {
        if (Scalar(step, "uses") is { } uses)
        {
            CheckPinned(job, uses, violations);
        }

        var scripts = new[] { Scalar(step, "run"), IsAction(step, "actions/github-script") ? Scalar(Map(step, "with"), "script") : null };
        if (scripts.OfType<string>().Any(s => s.Contains("${{", StringComparison.Ordinal)))
        {
            violations.Add(new(NoExpressionInScript, job, "no `${{ }}` inside a script: pass values through `env:`"));
        }

        if (IsAction(step, "actions/setup-dotnet"))
        {
            var with = Map(step, "with");
            if (Scalar(with, "cache") != "true" || Scalar(with, "cache-dependency-path")?.Contains("packages.lock.json", StringComparison.Ordinal) != true)
            {
                violations.Add(new(DotnetCache, job, "setup-dotnet needs `cache: true` keyed on `**/packages.lock.json`"));
            }
        }
    }

    private static void CheckPinned(string job, string uses, List<Violation> violations)
    {
        if (uses.StartsWith("./", StringComparison.Ordinal) || uses.StartsWith("docker://", StringComparison.Ordinal))
        {
            return;
        }

        if (!PinnedBySha().IsMatch(uses))
        {
            violations.Add(new(Pinned, job, $"`{uses}` must be pinned by a full commit SHA"));
        }
    }

    private static bool HoldsWriterLock(YamlMappingNode job) =>
        Node(job, "concurrency") is YamlMappingNode concurrency
        && Scalar(concurrency, "group") is { } group && group.Contains("${{", StringComparison.Ordinal)
        && Scalar(concurrency, "cancel-in-progress") == "false";

    private static bool IsReadOnly(YamlNode? permissions) =>
        permissions is YamlMappingNode map && map.Children.Values.All(v => v is YamlScalarNode { Value: "read" or "none" });

    private static bool IsAction(YamlMappingNode step, string action) =>
        Scalar(step, "uses")?.StartsWith(action + "@", StringComparison.Ordinal) == true;

    private static YamlNode? Node(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static YamlMappingNode? Map(YamlMappingNode? map, string key) => Node(map, key) as YamlMappingNode;

    private static string? Scalar(YamlMappingNode? map, string key) => (Node(map, key) as YamlScalarNode)?.Value;

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")]
    private static partial Regex PinnedBySha();

    // A target that changes the org, or one chosen at run time.
    [GeneratedRegex(@"--target=(""?\$\{?TARGET|Deploy|Rollback|Sync)")]
    private static partial Regex WritingTarget();
}

/// <summary>One broken rule: which, in which job, and what to do.</summary>
internal sealed record Violation(string Rule, string Job, string Message)
{
    public override string ToString() => $"{Rule}: {Job}: {Message}";
}
