using Microsoft.Data.Sqlite;
using Vigie.Readers;
using Vigie.Storage;
using Vigie.Storage.Sqlite;

namespace Vigie.Tests;

public class MigrationTests
{
    [Fact]
    public void Open_NewFile_AppliesEveryMigrationOnce()
    {
        using var db = new TempDb();
        using (var store = db.Open()) Assert.Equal(Migrations.Latest, store.SchemaVersion);
        using (var store = db.Open())
        {
            Assert.Equal(Migrations.Latest, store.SchemaVersion);
            Assert.Equal(Migrations.All.Count, store.Count("schema_version"));
            Assert.Equal(0, store.Count("documents_fts"));
        }
    }

    [Fact]
    public async Task Open_MentionsStoredBeforeFusionBlocks_GetTheirBlocksAndFuseIncrementally()
    {
        using var db = new TempDb();
        string Blocks(SqliteStore s)
        {
            using var cmd = s.Connection.CreateCommand();
            cmd.CommandText = "SELECT group_concat(concat_ws('/', mention_key, fuse_first, fuse_last, fuse_lat, fuse_lon, fuse_y, fuse_x, fuse_name), ';') FROM (SELECT * FROM event_mentions ORDER BY mention_key)";
            return (string)cmd.ExecuteScalar()!;
        }
        string written;
        using (var store = db.Open())
        {
            await new Ingestor(store) { Threads = 1 }.RunAsync([SharedPaths.Gold("dev.jsonl")], new ReaderOptions());
            written = Blocks(store);
            Assert.Contains("/", written);
            // the state of a store of version 5 after migration 0006: blocks unknown, and the flag it sets
            SqliteStore.Exec(store.Connection, """
                UPDATE event_mentions SET fuse_first = NULL, fuse_last = NULL, fuse_lat = NULL, fuse_lon = NULL, fuse_y = NULL, fuse_x = NULL, fuse_name = NULL;
                INSERT INTO meta(key, value) VALUES ('fusion_blocks_missing', '1');
                """);
            Assert.NotEqual(written, Blocks(store));
        }
        using (var store = db.Open())
        {
            Assert.Equal(written, Blocks(store));
            Assert.Equal(0, store.Count("meta WHERE key = 'fusion_blocks_missing'"));
            await new Ingestor(store) { Threads = 1 }.RunAsync([SharedPaths.Gold("dev2.jsonl")], new ReaderOptions());
            var incremental = store.Checksum();
            store.Refuse();
            Assert.Equal(store.Checksum(), incremental);
        }
    }

    [Fact]
    public async Task Open_StoreOfVersion8_KeepsEveryRowAndKeysMentionsByDocumentAndRank()
    {
        using var current = new TempDb();
        string expected;
        using (var store = current.Open())
        {
            await new Ingestor(store) { Threads = 1 }.RunAsync([SharedPaths.Gold("dev.jsonl")], new ReaderOptions());
            expected = store.Checksum();
        }
        // the same rows in a store of version 8 (mentions unique by their text key), with a bulk load stopped with the
        // source index set aside
        using var old = new TempDb();
        WriteOldStore(old.Path, 8, current.Path, """
            DROP INDEX event_mentions_source_key;
            INSERT INTO meta(key, value) VALUES ('indexes_aside', json_array('CREATE INDEX event_mentions_source_key ON event_mentions(source_key, event_id)', 'CREATE INDEX events_day ON events(day_first, day_last)'));
            DROP INDEX events_day;
            """);
        using (var store = old.Open())
        {
            Assert.Equal(Migrations.Latest, store.SchemaVersion);
            Assert.Equal(expected, store.Checksum());
            string Indexes()
            {
                using var cmd = store.Connection.CreateCommand();
                cmd.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'event_mentions' ORDER BY name)";
                return (string)cmd.ExecuteScalar()!;
            }
            Assert.Equal("event_mentions_document_rank,event_mentions_event,event_mentions_fuse_grid,event_mentions_fuse_name,event_mentions_source_key", Indexes());
            // the source index was built again by the migration; the events' index is still aside, and the next renumbering builds it
            Assert.True(store.IndexesAside);
            store.Refuse();
            Assert.False(store.IndexesAside);
            Assert.Equal(expected, store.Checksum());
            using var dup = store.Connection.CreateCommand();
            dup.CommandText = "INSERT INTO event_mentions(mention_key, document_id, rank, type, reliability, modality, evidence, event_json) SELECT 'other', document_id, rank, type, 1, modality, '[]', '{}' FROM event_mentions LIMIT 1";
            Assert.Throws<SqliteException>(() => dup.ExecuteNonQuery());
        }
    }

    [Fact]
    public async Task Open_StoreOfVersion9_KeepsReportsWithTheirFiguresAndFindsThemByDigest()
    {
        using var current = new TempDb();
        string expected;
        long figures, reportMentions;
        using (var store = current.Open())
        {
            await new Ingestor(store) { Threads = 1 }.RunAsync([SharedPaths.Gold("dev.jsonl")], new ReaderOptions());
            expected = store.Checksum();
            figures = store.Count("figures");
            reportMentions = store.Count("casualty_report_mentions");
            Assert.True(figures > 0 && reportMentions > 0);
        }
        // the same rows in a store of version 9 (reports unique by their key's text), foreign keys on as a store opens them
        using var old = new TempDb();
        WriteOldStore(old.Path, 9, current.Path);
        using (var store = old.Open())
        {
            Assert.Equal(Migrations.Latest, store.SchemaVersion);
            // the rebuilt table's figures and document links were not dropped with the old table, and each digest is the writer's
            Assert.Equal(figures, store.Count("figures"));
            Assert.Equal(reportMentions, store.Count("casualty_report_mentions"));
            Assert.Equal(expected, store.Checksum());
            using var cmd = store.Connection.CreateCommand();
            cmd.CommandText = "PRAGMA foreign_keys";
            Assert.Equal(1L, cmd.ExecuteScalar());
            cmd.CommandText = "SELECT report_key, key_hash FROM casualty_reports";
            using var r = cmd.ExecuteReader();
            while (r.Read()) Assert.Equal(Vigie.Fusion.ReportKey.Hash(r.GetString(0)), r.GetInt64(1));
        }
    }

    [Fact]
    public async Task WriteBatch_ReportSharingADigestWithAnotherKey_IsStoredApart()
    {
        using var db = new TempDb();
        using var store = db.Open();
        var ingest = new Ingestor(store) { Threads = 1 };
        await ingest.RunAsync([SharedPaths.Gold("dev.jsonl")], new ReaderOptions());
        var reports = store.Count("casualty_reports");
        Assert.True(reports > 0);
        // every stored report now has another report's digest (its own) with a key of its own: the documents stored again
        // must not find them
        SqliteStore.Exec(store.Connection, "UPDATE casualty_reports SET report_key = report_key || '#'; DELETE FROM documents; DELETE FROM events;");
        await ingest.RunAsync([SharedPaths.Gold("dev.jsonl")], new ReaderOptions());
        Assert.Equal(2 * reports, store.Count("casualty_reports"));
    }

    /// <summary>
    /// A store of schema <paramref name="version"/> at <paramref name="path"/>, opened with foreign keys on as a store opens them,
    /// holding every row of the store at <paramref name="from"/>; then <paramref name="then"/>, if any, run on it.
    /// </summary>
    private static void WriteOldStore(string path, int version, string from, string? then = null)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        SqliteStore.Exec(c, "PRAGMA foreign_keys=ON;");
        Migrations.Apply(c, target: version);
        CopyRows(c, from);
        if (then != null) SqliteStore.Exec(c, then);
    }

    /// <summary>Copies every stored row of the store at <paramref name="from"/> into an older schema on <paramref name="c"/> (the
    /// reports without their digest, a column of version 10).</summary>
    private static void CopyRows(SqliteConnection c, string from) => SqliteStore.Exec(c, $"""
        ATTACH DATABASE '{from.Replace("'", "''")}' AS cur;
        INSERT INTO documents SELECT * FROM cur.documents;
        INSERT INTO actors SELECT * FROM cur.actors;
        INSERT INTO places SELECT * FROM cur.places;
        INSERT INTO events SELECT * FROM cur.events;
        INSERT INTO event_mentions SELECT * FROM cur.event_mentions;
        INSERT INTO casualty_reports SELECT id, report_key, source, scope, period_start, period_end, area_name, area_country, report_json FROM cur.casualty_reports;
        INSERT INTO casualty_report_mentions SELECT * FROM cur.casualty_report_mentions;
        INSERT INTO figures SELECT * FROM cur.figures;
        DETACH DATABASE cur;
        """);

    [Fact]
    public void Migrations_Scripts_AreNumberedWithoutGaps()
    {
        Assert.NotEmpty(Migrations.All);
        for (var i = 0; i < Migrations.All.Count; i++) Assert.Equal(i + 1, Migrations.All[i].Version);
    }

    [Fact]
    public void Open_DatabaseFromANewerProgram_IsRefusedWithACode()
    {
        using var db = new TempDb();
        using (var store = db.Open())
        {
            using var cmd = store.Connection.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version(version, name, applied_at) VALUES (9999, 'future', 'now')";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<StoreException>(() => db.Open());
        Assert.Contains("VIG-S002", e.Message);
    }

    [Fact]
    public void Open_NotADatabase_IsRefusedWithACode()
    {
        using var db = new TempDb();
        File.WriteAllText(db.Path, "this is a text file, not SQLite, and it is long enough to have a header");
        var e = Assert.Throws<StoreException>(() => db.Open());
        Assert.Contains("VIG-S003", e.Message);
    }

    [Fact]
    public void Open_NewFile_UsesWalAndForeignKeys()
    {
        using var db = new TempDb();
        using var store = db.Open();
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
        cmd.CommandText = "PRAGMA foreign_keys";
        Assert.Equal(1L, cmd.ExecuteScalar());
    }

    [Fact]
    public void Documents_FullTextSearch_FindsByWord()
    {
        using var db = new TempDb();
        using var store = db.Open();
        var doc = new Vigie.Model.Document("fts1", "Une colonne de blindés est entrée dans Kafranbel à l'aube.");
        var record = Vigie.Model.RecordMapper.ToRecord(doc);
        store.WriteBatch([new Extracted(doc, record)], "run-test");
        Assert.Single(store.Documents("blindés"));
        Assert.Empty(store.Documents("chameaux"));
    }
}
