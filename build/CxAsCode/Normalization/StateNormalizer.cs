using CxAsCode.Json;
using CxAsCode.Resources;
using CxAsCode.State;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Normalization;

/// <summary>
/// State form ↔ canonical form. State names unmanaged objects symbolically and may hold <c>{{key}}</c>
/// substitutions; canonical form holds the target org's names and real values, so it compares directly
/// with normalized live objects.
/// </summary>
internal static class StateNormalizer
{
    /// <summary>State file content → canonical body for the target environment.</summary>
    public static JObject ToCanonical(ResourceKind kind, JObject content, Mappings mappings)
    {
        if (kind.IsFlow)
        {
            return FlowNormalizer.ToCanonical(content, mappings);
        }

        if (IsCanonicalAlready(kind, content, mappings))
        {
            // Most state files are already canonical (Sync writes them so): the same tree serves both forms, and
            // nothing changes either afterwards (requests, plans and defaults work on copies).
            return content;
        }

        var body = (JObject)content.DeepClone();
        var unknown = new List<string>();
        foreach (var value in body.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String && ((string)v!).Contains("{{", StringComparison.Ordinal)).ToList())
        {
            if (value.Path != "name")
            {
                value.Value = mappings.Substitute((string)value!, unknown);
            }
        }

        foreach (var reference in kind.AllReferences)
        {
            foreach (var token in JsonPathPattern.Of(reference.Path).Select(body).OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
            {
                token.Value = mappings.Resolve(reference.TargetKind, (string)token!) ?? (string)token!;
            }
        }

        return Canonical.Finish(kind, body);
    }

    /// <summary>
    /// True when canonical form would be the content itself: no <c>{{key}}</c>, no reference the mappings rename,
    /// keys in order without nulls, arrays without meaning already sorted.
    /// </summary>
    private static bool IsCanonicalAlready(ResourceKind kind, JObject content, Mappings mappings)
    {
        foreach (var value in content.Descendants().OfType<JValue>())
        {
            if (value.Type == JTokenType.String && ((string)value!).Contains("{{", StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var reference in kind.AllReferences)
        {
            foreach (var token in JsonPathPattern.Of(reference.Path).Select(content).OfType<JValue>().Where(v => v.Type == JTokenType.String))
            {
                if (mappings.Resolve(reference.TargetKind, (string)token!) is { } mapped && !string.Equals(mapped, (string)token!, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return CanonicalJson.IsCanonical(content) && Canonical.IsSorted(kind, content);
    }

    /// <summary>Canonical body → what Sync writes to a state file: symbolic names for unmanaged references.</summary>
    public static JObject ToState(ResourceKind kind, JObject canonical, Mappings mappings)
    {
        var body = (JObject)canonical.DeepClone();
        foreach (var reference in kind.AllReferences)
        {
            foreach (var token in JsonPathPattern.Of(reference.Path).Select(body).OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
            {
                token.Value = mappings.Reverse(reference.TargetKind, (string)token!);
            }
        }

        return (JObject)CanonicalJson.Canonicalize(body);
    }
}
