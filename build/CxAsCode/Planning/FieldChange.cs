using Newtonsoft.Json.Linq;

namespace CxAsCode.Planning;

/// <summary>One field that differs: dotted path, live value (null = absent), desired value (null = absent).</summary>
public sealed record FieldChange(string Path, JToken? Before, JToken? After);
