using CxAsCode.Planning;
using CxAsCode.Planning.Rendering;

namespace CxAsCode.Tests.Planning.Rendering;

public class PlanConsoleRendererTests
{
    private static readonly string[] LineBreaks = ["\n", "\r", "\u2028", "\u2029", "\u0085"];

    [Test]
    public void Render_MixedPlan_ShowsEveryActionLine()
    {
        var text = PlanConsoleRenderer.Render(SamplePlans.Mixed(), color: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith("Plan for dev at commit 0123abc (created 2025-05-01T10:00:00Z)\n"));
            Assert.That(text, Does.Contain("\n  + create queues \"Heat Pump Advice\"\n"));
            Assert.That(text, Does.Contain("\n  ~ update queues \"Billing\"\n"));
            Assert.That(text, Does.Contain("\n  -/+ replace skills \"Spanish\" (no update endpoint: delete, then create)\n"));
            Assert.That(text, Does.Contain("\n  - delete queues \"Old Queue\"\n"));
            Assert.That(text, Does.Contain("\n  ? unmanaged queues \"Legacy Line\" (live only, not touched; --prune deletes it)\n"));
            Assert.That(text, Does.EndWith("\nPlan: 1 to create, 1 to update, 1 to replace, 1 to delete, 1 unmanaged, 20 unchanged\n"));
        }
    }

    [Test]
    public void Render_Update_ShowsEachFieldChange()
    {
        var text = PlanConsoleRenderer.Render(SamplePlans.Mixed(), color: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("\n      ~ acwSettings.timeoutMs: 60000 → 30000\n"));
            Assert.That(text, Does.Contain("\n      + description: \"Bills and payments\"\n"));
            Assert.That(text, Does.Contain("\n      - bullseye.rings: [{\"expansionTimeoutSeconds\":15}]\n"));
            Assert.That(text, Does.Contain("\n      ~ name: \"spanish\" → \"Spanish\"\n"));
            Assert.That(text, Does.Contain("\n      - description: \"retired\"\n"));
            Assert.That(text, Does.Contain("\n      + mediaSettings.call.serviceLevel.percentage: 0.8\n"));
        }
    }

    [Test]
    public void Render_StringArrayChange_ShowsAddedAndRemovedElementsOnly()
    {
        var text = PlanConsoleRenderer.Render(SamplePlans.Mixed(), color: false);

        Assert.That(text, Does.Contain("\n      ~ wrapupCodes:\n          - \"X\"\n          + \"Payment Taken\"\n"));
        Assert.That(text, Does.Not.Contain("\"Callback\""));
    }

    [Test]
    public void Render_CreatedStringArray_ListsEachElementAsAdded()
    {
        var text = PlanConsoleRenderer.Render(SamplePlans.Mixed(), color: false);

        Assert.That(text, Does.Contain("\n      + wrapupCodes:\n          + \"Payment Taken\"\n          + \"Heat Pump Advice\"\n"));
    }

    [Test]
    public void Render_LongValue_IsCutWithEllipsis()
    {
        var plan = new Plan
        {
            Environment = "dev",
            CreatedAt = "2025-05-01T10:00:00Z",
            Entries = [new PlanEntry("queues", "Q", ChangeAction.Create) { Changes = [new FieldChange("description", null, new string('a', 500))] }],
        };

        var line = PlanConsoleRenderer.Render(plan, color: false).Split('\n').Single(l => l.Contains("description", StringComparison.Ordinal));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(line, Does.EndWith("…"));
            Assert.That(line.Length, Is.LessThan(150));
        }
    }

    [Test]
    public void Render_ColorFalse_HasNoAnsiCodes()
    {
        var text = PlanConsoleRenderer.Render(SamplePlans.Mixed(), color: false);

        Assert.That(text, Does.Not.Contain("\u001b"));
    }

    [Test]
    public void Render_ColorTrue_ColoursEachAction()
    {
        var text = PlanConsoleRenderer.Render(SamplePlans.Mixed(), color: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("\u001b[32m+ create queues \"Heat Pump Advice\"\u001b[0m"));
            Assert.That(text, Does.Contain("\u001b[33m~ update queues \"Billing\"\u001b[0m"));
            Assert.That(text, Does.Contain("\u001b[31m- delete queues \"Old Queue\"\u001b[0m"));
            Assert.That(text, Does.Contain("\u001b[36m-/+ replace skills \"Spanish\""));
            Assert.That(text, Does.Contain("\u001b[2m? unmanaged queues \"Legacy Line\""));
        }
    }

    [Test]
    public void Render_NoChanges_SaysLiveMatchesState()
    {
        var text = PlanConsoleRenderer.Render(SamplePlans.NoChanges(), color: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.EndWith("\nNo changes. Live matches state/test.\n"));
            Assert.That(text, Does.Contain("commit unknown"));
            Assert.That(text, Does.Not.Contain("Plan: "));
        }
    }

    [Test]
    public void Render_OnlyUnmanaged_ListsThemAndSaysNoChanges()
    {
        var text = PlanConsoleRenderer.Render(SamplePlans.NoChanges(unmanaged: 2), color: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("  ? unmanaged queues \"Legacy 2\""));
            Assert.That(text, Does.Contain("2 live object(s) not in state/test left alone (--prune deletes them)."));
            Assert.That(text, Does.EndWith("No changes. Live matches state/test.\n"));
        }
    }

    [TestCaseSource(typeof(SamplePlans), nameof(SamplePlans.HostileNames))]
    public void Render_HostileName_CannotAddLinesOrCommands(string name)
    {
        foreach (var color in new[] { false, true })
        {
            var hostile = PlanConsoleRenderer.Render(SamplePlans.Mixed(name), color);
            var benign = PlanConsoleRenderer.Render(SamplePlans.Mixed(), color);
            var lines = hostile.Split(LineBreaks, StringSplitOptions.None);
            var withoutOurColours = System.Text.RegularExpressions.Regex.Replace(hostile, @"\u001b\[[0-9]+m", string.Empty);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(lines, Has.Length.EqualTo(benign.Split('\n').Length));
                Assert.That(lines.Where(l => l.TrimStart().StartsWith("::", StringComparison.Ordinal)), Is.Empty);
                Assert.That(withoutOurColours, Does.Not.Contain("\u001b"));
                Assert.That(hostile, Does.Not.Contain("\u0007"));
            }
        }
    }

    [Test]
    public void Render_HostileName_ShowsEscapesAndKeepsEmoji()
    {
        var newline = PlanConsoleRenderer.Render(SamplePlans.Mixed("Billing\n::set-output name=x::y"), color: false);
        var emoji = PlanConsoleRenderer.Render(SamplePlans.Mixed("Heat Pump 🔥 Advice"), color: false);
        var escape = PlanConsoleRenderer.Render(SamplePlans.Mixed("\u001b[2J"), color: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(newline, Does.Contain("+ create queues \"Billing\\n::set-output name=x::y\""));
            Assert.That(emoji, Does.Contain("+ create queues \"Heat Pump 🔥 Advice\""));
            Assert.That(escape, Does.Contain("+ create queues \"\\u001b[2J\""));
        }
    }
}
