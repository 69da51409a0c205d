using System.Globalization;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Faults;

/// <summary>The registered faults. Every matching request advances every matching fault's count (each
/// fault counts from its own registration); the first registered fault whose turn it is fires.</summary>
internal sealed class FaultRegistry
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private int _nextId;

    public string Add(Func<string, FaultRule> create)
    {
        lock (_gate)
        {
            var rule = create(string.Create(CultureInfo.InvariantCulture, $"fault-{++_nextId}"));
            _rules.Add(rule);
            return rule.Id;
        }
    }

    public FaultRule? NextFor(string method, string path)
    {
        lock (_gate)
        {
            FaultRule? firing = null;
            foreach (var rule in _rules.Where(r => r.Matches(method, path)))
            {
                rule.Matched++;
                if (firing is null && rule.Matched >= rule.Nth && rule.Matched - rule.Nth < rule.Times)
                {
                    firing = rule;
                }
            }

            return firing;
        }
    }

    public JArray ToJson()
    {
        lock (_gate)
        {
            return new JArray(_rules.Select(r => r.ToJson()));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }
}
