using Vigie.Geo;
using Vigie.Model;

namespace Vigie.Tests.Geo;

public class GeocoderTests
{
    private static readonly GazetteerGeocoder Geocoder = new(GeoTestData.NamesakeGazetteer);

    private static GeoContext Countries(params string[] cc)
    {
        var c = new GeoContext();
        c.Countries.AddRange(cc);
        return c;
    }

    [Theory]
    [InlineData("Donetsk", "UA", "UA")]
    [InlineData("Donetsk", "RU", "RU")]
    [InlineData("Donetsk", "", "UA")]
    [InlineData("Tripoli", "LB", "LB")]
    [InlineData("Tripoli", "LY", "LY")]
    [InlineData("Tripoli", "", "LY")]
    [InlineData("Saint-Denis", "RE", "RE")]
    [InlineData("Saint-Denis", "FR", "FR")]
    public void Resolve_Namesakes_DocumentCountryWins(string name, string context, string expected)
    {
        var ctx = context.Length > 0 ? Countries(context) : new GeoContext();
        Assert.Equal(expected, Geocoder.Resolve(name, ctx)?.Country);
    }

    [Fact]
    public void Resolve_NoCountryButNearbyPlace_ProximityWins()
    {
        var ctx = new GeoContext();
        ctx.Resolved.Add(new Location { Name = "Beirut", Lat = 33.89, Lon = 35.50, Country = "LB" });
        Assert.Equal("LB", Geocoder.Resolve("Tripoli", ctx)?.Country);
    }

    [Fact]
    public void Resolve_SecondCountryOfDocument_BeatsUnnamedCountry()
    {
        // an article about Syria that also names Lebanon: Tripoli is the Lebanese one
        Assert.Equal("LB", Geocoder.Resolve("Tripoli", Countries("SY", "LB"))?.Country);
    }

    [Fact]
    public void Resolve_Found_FillsAllFields()
    {
        var loc = Geocoder.Resolve("Gao", new GeoContext());
        Assert.NotNull(loc);
        Assert.Equal("Gao", loc.Name);
        Assert.Equal("ML", loc.Country);
        Assert.Equal(2457163, loc.GeonamesId);
        Assert.Equal(1, loc.Precision);
        Assert.Equal(16.27167, loc.Lat!.Value, 4);
    }

    [Theory]
    [InlineData("près de Gao", 2)]
    [InlineData("à 30 km au nord de Gao", 2)]
    [InlineData("dans la périphérie sud de Gao", 2)]
    [InlineData("la région de Gao", 3)]
    [InlineData("the outskirts of Gao", 2)]
    public void Resolve_RelativePlace_ReferencePlaceWithLowerPrecision(string text, int precision)
    {
        var r = Geocoder.Resolve(text, PlaceRelation.In, null, new GeoContext());
        Assert.NotNull(r);
        Assert.Equal(2457163, r.Location.GeonamesId);
        Assert.Equal(precision, r.Location.Precision);
    }

    [Theory]
    [InlineData("Sobane Da")]
    [InlineData("au sud de")]
    [InlineData("Gao-Ville-Inconnue")]
    public void Resolve_UnknownName_IsNull(string name) => Assert.Null(Geocoder.Resolve(name, new GeoContext()));

    [Fact]
    public void Resolve_RelationGivenByExtraction_SetsPrecision()
    {
        var r = Geocoder.Resolve("Damascus", PlaceRelation.Near, null, Countries("SY"));
        Assert.Equal(2, r?.Location.Precision);
    }

    [Theory]
    [InlineData("Tori", "ML", null)]     // an alternate name of a foreign city: the Malian commune is not Turin
    [InlineData("Tori", "", "IT")]       // no context: nothing against it
    [InlineData("Turin", "ML", "IT")]    // a foreign city named by its own name
    [InlineData("Tripoli", "SY", "LY")]  // a foreign capital
    public void Resolve_OutsideDocumentCountries_OnlyImportantPlacesByTheirOwnName(string name, string context, string? expected)
    {
        var ctx = context.Length > 0 ? Countries(context) : new GeoContext();
        Assert.Equal(expected, Geocoder.Resolve(name, ctx)?.Country);
    }

    [Theory]
    [InlineData("Borno", false)]
    [InlineData("Yobe", true)]
    [InlineData("", true)]
    public void Resolve_SmallPlaceInAnotherNamedDivision_IsUnknown(string namedAdmin1, bool found)
    {
        var ctx = Countries("NG");
        if (namedAdmin1.Length > 0) ctx.Areas.Add(new Location { Name = namedAdmin1, Country = "NG", Admin1 = namedAdmin1 });
        var loc = Geocoder.Resolve("Sabon Gari", ctx);
        Assert.Equal(found, loc != null);
        if (found) Assert.Equal("Yobe", loc!.Admin1);
    }

    [Fact]
    public void Resolve_TownInTheNamedDivision_IsKept()
    {
        var ctx = Countries("NG");
        ctx.Areas.Add(new Location { Name = "Borno", Country = "NG", Admin1 = "Borno" });
        Assert.Equal("Borno", Geocoder.Resolve("Damboa", ctx)?.Admin1);
    }

    [Fact]
    public void DistanceKm_DamascusToBeirut_About85()
    {
        var d = Vigie.Geo.GreatCircle.Km(33.5102, 36.29128, 33.89332, 35.50157);
        Assert.InRange(d, 80, 90);
    }
}
