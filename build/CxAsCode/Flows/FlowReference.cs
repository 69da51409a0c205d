namespace CxAsCode.Flows;

/// <summary>A name a flow refers to, as Archy writes it (<c>lit: name: …</c>), with where it stands.</summary>
/// <param name="Kind">The kind the name belongs to: queues, schedulegroups, skills, languages, flows.</param>
/// <param name="Name">The referenced object's name.</param>
/// <param name="Path">The readable path of the reference inside the flow (see <see cref="FlowPaths"/>).</param>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Column">1-based column in the file.</param>
public sealed record FlowReference(string Kind, string Name, string Path, long Line, long Column);
