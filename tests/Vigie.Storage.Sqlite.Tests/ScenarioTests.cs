using System.Globalization;
using CsvHelper;
using Vigie.Export;
using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Readers;
using Vigie.Storage;
using Vigie.Storage.Sqlite;

namespace Vigie.Tests;

/// <summary>The whole chain (readers, extraction, store, fusion, export) on the samples and the seed.</summary>
public class ScenarioTests
{
    private static async Task<SqliteStore> IngestInto(TempDb db, params string[] paths)
    {
        var store = db.Open();
        await new Ingestor(store) { Threads = 2 }.RunAsync(paths, new ReaderOptions());
        return store;
    }

    [Fact]
    public async Task Seed_PeriodTotal_StaysACasualtyReportAndIsNotAnEventToll()
    {
        using var db = new TempDb();
        using var store = await IngestInto(db, SharedPaths.Seed("afp-fr-2018-04-damas.txt"));
        var reports = store.Reports();
        var totals = reports.Where(r => r.Report.Scope is ReportScope.Period or ReportScope.ConflictTotal).ToList();
        Assert.NotEmpty(totals);
        var totalCounts = totals.SelectMany(r => r.Report.Figures).Where(f => f.Count >= 19).Select(f => (int)f.Count).ToHashSet();
        Assert.NotEmpty(totalCounts);
        foreach (var e in store.Events(EventFilter.All))
            Assert.False(e.FatalitiesBest is { } b && totalCounts.Contains(b), $"event {e.Id} carries a period figure ({e.FatalitiesBest})");
    }

    [Fact]
    public async Task Samples_AcledExport_ReadBackWithTheExactHeader()
    {
        using var db = new TempDb();
        using var store = await IngestInto(db, Path.Combine(DataPaths.Root, "samples"));
        var events = store.Events(EventFilter.All, withMentions: true);
        Assert.NotEmpty(events);
        var sw = new StringWriter();
        EventExports.AcledCsv(events, sw, DateTimeOffset.UnixEpoch);
        using var csv = new CsvReader(new StringReader(sw.ToString()), CultureInfo.InvariantCulture);
        Assert.True(csv.Read());
        csv.ReadHeader();
        Assert.Equal(
            "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp",
            string.Join(",", csv.HeaderRecord!));
        var rows = 0;
        var types = new HashSet<string> { "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments" };
        while (csv.Read())
        {
            rows++;
            Assert.Contains(csv.GetField("event_type")!, types);
            Assert.InRange(int.Parse(csv.GetField("time_precision")!, CultureInfo.InvariantCulture), 1, 3);
            Assert.InRange(int.Parse(csv.GetField("geo_precision")!, CultureInfo.InvariantCulture), 1, 3);
            Assert.True(int.Parse(csv.GetField("fatalities")!, CultureInfo.InvariantCulture) >= 0);
            Assert.True(int.TryParse(csv.GetField("iso"), NumberStyles.None, CultureInfo.InvariantCulture, out _), $"iso '{csv.GetField("iso")}' is not an integer");
            var id = EventExports.EventIdOfAcled(csv.GetField("event_id_cnty")!);
            Assert.NotNull(id);
            Assert.NotNull(store.Event(id!));
        }
        Assert.Equal(events.Count, rows);
    }

    [Fact]
    public async Task Samples_GeoJsonExport_ParsesWithAPointPerLocatedEvent()
    {
        using var db = new TempDb();
        using var store = await IngestInto(db, Path.Combine(DataPaths.Root, "samples"));
        var events = store.Events(EventFilter.All, withMentions: true);
        var sw = new StringWriter();
        EventExports.GeoJson(events, sw);
        using var doc = System.Text.Json.JsonDocument.Parse(sw.ToString());
        var features = doc.RootElement.GetProperty("features");
        Assert.Equal(events.Count, features.GetArrayLength());
        foreach (var f in features.EnumerateArray())
        {
            var g = f.GetProperty("geometry");
            if (g.ValueKind == System.Text.Json.JsonValueKind.Null) continue;
            var c = g.GetProperty("coordinates");
            Assert.InRange(c[0].GetDouble(), -180, 180);
            Assert.InRange(c[1].GetDouble(), -90, 90);
        }
    }
}
