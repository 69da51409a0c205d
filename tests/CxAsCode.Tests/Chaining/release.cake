// A broader release build that chains the CX-as-Code pipeline, as a platform team's own build would:
// it loads our task graph and adds its own tasks around Deploy, without copying ours.
//
//   Package → (Auth → … → DryRun → Deploy) → SmokeTest
//
// The chaining test runs it with --target=SmokeTest: Package runs first, SmokeTest only when Deploy
// succeeded, and the process ends with the pipeline's exit code (3 after a rolled-back deploy).

#load "../../../build/pipeline.cake"

// What this release build did, in order, for the chaining test to read.
void Record(string line)
{
    var log = System.IO.Path.Combine(options.RepositoryRoot, "artifacts", "release.log");
    System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(log));
    System.IO.File.AppendAllText(log, line + "\n");
}

Task("Package")
    .Description("Builds the release package (here: records that it ran, before Deploy).")
    .IsDependeeOf("Auth")
    .Does(() => Record("Package"));

Task("SmokeTest")
    .Description("Checks the deployed environment (here: records what Deploy reported); runs only after a successful Deploy.")
    .IsDependentOn("Deploy")
    .Does<PipelineRun>(run => Record("SmokeTest after " + run.Deployment?.Status));

RunPipeline("Package", "SmokeTest");
