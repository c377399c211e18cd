using Vigie.Geo;
using Vigie.Model;

namespace Vigie.Tests.Geo;

/// <summary>
/// First-level divisions read from ISO 3166-2 data (the layout of iso3166-2-db's data/iso3166-2.json) into an index with a
/// small GeoNames table and supplement: where they are placed, which names they get, what the supplement keeps, and how
/// the geocoder chooses between a division and its namesake town.
/// </summary>
public class DivisionTests
{
    private const string Header = "name\talternate_names\tcountry\tadmin1\tadmin1_code\tlat\tlon\tfeature\tgeonames_id\tpopulation\tsource";

    private static readonly string[] Table =
    [
        GeoTestData.Row(2322911, "Sokoto", 13.06269, 5.24322, "P", "PPLA", "NG", "51", 427760),
        GeoTestData.Row(2326302, "Tambuwal", 12.40592, 4.64605, "P", "PPLA2", "NG", "51", 12000),
        GeoTestData.Row(2330100, "Minna", 9.61389, 6.55694, "P", "PPLA", "NG", "31", 291905),
        GeoTestData.Row(2346812, "Biu", 10.61285, 12.19458, "P", "PPLA2", "NG", "27", 95005),
        GeoTestData.Row(2565343, "Damaturu", 11.74697, 11.96083, "P", "PPLA", "NG", "44", 15000),
        GeoTestData.Row(8996492, "Sabon Garin Nangere", 11.84945, 11.0733, "P", "PPL", "NG", "44", 0, "Sabon Gari"),
        GeoTestData.Row(2440485, "Niamey", 13.51366, 2.1098, "P", "PPLC", "NE", "08", 774235),
        GeoTestData.Row(2430477, "Goz Beida", 12.22638, 21.41399, "P", "PPLA", "TD", "25", 9000),
        // a village named like a division it is not in (Michoacan, in Chiapas)
        GeoTestData.Row(8862403, "Michoacan", 16.14944, -92.06361, "P", "PPL", "MX", "05", 574),
        GeoTestData.Row(3530049, "Morelia", 19.70078, -101.18443, "P", "PPLA", "MX", "16", 597511),
        GeoTestData.Row(4005867, "Zamora", 19.9855, -102.28387, "P", "PPLA2", "MX", "16", 124916),
        GeoTestData.Row(4019233, "Aguililla", 18.73742, -102.78934, "P", "PPLA2", "MX", "16", 5000),
        GeoTestData.Row(3531402, "Buenavista", 16.5, -92.3, "P", "PPL", "MX", "05", 900),
    ];

    private static readonly string[] Supplement =
    [
        Header,
        "Niger\tNiger\tNE\t\t\t17.6\t8.1\tcountry\t\t\tapprox.",
        "Borno\t\tNG\tBorno\t27\t11.8\t13.2\tadmin1\t\t\tapprox.",
    ];

    private const string Divisions = """
        {
          "NG": { "iso": "NG", "regions": [
            { "name": "Sokoto State", "names": { "geonames": "Sokoto", "en": "Sokoto State", "fr": "État de Sokoto" }, "iso": "SO", "admin": "51", "reference": { "geonames": 2322907 } },
            { "name": "Niger State", "names": { "geonames": "Niger", "en": "Niger State", "fr": "État de Niger" }, "iso": "NI", "admin": "31", "reference": { "geonames": 2328925 } },
            { "name": "Borno State", "names": { "geonames": "Borno", "en": "Bornu State" }, "iso": "BO", "admin": "27", "reference": { "geonames": 2346794 } },
            { "name": "Lagos State", "names": { "geonames": "Lagos", "en": "Lagos State" }, "iso": "LA", "admin": "05", "reference": { "geonames": 2332453 } },
            { "name": "Yobe State", "names": { "geonames": "Yobe", "en": "Yobe State", "fr": "État de Yobe" }, "iso": "YO", "admin": "44", "reference": { "geonames": 2595349 } }
          ] },
          "TD": { "iso": "TD", "regions": [
            { "name": "Sila Region", "names": { "geonames": "Sila", "en": "Sila Region", "fr": "Force" }, "iso": "SI", "admin": "25", "reference": { "geonames": 7603256 } }
          ] },
          "MX": { "iso": "MX", "regions": [
            { "name": "Michoacán", "names": { "geonames": "Michoacan", "en": "Michoacán", "fr": "Michoacán" }, "iso": "MIC", "admin": "16", "reference": { "geonames": 3995955 } },
            { "name": "Chiapas", "names": { "geonames": "Chiapas", "en": "Chiapas", "fr": "Chiapas" }, "iso": "CHP", "admin": "05", "reference": { "geonames": 3531011 } }
          ] }
        }
        """;

    private static readonly Lazy<(Gazetteer G, GazetteerBuildReport Report)> Index = new(() =>
    {
        var dir = GeoTestData.TempDir();
        var files = new[]
        {
            GeoTestData.Write(dir, "cities500.txt", Table),
            GeoTestData.Write(dir, "supplement.tsv", Supplement),
            GeoTestData.Write(dir, "iso3166-2.json", [Divisions]),
        };
        var idx = Path.Combine(dir, "divisions.idx");
        var report = GazetteerStore.Compile(files, idx, includeSupplement: false);
        return (Gazetteer.Open(idx), report);
    });

    private static Gazetteer G => Index.Value.G;
    private static readonly GazetteerGeocoder Geocoder = new(() => Index.Value.G);

    private static Place Division(string name) => G[Assert.Single(G.Find(name), h => G[h.Record].Kind == PlaceKind.Admin1).Record];

    private static GeoContext Countries(params string[] cc)
    {
        var c = new GeoContext();
        c.Countries.AddRange(cc);
        return c;
    }

    [Fact]
    public void Compile_Division_IsAnAdmin1PlaceAtTheMeanOfItsPlaces()
    {
        Assert.Empty(Index.Value.Report.Problems);
        var sokoto = Division("Sokoto");
        Assert.Equal("NG", sokoto.Country);
        Assert.Equal("Sokoto", sokoto.Name);
        Assert.Equal("Sokoto", sokoto.Admin1);
        Assert.Equal(2322907, sokoto.GeonamesId);
        Assert.False(sokoto.Curated);
        // the mean of Sokoto (13.06, 5.24) and Tambuwal (12.41, 4.65), on the sphere
        Assert.Equal(12.734, sokoto.Lat, 2);
        Assert.Equal(4.945, sokoto.Lon, 2);
    }

    [Fact]
    public void Compile_Division_NamesItsPlaces()
    {
        Assert.Equal("Sokoto", G[Assert.Single(G.Find("Tambuwal")).Record].Admin1);
        Assert.Equal("Michoacan", G[Assert.Single(G.Find("Zamora")).Record].Admin1);
        // the village named Michoacan is in Chiapas
        Assert.Equal("Chiapas", G[Assert.Single(G.Find("Michoacan"), h => G[h.Record].Kind == PlaceKind.Populated).Record].Admin1);
    }

    [Fact]
    public void Compile_DivisionWithoutPlaces_IsLeftOut() =>
        Assert.DoesNotContain(G.Find("Lagos"), h => G[h.Record].Kind == PlaceKind.Admin1);

    [Fact]
    public void Compile_Mistranslation_IsNotIndexed()
    {
        Assert.Equal("Sila", Division("Sila").Name);
        Assert.Empty(G.Find("Force"));
    }

    [Fact]
    public void Compile_SupplementDivision_KeepsItsRowAndGetsTheMissingNames()
    {
        var borno = Division("Bornu");
        Assert.True(borno.Curated);
        Assert.Equal(11.8, borno.Lat, 3);
        Assert.Equal(13.2, borno.Lon, 3);
        Assert.Single(G.Find("Borno"), h => G[h.Record].Kind == PlaceKind.Admin1);
        Assert.Equal("Borno", G[Assert.Single(G.Find("Biu")).Record].Admin1);
    }

    [Fact]
    public void Compile_ShortFormThatIsACountry_LeavesTheNameWhole()
    {
        Assert.All(G.Find("Niger"), h => Assert.Equal(PlaceKind.Country, G[h.Record].Kind));
        Assert.Equal("Niger", Division("Niger State").Name);
    }

    [Theory]
    [InlineData("Sokoto State")]
    [InlineData("État de Sokoto")]
    [InlineData("l'Etat de Sokoto")]
    public void Resolve_DivisionByItsLongName_IsTheDivision(string name)
    {
        var r = Geocoder.Resolve(name, PlaceRelation.In, null, Countries("NG"));
        Assert.NotNull(r);
        Assert.Equal(PlaceKind.Admin1, r.Kind);
        Assert.Equal(3, r.Location.Precision);
        Assert.Equal("Sokoto", r.Location.Admin1);
    }

    [Fact]
    public void Resolve_BareNameOfADivisionAndItsSeat_IsTheTown()
    {
        var r = Geocoder.Resolve("Sokoto", PlaceRelation.In, null, Countries("NG"));
        Assert.Equal(PlaceKind.AdminSeat, r?.Kind);
        Assert.Equal(1, r!.Location.Precision);
        Assert.Equal(PlaceKind.AdminSeat, Geocoder.Resolve("Sokoto", PlaceRelation.Near, null, Countries("NG"))?.Kind);
        Assert.Equal(PlaceKind.Admin1, Geocoder.Resolve("Sokoto", PlaceRelation.Region, "state", Countries("NG"))?.Kind);
    }

    [Fact]
    public void Resolve_BareNameOfADivision_BeatsAVillageOfAnotherDivision()
    {
        var r = Geocoder.Resolve("Michoacán", PlaceRelation.In, null, Countries("MX"));
        Assert.Equal(PlaceKind.Admin1, r?.Kind);
        Assert.Equal("Michoacan", r!.Location.Admin1);
        Assert.Equal(PlaceKind.Admin1, Geocoder.Resolve("the state of Michoacan", PlaceRelation.In, null, Countries("MX"))?.Kind);
    }

    [Fact]
    public void Resolve_DivisionOfAnotherCountry_OnlyWithAnAreaWord()
    {
        Assert.Null(Geocoder.Resolve("Sila", PlaceRelation.In, null, Countries("NG")));
        var r = Geocoder.Resolve("la région de Sila", PlaceRelation.In, null, Countries("NG"));
        Assert.Equal("TD", r?.Location.Country);
        Assert.Equal(PlaceKind.Admin1, r!.Kind);
        Assert.Equal(PlaceKind.Admin1, Geocoder.Resolve("Sila", PlaceRelation.In, null, Countries("TD"))?.Kind);
    }

    [Fact]
    public void Resolve_NamedDivision_DropsASmallNamesakeOutsideIt()
    {
        var ctx = Countries("MX");
        Assert.NotNull(Geocoder.Resolve("Buenavista", PlaceRelation.In, null, ctx));
        ctx.Areas.Add(Geocoder.Resolve("Michoacán", PlaceRelation.Region, null, ctx)!.Location);
        Assert.Null(Geocoder.Resolve("Buenavista", PlaceRelation.In, null, ctx));
        Assert.Equal("Michoacan", Geocoder.Resolve("Aguililla", PlaceRelation.In, null, ctx)?.Location.Admin1);
    }

    [Fact]
    public void Resolve_NamedDivision_KeepsTheSeatOfAnother()
    {
        var ctx = Countries("NG");
        Assert.NotNull(Geocoder.Resolve("Sabon Gari", PlaceRelation.In, null, ctx));
        ctx.Areas.Add(Geocoder.Resolve("État de Sokoto", PlaceRelation.In, null, ctx)!.Location);
        Assert.Null(Geocoder.Resolve("Sabon Gari", PlaceRelation.In, null, ctx));
        var seat = Geocoder.Resolve("Damaturu", PlaceRelation.In, null, ctx);
        Assert.Equal(PlaceKind.AdminSeat, seat?.Kind);
        Assert.Equal("Yobe", seat!.Location.Admin1);
    }
}
