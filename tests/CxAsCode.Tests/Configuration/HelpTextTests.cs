using CxAsCode.Configuration;
using CxAsCode.Reporting;
using CxAsCode.Tests.Integration;

namespace CxAsCode.Tests.Configuration;

public sealed class HelpTextTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(TestRepository.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");

    [TestCase("## Targets")]
    [TestCase("## Arguments")]
    [TestCase("## Environment variables")]
    [TestCase("## Exit codes")]
    public void Readme_Table_IsTheGeneratedOne(string heading)
    {
        var generated = heading switch
        {
            "## Targets" => HelpText.TargetsMarkdown(),
            "## Arguments" => HelpText.ArgumentsMarkdown(),
            "## Environment variables" => HelpText.EnvironmentVariablesMarkdown(),
            _ => HelpText.ExitCodesMarkdown(),
        };

        Assert.That(TableUnder(heading), Is.EqualTo(generated), $"README.md's table under '{heading}' differs from the engine's: paste the generated one.");
    }

    [Test]
    public void Render_EveryTargetArgumentVariableAndExitCode_IsListed()
    {
        var help = HelpText.Render();

        using (Assert.EnterMultipleScope())
        {
            foreach (var name in PipelineTargets.All.Select(t => "\n  " + t.Name + " ")
                .Concat(ArgumentTable.All.Select(a => "\n  " + a.Usage))
                .Concat(EnvironmentVariables.All.SelectMany(v => v.Names))
                .Concat(ExitCodes.All.Select(c => $"\n  {c.Code} ")))
            {
                Assert.That(help, Does.Contain(name));
            }
        }
    }

    [Test]
    public void Render_Lines_FitAHundredColumnsWithoutMarkdown()
    {
        var lines = HelpText.Render().Split('\n');

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Where(l => l.Length > 100), Is.Empty);
            Assert.That(lines.Where(l => l.Contains('`', StringComparison.Ordinal)), Is.Empty);
        }
    }

    [Test]
    public void ArgumentsMarkdown_NumberArgument_ShowsItsRangeAndDefault() =>
        Assert.That(HelpText.ArgumentsMarkdown(), Does.Contain("| `--parallelism=<n>` | a number ≥ 1 | `4` | Deploy | objects written at once inside one dependency rank |\n"));

    /// <summary>The first block of table lines after the heading.</summary>
    private static string TableUnder(string heading)
    {
        var start = Readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.That(start, Is.Not.Negative, $"README.md has no '{heading}' section");
        var lines = Readme[start..].Split('\n').SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|'));
        return string.Concat(lines.Select(l => l + "\n"));
    }
}
