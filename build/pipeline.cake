// The CX as Code task graph, loadable by other Cake scripts. This file only wires tasks: each task body is
// one call into the engine (build/CxAsCode), which holds everything that can be tested without Cake,
// including the tables of targets and arguments that --help and the README show.
//
//   Auth → Extract → Normalize → Validate → DryRun → Deploy ⇢ Rollback (Deploy's OnError hook)
//                                 └────────→ Sync
//
// build/build.cake is `#load "pipeline.cake"` plus `RunPipeline();`. A broader release build loads this file
// the same way, adds its own tasks around ours (e.g. `Task("Package").IsDependeeOf("Deploy")`,
// `Task("SmokeTest").IsDependentOn("Deploy")`) and calls `RunPipeline("Package", "SmokeTest")`: a deploy
// that fails (rolled back or not) fails the Deploy task, so nothing that depends on it runs, and the
// process ends with the pipeline's exit code.
//
// A Cake script rather than Cake.Frosting: Frosting is not served by the registry this project can
// reach. Moving to Frosting later changes only this file (each task becomes a FrostingTask<PipelineRun>
// calling the same engine method).

#r "CxAsCode/bin/Release/net10.0/CxAsCode.dll"

using CxAsCode.Configuration;
using CxAsCode.Pipeline;

PipelineOptions options = null; // parsed by RunPipeline, before any task runs
PipelineRun finished = null;

//////////////////////////////////////////////////////////////////////
// SETUP / TEARDOWN
//////////////////////////////////////////////////////////////////////

Setup<PipelineRun>(context => PipelineRun.Create(options));

TaskSetup<PipelineRun>((context, run) => run.BeginTask(context.Task.Name));

TaskTeardown<PipelineRun>((context, run) => run.EndTask(context.ThrownException));

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
    .Description(PipelineTargets.Describe("Auth"))
    .Does<PipelineRun>(run => run.AuthAsync());

Task("Extract")
    .Description(PipelineTargets.Describe("Extract"))
    .IsDependentOn("Auth")
    .Does<PipelineRun>(run => run.ExtractAsync());

Task("Normalize")
    .Description(PipelineTargets.Describe("Normalize"))
    .IsDependentOn("Extract")
    .Does<PipelineRun>(run => run.Normalize());

Task("Validate")
    .Description(PipelineTargets.Describe("Validate"))
    .IsDependentOn("Normalize")
    .Does<PipelineRun>(run => run.Validate());

Task("DryRun")
    .Description(PipelineTargets.Describe("DryRun"))
    .IsDependentOn("Validate")
    .Does<PipelineRun>(run => run.DryRun());

// No criterion: with nothing to change the engine sends nothing, takes no lock and says "No changes".
Task("Deploy")
    .Description(PipelineTargets.Describe("Deploy"))
    .IsDependentOn("DryRun")
    .Does<PipelineRun>(run => run.DeployAsync())
    .OnError<PipelineRun>((exception, run) =>
    {
        run.RollBackFailedDeployAsync(exception).GetAwaiter().GetResult();
        // Still a failure after the rollback: tasks that depend on Deploy (a release build's smoke test) must not run.
        throw exception;
    });

Task("Rollback")
    .Description(PipelineTargets.Describe("Rollback"))
    .IsDependentOn("Auth")
    .Does<PipelineRun>(run => run.RollbackAsync());

Task("Sync")
    .Description(PipelineTargets.Describe("Sync"))
    .IsDependentOn("Normalize")
    .Does<PipelineRun>(run => run.SyncState());

Task("Promote")
    .Description(PipelineTargets.Describe("Promote"))
    .Does<PipelineRun>(run => run.Promote());

Task("Sandbox")
    .Description(PipelineTargets.Describe("Sandbox"))
    .Does<PipelineRun>(run =>
    {
        var arguments = new ProcessArgumentBuilder();
        foreach (var argument in Connection.SandboxCommandLine(run.Options))
        {
            arguments.AppendQuoted(argument);
        }

        var code = StartProcess("dotnet", new ProcessSettings { Arguments = arguments });
        if (code != 0) throw new CakeException(code, "The sandbox stopped with exit code " + code + ".");
    });

// The benchmark is its own program (it hosts the sandbox and runs the engine in process): built here, on
// first use, so ./build.sh stays as quick for every other target.
Task("Benchmark")
    .Description(PipelineTargets.Describe("Benchmark"))
    .Does<PipelineRun>(run =>
    {
        var root = run.Options.RepositoryRoot;
        var build = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder().Append("build").AppendQuoted(BenchmarkCommand.Project(root)).Append("--configuration Release --nologo --verbosity quiet"),
        });
        if (build != 0) throw new CakeException(1, "The benchmark did not build.");
        var arguments = new ProcessArgumentBuilder().AppendQuoted(BenchmarkCommand.Assembly(root));
        foreach (var argument in BenchmarkCommand.Arguments(run.Options, System.Environment.GetEnvironmentVariable))
        {
            arguments.AppendQuoted(argument);
        }

        var code = StartProcess("dotnet", new ProcessSettings { Arguments = arguments });
        if (code != 0) throw new CakeException(code, "The benchmark stopped with exit code " + code + ".");
    });

Task("Test")
    .Description(PipelineTargets.Describe("Test"))
    .Does<PipelineRun>(run =>
    {
        var root = run.Options.RepositoryRoot;
        var format = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder().Append("format").AppendQuoted(root + "/CxAsCode.sln").Append("--verify-no-changes"),
        });
        if (format != 0) throw new CakeException(1, "dotnet format found code that is not formatted: run `dotnet format CxAsCode.sln`.");
        // Results go under .build/ (ignored, never artifacts/): the tests leave the run outputs alone.
        DotNetTest(root + "/tests/CxAsCode.Tests/CxAsCode.Tests.csproj", new DotNetTestSettings
        {
            Configuration = "Release",
            Loggers = { "trx;LogFileName=results.trx", "console;verbosity=normal" },
            ResultsDirectory = root + "/.build/test-results",
        });
    });

Task("Help")
    .Description(PipelineTargets.Describe("Help"))
    .Does(() => System.Console.Write(HelpText.Render()));

//////////////////////////////////////////////////////////////////////
// EXECUTION
//////////////////////////////////////////////////////////////////////

/// <summary>
/// Checks every argument against the engine's table (targets a loading script adds are accepted too), runs
/// the target, and ends the process with the pipeline's exit code.
/// </summary>
void RunPipeline(params string[] ownTargets)
{
    // An unknown name, a bad value or a missing one ends here with exit 1, before any request is sent.
    try
    {
        var root = RepositoryRoot.Find(Context.Environment.WorkingDirectory.FullPath);
        options = PipelineArguments.Parse(Context.Arguments.GetArguments(), root, exclusive: Settings.Exclusive, ownTargets: ownTargets);
    }
    catch (ConfigurationException exception)
    {
        throw new CakeException(1, exception.Message);
    }

    try
    {
        RunTarget(options.Target);
    }
    catch (Exception exception) when (finished is null)
    {
        // Setup failed, or Teardown did: there is no run to ask for the exit code.
        throw new CakeException(1, (exception.InnerException ?? exception).Message);
    }
    catch (Exception)
    {
        // The failing task's reason is printed and recorded on the run, which knows the honest exit code.
    }

    var exitCode = finished?.ExitCode ?? 0; // no run: --tree, --description
    if (exitCode == 2)
    {
        // "Changes found" is an answer, not an error: a CakeException would print it as a red error banner.
        System.Console.WriteLine(finished.Outcome);
        System.Environment.Exit(exitCode);
    }

    if (exitCode != 0)
    {
        throw new CakeException(exitCode, finished.Outcome);
    }
}
