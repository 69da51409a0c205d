namespace CxAsCode.Configuration;

/// <summary>"Did you mean …?" for a mistyped name: the known name closest by edit distance, or the one it abbreviates or extends.</summary>
public static class NearestName
{
    /// <summary>The closest of <paramref name="known"/>, or null when none is close enough to be a plausible typo.</summary>
    public static string? Suggest(string typed, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(known);
        var word = typed.ToLowerInvariant();
        var threshold = Math.Max(1, word.Length / 3);
        return known
            .Select(name => (Name: name, Score: Score(word, name.ToLowerInvariant())))
            .Where(c => c.Score <= threshold)
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Name.Length)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>
    /// Edit distance, except that a word extending a known name (<c>enviroment</c> → <c>env</c>) or
    /// abbreviating one (<c>parallel</c> → <c>parallelism</c>) counts as one edit away, and one sharing its
    /// first five letters (<c>verbose</c> → <c>verbosity</c>) as two at most.
    /// </summary>
    private static int Score(string typed, string name)
    {
        var extends = name.Length >= 3 && typed.StartsWith(name, StringComparison.Ordinal);
        var abbreviates = typed.Length >= 3 && name.StartsWith(typed, StringComparison.Ordinal);
        var sharesStem = typed.Length >= 5 && name.Length >= 5 && string.CompareOrdinal(typed, 0, name, 0, 5) == 0;
        var distance = Distance(typed, name);
        return extends || abbreviates ? Math.Min(distance, 1)
            : sharesStem ? Math.Min(distance, 2)
            : distance;
    }

    /// <summary>Levenshtein distance (insert, delete, substitute), two rows at a time.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
