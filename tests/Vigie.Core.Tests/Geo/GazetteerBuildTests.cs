using System.IO.Compression;
using Vigie.Geo;

namespace Vigie.Tests.Geo;

public class GazetteerBuildTests
{
    private static (Gazetteer G, GazetteerBuildReport Report) Build(params (string File, string[] Lines)[] files)
    {
        var dir = GeoTestData.TempDir();
        var paths = files.Select(f => GeoTestData.Write(dir, f.File, f.Lines)).ToList();
        var idx = Path.Combine(dir, "out.idx");
        var report = GazetteerStore.Compile(paths, idx, includeSupplement: false);
        return (Gazetteer.Open(idx), report);
    }

    [Fact]
    public void Compile_GeoNamesTable_FindsPlacesByNameAsciiNameAndAlternates()
    {
        var (g, report) = Build(("cities500.txt", GeoTestData.Namesakes));
        using var _ = g;
        Assert.Empty(report.Problems);
        Assert.Equal(GeoTestData.Namesakes.Length, g.RecordCount);
        var tarabulus = Assert.Single(g.Find("Tarabulus"));
        Assert.Equal("LY", g[tarabulus.Record].Country);
        Assert.Equal("Tarabulus", g.NameOf(tarabulus));
        Assert.Equal(2, g.Find("tripoli").Count);
        var hajar = Assert.Single(g.Find("Hadjar al-Assouad"));
        Assert.Equal(8419677, g[hajar.Record].GeonamesId);
        Assert.Equal("Al Hajar al Aswad", g[hajar.Record].Name); // the ASCII name is the display name
        Assert.Empty(g.Find("Ouagadougou"));
    }

    [Fact]
    public void Compile_RecordFields_RoundTrip()
    {
        var (g, _) = Build(("cities500.txt", GeoTestData.Namesakes));
        using var __ = g;
        var p = g[Assert.Single(g.Find("Gao")).Record];
        Assert.Equal(2457163, p.GeonamesId);
        Assert.Equal(16.27167, p.Lat, 4);
        Assert.Equal(-0.04472, p.Lon, 4);
        Assert.Equal(87000, p.Population);
        Assert.Equal(PlaceKind.AdminSeat, p.Kind);
        Assert.Equal('P', p.FeatureClass);
        Assert.False(p.Curated);
    }

    [Fact]
    public void Compile_AlternateNamesAndAdmin1Codes_AddFrenchNamesAndAdmin1Names()
    {
        var (g, report) = Build(
            ("admin1CodesASCII.txt", ["SY.13\tDimashq\tDimashq\t170652", "UA.05\tDonetsk\tDonetsk\t709716"]),
            ("alternateNamesV2.txt",
            [
                "1\t170654\tfr\tDamas\t1\t\t\t\t\t",
                "2\t709717\t\tStalino-Yuzovka\t\t\t\t1\t\t", // historic: not indexed
                "3\t170654\tde\tDamaskus\t\t\t\t\t\t",     // a language the texts are not in
                "4\t999999\tfr\tNulle-part\t\t\t\t\t\t",   // a place not in the table
            ]),
            ("cities500.txt", GeoTestData.Namesakes));
        using var _ = g;
        Assert.Empty(report.Problems);
        var damas = g[Assert.Single(g.Find("Damas")).Record];
        Assert.Equal(170654, damas.GeonamesId);
        Assert.Equal("Dimashq", damas.Admin1);
        Assert.Empty(g.Find("Stalino-Yuzovka"));
        Assert.Empty(g.Find("Damaskus"));
        Assert.Null(g[Assert.Single(g.Find("Gao")).Record].Admin1); // no admin1 name given for ML.09
    }

    [Fact]
    public void Compile_BadLines_AreReportedWithFileAndLineAndTheRestIsRead()
    {
        var lines = GeoTestData.Namesakes.ToList();
        lines.Insert(2, "not\ta\tgeonames\tline");
        lines.Insert(4, GeoTestData.Row(1, "Nowhere", 123.0, 0, "P", "PPL", "XX", "", 0));
        var (g, report) = Build(("cities500.txt", lines.ToArray()));
        using var _ = g;
        Assert.Equal(2, report.Problems.Count);
        Assert.Equal(3, report.Problems[0].Line);
        Assert.EndsWith("cities500.txt", report.Problems[0].File);
        Assert.Equal(5, report.Problems[1].Line);
        Assert.Equal(GeoTestData.Namesakes.Length, g.RecordCount);
    }

    [Fact]
    public void Compile_MissingFile_IsAProblemNotAnException()
    {
        var dir = GeoTestData.TempDir();
        var report = GazetteerStore.Compile([Path.Combine(dir, "absent.txt")], Path.Combine(dir, "o.idx"), includeSupplement: false);
        Assert.Contains("file not found", Assert.Single(report.Problems).Message);
    }

    [Fact]
    public void Compile_Zip_ReadsItsTextMembers()
    {
        var dir = GeoTestData.TempDir();
        var zipPath = Path.Combine(dir, "allCountries.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            using (var w = new StreamWriter(zip.CreateEntry("allCountries.txt").Open())) foreach (var l in GeoTestData.Namesakes) w.WriteLine(l);
            using (var w = new StreamWriter(zip.CreateEntry("readme.txt").Open())) w.WriteLine("not data");
        }
        var idx = Path.Combine(dir, "z.idx");
        var report = GazetteerStore.Compile([zipPath], idx, includeSupplement: false);
        Assert.Empty(report.Problems);
        using var g = Gazetteer.Open(idx);
        Assert.Equal(GeoTestData.Namesakes.Length, g.RecordCount);
        Assert.NotEmpty(g.Find("Beyrouth"));
    }

    [Fact]
    public void Compile_Supplement_AddsNamesToGeoNamesRecordsAndNewPlaces()
    {
        var supplement = new[]
        {
            "# test supplement",
            "name\talternate_names\tcountry\tadmin1\tadmin1_code\tlat\tlon\tfeature\tgeonames_id\tpopulation\tsource",
            "Hajar al-Aswad\tal-Hajar al-Aswad|Hadjar al-Assouad\tSY\tRif Dimashq\t\t\t\tcity\t8419677\t\tGeoNames 8419677",
            "Yarmouk camp\tcamp de Yarmouk|Yarmouk\tSY\tDamascus\t\t33.473\t36.303\tcamp\t\t\tgold annotation",
            "Rif Dimashq\tRif Damas\tSY\tRif Dimashq\t08\t33.5\t36.9\tadmin1\t\t\tapprox.",
            "Broken\t\tSY\t\t\t\t\ttown\t\t\tnowhere",
            "Nameless source\t\tSY\t\t\t33\t36\ttown\t\t\t",
        };
        var (g, report) = Build(("cities500.txt", GeoTestData.Namesakes), ("supplement.tsv", supplement));
        using var _ = g;
        Assert.Equal(2, report.Problems.Count);
        Assert.Equal([6, 7], report.Problems.Select(p => p.Line));
        var hajar = g[Assert.Single(g.Find("Hadjar al-Assouad")).Record];
        Assert.Equal(8419677, hajar.GeonamesId);
        Assert.Equal("Hajar al-Aswad", hajar.Name);
        Assert.Equal("Rif Dimashq", hajar.Admin1);
        Assert.True(hajar.Curated);
        var camp = g[Assert.Single(g.Find("Yarmouk")).Record];
        Assert.Equal(PlaceKind.Camp, camp.Kind);
        Assert.Null(camp.GeonamesId);
        // the admin1 code of the supplement names the division of GeoNames rows with that code
        Assert.Equal("Rif Dimashq", g[Assert.Single(g.Find("Hajar al Aswad")).Record].Admin1);
    }

    [Fact]
    public void Open_NotAnIndex_ThrowsClearError()
    {
        var dir = GeoTestData.TempDir();
        var p = GeoTestData.Write(dir, "junk.idx", [new string('x', 300)]);
        var e = Assert.Throws<InvalidDataException>(() => Gazetteer.Open(p));
        Assert.Contains("VIG-G003", e.Message);
    }

    [Fact]
    public void Find_BufferSmallerThanGroup_FillsBufferOnly()
    {
        var g = GeoTestData.NamesakeGazetteer;
        Span<GazetteerHit> one = stackalloc GazetteerHit[1];
        Assert.Equal(1, g.Find("Donetsk", one));
    }
}
