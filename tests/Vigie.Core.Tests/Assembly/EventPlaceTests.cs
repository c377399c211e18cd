using Vigie.Composition;
using Vigie.Model;

namespace Vigie.Tests.Assembly;

/// <summary>Where events happen, on sentences written for these tests: places named in an accusation of strikes, a town in apposition.</summary>
public class EventPlaceTests
{
    private static readonly Vigie.Pipeline.Pipeline Pipeline = PipelineFactory.Create();

    private static ExtractionResult Run(string text, string lang, string published)
    {
        var doc = new Document("t", text) { Language = lang, Published = PartialDate.Parse(published) };
        Pipeline.Run(doc);
        return ExtractionResult.For(doc);
    }

    [Fact]
    public void AccusationOfStrikingAList_GivesAStrikeAtEachPlace()
    {
        const string text = "Le porte-parole des rebelles a démenti dimanche, accusant l'armée malienne d'avoir frappé \"Kidal, Tessalit et d'autres localités\".";
        var r = Run(text, "fr", "2024-03-10");
        foreach (var town in new[] { "Kidal", "Tessalit" })
            Assert.Contains(r.Events, e => e.Type == EventType.ExplosionsRemoteViolence && e.Location?.Name == town);
        Assert.DoesNotContain(r.Events, e => e.Type == EventType.StrategicDevelopments);
    }

    [Fact]
    public void TownInAppositionToARegionsCapital_IsTheEventsPlace()
    {
        const string text = "La capitale de la région du Haut-Karabakh, Stepanakert, a été la cible de frappes dans la nuit de samedi à dimanche, selon des journalistes.";
        var r = Run(text, "fr", "2020-10-11");
        var e = Assert.Single(r.Events);
        Assert.Equal("Stepanakert", e.Location!.Name);
        Assert.Equal(1, e.Location.Precision);
    }
}
