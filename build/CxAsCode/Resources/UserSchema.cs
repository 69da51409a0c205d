using static CxAsCode.Resources.FieldSchema;

namespace CxAsCode.Resources;

/// <summary>
/// The managed user fields (CreateUser, UpdateUser, UserRoutingSkillPost and UserRoutingLanguagePost in the SDK
/// contract, build/contract/genesys-models.json): a proficiency is a double from 0.0 to 5.0; the manager is another
/// user, named in state by email.
/// </summary>
internal static class UserSchema
{
    public static readonly IReadOnlyDictionary<string, FieldSchema> Fields = new Dictionary<string, FieldSchema>
    {
        ["name"] = Name,
        ["email"] = Text with { Format = text => IsEmail(text) ? null : $"'{text}' is not an email address (name@domain)" },
        ["title"] = Text,
        ["department"] = Text,
        ["division"] = Text,
        ["manager"] = Text,
        ["skills"] = ArrayOf(Record("UserRoutingSkillPost", new()
        {
            ["skill"] = Name,
            ["proficiency"] = Number.Between(0, 5),
        })).Holding(null, null, "skill"),
        // Queue memberships, when a repository keeps them on users (Planning/UserMemberships): queue names.
        ["queues"] = ArrayOf(Name),
        ["languages"] = ArrayOf(Record("UserRoutingLanguagePost", new()
        {
            ["language"] = Name,
            ["proficiency"] = Number.Between(0, 5),
        })).Holding(null, null, "language"),
    };

    private static bool IsEmail(string text) =>
        text.IndexOf('@', StringComparison.Ordinal) is var at and > 0 && at < text.Length - 1 && !text.Contains(' ', StringComparison.Ordinal) && text.Count(c => c == '@') == 1;
}
