using System.Globalization;
using Vigie.Geo;
using Vigie.Lexicons;

namespace Vigie.Tests.Geo;

/// <summary>Small GeoNames slices written for the tests (real places, invented subsets), compiled into temporary indexes.</summary>
internal static class GeoTestData
{
    /// <summary>A line of the GeoNames "geoname" table (19 columns).</summary>
    public static string Row(int id, string name, double lat, double lon, string fclass, string fcode, string country, string admin1, long population, string alternates = "", string? ascii = null) =>
        string.Join('\t', id.ToString(CultureInfo.InvariantCulture), name, ascii ?? name, alternates,
            lat.ToString(CultureInfo.InvariantCulture), lon.ToString(CultureInfo.InvariantCulture), fclass, fcode, country, "", admin1, "", "", "",
            population.ToString(CultureInfo.InvariantCulture), "", "100", "Etc/UTC", "2024-01-01");

    /// <summary>Namesakes in several countries, as in GeoNames (ids, coordinates and populations from cities500).</summary>
    public static readonly string[] Namesakes =
    [
        Row(709717, "Donetsk", 48.023, 37.80224, "P", "PPLA", "UA", "05", 901645, "Donetzk,Stalino"),
        Row(565348, "Donetsk", 48.33962, 39.95948, "P", "PPL", "RU", "61", 50850),
        Row(2210247, "Tripoli", 32.88743, 13.18733, "P", "PPLC", "LY", "77", 1150989, "Tarabulus,Trablous"),
        Row(266826, "Tripoli", 34.43352, 35.84415, "P", "PPLA", "LB", "09", 229398),
        Row(276781, "Beirut", 33.89332, 35.50157, "P", "PPLC", "LB", "04", 1916100, "Beyrouth"),
        Row(2980916, "Saint-Denis", 48.93564, 2.35387, "P", "PPLA3", "FR", "11", 96128),
        Row(935264, "Saint-Denis", -20.88231, 55.4504, "P", "PPLC", "RE", "RE", 137195),
        Row(170654, "Damascus", 33.5102, 36.29128, "P", "PPLC", "SY", "13", 1569394, "Dimashq"),
        Row(8419677, "Al Ḩajar al Aswad", 33.45759, 36.30419, "P", "PPLA2", "SY", "08", 0, "Hajar al Aswad", "Al Hajar al Aswad"),
        Row(2457163, "Gao", 16.27167, -0.04472, "P", "PPLA", "ML", "09", 87000),
        Row(3165524, "Turin", 45.07049, 7.68682, "P", "PPLA", "IT", "12", 870456, "Tori,Torino"),
        Row(8996492, "Sabon Garin Nangere", 11.84945, 11.0733, "P", "PPL", "NG", "44", 0, "Sabon Gari,Sabon Gari-Nangere"),
        Row(2345498, "Damboa", 11.15534, 12.75638, "P", "PPLA2", "NG", "27", 21571),
        Row(2346794, "Borno", 11.5, 13.0, "A", "ADM1", "NG", "27", 4171104, "Borno State"),
        Row(2595349, "Yobe", 12.0, 11.5, "A", "ADM1", "NG", "44", 2321339, "Yobe State"),
    ];

    /// <summary>Names of the first-level divisions of the rows above (admin1CodesASCII layout).</summary>
    public static readonly string[] Admin1Codes = ["NG.44\tYobe\tYobe\t2595349", "NG.27\tBorno\tBorno\t2346794"];

    public static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "vigie-geo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    public static string Write(string dir, string file, IEnumerable<string> lines)
    {
        var p = Path.Combine(dir, file);
        File.WriteAllLines(p, lines);
        return p;
    }

    private static readonly Lazy<Gazetteer> _namesakes = new(() =>
    {
        var dir = TempDir();
        var src = Write(dir, "cities-test.txt", Namesakes);
        var admin1 = Write(dir, "admin1CodesASCII.txt", Admin1Codes);
        var idx = Path.Combine(dir, "test.idx");
        GazetteerStore.Compile([src, admin1], idx, includeSupplement: false);
        return Gazetteer.Open(idx);
    });

    /// <summary>The namesakes compiled alone (no supplement).</summary>
    public static Gazetteer NamesakeGazetteer => _namesakes.Value;

    public static string Corpus(string lang, string file) => Path.Combine(DataPaths.Root, "tests", "corpus", lang, file);
}
