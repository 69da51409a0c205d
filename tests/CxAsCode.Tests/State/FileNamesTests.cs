using CxAsCode.State;

namespace CxAsCode.Tests.State;

public class FileNamesTests
{
    private const string SafeStem = "^[a-z0-9]+(-[a-z0-9]+)*$";
    private const string HashedStem = "-[0-9a-f]{8}$";

    [TestCase("Billing", "billing")]
    [TestCase("Billing Support", "billing-support")]
    [TestCase("Heat Pump Advice", "heat-pump-advice")]
    [TestCase("BUSINESS ACCOUNTS", "business-accounts")]
    [TestCase("Tier 2", "tier-2")]
    [TestCase("Con Edison", "con-edison")]
    public void StemFor_PlainName_GivesLowerCaseDashedStem(string name, string expected)
    {
        Assert.That(FileNames.StemFor(name), Is.EqualTo(expected));
    }

    [TestCase("Billing & Payments", "billing-payments-")]
    [TestCase("Moves/Changes", "moves-changes-")]
    [TestCase("Billing-Support", "billing-support-")]
    [TestCase("Billing  Support", "billing-support-")]
    [TestCase(" Billing", "billing-")]
    [TestCase("Heat Pump 🔥 Advice", "heat-pump-advice-")]
    [TestCase("Solar\nSales", "solar-sales-")]
    [TestCase("Tab\tStop", "tab-stop-")]
    [TestCase("../../etc/passwd", "etc-passwd-")]
    [TestCase("C:\\Windows\\System32", "c-windows-system32-")]
    public void StemFor_NameThatLosesInformation_GetsAHashedSuffix(string name, string prefix)
    {
        var stem = FileNames.StemFor(name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stem, Does.StartWith(prefix));
            Assert.That(stem, Does.Match(HashedStem));
            Assert.That(stem, Does.Match(SafeStem));
            Assert.That(stem, Has.Length.EqualTo(prefix.Length + 8));
        }
    }

    [TestCase("Café", "Cafe")]
    [TestCase("Ｂｉｌｌｉｎｇ", "Billing")]
    [TestCase("Ärger", "Arger")]
    public void StemFor_NonAsciiName_GetsAHashedSuffixDifferentFromItsAsciiLookAlike(string name, string lookAlike)
    {
        var stem = FileNames.StemFor(name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stem, Does.Match(HashedStem));
            Assert.That(stem, Does.Match(SafeStem));
            Assert.That(stem, Is.Not.EqualTo(FileNames.StemFor(lookAlike)));
        }
    }

    [TestCase("Café", "caf-")]
    [TestCase("Ｂｉｌｌｉｎｇ", "object-")]
    [TestCase("Ärger", "rger-")]
    public void StemFor_NonAsciiName_DropsNonAsciiWithoutUnicodeNormalization(string name, string prefix) =>
        // The same under ICU (the Cake host) and invariant globalization (tests): no normalization step.
        Assert.That(FileNames.StemFor(name), Does.StartWith(prefix).And.Length.EqualTo(prefix.Length + 8));

    [TestCase("con")]
    [TestCase("CON")]
    [TestCase("nul")]
    [TestCase("Aux")]
    [TestCase("com1")]
    [TestCase("LPT9")]
    public void StemFor_ReservedDeviceName_GetsAHashedSuffix(string name)
    {
        var stem = FileNames.StemFor(name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stem, Does.StartWith(name.ToLowerInvariant() + "-"));
            Assert.That(stem, Does.Match(HashedStem));
            Assert.That(stem, Does.Match(SafeStem));
        }
    }

    [TestCase("")]
    [TestCase("..")]
    [TestCase(".")]
    [TestCase("/")]
    [TestCase("\\")]
    [TestCase("\0")]
    [TestCase("🔥🔥")]
    [TestCase("日本語")]
    [TestCase("   ")]
    public void StemFor_NameWithNoAsciiLettersOrDigits_GivesObjectWithHash(string name)
    {
        Assert.That(FileNames.StemFor(name), Does.Match("^object-[0-9a-f]{8}$"));
    }

    [TestCase("..")]
    [TestCase("../billing")]
    [TestCase("a/../../b")]
    [TestCase("/etc/passwd")]
    [TestCase("C:\\temp\\x")]
    [TestCase("line\r\nbreak")]
    [TestCase("\u202Eevil")]
    [TestCase("\u001b[2J\u001b]0;pwned\u0007")]
    [TestCase("name with \"quotes\" and <angle> and |pipe|")]
    public void StemFor_HostileName_StaysInsideItsFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "state", "routing", "skills");

        var stem = FileNames.StemFor(name);
        var full = Path.GetFullPath(Path.Combine(folder, stem + ".json"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stem, Does.Match(SafeStem));
            Assert.That(Path.GetDirectoryName(full), Is.EqualTo(folder));
        }
    }

    [Test]
    public void StemFor_LongName_IsCutTo80CharactersPlusHash()
    {
        var name = string.Join(' ', Enumerable.Repeat("Billing", 20));

        var stem = FileNames.StemFor(name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stem, Does.Match(SafeStem));
            Assert.That(stem, Does.Match(HashedStem));
            Assert.That(stem.Length, Is.LessThanOrEqualTo(80 + 9));
        }
    }

    [Test]
    public void StemFor_TwoLongNamesSharingTheFirst80Characters_GiveDifferentStems()
    {
        var prefix = new string('a', 90);

        Assert.That(FileNames.StemFor(prefix + "x"), Is.Not.EqualTo(FileNames.StemFor(prefix + "y")));
    }

    [TestCase("Billing-Support", "Billing.Support")]
    [TestCase("Billing & Support", "Billing + Support")]
    [TestCase("Billing Support", "Billing-Support")]
    [TestCase("Billing Support", "Billing  Support")]
    [TestCase("Cafe", "Café")]
    [TestCase("con", "CON")]
    public void StemFor_NamesDifferingOnlyInPunctuation_GiveDifferentStems(string first, string second)
    {
        Assert.That(FileNames.StemFor(first), Is.Not.EqualTo(FileNames.StemFor(second)));
    }

    [Test]
    public void StemFor_HashedName_IsStableAcrossRuns()
    {
        // The suffix is the first 8 hex digits of SHA-256 over the name's UTF-8 bytes: fixed, so files never move.
        Assert.That(FileNames.StemFor("Billing & Payments"), Is.EqualTo("billing-payments-" + Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("Billing & Payments")))[..8]));
    }

    [TestCase("billing-support", "Billing Support", true)]
    [TestCase("billing-support", "billing support", true)]
    [TestCase("billing-support", "Billing-Support", false)]
    [TestCase("billing", "Billing Support", false)]
    [TestCase("Billing-Support", "Billing Support", false)]
    [TestCase("con", "con", false)]
    public void Matches_StemAndName_ComparesWithStemFor(string stem, string name, bool expected)
    {
        Assert.That(FileNames.Matches(stem, name), Is.EqualTo(expected));
    }

    [Test]
    public void Matches_HashedStemOfTheSameName_IsTrue()
    {
        const string name = "Billing & Payments";

        Assert.That(FileNames.Matches(FileNames.StemFor(name), name), Is.True);
    }
}
