using CxAsCode.Planning;
using CxAsCode.Resources;
using CxAsCode.Validation;

namespace CxAsCode.Pipeline;

/// <summary>
/// A saved plan's desired bodies, checked as Validate checks a state file, before a deploy of that plan
/// sends anything. The plan hash proves only that nobody edited the file by accident; a body re-hashed on
/// purpose, or a plan from an older build whose rules were looser, must still meet today's schema.
/// </summary>
internal static class SavedPlanValidation
{
    /// <summary>
    /// Every problem, located in the plan file (<c>$.entries[3].desired.acwSettings.timeoutMs</c>). The one
    /// place that calls Validation's per-object checks for a plan: when those checks grow, only this changes.
    /// </summary>
    public static IReadOnlyList<ValidationError> Check(Plan plan, string planFile)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<ValidationError>();
        for (var i = 0; i < plan.Entries.Count; i++)
        {
            var entry = plan.Entries[i];
            var at = $"$.entries[{i}]";
            if (ResourceKinds.Managed.FirstOrDefault(k => k.Name == entry.Kind) is not { } kind)
            {
                errors.Add(new(planFile, at + ".kind", $"'{entry.Kind}' is not a kind this pipeline manages"));
                continue;
            }

            if (entry.Action is ChangeAction.Unmanaged or ChangeAction.Delete)
            {
                continue; // nothing is written from a body
            }

            if (entry.Desired is not { } desired)
            {
                errors.Add(new(planFile, at + ".desired", $"{kind} '{entry.Key}': a {entry.Action.ToString().ToLowerInvariant()} with no desired body"));
                continue;
            }

            var named = $"{kind} '{entry.Key}': ";
            errors.AddRange(SchemaChecker.Check(desired, kind.Schema).Select(p => new ValidationError(planFile, at + ".desired" + p.Path[1..], named + p.Message)));
            errors.AddRange(kind.RequiredFields.Where(f => desired[f] is null).Select(f => new ValidationError(planFile, $"{at}.desired.{f}", $"{named}missing required field '{f}'")));
            if (StateValidator.NameProblem((string?)desired["name"] ?? string.Empty) is { } nameProblem)
            {
                errors.Add(new(planFile, at + ".desired.name", named + nameProblem));
            }
            else if (!string.Equals(kind.KeyOf(desired), entry.Key, StringComparison.Ordinal))
            {
                errors.Add(new(planFile, at + ".desired.name", kind.IsFlow
                    ? $"{named}the body would publish the flow '{kind.KeyOf(desired)}', not the flow the plan shows"
                    : $"{named}the body would write the name '{desired["name"]}', not the name the plan shows"));
            }

            if (kind.IsFlow && FlowBodyProblem(desired) is { } flowProblem)
            {
                errors.Add(new(planFile, at + ".desired.yaml", named + flowProblem));
            }
        }

        return errors;
    }

    /// <summary>A flow's body publishes its YAML: it must parse and name the same flow as the body.</summary>
    private static string? FlowBodyProblem(Newtonsoft.Json.Linq.JObject desired)
    {
        try
        {
            var document = CxAsCode.Flows.FlowDocument.Parse((string?)desired[FlowFields.Yaml] ?? string.Empty);
            return document.ApiType == (string?)desired["type"] && document.Name == (string?)desired["name"]
                ? null
                : $"the YAML is the {document.ApiType} flow '{document.Name}', not the flow the body names";
        }
        catch (CxAsCode.Flows.FlowYamlException e)
        {
            return $"the YAML does not parse (line {e.Line}, column {e.Column}): {e.Message}";
        }
    }
}
