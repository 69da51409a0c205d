using CxAsCode.Planning.Rendering;

namespace CxAsCode.Tests.Planning.Rendering;

public class PlanMarkdownRendererTests
{
    [Test]
    public void Render_MixedPlan_HasTitleSummaryTableAndKindSections()
    {
        var text = PlanMarkdownRenderer.Render(SamplePlans.Mixed());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith("## Plan for dev\n"));
            Assert.That(text, Does.Contain(
                "| create | update | restore | replace | delete | unmanaged | unchanged |\n|---:|---:|---:|---:|---:|---:|---:|\n| 1 | 1 | 0 | 1 | 1 | 1 | 20 |\n"));
            Assert.That(text, Does.Contain("**Plan:** 1 to create, 1 to update, 1 to replace, 1 to delete, 1 unmanaged, 20 unchanged"));
            Assert.That(text, Does.Contain("\n### queues\n"));
            Assert.That(text, Does.Contain("\n### skills\n"));
        }
    }

    [Test]
    public void Render_MixedPlan_ListsEachEntryWithItsAction()
    {
        var text = PlanMarkdownRenderer.Render(SamplePlans.Mixed());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("| + create | Heat Pump Advice | 7 field(s) |"));
            Assert.That(text, Does.Contain("| \\~ update | Billing | 4 field(s) |"));
            Assert.That(text, Does.Contain("| -/+ replace | Spanish | 1 field(s) |"));
            Assert.That(text, Does.Contain("| - delete | Old Queue | 3 field(s) |"));
            Assert.That(text, Does.Contain("| ? unmanaged | Legacy Line | live only, not touched (`--prune` deletes it) |"));
            Assert.That(text, Does.Contain("#### \\~ update queues: Billing\n\nSource: state/dev/routing/queues/billing.json\n"));
        }
    }

    [Test]
    public void Render_Update_HasFieldChangeTable()
    {
        var text = PlanMarkdownRenderer.Render(SamplePlans.Mixed());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("| field | live | desired |\n|---|---|---|\n"));
            Assert.That(text, Does.Contain("| acwSettings.timeoutMs | <code>60000</code> | <code>30000</code> |"));
            Assert.That(text, Does.Contain("| description | _absent_ | <code>\"Bills and payments\"</code> |"));
            Assert.That(text, Does.Contain("| bullseye.rings | <code>\\[{\"expansionTimeoutSeconds\":15}\\]</code> | _absent_ |"));
        }
    }

    [Test]
    public void Render_StringArrayChange_ShowsRemovedUnderLiveAndAddedUnderDesired()
    {
        var text = PlanMarkdownRenderer.Render(SamplePlans.Mixed());

        Assert.That(text, Does.Contain("| wrapupCodes (elements) | - <code>\"X\"</code> | + <code>\"Payment Taken\"</code> |"));
    }

    [Test]
    public void Render_NoChanges_SaysLiveMatchesState()
    {
        var text = PlanMarkdownRenderer.Render(SamplePlans.NoChanges());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("\nNo changes. Live matches state/test.\n"));
            Assert.That(text, Does.Not.Contain("###"));
        }
    }

    [TestCaseSource(typeof(SamplePlans), nameof(SamplePlans.HostileNames))]
    public void Render_HostileName_CannotBreakTablesOrAddLines(string name)
    {
        var hostile = PlanMarkdownRenderer.Render(SamplePlans.Mixed(name));
        var benign = PlanMarkdownRenderer.Render(SamplePlans.Mixed());
        var lines = hostile.Split(["\n", "\r", "\u2028", "\u2029", "\u0085"], StringSplitOptions.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Length.EqualTo(benign.Split('\n').Length));
            Assert.That(lines.Where(l => l.TrimStart().StartsWith("::", StringComparison.Ordinal)), Is.Empty);
            Assert.That(hostile, Does.Not.Contain("<script"));
            Assert.That(hostile, Does.Not.Contain("\u001b"));
            foreach (var table in Tables(lines))
            {
                Assert.That(table.Select(CellSeparators), Is.All.EqualTo(CellSeparators(table[0])), string.Join("\n", table));
            }
        }
    }

    [Test]
    public void Render_HostileName_ShowsItEscaped()
    {
        var text = PlanMarkdownRenderer.Render(SamplePlans.Mixed("a|b`c`<script>"));

        Assert.That(text, Does.Contain("| + create | a\\|b\\`c\\`&lt;script&gt; | 7 field(s) |"));
    }

    // Pipes GitHub reads as cell borders: those not escaped with a backslash.
    private static int CellSeparators(string row)
    {
        var count = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\')
            {
                i++;
            }
            else if (row[i] == '|')
            {
                count++;
            }
        }

        return count;
    }

    private static IEnumerable<List<string>> Tables(IEnumerable<string> lines)
    {
        var table = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith('|'))
            {
                table.Add(line);
                continue;
            }

            if (table.Count > 0)
            {
                yield return table;
                table = [];
            }
        }

        if (table.Count > 0)
        {
            yield return table;
        }
    }
}
