// The CX as Code task graph. This file only wires tasks: each task body is one call into the engine
// (build/CxAsCode), which holds everything that can be tested without Cake.
//
//   Auth → Extract → Normalize → Validate → DryRun → Deploy ⇢ Rollback (Deploy's OnError hook)
//                                 └────────→ Sync
//
// A Cake script rather than Cake.Frosting: Frosting is not served by the registry this project can
// reach. Moving to Frosting later changes only this file (each task becomes a FrostingTask<PipelineRun>
// calling the same engine method).

#r "CxAsCode/bin/Release/net10.0/CxAsCode.dll"

using CxAsCode.Configuration;
using CxAsCode.Pipeline;

//////////////////////////////////////////////////////////////////////
// ARGUMENTS
//////////////////////////////////////////////////////////////////////

var target = Argument("target", "DryRun");

bool Flag(string name) => HasArgument(name) && Argument(name, "true") is not ("false" or "0" or "no");
string Optional(string name) => HasArgument(name) ? Argument<string>(name) : null;

// The folder holding .config/dotnet-tools.json, found from wherever Cake runs the script.
string RepositoryRoot()
{
    for (var folder = new System.IO.DirectoryInfo(Context.Environment.WorkingDirectory.FullPath); folder != null; folder = folder.Parent)
    {
        if (System.IO.File.Exists(System.IO.Path.Combine(folder.FullName, ".config", "dotnet-tools.json"))) return folder.FullName;
    }

    throw new CakeException(1, "Run this through ./build.sh from the repository.");
}

var options = new PipelineOptions
{
    Target = target,
    Environment = Argument("env", "dev"),
    RepositoryRoot = RepositoryRoot(),
    OutPath = Optional("out"),
    PlanPath = Optional("plan"),
    Prune = Flag("prune"),
    DetailedExitCode = Flag("detailed-exitcode"),
    UseSandbox = Flag("sandbox"),
    Confirm = Optional("confirm"),
    JournalPath = Optional("journal"),
    Commit = Flag("commit"),
    SandboxPort = Argument("port", 8787),
    Parallelism = Argument("parallelism", 4),
    RequestsPerMinute = Argument("rate-limit", 300),
    MaxRetryAfterSeconds = Argument("max-retry-after", 180),
};

// Refuse a bad environment name before anything runs: it becomes file paths and CI inputs.
try
{
    Environments.Require(options.Environment, options.RepositoryRoot);
}
catch (ConfigurationException exception)
{
    throw new CakeException(1, exception.Message);
}

//////////////////////////////////////////////////////////////////////
// SETUP / TEARDOWN
//////////////////////////////////////////////////////////////////////

PipelineRun finished = null;

Setup<PipelineRun>(context => PipelineRun.Create(options));

Teardown<PipelineRun>((context, run) =>
{
    run.Finish(context.ThrownException);
    finished = run;
    run.Dispose();
});

//////////////////////////////////////////////////////////////////////
// TASKS
//////////////////////////////////////////////////////////////////////

Task("Auth")
    .Description("Picks the org (credentials from GENESYSCLOUD_* variables, else the local sandbox) and gets a token.")
    .Does<PipelineRun>(run => run.AuthAsync());

Task("Extract")
    .Description("Reads state/<env> and every managed kind from the org, one list page at a time.")
    .IsDependentOn("Auth")
    .Does<PipelineRun>(run => run.ExtractAsync());

Task("Normalize")
    .Description("Turns live JSON and state files into one canonical form: references by name, no volatile fields.")
    .IsDependentOn("Extract")
    .Does<PipelineRun>(run => run.Normalize());

Task("Validate")
    .Description("Fails before any write if state has malformed files, schema errors, duplicates or dangling references.")
    .IsDependentOn("Normalize")
    .Does<PipelineRun>(run => run.Validate());

Task("DryRun")
    .Description("Shows what a deploy would change, field by field; writes artifacts/<env>/plan.json and plan.md.")
    .IsDependentOn("Validate")
    .Does<PipelineRun>(run => run.DryRun());

Task("Deploy")
    .Description("Applies the plan in dependency order, journaling every write; on failure rolls back its own writes.")
    .IsDependentOn("DryRun")
    .WithCriteria<PipelineRun>((context, run) => run.Plan.HasChanges, "no changes to deploy")
    .Does<PipelineRun>(run => run.DeployAsync())
    .OnError<PipelineRun>((exception, run) => run.RollBackFailedDeployAsync(exception).GetAwaiter().GetResult());

Task("Rollback")
    .Description("Undoes the writes a journal records (--journal=<path>, default the newest), newest first, guarded.")
    .IsDependentOn("Auth")
    .Does<PipelineRun>(run => run.RollbackAsync());

Task("Sync")
    .Description("Writes live configuration into state/<env> in canonical form; --commit commits the change.")
    .IsDependentOn("Normalize")
    .Does<PipelineRun>(run => run.SyncState());

Task("Sandbox")
    .Description("Runs the local Genesys Cloud API emulator in the foreground on 127.0.0.1:--port (default 8787).")
    .Does<PipelineRun>(run =>
    {
        var code = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder()
                .Append(Connection.SandboxAssembly(options.RepositoryRoot))
                .Append("--port").Append(options.SandboxPort.ToString())
                .Append("--data-dir").Append(".sandbox"),
        });
        if (code != 0) throw new CakeException(code, "The sandbox stopped with exit code " + code + ".");
    });

Task("Test")
    .Description("Checks formatting, then runs every test (unit, WireMock, sandbox integration, ./build.sh end to end).")
    .Does(() =>
    {
        var root = options.RepositoryRoot;
        var format = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder().Append("format").AppendQuoted(root + "/CxAsCode.sln").Append("--verify-no-changes"),
        });
        if (format != 0) throw new CakeException(1, "dotnet format found code that is not formatted: run `dotnet format CxAsCode.sln`.");
        DotNetTest(root + "/tests/CxAsCode.Tests/CxAsCode.Tests.csproj", new DotNetTestSettings
        {
            Configuration = "Release",
            Loggers = { "trx;LogFileName=results.trx", "console;verbosity=normal" },
            ResultsDirectory = root + "/artifacts/test-results",
        });
    });

//////////////////////////////////////////////////////////////////////
// EXECUTION
//////////////////////////////////////////////////////////////////////

var exitCode = 0;
try
{
    RunTarget(target);
    exitCode = finished?.ExitCode ?? 0; // no run: --description, --tree
}
catch (Exception) when (finished is not null)
{
    // Cake has already printed the failing task's error; the run knows the honest exit code.
    exitCode = finished.ExitCode;
}
catch (Exception exception)
{
    // Setup itself failed: there is no run to report on.
    Error((exception.InnerException ?? exception).Message);
    exitCode = 1;
}

if (exitCode != 0)
{
    throw new CakeException(exitCode, $"{target} ended with exit code {exitCode}.");
}
