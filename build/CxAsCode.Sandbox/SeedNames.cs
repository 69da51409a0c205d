namespace CxAsCode.Sandbox;

/// <summary>The seeds the sandbox can start from.</summary>
public static class SeedNames
{
    /// <summary>Divisions, skills, wrap-up codes and queues of a small energy-company contact centre.</summary>
    public const string Default = "default";

    /// <summary>Only the three divisions.</summary>
    public const string Empty = "empty";

    internal static bool IsKnown(string? seed) => seed is Default or Empty;
}
