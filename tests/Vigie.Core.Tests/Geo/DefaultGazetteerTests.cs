using System.Globalization;
using Vigie.Geo;
using Vigie.Lexicons;
using Vigie.Model;

namespace Vigie.Tests.Geo;

/// <summary>The installed gazetteer (GeoNames cities500 + data/gazetteer/supplement.tsv) against tests/corpus/fr/places.tsv.</summary>
public class DefaultGazetteerTests
{
    public static TheoryData<int> Rows()
    {
        var data = new TheoryData<int>();
        foreach (var row in Tsv.Load(GeoTestData.Corpus("fr", "places.tsv")).Rows) data.Add(row.Line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Resolve_PlacesCorpus_WithinDistanceAndPrecision(int line)
    {
        var row = Tsv.Load(GeoTestData.Corpus("fr", "places.tsv")).Rows.Single(r => r.Line == line);
        var ctx = new GeoContext();
        ctx.Countries.AddRange((row.Get("countries") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var relation = row["relation"] switch { "near" => PlaceRelation.Near, "region" => PlaceRelation.Region, _ => PlaceRelation.In };
        var r = GazetteerGeocoder.Default.Resolve(row["name"], relation, row.Get("feature"), ctx);
        var where = $"places.tsv:{line} '{row["name"]}'";
        if (row.Get("lat") == null)
        {
            Assert.True(r == null, $"{where}: expected unknown, got {r?.Location.Name} ({r?.Kind})");
            return;
        }
        Assert.True(r != null, $"{where}: not found");
        var lat = double.Parse(row["lat"], CultureInfo.InvariantCulture);
        var lon = double.Parse(row["lon"], CultureInfo.InvariantCulture);
        var km = Vigie.Geo.GreatCircle.Km(lat, lon, r.Location.Lat!.Value, r.Location.Lon!.Value);
        Assert.True(km <= double.Parse(row["max_km"], CultureInfo.InvariantCulture), $"{where}: {r.Location.Name} ({r.Kind}) is {km:0.0} km away");
        Assert.Equal(row["country"], r.Location.Country);
        Assert.True(int.Parse(row["precision"], CultureInfo.InvariantCulture) == r.Location.Precision, $"{where}: precision {r.Location.Precision}");
    }

    [Fact]
    public void Default_IsCompiledFromCities500AndSupplement()
    {
        var g = Gazetteer.Default;
        Assert.True(g.RecordCount > 150_000, $"{g.RecordCount} records: is cities500 installed (scripts/setup)?");
        Assert.Equal(NameKey.Default.RulesHash, g.KeyRulesHash);
        Assert.Contains("sup=", g.Stamp);
        // the ISO 3166-2 divisions are read, and a change of their file makes another index
        Assert.DoesNotContain("div=none", g.Stamp);
        Assert.Contains($"div={new FileInfo(GazetteerStore.DivisionsSource).Length}:", g.Stamp);
        Assert.Equal(GazetteerStore.DefaultStamp(NameKey.Default), g.Stamp);
    }

    [Fact]
    public void Supplement_EveryRowHasASourceAndLoadsWithoutProblems()
    {
        var dir = GeoTestData.TempDir();
        var report = GazetteerStore.Compile([GazetteerStore.Cities500Source], Path.Combine(dir, "s.idx"), includeSupplement: true);
        Assert.Empty(report.Problems);
        foreach (var row in Tsv.Load(GazetteerStore.SupplementPath).Rows)
            Assert.False(string.IsNullOrWhiteSpace(row.Get("source")), $"supplement.tsv:{row.Line} has no source");
    }
}
