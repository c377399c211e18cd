using System.Text.Json;
using Vigie.Model;
using Vigie.Storage;
using Vigie.Storage.Sqlite;
using Vigie.Web.Api;
using Vigie.Web.Data;
using Vigie.Web.Hosting;

namespace Vigie.Web.Tests.Api;

/// <summary>
/// What a page costs: a filter is counted once per data version (PageTotals), an event's view is made once while its row
/// is unchanged (EventSummaries), and the pages written from the kept JSON texts are the bytes the serializer writes.
/// </summary>
public sealed class PageCostTests(SamplesFixture samples) : IClassFixture<SamplesFixture>
{
    private static JsonSerializerOptions Options()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        VigieWebHost.Configure(o);
        return o;
    }

    [Fact]
    public void Events_PagesOfOneFilter_CountItOncePerDataVersion()
    {
        using var reader = StoreEventReader.ForSqlite(samples.Database);
        var filter = new EventFilter { From = PartialDate.Parse("1990") };
        var all = reader.Events(filter, 1, 5000);
        Assert.True(all.Total > 9, $"only {all.Total} dated events");
        // a first page that holds every match gives the total without counting
        Assert.Equal(0, reader.Totals.Counted);
        Assert.Null(all.Next);

        using var other = StoreEventReader.ForSqlite(samples.Database);
        var second = other.Events(filter, 2, 3);
        var third = other.Events(filter, 3, 3);
        var keyed = other.EventsAfter(filter, PageKey.TryParse(second.Next, out var k) ? k : throw new InvalidOperationException("no next"), 3);
        Assert.Equal(1, other.Totals.Counted);
        Assert.All(new[] { second, third, keyed }, p => Assert.Equal(all.Total, p.Total));
        Assert.Equal(all.Events.Skip(3).Take(3).Select(e => e.Id), second.Events.Select(e => e.Id));
        Assert.Equal(third.Events.Select(e => e.Id), keyed.Events.Select(e => e.Id));
        // beyond the last page: no events, the same total
        var beyond = other.Events(filter, 1000, 3);
        Assert.Empty(beyond.Events);
        Assert.Equal(all.Total, beyond.Total);
        Assert.Null(beyond.Next);
    }

    [Fact]
    public async Task Events_AfterAWrite_CountAgainAtTheNewVersion()
    {
        var dir = Path.Combine(Path.GetTempPath(), "vigie-web-cost-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = await TestStore.CreateAsync(dir);
            using var reader = StoreEventReader.ForSqlite(path);
            var before = reader.Events(EventFilter.All, 2, 1);
            Assert.Equal(1, reader.Totals.Counted);
            Assert.Equal(before.Total, reader.Events(EventFilter.All, 2, 1).Total);
            Assert.Equal(1, reader.Totals.Counted);
            using (var store = SqliteStore.Open(path))
            {
                var text = "Des tirs ont visé un poste près de Gao.";
                var e = new Event
                {
                    Type = EventType.Battles, Subtype = EventSubtype.ArmedClash, Date = DateRange.Single(PartialDate.Parse("2023-02-01")),
                    Location = new Location { Name = "Gao", Country = "ML", Lat = 16.27, Lon = -0.04, Precision = 1 }, Evidence = [new TextSpan(0, 10)],
                };
                var doc = new Document("cost-1", text) { Language = "fr", Published = e.Date.Start };
                store.WriteBatch([new Extracted(doc, new DocumentRecord { Id = doc.Id, Text = text, Events = [e] })], "cost");
                store.Refuse();
            }
            var after = reader.Events(EventFilter.All, 2, 1);
            Assert.Equal(2, reader.Totals.Counted);
            Assert.Equal(before.Total + 1, after.Total);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public void Summaries_SameRowTwice_AreMadeOnceAndMadeAgainWhenTheRowChanges()
    {
        var options = Options();
        var made = 0;
        var summaries = new EventSummaries(row => { made++; return new EventSummary { Id = row.Id, Fatalities = new Fatalities(row.FatalitiesLow, row.FatalitiesBest, row.FatalitiesHigh), DateStart = row.EventJson }; }, options);
        var row = new StoredEventRow("ev-1", 1, new DateOnly(2020, 1, 2), "{\"type\":\"battles\"}", 1, 2, 3);
        var (first, json) = summaries.Of(row);
        var (again, jsonAgain) = summaries.Of(row with { });
        Assert.Equal(1, made);
        Assert.Same(first, again);
        Assert.Same(json, jsonAgain);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(first, options), json);
        // another text or another fatality range: made again, and the new view is the one kept
        var (changed, _) = summaries.Of(row with { EventJson = "{\"type\":\"riots\"}" });
        Assert.Equal(2, made);
        Assert.Equal("{\"type\":\"riots\"}", changed.DateStart);
        summaries.Of(row with { EventJson = "{\"type\":\"riots\"}", FatalitiesBest = 4 });
        Assert.Equal(3, made);
        summaries.Of(row with { EventJson = "{\"type\":\"riots\"}", FatalitiesBest = 4 });
        Assert.Equal(3, made);
        Assert.Equal(3, summaries.Made);
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 3)]
    [InlineData(1, 5000)]
    public async Task Pages_WrittenFromKeptTexts_AreTheSerializersBytes(int page, int size)
    {
        var options = Options();
        using var reader = StoreEventReader.ForSqlite(samples.Database, options);
        for (var round = 0; round < 2; round++)
        {
            // the second round reads every view from what the first kept
            var p = reader.Events(EventFilter.All, page, size);
            Assert.NotNull(p.EventJson);
            Assert.NotEmpty(p.Events);
            Assert.Contains(p.Events, e => e.Location?.Lat != null);
            var plain = p with { EventJson = null };

            using var json = new MemoryStream();
            await GeoJson.WritePageAsync(json, p, options, null, CancellationToken.None);
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(plain, options), json.ToArray());

            using var geo = new MemoryStream();
            var copy = new System.Buffers.ArrayBufferWriter<byte>();
            await GeoJson.WriteAsync(geo, p, options, copy, CancellationToken.None);
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(GeoJson.From(plain), options), geo.ToArray());
            Assert.Equal(geo.ToArray(), copy.WrittenSpan.ToArray());
        }
        Assert.True(reader.Summaries.Made <= Math.Min(size, 5000));
    }
}
