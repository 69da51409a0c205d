using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CxAsCode.Configuration;
using CxAsCode.Json;
using CxAsCode.Pipeline;
using CxAsCode.State;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>
/// Test-plan items 28 and 29, in every auth mode, as a GitHub Actions job sees the pipeline: a DryRun, a deploy
/// that fails on a server echoing our request (rolled back), a deploy that succeeds, the Rollback target and
/// a Sync. Afterwards no client secret, private key, access token or assertion (raw, Base64 or URL-encoded)
/// is in stdout, in the runner's output files or in any file the runs wrote; each was registered with
/// <c>::add-mask::</c> first; and the output files parse to their intended keys only, with hostile names in
/// the org.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed partial class SecretHygieneTests : SandboxPipelineFixture
{
    private static readonly string[] HostileNames = ["\"; rm -rf ~ #", "%0A::set-output name=x::y", "EOF", "Headsets 🎧 & Café"];

    private string _runner = null!;
    private RSA _key = null!;

    private string OutputFile => Path.Combine(_runner, "output");

    private string EnvFile => Path.Combine(_runner, "env");

    private string SummaryFile => Path.Combine(_runner, "summary.md");

    [SetUp]
    public void CreateRunnerFiles()
    {
        _runner = Directory.CreateTempSubdirectory("cxascode-runner-").FullName;
        foreach (var file in new[] { OutputFile, EnvFile, SummaryFile })
        {
            File.WriteAllText(file, string.Empty);
        }

        _key = RSA.Create(2048); // made per run: no private key is ever committed
    }

    [TearDown]
    public void DeleteRunnerFiles()
    {
        _key.Dispose();
        Directory.Delete(_runner, recursive: true);
    }

    [TestCase("client credentials")]
    [TestCase("access token")]
    [TestCase("JWT assertion")]
    public async Task EveryTarget_InActionsWithAnEchoingServer_LeavesNoSecretAndOutputFilesHoldOnlyTheirKeys(string mode)
    {
        var (credentials, secrets) = await CredentialsAsync(mode);
        Driver.Environment = new Dictionary<string, string?>(credentials)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_OUTPUT"] = OutputFile,
            ["GITHUB_ENV"] = EnvFile,
            ["GITHUB_STEP_SUMMARY"] = SummaryFile,
        };
        foreach (var name in HostileNames)
        {
            Repository.Write($"state/dev/routing/skills/{FileNames.StemFor(name)}.json", CanonicalJson.Serialize(new JObject { ["name"] = name }));
        }

        var earlier = Sandbox.IssuedTokens().ToHashSet();
        var exits = await RunEveryTargetAsync();
        var issued = Sandbox.IssuedTokens().Where(t => !earlier.Contains(t)).ToList();

        var stdout = Driver.Output.ToString();
        var forbidden = secrets.Concat(Sandbox.IssuedTokens()).SelectMany(Encodings).Distinct().ToList();
        var texts = Directory.EnumerateFiles(Repository.Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat([OutputFile, EnvFile, SummaryFile])
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f)))
            .Append((Name: "stdout without its ::add-mask:: lines", Text: WithoutMaskCommands(stdout)))
            .ToList();
        var masked = MaskCommands(stdout);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exits, Is.EqualTo(new[] { 0, 3, 0, 0, 0 }), stdout);
            Assert.That(stdout, Does.Contain("Bearer ***"), "the server echoed a request and the echo was masked");
            foreach (var (name, text) in texts)
            {
                Assert.That(forbidden.Where(f => text.Contains(f, StringComparison.Ordinal)), Is.Empty, $"{name} holds a secret");
                Assert.That(BearerToken().IsMatch(text), Is.False, $"{name} holds a bearer token");
                Assert.That(Jwt().IsMatch(text), Is.False, $"{name} holds a JWT assertion");
            }

            Assert.That(secrets.SelectMany(Lines).Where(line => !masked.Contains(line)), Is.Empty, "every secret line registered with ::add-mask::");
            Assert.That(issued, Is.Not.Empty.Or.Matches<List<string>>(_ => mode == "access token"), "the runs obtained their own tokens");
            Assert.That(issued.Where(t => !masked.Contains(t)), Is.Empty, "every token issued to the runs registered with ::add-mask::");
            // One file for five runs here (a job gives each step its own): has-changes once per planning run.
            Assert.That(OutputKeys(File.ReadAllText(OutputFile)), Is.Not.Empty.And.All.EqualTo("has-changes"), "GITHUB_OUTPUT holds only the pipeline's outputs");
            Assert.That(File.ReadAllText(EnvFile), Is.Empty, "the pipeline sets no job environment variable");
            Assert.That(WorkflowCommands(stdout).Where(c => c is not ("add-mask" or "group" or "endgroup" or "error" or "warning" or "notice")), Is.Empty, "no hostile name starts a workflow command");
            Assert.That(File.ReadAllText(SummaryFile), Does.Contain("rm -rf"), "the hostile names reached the summary as text");
        }
    }

    /// <summary>DryRun; Deploy failing on an echoing 500 (rolled back, 3); Deploy; Rollback of it; Sync.</summary>
    private async Task<int[]> RunEveryTargetAsync()
    {
        var (_, dryRun) = await Driver.RunAsync("DryRun");
        await Sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = "^/api/v2/routing/queues/[^/]+$", ["echoRequest"] = true, ["times"] = 1 });
        await Sandbox.FaultAsync(new JObject { ["method"] = "GET", ["path"] = "^/api/v2/routing/skills", ["echoRequest"] = true, ["status"] = 503, ["times"] = 1 });
        var (_, failed) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync(deletes: true);
        var (_, deployed) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync(deletes: true);
        var (_, rolledBack) = await Driver.RollbackAsync();
        await SandboxHost.SettleAsync(deletes: true);
        var sync = Driver.NewRun("Sync", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Parallelism = o.Parallelism, Force = true });
        return [dryRun, failed, deployed, rolledBack, await SyncAsync(sync)];
    }

    private static async Task<int> SyncAsync(PipelineRun run)
    {
        try
        {
            await run.AuthAsync();
            await run.ExtractAsync();
            run.Normalize();
            run.SyncState();
            return run.Finish(null);
        }
        catch (Exception e)
        {
            return run.Finish(e);
        }
    }

    /// <summary>The variables for one auth mode, and the secrets it holds.</summary>
    private async Task<(Dictionary<string, string?> Variables, List<string> Secrets)> CredentialsAsync(string mode)
    {
        var api = Sandbox.BaseAddress.ToString().TrimEnd('/');
        var clientId = "leak-scan-" + Guid.NewGuid().ToString("N")[..8];
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var everything = new JArray(new JObject { ["division"] = "*", ["permissions"] = new JArray("*") });
        switch (mode)
        {
            case "client credentials":
                await Sandbox.PostAsync("/sandbox/clients", new JObject { ["clientId"] = clientId, ["clientSecret"] = secret, ["grants"] = everything });
                return (new() { [EnvironmentVariables.ApiUrl] = api, [EnvironmentVariables.ClientId] = clientId, [EnvironmentVariables.ClientSecret] = secret }, [secret, Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}"))]);
            case "access token":
                await Sandbox.PostAsync("/sandbox/clients", new JObject { ["clientId"] = clientId, ["clientSecret"] = secret, ["grants"] = everything });
                var token = await TokenAsync(clientId, secret);
                return (new() { [EnvironmentVariables.ApiUrl] = api, [EnvironmentVariables.AccessToken] = token }, [token]);
            default:
                await Sandbox.PostAsync("/sandbox/clients", new JObject
                {
                    ["clientId"] = clientId,
                    ["publicKeys"] = new JArray(new JObject { ["keyId"] = "k1", ["pem"] = _key.ExportSubjectPublicKeyInfoPem() }),
                    ["grants"] = everything,
                });
                var pem = _key.ExportPkcs8PrivateKeyPem();
                return (new()
                {
                    [EnvironmentVariables.ApiUrl] = api,
                    [EnvironmentVariables.ClientId] = clientId,
                    [EnvironmentVariables.JwtPrivateKey] = pem,
                    [EnvironmentVariables.JwtKeyId] = "k1",
                    [EnvironmentVariables.TokenUrl] = api + "/oauth/token",
                }, [pem, .. Lines(pem).Where(l => !l.StartsWith("-----", StringComparison.Ordinal))]);
        }
    }

    private async Task<string> TokenAsync(string clientId, string secret)
    {
        using var http = new HttpClient { BaseAddress = Sandbox.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token") { Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]) };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        using var response = await http.SendAsync(request);
        return (string)JObject.Parse(await response.Content.ReadAsStringAsync())["access_token"]!;
    }

    private static IEnumerable<string> Encodings(string secret) =>
        [secret, Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), Uri.EscapeDataString(secret)];

    private static IEnumerable<string> Lines(string text) =>
        text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static HashSet<string> MaskCommands(string stdout) =>
        [.. stdout.Split('\n').Where(l => l.StartsWith("::add-mask::", StringComparison.Ordinal)).Select(l => l["::add-mask::".Length..])];

    /// <summary>The runner consumes <c>::add-mask::</c> lines: they never reach the log.</summary>
    private static string WithoutMaskCommands(string stdout) =>
        string.Join('\n', stdout.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal)));

    private static IEnumerable<string> WorkflowCommands(string stdout) =>
        stdout.Split('\n').Select(l => WorkflowCommand().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value);

    /// <summary>Parses GITHUB_OUTPUT as the runner does: <c>name=value</c> or <c>name&lt;&lt;DELIMITER</c> … <c>DELIMITER</c>.</summary>
    private static List<string> OutputKeys(string text)
    {
        var keys = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var heredoc = lines[i].IndexOf("<<", StringComparison.Ordinal);
            var equals = lines[i].IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                keys.Add(lines[i][..heredoc]);
                var delimiter = lines[i][(heredoc + 2)..];
                i++;
                while (i < lines.Length && lines[i] != delimiter)
                {
                    i++;
                }

                Assert.That(i, Is.LessThan(lines.Length), $"GITHUB_OUTPUT: {keys[^1]} has no closing delimiter");
            }
            else
            {
                Assert.That(equals, Is.GreaterThan(0), $"GITHUB_OUTPUT: line '{lines[i]}' is neither name=value nor name<<DELIMITER");
                keys.Add(lines[i][..equals]);
            }
        }

        return keys;
    }

    [GeneratedRegex(@"Bearer\s+(?!\*\*\*)[A-Za-z0-9._~+/=-]{16,}")]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"^::([a-zA-Z-]+)")]
    private static partial Regex WorkflowCommand();
}
