using System.Globalization;

namespace CxAsCode.Sandbox.Hosting;

/// <summary>Parses the sandbox's command line into <see cref="SandboxOptions"/>. Accepts
/// <c>--name value</c> and <c>--name=value</c>.</summary>
internal static class CommandLine
{
    public const string Usage = """
        CxAsCode sandbox: a local emulator of part of the Genesys Cloud Platform API.

        Usage: CxAsCode.Sandbox [options]

          --port N            TCP port on 127.0.0.1 (default 8787; 0 = any free port)
          --data-dir DIR      where org.json is kept between runs (default .sandbox)
          --in-memory         keep the org in memory only (no org.json)
          --seed NAME         default | empty (default: default)
          --reset             ignore the saved org.json and start from the seed
          --rate-limit N      requests per minute per token (default 300; 0 = unlimited)
          --realism on|off    behave like the real platform: lags, validation, defaults,
                              divisions, queue rules (default on; off = a friendly sandbox)
          --list-lag S        seconds lists lag behind writes (realism on: 5)
          --get-lag S         seconds GET by id lags behind writes (realism on: 2)
          --queue-delete-linger S
                              seconds a deleted queue still answers (realism on: 60)
          --deleted-skill-listed S
                              seconds a deleted skill stays listed (realism on: 60)
          --job-time S        seconds an Architect import or export job takes (default 2)
          --parent-pid N      exit when process N exits
          --help              show this text

        Once listening it prints one line to stdout:
          CxAsCode sandbox listening on http://127.0.0.1:<port>
        """;

    /// <summary>Returns the options, or null with <paramref name="error"/> set (or null with no error for
    /// <c>--help</c>).</summary>
    public static SandboxOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        // Realism on by default: what someone sees from the command line is what a real org does (README).
        var options = new SandboxOptions { DataDir = ".sandbox", Realism = RealismProfile.Realistic() };
        var lags = new List<Action<ConsistencyLags>>();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"{name} needs a value.");
                }

                return args[++i];
            }

            try
            {
                switch (name)
                {
                    case "--help" or "-h" or "-?":
                        return null;
                    case "--port":
                        options.Port = Number(name, Value(), 0, 65535);
                        break;
                    case "--data-dir":
                        options.DataDir = NonEmpty(name, Value());
                        break;
                    case "--in-memory":
                        options.DataDir = null;
                        break;
                    case "--seed":
                        options.Seed = Value();
                        if (!SeedNames.IsKnown(options.Seed))
                        {
                            throw new FormatException($"--seed must be '{SeedNames.Default}' or '{SeedNames.Empty}', not '{options.Seed}'.");
                        }

                        break;
                    case "--reset":
                        options.Reset = true;
                        break;
                    case "--rate-limit":
                        options.RequestsPerMinute = Number(name, Value(), 0, int.MaxValue);
                        break;
                    case "--parent-pid":
                        options.ParentPid = Number(name, Value(), 1, int.MaxValue);
                        break;
                    case "--realism":
                        options.Realism = Value() switch
                        {
                            "on" => RealismProfile.Realistic(),
                            "off" => RealismProfile.Off(),
                            var other => throw new FormatException($"--realism must be 'on' or 'off', not '{other}'."),
                        };
                        break;
                    case "--list-lag":
                        var list = Seconds(name, Value());
                        lags.Add(l => l.ListLag = list);
                        break;
                    case "--get-lag":
                        var get = Seconds(name, Value());
                        lags.Add(l => l.GetLag = get);
                        break;
                    case "--queue-delete-linger":
                        var linger = Seconds(name, Value());
                        lags.Add(l => l.QueueDeleteLinger = linger);
                        break;
                    case "--job-time":
                        options.ArchitectJobTime = Seconds(name, Value());
                        break;
                    case "--deleted-skill-listed":
                        var listed = Seconds(name, Value());
                        lags.Add(l => l.DeletedSkillListed = listed);
                        break;
                    default:
                        throw new FormatException($"Unknown argument '{args[i]}'.");
                }
            }
            catch (FormatException ex)
            {
                error = ex.Message;
                return null;
            }
        }

        // Lags given on their own override the --realism preset, whichever came first.
        lags.ForEach(change => change(options.Realism.Consistency));
        return options;
    }

    private static (string Name, string? Inline) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static int Number(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"{name} must be a whole number from {min} to {max}, not '{text}'.");

    private static TimeSpan Seconds(string name, string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= 86400
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"{name} must be a number of seconds from 0 to 86400, not '{text}'.");

    private static string NonEmpty(string name, string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new FormatException($"{name} needs a value.") : text;
}
