using Vigie.Model;
using Vigie.Storage;
using Vigie.Storage.Sqlite;
using Vigie.Web.Data;

namespace Vigie.Web.Tests.Api;

/// <summary>The server's read-only connections keep answering, with whole states, while an ingest writes and re-fuses.</summary>
public sealed class ReadWhileWriteTests
{
    [Fact]
    public async Task Reader_WhileBatchesAreWritten_SeesOnlyCommittedStatesAndNeverFails()
    {
        var dir = Path.Combine(Path.GetTempPath(), "vigie-web-rw-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = await TestStore.CreateAsync(dir);
            using var reader = StoreEventReader.ForSqlite(path);
            const int batches = 12;
            var writer = Task.Run(() =>
            {
                using var store = SqliteStore.Open(path);
                for (var b = 0; b < batches; b++)
                {
                    var text = $"Dépêche de test {b} : des tirs ont visé un poste à l'est de la ville.";
                    var e = new Event
                    {
                        Type = EventType.Battles, Subtype = EventSubtype.ArmedClash,
                        Date = DateRange.Single(PartialDate.OfDay(new DateOnly(2022, 1, 1).AddDays(b * 10))),
                        Location = new Location { Name = $"Lieu {b}", Country = "NE", Lat = 13 + b, Lon = 2 + b, Precision = 1 },
                        Evidence = [new TextSpan(0, text.Length)],
                    };
                    var doc = new Document($"rw-{b}", text) { Language = "fr", Published = e.Date.Start };
                    store.WriteBatch([new Extracted(doc, new DocumentRecord { Id = doc.Id, Text = text, Events = [e] })], "rw");
                    store.Refuse();
                }
            });
            var seen = new List<long>();
            while (!writer.IsCompleted)
            {
                var page = reader.Events(new EventFilter(), 1, 100);
                Assert.Equal(page.Total, page.Events.Count);
                var stats = reader.Stats(new EventFilter { Country = "NE" });
                Assert.Equal(stats.Events, stats.ByDay.Sum(r => r.Events));
                seen.Add(page.Total);
            }
            await writer;
            Assert.Equal(3 + batches, reader.Events(new EventFilter(), 1, 100).Total);
            Assert.All(seen, n => Assert.InRange(n, 3, 3 + batches));
            Assert.Equal(seen.Order(), seen);
            Assert.NotEmpty(seen);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
