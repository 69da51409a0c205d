namespace CxAsCode.Sandbox;

/// <summary>How much like the real Genesys Cloud the sandbox behaves. <see cref="Off"/> is the friendly
/// emulator the pipeline grew up with; <see cref="Realistic"/> turns on every rule below. Each rule cites
/// its source beside the code that applies it (and in the README).</summary>
public sealed class RealismProfile
{
    /// <summary>Server-side validation with the real error bodies: enum values of every enum field in the
    /// contract, alerting timeout ≥ 7 s, service level, bullseye ring count, ACW timeout only with a timed
    /// wrap-up prompt, and the 512,000-byte request limit.</summary>
    public bool Validation { get; set; }

    /// <summary>Fields a queue body omits get the platform's defaults (media settings, skill evaluation
    /// method, scoring method, ACW settings).</summary>
    public bool ServerDefaults { get; set; }

    /// <summary>Divisions as the platform does them: a wrap-up code without a division is in all divisions
    /// (<c>*</c>), and a queue PUT leaves the division as it was (a move goes through
    /// <c>POST /api/v2/authorization/divisions/{id}/objects/QUEUE</c>, which works either way).</summary>
    public bool PlatformDivisions { get; set; }

    /// <summary>Queue details the platform insists on: the first conditional-group-routing rule never names
    /// a queue (and reads back naming the queue itself); a bullseye ring with member groups cannot be removed
    /// before they are cleared.</summary>
    public bool QueueRules { get; set; }

    /// <summary>Read views lag behind writes (<see cref="ConsistencyLags.None"/> when off).</summary>
    public ConsistencyLags Consistency { get; set; } = ConsistencyLags.None();

    /// <summary>Whether any rule above is on (the seed then loads as written for the real platform).</summary>
    public bool AnyRules => Validation || ServerDefaults || PlatformDivisions || QueueRules;

    /// <summary>No realism: no lag, no validation, no defaults, divisions as the engine sends them.</summary>
    public static RealismProfile Off() => new();

    /// <summary>Every rule on, with the realistic lags of <see cref="ConsistencyLags.Realistic"/>.</summary>
    public static RealismProfile Realistic() => new()
    {
        Validation = true,
        ServerDefaults = true,
        PlatformDivisions = true,
        QueueRules = true,
        Consistency = ConsistencyLags.Realistic(),
    };

    internal RealismProfile Clone()
    {
        var copy = (RealismProfile)MemberwiseClone();
        copy.Consistency = Consistency.Clone();
        return copy;
    }
}
