using Newtonsoft.Json.Linq;

namespace CxAsCode.Benchmark;

/// <summary>One generated org: the sandbox seed that creates it, the state files that describe it exactly
/// (so a plan against it is empty), and the same state with <see cref="Changes"/> applied.</summary>
internal sealed record GeneratedOrg(
    JObject Seed,
    IReadOnlyDictionary<string, JObject> State,
    IReadOnlyDictionary<string, JObject> ChangedState,
    IReadOnlyList<GeneratedChange> Changes)
{
    public int Skills => Seed["skills"]!.Count();

    public int WrapupCodes => Seed["wrapupCodes"]!.Count();

    public int Queues => Seed["queues"]!.Count();

    public int Objects => Skills + WrapupCodes + Queues;
}

/// <summary>One change a deploy has to make: an update of an existing object's description, or a create.</summary>
/// <param name="Kind">skills, wrapupcodes or queues.</param>
/// <param name="Name">The object's name.</param>
/// <param name="StateFile">Its state file, relative to <c>state/&lt;env&gt;</c>.</param>
/// <param name="Body">The desired body after the change (state form: references by name).</param>
/// <param name="IsCreate">True when the object does not exist yet.</param>
internal sealed record GeneratedChange(string Kind, string Name, string StateFile, JObject Body, bool IsCreate);
