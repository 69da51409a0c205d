using System.Globalization;

namespace CxAsCode.Configuration;

/// <summary>
/// One build argument as <see cref="ArgumentTable"/> defines it: the single description that parsing,
/// <c>./build.sh --help</c> and the README's Arguments table are all made from.
/// </summary>
public sealed record PipelineArgument
{
    /// <summary>The name after <c>--</c>, lower case with dashes.</summary>
    public required string Name { get; init; }

    public required ArgumentKind Kind { get; init; }

    /// <summary>How the value is shown in help, e.g. <c>&lt;file&gt;</c>; empty for flags.</summary>
    public string Placeholder { get; init; } = string.Empty;

    /// <summary>The value when the argument is not given, as it would be typed; null when there is none.</summary>
    public string? Default { get; init; }

    /// <summary>The smallest number accepted (numbers only).</summary>
    public int Minimum { get; init; } = int.MinValue;

    /// <summary>The largest number accepted (numbers only).</summary>
    public int Maximum { get; init; } = int.MaxValue;

    /// <summary>May be given more than once (each value kept, in order); others are refused when repeated.</summary>
    public bool Repeatable { get; init; }

    /// <summary>The targets whose run reads it; giving it to another target earns a warning.</summary>
    public required IReadOnlyList<string> UsedBy { get; init; }

    /// <summary>One line of help; may hold Markdown code spans (backticks).</summary>
    public required string Help { get; init; }

    /// <summary>How it is typed: <c>--prune</c>, <c>--env=&lt;name&gt;</c>.</summary>
    public string Usage => Kind == ArgumentKind.Flag ? $"--{Name}" : $"--{Name}={Placeholder}";

    /// <summary>The accepted values in words: "no value, true or false", "a whole number, at least 1", "a path".</summary>
    public string Accepts => Kind switch
    {
        ArgumentKind.Flag => "no value, true or false",
        ArgumentKind.Number when Maximum == int.MaxValue => $"a whole number, at least {Minimum}",
        ArgumentKind.Number => $"a whole number from {Minimum} to {Maximum}",
        _ => Placeholder == "<file>" ? "a path" : Repeatable ? "a name, repeatable" : "a name",
    };

    /// <summary>The targets that read it in words: "all", "all but Sandbox, Test, Help", or the list.</summary>
    public string UsedByText
    {
        get
        {
            var others = PipelineTargets.All.Select(t => t.Name).Except(UsedBy, StringComparer.Ordinal).ToList();
            return others.Count == 0 ? "all"
                : others.Count < UsedBy.Count ? $"all but {string.Join(", ", others)}"
                : string.Join(", ", UsedBy);
        }
    }

    /// <summary>The default of a number argument (PipelineOptions' property initialisers read it).</summary>
    public int DefaultNumber => Kind == ArgumentKind.Number && Default is not null
        ? int.Parse(Default, NumberStyles.None, CultureInfo.InvariantCulture)
        : throw new InvalidOperationException($"--{Name} is not a number argument with a default.");
}
