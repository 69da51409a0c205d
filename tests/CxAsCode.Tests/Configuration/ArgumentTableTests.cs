using System.Text.RegularExpressions;
using CxAsCode.Configuration;

namespace CxAsCode.Tests.Configuration;

public sealed partial class ArgumentTableTests
{
    [Test]
    public void All_Names_AreUniqueLowerCaseWithDashes()
    {
        var names = ArgumentTable.All.Select(a => a.Name).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Is.Unique);
            Assert.That(names, Has.All.Matches(LowerCaseWithDashes()));
        }
    }

    [Test]
    public void All_UsedBy_NamesOnlyKnownTargets() =>
        Assert.That(ArgumentTable.All.SelectMany(a => a.UsedBy).Distinct(), Is.SubsetOf(PipelineTargets.All.Select(t => t.Name)));

    [Test]
    public void All_NumberDefaults_AreInsideTheirRange()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var argument in ArgumentTable.All.Where(a => a.Kind == ArgumentKind.Number))
            {
                Assert.That(argument.DefaultNumber, Is.InRange(argument.Minimum, argument.Maximum), argument.Name);
            }
        }
    }

    [Test]
    public void PipelineOptions_Defaults_AreTheTablesDefaults()
    {
        // Tests and the engine build PipelineOptions directly: its defaults must be the ones help shows.
        var options = new PipelineOptions { RepositoryRoot = "/repo" };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Target, Is.EqualTo(ArgumentTable.Target.Default));
            Assert.That(options.Environment, Is.EqualTo(ArgumentTable.Env.Default));
            Assert.That(options.Parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(ArgumentTable.Parallelism.Default));
            Assert.That(options.SandboxPort.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(ArgumentTable.Port.Default));
        }
    }

    [Test]
    public void UsedByText_AllOrMostOrFewTargets_ReadsNaturally()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ArgumentTable.Target.UsedByText, Is.EqualTo("all"));
            Assert.That(ArgumentTable.Env.UsedByText, Is.EqualTo("all but Promote, Sandbox, Benchmark, Test, Help"));
            Assert.That(ArgumentTable.Prune.UsedByText, Is.EqualTo("DryRun, Deploy"));
        }
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex LowerCaseWithDashes();
}
