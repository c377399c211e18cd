using System.Text.Json.Nodes;
using Vigie.Scoring;

namespace Vigie.Tests.Scoring;

public class GoldSelfScoreTests
{
    public static TheoryData<string> GoldFiles => new() { "seed.jsonl", "dev.jsonl" };

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void Score_GoldAgainstItself_IsPerfectEverywhere(string file)
    {
        var problems = new List<string>();
        var gold = RecordFile.Read(SharedPaths.Gold(file), problems);
        var system = RecordFile.Read(SharedPaths.Gold(file), problems);
        Assert.Empty(problems);
        var result = new Scorer().Score(gold, system);
        Assert.Empty(result.Warnings);
        foreach (var (name, s) in result.ByLanguage.Select(kv => (kv.Key, kv.Value)).Append(("all", result.Overall)))
        {
            Assert.True(s.Events.Tp > 0, $"{file} {name}: no required event");
            Assert.Equal(1.0, s.Events.F1);
            Assert.Equal(1.0, s.Figures.F1);
            Assert.Equal(1.0, s.Subtype.Value);
            Assert.Equal(1.0, s.ActorKind.Value);
            Assert.Equal(1.0, s.LocationWithin25Km.Value);
            Assert.Equal(1.0, s.Fatalities.Value);
            Assert.Equal(1.0, s.FigureSource.Value);
            Assert.Equal(1.0, s.FigureBound.Value);
            Assert.Equal(0, s.FalseDateResolved);
            Assert.True(s.DateResolved.Value is null or 1.0);
        }
        Assert.All(result.Documents, d => Assert.Empty(d.Findings));
    }

    [Fact]
    public void Score_Dev_ReportsFrenchAndEnglishApart()
    {
        var problems = new List<string>();
        var gold = RecordFile.Read(SharedPaths.Gold("dev.jsonl"), problems);
        var result = new Scorer().Score(gold, gold);
        Assert.Equal(["en", "fr"], result.ByLanguage.Keys);
        Assert.Equal(gold.Count, result.ByLanguage["en"].Documents + result.ByLanguage["fr"].Documents);
        Assert.Equal(gold.Count(g => g.DateResolved != null), result.Overall.DateResolved.Total);
    }

    [Fact]
    public void Score_GoldAgainstNothing_MissesEveryRequiredEventAndFigure()
    {
        var problems = new List<string>();
        var gold = RecordFile.Read(SharedPaths.Gold("dev.jsonl"), problems);
        var result = new Scorer().Score(gold, []);
        var required = gold.SelectMany(g => g.Events ?? []).Count(e => !e.Optional);
        var figures = gold.SelectMany(g => g.CasualtyReports ?? []).Sum(r => r.Figures.Count);
        Assert.Equal((0, required), (result.Overall.Events.Tp, result.Overall.Events.Fn));
        Assert.Equal((0, figures), (result.Overall.Figures.Tp, result.Overall.Figures.Fn));
        Assert.Equal(0.0, result.Overall.Events.F1);
    }

    [Fact]
    public void ToJson_Result_HasOverallAndLanguageScores()
    {
        var problems = new List<string>();
        var gold = RecordFile.Read(SharedPaths.Gold("seed.jsonl"), problems);
        var json = JsonNode.Parse(EvaluationReport.ToJson(new Scorer().Score(gold, gold), explain: false))!;
        Assert.Equal(1.0, json["overall"]!["events"]!["f1"]!.GetValue<double>());
        Assert.NotNull(json["by_language"]!["fr"]);
        Assert.Null(json["documents"]![0]!["findings"]?.AsArray().FirstOrDefault());
    }

    [Fact]
    public void ToText_WithExplain_ListsMissesWithTheirSentence()
    {
        var problems = new List<string>();
        var gold = RecordFile.Read(SharedPaths.Gold("seed.jsonl"), problems);
        var text = EvaluationReport.ToText(new Scorer().Score(gold, []), explain: true);
        Assert.Contains("missed event", text);
        Assert.Contains("« ", text);
        Assert.Contains("afp-fr-2018-04-damas [fr]", text);
    }

    [Fact]
    public void Read_BadLine_ReportsFileAndLineAndKeepsTheRest()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["{\"id\":\"a\",\"text\":\"t\"}", "{not json", "", "{\"id\":\"b\",\"text\":\"u\",\"events\":[{\"type\":\"nope\"}]}", "{\"id\":\"c\",\"text\":\"v\"}"]);
            var problems = new List<string>();
            var records = RecordFile.Read(path, problems);
            Assert.Equal(["a", "c"], records.Select(r => r.Id));
            Assert.Equal(2, problems.Count);
            Assert.StartsWith($"{path}:2:", problems[0]);
            Assert.StartsWith($"{path}:4:", problems[1]);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ToMarkdown_Dev_HasARowPerScope()
    {
        var problems = new List<string>();
        var gold = RecordFile.Read(SharedPaths.Gold("dev.jsonl"), problems);
        var lines = EvaluationReport.ToMarkdown(new Scorer().Score(gold, gold), "dev.jsonl").Trim().Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("| dev.jsonl | all | 15 | 1.00 | 1.00 | 1.00 (25/0/0) |", lines[2]);
        Assert.StartsWith("| dev.jsonl | en | 3 |", lines[3]);
    }
}
