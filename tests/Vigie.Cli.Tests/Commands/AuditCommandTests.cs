using System.Text.Json.Nodes;
using Vigie.Audit;
using Vigie.Cli;
using Vigie.Composition;
using Vigie.Model;
using Vigie.Pipeline;

namespace Vigie.Tests.Commands;

/// <summary>Small documents written for these tests: each class of the audit is found, and a sentence whose figure or event was extracted is not listed.</summary>
public class AuditCommandTests
{
    private static DocumentAudit AuditOf(string lang, string text, string date = "2023-03-10")
    {
        var doc = new Document("t1", text) { Language = lang, Published = PartialDate.Parse(date) };
        Auditor.Prepare(doc);
        PipelineFactory.Create().Run(doc);
        return Auditor.Audit(doc);
    }

    private static List<AuditFinding> Of(DocumentAudit a, string cls) => a.Findings.Where(f => f.Class == cls).ToList();

    [Fact]
    public void FigureCue_WithAFigure_IsNotListed()
    {
        var a = AuditOf("fr", "Trois soldats ont été tués mardi dans une embuscade près de Gao.");
        Assert.True(a.Checked[Auditor.FigureCueWithoutFigure] >= 1);
        Assert.Empty(Of(a, Auditor.FigureCueWithoutFigure));
    }

    [Fact]
    public void FigureCue_WithoutAFigure_IsListed()
    {
        // the number counts vehicles, not people: a cue and a number, no figure
        var a = AuditOf("en", "Four trucks were destroyed and nobody was killed, officials in Kano said on Monday.");
        var found = Of(a, Auditor.FigureCueWithoutFigure);
        Assert.Single(found);
        Assert.Contains("Four", found[0].Detail);
    }

    [Fact]
    public void EventCue_WithoutAnEvent_IsListedWithItsGate()
    {
        // an air strike with no place and no time, far from the lede
        var a = AuditOf("fr",
            "Le gouvernement a tenu une réunion mardi.\n\nLes ministres ont parlé du budget.\n\nIls ont aussi parlé des routes.\n\n"
            + "Ils ont parlé des écoles.\n\nPersonne ne sait qui a ordonné des frappes aériennes.");
        var found = Of(a, Auditor.EventCueWithoutEvent);
        Assert.Contains(found, f => f.Text.Contains("frappes aériennes") && f.Detail.Contains("gate:") && !f.Detail.Contains("gate: unknown"));
    }

    [Fact]
    public void EventCue_WithAnEvent_IsNotListed()
    {
        var a = AuditOf("fr", "Une frappe aérienne a touché mardi un marché de Gao, faisant cinq morts.");
        Assert.True(a.Checked[Auditor.EventCueWithoutEvent] >= 1);
        Assert.Empty(Of(a, Auditor.EventCueWithoutEvent));
    }

    [Fact]
    public void Event_WithoutATriggerInItsEvidence_IsListed()
    {
        // a killing at a named place with no event word gives an event read from the toll
        var a = AuditOf("fr", "Deux soldats ont été tués mardi à Gao.");
        Assert.Contains(Of(a, Auditor.EventWithoutCue), f => f.Text.Contains("Gao"));
    }

    [Fact]
    public void FigureOfGroupAll_InASentenceNamingVictims_IsListed()
    {
        // (not "12 people, among them farmers": civilians named after "among them" make the total civilians)
        var a = AuditOf("en", "Gunmen stormed a market in Kano on Tuesday, killing 12 people and wounding several farmers.");
        Assert.Contains(Of(a, Auditor.FigureGroupAllWithVictims), f => f.Detail.Contains("12"));
    }

    [Fact]
    public void FigureOfAGroup_IsNotListedAsGroupAll()
    {
        var a = AuditOf("en", "Twelve farmers were killed on Tuesday in Kano.");
        Assert.Empty(Of(a, Auditor.FigureGroupAllWithVictims));
    }

    [Fact]
    public void Cli_PrintsCountsLinesAndSummary_AndFiltersAClass()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigie-audit-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"c1","lang":"en","date":"2023-03-10","text":"Four trucks were destroyed and nobody was killed, officials in Kano said on Monday."}""",
            """{"id":"c2","lang":"fr","date":"2023-03-10","text":"Deux soldats ont été tués mardi à Gao."}""",
        ]);
        try
        {
            var run = CliRun.Of("audit", path);
            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Contains("c1\tfigure-cue-without-figure\t", run.Out);
            var last = run.Out.TrimEnd().Split('\n')[^1];
            Assert.StartsWith("audit: 2 documents, ", last);
            foreach (var c in Auditor.Classes) Assert.Contains(c, last);

            var one = CliRun.Of("audit", path, "--class", "event-without-cue");
            Assert.DoesNotContain("\tfigure-cue-without-figure\t", one.Out);
            Assert.Contains("c2\tevent-without-cue\t", one.Out);

            var json = JsonNode.Parse(CliRun.Of("audit", path, "--json", "--sample", "1").Out)!;
            Assert.Equal(2, json["documents"]!.GetValue<int>());
            Assert.Equal(1, json["classes"]!["figure-cue-without-figure"]!["count"]!.GetValue<int>());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Cli_BadInputsAndBadOptions_UseTheUsualExitCodes()
    {
        Assert.Equal(ExitCodes.SomeRejected, CliRun.Of("audit", "no/such/corpus.jsonl").ExitCode);
        Assert.Equal(ExitCodes.Usage, CliRun.Of("audit", "x.jsonl", "--class", "nonsense").ExitCode);
        Assert.Equal(ExitCodes.Usage, CliRun.Of("audit", "x.jsonl", "--sample", "0").ExitCode);
    }
}
