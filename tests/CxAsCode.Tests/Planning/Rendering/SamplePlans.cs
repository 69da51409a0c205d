using CxAsCode.Planning;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Planning.Rendering;

/// <summary>Plans with every action, for the renderer and plan file tests.</summary>
internal static class SamplePlans
{
    /// <summary>The org sample plans are made for.</summary>
    public const string OrgId = "9a8b7c6d-0000-4000-8000-00000000000a";

    public const string ApiHost = "api.mypurecloud.ie";

    /// <summary>Names an org admin could type that must not forge log lines, commands, tables or HTML.</summary>
    public static readonly string[] HostileNames =
    [
        "\"; rm -rf ~ #",
        "Billing\n::set-output name=x::y",
        "Billing%0A::set-output name=x::y",
        "Heat Pump 🔥 Advice 👨‍👩‍👧",
        "\u001b[2J\u001b]0;pwned\u0007 red",
        "a|b`c`<script>alert(1)</script>",
        "sep\u2028::error::x\r\n::warning::y",
    ];

    public static JObject BillingLive() => JObject.Parse("""
        {
          "name": "Billing",
          "division": "Home",
          "acwSettings": { "wrapupPrompt": "OPTIONAL", "timeoutMs": 60000 },
          "bullseye": { "rings": [ { "expansionTimeoutSeconds": 15 } ] },
          "wrapupCodes": [ "Callback", "X" ]
        }
        """);

    public static JObject BillingDesired() => JObject.Parse("""
        {
          "name": "Billing",
          "division": "Home",
          "description": "Bills and payments",
          "acwSettings": { "wrapupPrompt": "OPTIONAL", "timeoutMs": 30000 },
          "wrapupCodes": [ "Callback", "Payment Taken" ]
        }
        """);

    /// <summary>One entry per action; <paramref name="name"/> names the created queue and appears in values and paths too.</summary>
    public static Plan Mixed(string name = "Heat Pump Advice")
    {
        var created = new JObject
        {
            ["name"] = name,
            ["division"] = "Home",
            ["description"] = name,
            ["mediaSettings"] = new JObject { ["call"] = new JObject { ["serviceLevel"] = new JObject { ["percentage"] = 0.8, ["durationMs"] = 20000 } } },
            ["wrapupCodes"] = new JArray("Payment Taken", name),
            [name] = "field named after the object",
        };
        var billing = BillingDesired();
        var old = JObject.Parse("""{ "name": "Old Queue", "division": "Home", "description": "retired" }""");
        return new Plan
        {
            Environment = "dev",
            OrgId = OrgId,
            ApiHost = ApiHost,
            CreatedAt = "2025-05-01T10:00:00Z",
            Commit = "0123abc",
            Unchanged = 20,
            Entries =
            [
                new PlanEntry("skills", "Spanish", ChangeAction.Replace)
                {
                    LiveId = "5f1c0a7e-0000-4000-8000-000000000001",
                    Fingerprint = "sha256:aaaa",
                    Desired = new JObject { ["name"] = "Spanish" },
                    Changes = [new FieldChange("name", "spanish", "Spanish")],
                    SourceFile = "state/dev/routing/skills/spanish.json",
                },
                new PlanEntry("queues", name, ChangeAction.Create)
                {
                    Desired = created,
                    Changes = JsonDiff.Between(null, created),
                    SourceFile = "state/dev/routing/queues/heat-pump-advice.json",
                },
                new PlanEntry("queues", "Billing", ChangeAction.Update)
                {
                    LiveId = "5f1c0a7e-0000-4000-8000-000000000002",
                    Fingerprint = "sha256:bbbb",
                    Desired = billing,
                    Changes = JsonDiff.Between(BillingLive(), billing),
                    SourceFile = "state/dev/routing/queues/billing.json",
                },
                new PlanEntry("queues", "Old Queue", ChangeAction.Delete)
                {
                    LiveId = "5f1c0a7e-0000-4000-8000-000000000003",
                    Fingerprint = "sha256:cccc",
                    Changes = JsonDiff.Between(old, null),
                },
                new PlanEntry("queues", "Legacy Line", ChangeAction.Unmanaged)
                {
                    LiveId = "5f1c0a7e-0000-4000-8000-000000000004",
                    Fingerprint = "sha256:dddd",
                },
            ],
        };
    }

    public static Plan NoChanges(int unmanaged = 0) => new()
    {
        Environment = "test",
        CreatedAt = "2025-05-01T10:00:00Z",
        Unchanged = 12,
        Entries = [.. Enumerable.Range(1, unmanaged).Select(i => new PlanEntry("queues", $"Legacy {i}", ChangeAction.Unmanaged))],
    };
}
