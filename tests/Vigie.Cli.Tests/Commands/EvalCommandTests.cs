using System.Text.Json.Nodes;

namespace Vigie.Tests.Commands;

public class EvalCommandTests
{
    private static string Gold(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "gold", file), Path.Combine(dir.FullName, "..", "shared", "gold", file) })
                if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        throw new FileNotFoundException($"../shared/gold/{file} not found above the test directory");
    }

    [Fact]
    public void Eval_GoldAsSystemJson_ScoresOneEverywhere()
    {
        var dev = Gold("dev.jsonl");
        var run = CliRun.Of("eval", dev, "--system", dev, "--json");
        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal(1.0, json["overall"]!["events"]!["f1"]!.GetValue<double>());
        Assert.Equal(1.0, json["overall"]!["figures"]!["f1"]!.GetValue<double>());
        Assert.Equal(3, json["by_language"]!["en"]!["documents"]!.GetValue<int>());
    }

    [Fact]
    public void Eval_LangOption_KeepsOnlyThatLanguage()
    {
        var dev = Gold("dev.jsonl");
        var run = CliRun.Of("eval", dev, "--system", dev, "--json", "--lang", "en");
        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal(3, json["overall"]!["documents"]!.GetValue<int>());
        Assert.Null(json["by_language"]!["fr"]);
    }

    [Fact]
    public void Eval_EmptySystemWithExplain_ListsMissesAndExitsZero()
    {
        var empty = Path.GetTempFileName();
        try
        {
            var run = CliRun.Of("eval", Gold("seed.jsonl"), "--system", empty, "--explain");
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("missed event", run.Out);
            Assert.Contains("missed figure", run.Out);
            Assert.Contains("has no document 'afp-fr-2018-04-damas'", run.Out);
            Assert.Equal("", run.Err);
        }
        finally { File.Delete(empty); }
    }

    [Fact]
    public void Eval_WithoutSystem_RunsTheExtractionOnTheGoldTexts()
    {
        var run = CliRun.Of("eval", Gold("seed.jsonl"), "--markdown");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("| seed.jsonl | all | 1 |", run.Out);
    }

    [Fact]
    public void Eval_MissingGoldFile_ExitsThreeWithOneLine()
    {
        var run = CliRun.Of("eval", "/nonexistent/gold.jsonl");
        Assert.Equal(3, run.ExitCode);
        Assert.Equal("vigie: /nonexistent/gold.jsonl: no such file", run.Err.Trim());
    }

    [Theory]
    [InlineData("--lang", "de")]
    [InlineData("--json", "--markdown")]
    public void Eval_BadOptions_AreUsageErrors(string a, string b)
    {
        var run = CliRun.Of("eval", Gold("seed.jsonl"), a, b);
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Err);
    }
}
