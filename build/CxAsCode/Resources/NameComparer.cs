namespace CxAsCode.Resources;

/// <summary>Genesys Cloud treats names as unique without regard to case; so do we.</summary>
public static class NameComparer
{
    public static StringComparer Instance { get; } = StringComparer.OrdinalIgnoreCase;
}
