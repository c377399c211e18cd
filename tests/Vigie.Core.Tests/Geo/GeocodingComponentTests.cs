using Vigie.Geo;
using Vigie.Model;
using Vigie.Text.Analysis;
using Vigie.Text;

namespace Vigie.Tests.Geo;

public class GeocodingComponentTests
{
    private static Document Doc(string text, params (string Name, PlaceRelation Relation)[] places)
    {
        var doc = new Document("t", text);
        new Tokenizer().Process(doc);
        var mentions = new List<PlaceMention>();
        foreach (var (name, rel) in places)
        {
            var at = text.IndexOf(name, StringComparison.Ordinal);
            Assert.True(at >= 0, name);
            mentions.Add(new PlaceMention(new TextSpan(at, at + name.Length), name, rel));
        }
        doc.Layers.Set(mentions);
        return doc;
    }

    private static readonly GeocodingComponent Component = new(new GazetteerGeocoder(GeoTestData.NamesakeGazetteer));

    [Fact]
    public void Process_CountryNamedInText_PicksNamesakeOfThatCountry()
    {
        var doc = Doc("Des combats ont eu lieu à Tripoli, dans le nord du Liban, selon l'armée libanaise.", ("Tripoli", PlaceRelation.In));
        Component.Process(doc);
        var loc = doc.Layers.Get<PlaceMention>()[0].Resolved;
        Assert.Equal("LB", loc?.Country);
        Assert.Equal("LB", doc.Layers.GetOne<GeoContext>()?.MainCountry);
    }

    [Fact]
    public void Process_Demonym_PicksNamesakeOfThatCountry()
    {
        var doc = Doc("Les séparatistes prorusses ont bombardé Donetsk, a indiqué l'armée ukrainienne.", ("Donetsk", PlaceRelation.In));
        Component.Process(doc);
        Assert.Equal("UA", doc.Layers.Get<PlaceMention>()[0].Resolved?.Country);
    }

    [Fact]
    public void Process_ActorCountry_Counts()
    {
        var doc = Doc("Un rassemblement a eu lieu à Saint-Denis.", ("Saint-Denis", PlaceRelation.In));
        doc.Layers.Set(new List<ActorMention> { new(new TextSpan(0, 2), "police réunionnaise", ActorKind.StateForces) { Country = "RE" } });
        Component.Process(doc);
        Assert.Equal("RE", doc.Layers.Get<PlaceMention>()[0].Resolved?.Country);
    }

    [Fact]
    public void Process_OtherPlaceOfDocument_Proximity()
    {
        var doc = Doc("Après Beyrouth, des heurts ont éclaté à Tripoli.", ("Beyrouth", PlaceRelation.In), ("Tripoli", PlaceRelation.In));
        Component.Process(doc);
        Assert.Equal("LB", doc.Layers.Get<PlaceMention>()[1].Resolved?.Country);
    }

    [Fact]
    public void Process_UnknownPlace_KeptWithNameEvidenceAndMainCountryWithoutCoordinates()
    {
        var doc = Doc("Au Mali, l'attaque de Sobane Da près de Gao a fait des morts.", ("Sobane Da", PlaceRelation.In), ("Gao", PlaceRelation.Near));
        Component.Process(doc);
        var places = doc.Layers.Get<PlaceMention>();
        var unknown = places[0].Resolved;
        Assert.NotNull(unknown);
        Assert.Equal("Sobane Da", unknown.Name);
        Assert.Equal("ML", unknown.Country);
        Assert.Null(unknown.Lat);
        Assert.Equal([places[0].Span], unknown.Evidence!);
        Assert.Equal(2, places[1].Resolved?.Precision);
        Assert.Equal([places[1].Span], places[1].Resolved?.Evidence!);
    }

    [Fact]
    public void Process_SmallNamesakeOutsideTheNamedState_StaysUnknown()
    {
        var doc = Doc("Il n'y a eu aucune attaque à Sabon Gari ni ailleurs dans l'Etat de Borno, a assuré l'armée nigériane.",
            ("Sabon Gari", PlaceRelation.In), ("Borno", PlaceRelation.Region));
        Component.Process(doc);
        var places = doc.Layers.Get<PlaceMention>();
        Assert.Null(places[0].Resolved?.Lat);
        Assert.Equal("Sabon Gari", places[0].Resolved?.Name);
        Assert.Equal("NG", places[0].Resolved?.Country);
        Assert.Equal(3, places[1].Resolved?.Precision);
        Assert.Equal("Borno", Assert.Single(doc.Layers.GetOne<GeoContext>()!.Areas).Name);
    }

    [Fact]
    public void Process_VillageWhoseDivisionIsNamedAfterIt_IsPlacedThere()
    {
        // another division named first, the village's own named after it: the village is read again once the text has named both
        var doc = Doc("L'armée a repoussé une attaque dans l'Etat de Borno. Des hommes armés ont aussi attaqué Sabon Gari, dans l'Etat de Yobe.",
            ("Borno", PlaceRelation.Region), ("Sabon Gari", PlaceRelation.In), ("Yobe", PlaceRelation.Region));
        Component.Process(doc);
        var village = doc.Layers.Get<PlaceMention>()[1].Resolved;
        Assert.Equal(11.84945, village?.Lat);
        Assert.Equal("Yobe", village?.Admin1);
    }

    [Fact]
    public void Process_NoPlaces_StillSetsContext()
    {
        var doc = Doc("Le Niger et le Mali ont signé un accord; le Mali a salué le texte.");
        Component.Process(doc);
        var ctx = doc.Layers.GetOne<GeoContext>();
        Assert.NotNull(ctx);
        Assert.Equal("ML", ctx.MainCountry);
        Assert.Equal(["ML", "NE"], ctx.Countries);
    }

    [Fact]
    public void Pipeline_WithGeocoding_ChecksLayerOrder()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Vigie.Pipeline.Pipeline([new GeocodingComponent()]));
        Assert.Contains("VIG-P001", ex.Message);
    }
}
