using System.Text.Json;
using Vigie.Export;
using Vigie.Storage;
using Vigie.Storage.Sqlite;

namespace Vigie.Web.Tests.Api;

/// <summary>
/// The API's event views and the JSONL export are written from one projection of a stored event
/// (<see cref="EventProjection"/>): over the samples, every event's detail and its export line give the same
/// values — id, fatalities, and each mention's document, source, claim, modality and evidence, in the same order.
/// </summary>
public sealed class EventProjectionTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigie-web-projection-" + Guid.NewGuid().ToString("N"));
    private string _db = "";

    public async Task InitializeAsync() => _db = await TestStore.CreateAsync(_dir, withSamples: true);

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    private static long? Number(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [Fact]
    public async Task EveryEvent_DetailAndExportLine_GiveTheSameValues()
    {
        string export;
        using (var store = SqliteStore.Open(_db))
        {
            var writer = new StringWriter();
            EventExports.Jsonl(store.Events(EventFilter.All, withMentions: true), writer);
            export = writer.ToString();
        }
        var lines = export.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 5, $"{lines.Length} events: the samples were not ingested");

        using var factory = new WebFactory(_db);
        var client = factory.CreateClient();
        var mentionsSeen = 0;
        foreach (var line in lines)
        {
            using var exported = JsonDocument.Parse(line);
            var x = exported.RootElement;
            var id = x.GetProperty("id").GetString()!;
            using var served = JsonDocument.Parse(await client.GetStringAsync($"/api/events/{id}"));
            var d = served.RootElement;
            var summary = d.GetProperty("event");
            Assert.Equal(id, summary.GetProperty("id").GetString());

            var fx = x.GetProperty("fatalities");
            var fd = summary.TryGetProperty("fatalities", out var f) ? f : default;
            foreach (var k in new[] { "low", "best", "high" }) Assert.Equal(Number(fx, k), Number(fd, k));

            var xm = x.GetProperty("mentions").EnumerateArray().ToList();
            var dm = d.GetProperty("mentions").EnumerateArray().ToList();
            Assert.Equal(xm.Count, dm.Count);
            for (var i = 0; i < xm.Count; i++)
            {
                var what = $"{id} mention {i}";
                Assert.True(Text(xm[i], "content_hash") == Text(dm[i], "document_id"), what);
                Assert.True(Text(xm[i], "document_id") == Text(dm[i], "document_name"), what);
                Assert.True(Text(xm[i], "published") == Text(dm[i], "document_date"), what);
                Assert.True(Text(xm[i], "source") == Text(dm[i], "source"), what);
                Assert.True(Text(xm[i], "modality") == Text(dm[i], "modality"), what);
                Assert.True(Number(xm[i], "fatalities") == Number(dm[i], "fatalities"), what);
                Assert.Equal(xm[i].GetProperty("event").GetProperty("evidence").GetRawText(), dm[i].GetProperty("evidence").GetRawText());
                mentionsSeen++;
            }
        }
        Assert.True(mentionsSeen >= lines.Length);
    }

    [Fact]
    public void Projection_SupportHoldsEveryFieldAndPlaceSpan_AndAnUnknownTollIsUnknown()
    {
        var e = new Vigie.Model.Event
        {
            Evidence = [new(0, 10)],
            FieldEvidence = new() { ["fatalities"] = [new(20, 25)] },
            Location = new Vigie.Model.Location { Name = "Gao", Evidence = [new(30, 33)] },
        };
        var p = EventProjection.Of(new StoredEvent
        {
            Id = "ev-000000000001", Event = e,
            Mentions = [new StoredMention { DocumentHash = "h", DocumentId = "d", Published = "2018-04", DateResolved = "2018-04-27", Event = e }],
        });
        Assert.True(p.Fatalities.Unknown);
        var m = Assert.Single(p.Mentions);
        Assert.Equal([new(0, 10), new(20, 25), new(30, 33)], m.Support);
        Assert.Equal([new(0, 10)], m.Evidence);
        Assert.Equal("2018-04-27", m.Stored.DateResolved);
        Assert.False(EventProjection.Of(new StoredEvent { Id = "ev-000000000002", Event = e, FatalitiesBest = 3 }).Fatalities.Unknown);
    }
}
