using Newtonsoft.Json.Linq;

namespace CxAsCode.Resources;

/// <summary>
/// A rule across the fields of one object (an ACW timeout that only some wrap-up prompts allow). It runs
/// after each field passed its own checks, so it may rely on their types.
/// </summary>
/// <param name="Name">What the rule says, for people reading the schema and the tests.</param>
/// <param name="Check">The object → each problem: the field it is about (relative to the object, empty for the object itself) and the message.</param>
public sealed record FieldRule(string Name, Func<JObject, IEnumerable<(string Field, string Message)>> Check);
