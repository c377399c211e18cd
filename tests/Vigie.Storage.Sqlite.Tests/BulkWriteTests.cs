using Microsoft.Data.Sqlite;
using Vigie.Model;
using Vigie.Storage;
using Vigie.Storage.Sqlite;
using static Vigie.Tests.Builders;

namespace Vigie.Tests;

/// <summary>
/// The writer's fast path: batches written without a savepoint per document (written again with savepoints when one
/// fails), and the listing indexes that a load into an empty store sets aside and builds at the end of its run.
/// </summary>
public class BulkWriteTests
{
    private static readonly Actor Army = new() { Name = "armée malienne", Kind = ActorKind.StateForces, Country = "ML" };

    private static Extracted Dispatch(string id, string day, string place, double lat, Actor? actor = null) =>
        Doc(id, $"Dépêche {id} : combats à {place}.", day,
            Event(EventSubtype.ArmedClash, day, place, lat, -4.0, "ML", killed: 3, source: "AFP", actor1: actor ?? Army));

    private static List<string> Indexes(SqliteStore store)
    {
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name";
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    private static long Scalar(SqliteStore store, string sql)
    {
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void WriteBatch_OneDocumentFails_TheOthersAreStoredAsIfItHadNeverCome()
    {
        using var db = new TempDb();
        using var other = new TempDb();
        using var store = db.Open();
        using var clean = other.Open();
        // the refused document is the first to name this actor and place: their rows go with it
        var newcomer = new Actor { Name = "katiba nouvelle", Kind = ActorKind.RebelGroup, Country = "ML" };
        SqliteStore.Exec(store.Connection, """
            CREATE TRIGGER refuse_bad BEFORE INSERT ON event_mentions
            WHEN (SELECT doc_id FROM documents WHERE id = NEW.document_id) = 'bad'
            BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
            """);
        var good1 = Dispatch("good-1", "2020-03-02", "Mopti", 14.5);
        var bad = Dispatch("bad", "2020-03-03", "Djenné", 13.9, newcomer);
        var good2 = Dispatch("good-2", "2020-03-04", "Djenné", 13.9, newcomer);

        var result = store.WriteBatch([good1, bad, good2], "run");
        clean.WriteBatch([good1, good2], "run");

        Assert.Equal(2, result.Stored);
        var failure = Assert.Single(result.Failed);
        Assert.Equal("bad", failure.Item.Document.Id);
        Assert.Contains("refused by the test", failure.Error);
        Assert.Equal(0, Scalar(store, "SELECT COUNT(*) FROM documents WHERE doc_id = 'bad'"));
        Assert.Equal(clean.Checksum(), store.Checksum());

        // the ids the writer keeps in memory still name stored rows: a later batch links the same actor and place
        var good3 = Dispatch("good-3", "2020-03-05", "Djenné", 13.9, newcomer);
        store.WriteBatch([good3], "run");
        clean.WriteBatch([good3], "run");
        Assert.Equal(clean.Checksum(), store.Checksum());
        Assert.Equal(0, Scalar(store, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
    }

    [Fact]
    public void BulkLoad_IntoAnEmptyStore_SetsTheListingIndexesAsideUntilTheEventsAreNumbered()
    {
        using var db = new TempDb();
        using var other = new TempDb();
        using var store = db.Open();
        using var plain = other.Open();
        var schema = Indexes(store);
        Assert.Contains(schema, i => i.StartsWith("events_page:", StringComparison.Ordinal));

        store.BeginBulkLoad();
        store.WriteBatch([Dispatch("a", "2020-03-02", "Mopti", 14.5), Dispatch("b", "2020-03-09", "Gao", 16.3)], "run");
        Assert.True(store.IndexesAside);
        var during = Indexes(store);
        Assert.DoesNotContain(during, i => i.StartsWith("events_", StringComparison.Ordinal));
        Assert.DoesNotContain(during, i => i.StartsWith("event_mentions_source_key:", StringComparison.Ordinal));
        Assert.Contains(during, i => i.StartsWith("event_mentions_fuse_grid:", StringComparison.Ordinal)); // fusion reads it

        store.Update(renumber: false);
        Assert.True(store.IndexesAside);
        // numbers given during a load are provisional and below zero, so that the last numbering is one pass
        Assert.Equal(0, Scalar(store, "SELECT COUNT(*) FROM events WHERE number >= 0"));
        store.WriteBatch([Dispatch("c", "2020-03-01", "Mopti", 14.5)], "run");
        store.Update(renumber: true);
        Assert.False(store.IndexesAside);
        Assert.Equal(schema, Indexes(store));
        Assert.Equal(1, Scalar(store, "SELECT MIN(number) FROM events"));
        Assert.Equal(Scalar(store, "SELECT COUNT(*) FROM events"), Scalar(store, "SELECT MAX(number) FROM events"));

        // the same documents without a bulk load give the same rows
        plain.WriteBatch([Dispatch("a", "2020-03-02", "Mopti", 14.5), Dispatch("b", "2020-03-09", "Gao", 16.3)], "run");
        plain.Update(renumber: false);
        plain.WriteBatch([Dispatch("c", "2020-03-01", "Mopti", 14.5)], "run");
        plain.Update(renumber: true);
        Assert.Equal(plain.Checksum(), store.Checksum());
    }

    [Fact]
    public void BulkLoad_SetsTheFullTextTriggerAside_AndItsEndIndexesEveryDocument()
    {
        using var db = new TempDb();
        using var other = new TempDb();
        using var store = db.Open();
        using var plain = other.Open();
        const string trigger = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'documents_ai'";
        const string found = "SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH 'combats'";

        store.BeginBulkLoad();
        store.WriteBatch([Dispatch("a", "2020-03-02", "Mopti", 14.5)], "run");
        Assert.Equal(0, Scalar(store, trigger));
        store.Update(renumber: false);
        store.WriteBatch([Dispatch("b", "2020-03-09", "Gao", 16.3), Dispatch("c", "2020-03-01", "Mopti", 14.5)], "run");
        Assert.Equal(1, Scalar(store, found)); // the first batch only, until the end of the load
        store.Update(renumber: true);

        Assert.Equal(1, Scalar(store, trigger));
        Assert.Equal(3, Scalar(store, found));
        SqliteStore.Exec(store.Connection, "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"); // the index against the documents

        // the same documents without a bulk load: the same schema and the same answers
        plain.WriteBatch([Dispatch("a", "2020-03-02", "Mopti", 14.5)], "run");
        plain.Update(renumber: false);
        plain.WriteBatch([Dispatch("b", "2020-03-09", "Gao", 16.3), Dispatch("c", "2020-03-01", "Mopti", 14.5)], "run");
        plain.Update(renumber: true);
        Assert.Equal(Schema(plain), Schema(store));
        foreach (var q in new[] { "combats", "Gao", "dépêche", "Mopti NOT Gao" })
            Assert.Equal(plain.Documents(q).Select(d => d.ContentHash), store.Documents(q).Select(d => d.ContentHash));

        // a later batch into the loaded store is indexed as it comes
        store.WriteBatch([Dispatch("d", "2020-04-01", "Tombouctou", 16.8)], "run");
        Assert.Single(store.Documents("Tombouctou"));
    }

    private static List<string> Schema(SqliteStore store)
    {
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name";
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    [Fact]
    public void BulkLoad_IntoAnEmptyStore_WritesUnsyncedUntilItsEnd_AndNotIntoAStoreWithDocuments()
    {
        const string level = "PRAGMA synchronous"; // 0 OFF, 1 NORMAL
        using var db = new TempDb();
        using var store = db.Open();
        Assert.Equal(1, Scalar(store, level));

        store.BeginBulkLoad();
        store.WriteBatch([Dispatch("a", "2020-03-02", "Mopti", 14.5)], "run");
        Assert.True(store.SyncRelaxed);
        Assert.Equal(0, Scalar(store, level));
        store.Update(renumber: false);
        store.WriteBatch([Dispatch("b", "2020-03-09", "Gao", 16.3)], "run");
        Assert.Equal(0, Scalar(store, level));
        store.Update(renumber: true);
        Assert.False(store.SyncRelaxed);
        Assert.Equal(1, Scalar(store, level));

        // documents stored before (not yet fused, so no event): the load sets the indexes aside but keeps syncing
        using var other = new TempDb();
        using var kept = other.Open();
        kept.WriteBatch([Dispatch("c", "2020-03-01", "Mopti", 14.5)], "run");
        kept.BeginBulkLoad();
        kept.WriteBatch([Dispatch("d", "2020-03-05", "Gao", 16.3)], "run");
        Assert.True(kept.IndexesAside);
        Assert.False(kept.SyncRelaxed);
        Assert.Equal(1, Scalar(kept, level));
    }

    [Fact]
    public void BulkLoad_IntoAStoreWithEvents_KeepsEveryIndex()
    {
        using var db = new TempDb();
        using var store = db.Open();
        var schema = Indexes(store);
        store.WriteBatch([Dispatch("a", "2020-03-02", "Mopti", 14.5)], "run");
        store.Update(renumber: true);

        store.BeginBulkLoad();
        store.WriteBatch([Dispatch("b", "2020-03-09", "Gao", 16.3)], "run");
        Assert.False(store.IndexesAside);
        Assert.Equal(schema, Indexes(store));
    }

    [Fact]
    public async Task BulkLoad_StoppedBeforeItsEnd_TheNextIngestBuildsTheIndexes()
    {
        using var db = new TempDb();
        List<string> schema;
        using (var store = db.Open())
        {
            schema = Indexes(store);
            store.BeginBulkLoad();
            store.WriteBatch([Dispatch("a", "2020-03-02", "Mopti", 14.5)], "run");
            store.Update(renumber: false);
            Assert.True(store.IndexesAside);
        } // the run stops here: no numbering

        using (var store = db.Open())
        {
            Assert.True(store.IndexesAside);
            Assert.Single(store.Events(EventFilter.All)); // readers get their answers meanwhile
            var summary = await new Ingestor(store) { Threads = 1 }.RunAsync(Array.Empty<Document>());
            Assert.Equal(0, summary.New);
            Assert.False(store.IndexesAside);
            Assert.Equal(schema, Indexes(store));
            Assert.Equal(1, Scalar(store, "SELECT number FROM events"));
        }
    }
}
