using System.Diagnostics;

namespace CxAsCode.Tests.Integration;

/// <summary>
/// <c>build.sh</c>'s own logic, against a fake <c>dotnet</c> on the PATH in a throwaway copy of the script:
/// when it builds, what it shows of the build, and how it hands arguments to Cake. Fast, and it never
/// touches the real checkout.
/// </summary>
[TestFixture]
internal sealed class BootstrapScriptTests
{
    private const string FakeDotnet = """
        #!/usr/bin/env bash
        command=$1
        shift
        { printf '%s' "$command"; for a in "$@"; do printf ' [%s]' "$a"; done; echo; } >> "$FAKE_DOTNET_LOG"
        case "$command" in
          build)
            if [ -f build-fails ]; then echo "x.cs(1,1): error CS1002: ; expected"; exit 1; fi
            mkdir -p build/CxAsCode/bin/Release/net10.0 build/CxAsCode.Sandbox/bin/Release/net10.0
            touch build/CxAsCode/bin/Release/net10.0/CxAsCode.dll build/CxAsCode.Sandbox/bin/Release/net10.0/CxAsCode.Sandbox.dll
            echo "Build succeeded."; echo "    0 Warning(s)" ;;
          tool) echo "Tool 'cake.tool' (version '7.0.0') was restored." ;;
          cake) echo "cake ran with NO_COLOR=${NO_COLOR:-}" ;;
        esac
        """;

    private string _root = null!;

    private string Log => Path.Combine(_root, "dotnet.log");

    [SetUp]
    public void CreateCopy()
    {
        _root = Path.Combine(Path.GetTempPath(), "cxascode-bootstrap-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(_root, "fake-bin"));
        File.Copy(Path.Combine(TestRepository.RepositoryRoot, "build.sh"), Path.Combine(_root, "build.sh"));
        foreach (var file in new[] { "build/CxAsCode/Engine.cs", "build/CxAsCode.Sandbox/Sandbox.cs", "Directory.Build.props", "Directory.Packages.props", "BannedSymbols.txt", ".editorconfig", "global.json", "build/pipeline.slnf" })
        {
            Write(file, "// " + file);
        }

        Write("fake-bin/dotnet", FakeDotnet.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(_root, "fake-bin", "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [TearDown]
    public void DeleteCopy() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task Run_InputsUnchanged_BuildsOnceAndPrintsNothingFromItTheSecondTime()
    {
        var first = await RunAsync("--target=DryRun");
        var second = await RunAsync("--target=DryRun");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Output, Does.StartWith("Building the engine and the sandbox"));
            Assert.That(second.Output, Is.EqualTo("cake ran with NO_COLOR=1\n"), "a warm run shows nothing of restore or build");
            Assert.That(Calls("build"), Has.Count.EqualTo(1));
            Assert.That(Calls("cake"), Is.EqualTo(new[] { "cake [build/build.cake] [--invalidate-script-cache] [--target=DryRun]", "cake [build/build.cake] [--target=DryRun]" }));
        }
    }

    [TestCase("build/CxAsCode/Engine.cs")]
    [TestCase("build/CxAsCode.Sandbox/Sandbox.cs")]
    [TestCase("Directory.Packages.props")]
    public async Task Run_AnInputChanged_BuildsAgainAndInvalidatesTheCachedScript(string input)
    {
        await RunAsync();
        Write(input, "// changed");

        var (exitCode, output) = await RunAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(Calls("build"), Has.Count.EqualTo(2));
            Assert.That(Calls("cake")[^1], Does.Contain("[--invalidate-script-cache]"));
        }
    }

    [Test]
    public async Task Run_ANewSourceFile_BuildsAgain()
    {
        await RunAsync();
        Write("build/CxAsCode/Added.cs", "// new");

        await RunAsync();

        Assert.That(Calls("build"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Run_OnlyTimestampsChanged_DoesNotBuild()
    {
        await RunAsync();
        File.SetLastWriteTimeUtc(Path.Combine(_root, "build/CxAsCode/Engine.cs"), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        await RunAsync();

        Assert.That(Calls("build"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Run_BuildOutputDeleted_BuildsAgain()
    {
        await RunAsync();
        File.Delete(Path.Combine(_root, "build/CxAsCode/bin/Release/net10.0/CxAsCode.dll"));

        await RunAsync();

        Assert.That(Calls("build"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Run_BuildFails_ShowsItsErrorsAndRunsNothing()
    {
        Write("build-fails", string.Empty);

        var (exitCode, output) = await RunAsync("--target=Deploy");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(output, Does.Contain("error CS1002").And.Contain("The build failed; nothing ran."));
            Assert.That(Calls("cake"), Is.Empty);
        }
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public async Task Run_Help_RunsTheHelpTargetOnly(string help)
    {
        await RunAsync("--target=Deploy", help, "--env=prod");

        Assert.That(Calls("cake")[^1], Does.EndWith("[--target=Help] [--verbosity=quiet] [--no-report]"));
    }

    [Test]
    public async Task Run_CakeHelp_AsksCakeForItsOwnHelp()
    {
        await RunAsync("--cake-help");

        Assert.That(Calls("cake")[^1], Does.EndWith("[--help]"));
    }

    [Test]
    public async Task Run_ArgumentWithAnEmptyValue_ReachesCakeAsAnEmptyValue()
    {
        // Cake's own parser would refuse "--env=" with exit 255 before the pipeline could name the argument.
        await RunAsync("--env=", "--out=a=b");

        Assert.That(Calls("cake")[^1], Does.EndWith("[--env] [] [--out=a=b]"));
    }

    private List<string> Calls(string command) =>
        File.Exists(Log) ? [.. File.ReadAllLines(Log).Where(l => l.StartsWith(command + " ", StringComparison.Ordinal) || l == command)] : [];

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(_root, "build.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = Path.Combine(_root, "fake-bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKE_DOTNET_LOG"] = Log;
        start.Environment.Remove("NO_COLOR");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
