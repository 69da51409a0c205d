using System.Globalization;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Realism;

/// <summary>The realism profile and its lags as the admin surface shows and takes them
/// (<c>/sandbox/realism</c>, <c>/sandbox/consistency</c>). Lags are whole milliseconds, like a fault's
/// <c>delayMs</c>.</summary>
internal static class RealismJson
{
    private static readonly string[] Switches = ["validation", "serverDefaults", "platformDivisions", "queueRules"];

    public static JObject Profile(RealismProfile profile) => new()
    {
        ["validation"] = profile.Validation,
        ["serverDefaults"] = profile.ServerDefaults,
        ["platformDivisions"] = profile.PlatformDivisions,
        ["queueRules"] = profile.QueueRules,
        ["consistency"] = Lags(profile.Consistency),
    };

    public static JObject Lags(ConsistencyLags lags) => new()
    {
        ["listLagMs"] = Milliseconds(lags.ListLag),
        ["getLagMs"] = Milliseconds(lags.GetLag),
        ["queueDeleteLingerMs"] = Milliseconds(lags.QueueDeleteLinger),
        ["deletedSkillListedMs"] = Milliseconds(lags.DeletedSkillListed),
    };

    /// <summary>Applies a <c>PUT /sandbox/realism</c> body: <c>{"profile": "on"|"off"}</c> first, then any
    /// single switch and <c>consistency</c> lags given beside it. Everything is checked before anything changes.</summary>
    public static Action<RealismProfile> ProfileChange(JObject body)
    {
        var preset = body.Str("profile") switch
        {
            null => null,
            "on" => RealismProfile.Realistic(),
            "off" => RealismProfile.Off(),
            var other => throw ApiErrors.BadRequest($"profile must be 'on' or 'off', not '{other}'."),
        };
        var switches = Switches.Where(body.ContainsKey).ToDictionary(name => name, name => Flag(body, name));
        var lags = body["consistency"] is { } consistency
            ? LagsChange(consistency as JObject ?? throw ApiErrors.BadRequest("consistency must be a JSON object."))
            : null;
        return profile =>
        {
            if (preset is not null)
            {
                profile.Validation = preset.Validation;
                profile.ServerDefaults = preset.ServerDefaults;
                profile.PlatformDivisions = preset.PlatformDivisions;
                profile.QueueRules = preset.QueueRules;
                profile.Consistency = preset.Consistency;
            }

            foreach (var (name, value) in switches)
            {
                switch (name)
                {
                    case "validation":
                        profile.Validation = value;
                        break;
                    case "serverDefaults":
                        profile.ServerDefaults = value;
                        break;
                    case "platformDivisions":
                        profile.PlatformDivisions = value;
                        break;
                    default:
                        profile.QueueRules = value;
                        break;
                }
            }

            lags?.Invoke(profile.Consistency);
        };
    }

    /// <summary>Applies a <c>PUT /sandbox/consistency</c> body: any of the four lags, in milliseconds, or
    /// <c>{"profile": "realistic"|"none"}</c> for a preset.</summary>
    public static Action<ConsistencyLags> LagsChange(JObject body)
    {
        var preset = body.Str("profile") switch
        {
            null => null,
            "realistic" => ConsistencyLags.Realistic(),
            "none" => ConsistencyLags.None(),
            var other => throw ApiErrors.BadRequest($"profile must be 'realistic' or 'none', not '{other}'."),
        };
        var list = Lag(body, "listLagMs");
        var get = Lag(body, "getLagMs");
        var linger = Lag(body, "queueDeleteLingerMs");
        var skill = Lag(body, "deletedSkillListedMs");
        return lags =>
        {
            if (preset is not null)
            {
                (lags.ListLag, lags.GetLag, lags.QueueDeleteLinger, lags.DeletedSkillListed) =
                    (preset.ListLag, preset.GetLag, preset.QueueDeleteLinger, preset.DeletedSkillListed);
            }

            lags.ListLag = list ?? lags.ListLag;
            lags.GetLag = get ?? lags.GetLag;
            lags.QueueDeleteLinger = linger ?? lags.QueueDeleteLinger;
            lags.DeletedSkillListed = skill ?? lags.DeletedSkillListed;
        };
    }

    private static long Milliseconds(TimeSpan lag) => (long)lag.TotalMilliseconds;

    private static bool Flag(JObject body, string name) =>
        body[name] is { Type: JTokenType.Boolean } value ? (bool)value : throw ApiErrors.BadRequest($"{name} must be true or false.");

    private static TimeSpan? Lag(JObject body, string name) => body[name] switch
    {
        null => null,
        { Type: JTokenType.Integer } value when (long)value is >= 0 and <= 86_400_000 => TimeSpan.FromMilliseconds((long)value),
        _ => throw ApiErrors.BadRequest(string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number of milliseconds from 0 to 86400000.")),
    };
}
