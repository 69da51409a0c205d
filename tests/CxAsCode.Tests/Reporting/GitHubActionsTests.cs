using CxAsCode.Reporting;

namespace CxAsCode.Tests.Reporting;

public class GitHubActionsTests
{
    private string _folder = null!;
    private Dictionary<string, string> _environment = null!;
    private StringWriter _stdout = null!;

    private string OutputFile => Path.Combine(_folder, "output");

    private string SummaryFile => Path.Combine(_folder, "summary.md");

    [SetUp]
    public void SetUp()
    {
        _folder = Path.Combine(Path.GetTempPath(), "cxascode-gha-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_OUTPUT"] = OutputFile,
            ["GITHUB_STEP_SUMMARY"] = SummaryFile,
        };
        _stdout = new StringWriter();
    }

    [TearDown]
    public void TearDown()
    {
        _stdout.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [TestCase("true", true)]
    [TestCase("false", false)]
    [TestCase(null, false)]
    public void IsActive_GitHubActionsVariable_IsTrueOnlyForTrue(string? value, bool expected)
    {
        _environment.Remove("GITHUB_ACTIONS");
        if (value is not null)
        {
            _environment["GITHUB_ACTIONS"] = value;
        }

        Assert.That(Actions().IsActive, Is.EqualTo(expected));
    }

    [Test]
    public void Mask_MultiLineSecret_MasksEachLine()
    {
        Actions().Mask("-----BEGIN KEY-----\r\nabc%0Adef\n\n-----END KEY-----");

        Assert.That(_stdout.ToString(), Is.EqualTo(
            "::add-mask::-----BEGIN KEY-----\n::add-mask::abc%250Adef\n::add-mask::-----END KEY-----\n"));
    }

    [TestCase("")]
    [TestCase(null)]
    public void Mask_EmptyValue_PrintsNothing(string? secret)
    {
        Actions().Mask(secret!);

        Assert.That(_stdout.ToString(), Is.Empty);
    }

    [Test]
    public void Error_MessageAndFileWithSpecialCharacters_AreEscaped()
    {
        Actions().Error("100% broken\r\n::set-output name=x::y", "state/dev/a,b:c.json");

        Assert.That(_stdout.ToString(), Is.EqualTo("::error file=state/dev/a%2Cb%3Ac.json::100%25 broken%0D%0A::set-output name=x::y\n"));
    }

    [Test]
    public void Warning_WithoutFile_HasNoProperties()
    {
        Actions().Warning("3 unmanaged queues");

        Assert.That(_stdout.ToString(), Is.EqualTo("::warning::3 unmanaged queues\n"));
    }

    [Test]
    public void StartGroupEndGroup_Active_FoldsTheLinesBetween()
    {
        var actions = Actions();

        actions.StartGroup("Deploy\n::error::injected");
        _stdout.Write("inside\n");
        actions.EndGroup();

        Assert.That(_stdout.ToString(), Is.EqualTo("::group::Deploy%0A::error::injected\ninside\n::endgroup::\n"));
    }

    [Test]
    public void SetOutput_ValueWithEofAndNewlines_StaysOneOutput()
    {
        const string value = "EOF\nx=y\nplan<<EOF\nhacked\nEOF";

        Actions().SetOutput("summary", value);
        Actions().SetOutput("exit-code", "2");
        var outputs = ParseOutputFile(File.ReadAllText(OutputFile));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outputs.Keys, Is.EqualTo(new[] { "summary", "exit-code" }));
            Assert.That(outputs["summary"], Is.EqualTo(value));
            Assert.That(outputs["exit-code"], Is.EqualTo("2"));
        }
    }

    [Test]
    public void SetOutput_EachCall_UsesAFreshRandomDelimiter()
    {
        Actions().SetOutput("a", "1");
        Actions().SetOutput("b", "2");
        var headers = File.ReadAllLines(OutputFile).Where(l => l.Contains("<<", StringComparison.Ordinal)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(headers, Has.Count.EqualTo(2));
            Assert.That(headers, Has.All.Match("^[ab]<<ghadelimiter_[0-9a-f-]{36}$"));
            Assert.That(headers[0][3..], Is.Not.EqualTo(headers[1][3..]));
        }
    }

    [TestCase("a\nb")]
    [TestCase("a=b")]
    [TestCase("a<<b")]
    public void SetOutput_UnsafeName_Throws(string name)
    {
        Assert.That(() => Actions().SetOutput(name, "v"), Throws.ArgumentException);
    }

    [Test]
    public void AppendStepSummary_TwoCalls_AppendsBoth()
    {
        Actions().AppendStepSummary("## Plan for dev");
        Actions().AppendStepSummary("second\n");

        Assert.That(File.ReadAllText(SummaryFile), Is.EqualTo("## Plan for dev\nsecond\n"));
    }

    [Test]
    public void AllMethods_NotActive_WriteNothing()
    {
        _environment["GITHUB_ACTIONS"] = "false";
        var actions = Actions();

        actions.Mask("secret");
        actions.Error("e", "f.json");
        actions.Warning("w");
        actions.SetOutput("x", "y");
        actions.AppendStepSummary("# summary");
        actions.StartGroup("Auth");
        actions.EndGroup();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_stdout.ToString(), Is.Empty);
            Assert.That(File.Exists(OutputFile), Is.False);
            Assert.That(File.Exists(SummaryFile), Is.False);
        }
    }

    [Test]
    public void SetOutput_NoOutputFileVariable_WritesNothing()
    {
        _environment.Remove("GITHUB_OUTPUT");

        Actions().SetOutput("x", "y");

        Assert.That(_stdout.ToString(), Is.Empty);
    }

    // The runner's reading of GITHUB_OUTPUT: `name=value` lines and `name<<DELIMITER` blocks.
    private static Dictionary<string, string> ParseOutputFile(string text)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc >= 0 && (equals < 0 || heredoc < equals))
            {
                var delimiter = line[(heredoc + 2)..];
                var value = new List<string>();
                for (i++; i < lines.Length && lines[i] != delimiter; i++)
                {
                    value.Add(lines[i]);
                }

                Assert.That(i, Is.LessThan(lines.Length), $"no closing delimiter for {line}");
                outputs.Add(line[..heredoc], string.Join("\n", value));
            }
            else
            {
                outputs.Add(line[..equals], line[(equals + 1)..]);
            }
        }

        return outputs;
    }

    private GitHubActions Actions() => new(name => _environment.GetValueOrDefault(name), _stdout);
}
