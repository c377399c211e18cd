using System.Globalization;
using Vigie.Cli;
using Vigie.Geo;

namespace Vigie.Tests;

public class GazetteerCommandTests
{
    private static string Row(int id, string name, double lat, double lon, string country, long population) =>
        string.Join('\t', id.ToString(CultureInfo.InvariantCulture), name, name, "", lat.ToString(CultureInfo.InvariantCulture), lon.ToString(CultureInfo.InvariantCulture),
            "P", "PPLA", country, "", "01", "", "", "", population.ToString(CultureInfo.InvariantCulture), "", "", "Etc/UTC", "2024-01-01");

    private static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "vigie-cli-gazetteer", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    [Fact]
    public void Import_TableAndFrenchNames_WritesAnIndexThatFindsThem()
    {
        var dir = TempDir();
        var table = Path.Combine(dir, "cities15000.txt");
        File.WriteAllLines(table, [Row(2457163, "Gao", 16.27167, -0.04472, "ML", 87000), Row(2449067, "Timbuktu", 16.77348, -3.00742, "ML", 32460)]);
        var alternates = Path.Combine(dir, "alternateNamesV2.txt");
        File.WriteAllLines(alternates, ["10\t2449067\tfr\tTombouctou\t1\t\t\t\t\t"]);
        var idx = Path.Combine(dir, "out.idx");
        var run = CliRun.Of("gazetteer", "import", alternates, table, "--output", idx, "--no-supplement");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("2 places", run.Out);
        using var g = Gazetteer.Open(idx);
        Assert.Equal(2449067, g[Assert.Single(g.Find("Tombouctou")).Record].GeonamesId);
    }

    [Fact]
    public void Import_BadLine_ExitsOneNamesFileAndLineAndKeepsTheRest()
    {
        var dir = TempDir();
        var table = Path.Combine(dir, "allCountries.txt");
        File.WriteAllLines(table, [Row(2457163, "Gao", 16.27167, -0.04472, "ML", 87000), "garbage line", Row(2449067, "Timbuktu", 16.77348, -3.00742, "ML", 32460)]);
        var idx = Path.Combine(dir, "out.idx");
        var run = CliRun.Of("gazetteer", "import", table, "--output", idx, "--no-supplement");
        Assert.Equal(ExitCodes.SomeRejected, run.ExitCode);
        Assert.Contains($"{table}:2", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.Contains("2 places", run.Out);
    }

    [Fact]
    public void Import_OnlyMissingFiles_ExitsThreeWithoutWriting()
    {
        var dir = TempDir();
        var idx = Path.Combine(dir, "out.idx");
        var run = CliRun.Of("gazetteer", "import", Path.Combine(dir, "absent.zip"), "--output", idx);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("absent.zip: file not found", run.Err);
        Assert.False(File.Exists(idx));
    }

    [Fact]
    public void Lookup_BadCountry_IsAUsageError()
    {
        var run = CliRun.Of("gazetteer", "lookup", "Gao", "--country", "Mali");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("ISO-2", run.Err);
    }

    [Fact]
    public void Lookup_FrenchNameWithContext_PrintsThePlace()
    {
        var run = CliRun.Of("gazetteer", "lookup", "Damas", "--country", "SY");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Damascus", run.Out);
        Assert.Contains("170654", run.Out);
    }

    [Fact]
    public void Lookup_UnknownName_ExitsOne()
    {
        var run = CliRun.Of("gazetteer", "lookup", "Qwxzyqq");
        Assert.Equal(ExitCodes.SomeRejected, run.ExitCode);
        Assert.Contains("(unknown)", run.Out);
    }
}
