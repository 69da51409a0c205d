namespace CxAsCode.Configuration;

/// <summary>What kind of value a build argument takes: decides how it is parsed and how help shows it.</summary>
public enum ArgumentKind
{
    /// <summary>On or off: given alone (<c>--prune</c>) or as <c>=true</c> / <c>=false</c>, nothing else.</summary>
    Flag,

    /// <summary>A whole number inside the argument's range.</summary>
    Number,

    /// <summary>Text such as a path or a name; never empty.</summary>
    Text,
}
