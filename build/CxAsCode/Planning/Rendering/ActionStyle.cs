namespace CxAsCode.Planning.Rendering;

/// <summary>How each action reads: the terraform-like symbol, the verb and its colour.</summary>
internal static class ActionStyle
{
    public const string Reset = "\u001b[0m";
    public const string Bold = "\u001b[1m";
    public const string Dim = "\u001b[2m";
    public const string Red = "\u001b[31m";
    public const string Green = "\u001b[32m";
    public const string Yellow = "\u001b[33m";
    public const string Cyan = "\u001b[36m";

    public static string Symbol(ChangeAction action) => action switch
    {
        ChangeAction.Create => "+",
        ChangeAction.Update => "~",
        ChangeAction.Restore => "^",
        ChangeAction.Replace => "-/+",
        ChangeAction.Delete => "-",
        _ => "?",
    };

    public static string Verb(ChangeAction action) => action switch
    {
        ChangeAction.Create => "create",
        ChangeAction.Update => "update",
        ChangeAction.Restore => "restore",
        ChangeAction.Replace => "replace",
        ChangeAction.Delete => "delete",
        _ => "unmanaged",
    };

    public static string Color(ChangeAction action) => action switch
    {
        ChangeAction.Create => Green,
        ChangeAction.Update => Yellow,
        ChangeAction.Restore => Green,
        ChangeAction.Replace => Cyan,
        ChangeAction.Delete => Red,
        _ => Dim,
    };

    /// <summary>The colour of a field change line by its symbol.</summary>
    public static string Color(char symbol) => symbol switch
    {
        '+' => Green,
        '-' => Red,
        _ => Yellow,
    };
}
