using CxAsCode.Json;
using CxAsCode.Planning.Rendering;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Planning;

/// <summary>
/// A plan saved with <c>--out=plan.json</c> and applied exactly with <c>--plan=plan.json</c>. The file is
/// canonical JSON carrying a SHA-256 over its own content (<c>planHash</c>), so a plan edited after review
/// is refused instead of applied. The hash catches accidents (a hand edit, a bad merge, a truncated
/// copy); it is not a signature: whoever can edit the file can recompute it. The environment, org id and
/// API host it was made for are inside the hashed content, so a deploy can refuse a plan made elsewhere.
/// </summary>
public static class PlanFile
{
    /// <summary>The format this build writes and reads. Version 2 records the org (version 1 did not, so it is refused).</summary>
    public const int FormatVersion = 2;

    /// <summary>The plan as canonical JSON text, with its <c>planHash</c>.</summary>
    public static string Serialize(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var document = new JObject
        {
            ["formatVersion"] = FormatVersion,
            ["environment"] = plan.Environment,
            ["orgId"] = plan.OrgId,
            ["apiHost"] = plan.ApiHost,
            ["createdAt"] = plan.CreatedAt,
            ["commit"] = plan.Commit,
            ["summary"] = PlanCounts.ToJson(plan),
            ["entries"] = new JArray(plan.Entries.Select(PlanEntryJson.ToJson)),
            ["unchanged"] = plan.Unchanged,
        };
        document["planHash"] = HashOf(document);
        return CanonicalJson.Serialize(document);
    }

    /// <summary>Reads a plan file written by <see cref="Serialize"/>.</summary>
    /// <exception cref="PlanFileException">Not valid JSON, not a plan, another format version, or the content does not match its <c>planHash</c>.</exception>
    public static Plan Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JObject document;
        try
        {
            document = CanonicalJson.Parse(json) as JObject ?? throw new PlanFileException("plan file is not a JSON object.");
        }
        catch (JsonReaderException e)
        {
            throw new PlanFileException($"plan file is not valid JSON: {e.Message}", e);
        }

        var version = document["formatVersion"];
        if (version is not { Type: JTokenType.Integer })
        {
            throw new PlanFileException("plan file has no formatVersion: it is not a plan written by this pipeline.");
        }

        if ((long)version != FormatVersion)
        {
            throw new PlanFileException(
                $"plan file has formatVersion {version}, and this build reads only version {FormatVersion}" +
                ((long)version < FormatVersion ? ", which records the org a plan applies to" : string.Empty) +
                ". Make a new plan with this build (--target=DryRun --out=...).");
        }

        if (document["planHash"] is not { Type: JTokenType.String } stored)
        {
            throw new PlanFileException("plan file has no planHash: it cannot be checked, so it is not applied.");
        }

        document.Remove("planHash");
        var actual = HashOf(document);
        if (!string.Equals((string?)stored, actual, StringComparison.Ordinal))
        {
            throw new PlanFileException(
                $"plan file was modified after it was written (hash mismatch): it says {stored}, its content hashes to {actual}. Make a new plan instead of editing one.");
        }

        return new Plan
        {
            Environment = PlanEntryJson.RequiredString(document, "environment", string.Empty),
            OrgId = PlanEntryJson.RequiredString(document, "orgId", string.Empty),
            ApiHost = PlanEntryJson.RequiredString(document, "apiHost", string.Empty),
            CreatedAt = PlanEntryJson.RequiredString(document, "createdAt", string.Empty),
            Commit = PlanEntryJson.OptionalString(document, "commit", string.Empty),
            Entries = document["entries"] is JArray entries
                ? [.. entries.Select((e, i) => PlanEntryJson.FromJson(e, $"entries[{i}]"))]
                : throw new PlanFileException("plan file has no \"entries\" array."),
            Unchanged = document["unchanged"] is { Type: JTokenType.Integer } unchanged
                ? (int)unchanged
                : throw new PlanFileException("plan file has no \"unchanged\" count."),
        };
    }

    // Hashed as it reads back from its own text, so what Deserialize recomputes is exactly what was
    // hashed here, whatever number types the live bodies held (a double reads back as a decimal).
    private static string HashOf(JObject documentWithoutHash) =>
        "sha256:" + CanonicalJson.Hash(CanonicalJson.Parse(CanonicalJson.Compact(documentWithoutHash)));
}
