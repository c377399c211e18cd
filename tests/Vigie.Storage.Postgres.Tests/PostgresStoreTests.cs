using Vigie.Storage;
using Vigie.Storage.Postgres;

namespace Vigie.Tests;

/// <summary>What only the PostgreSQL store has: several writers at once, its schema, its addresses.</summary>
public class PostgresStoreTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task ConcurrentIngestors_SameDocuments_HoldWhatOneWriterHolds(int writers)
    {
        using var db = new TestPostgres();
        using (PostgresStore.Open(db.Url)) { } // the schema, so that the writers race on the data and not only on the migration
        var paths = Corpus.Paths;
        // every writer reads every document (each is offered several times), in its own order, in small batches
        var runs = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            using var store = PostgresStore.Open(db.Url);
            var order = i % 2 == 0 ? paths : paths.Reverse().ToArray();
            return await Corpus.Ingest(store, threads: 1, batchSize: 3 + i, order);
        })).ToArray();
        var summaries = await Task.WhenAll(runs);

        using var result = PostgresStore.Open(db.Url);
        var reference = Corpus.ReferenceDump;
        Assert.Equal(summaries[0].New + summaries[0].Known, summaries.Sum(s => s.New));
        Assert.Equal(0L, (long)db.Scalar("SELECT COUNT(*) FROM event_mentions WHERE event_id IS NULL")!);
        Assert.False(result.FusionPending);
        Corpus.AssertSameDump(reference, StoreDump.Lines(result));
    }

    [Fact]
    public async Task Fusion_AfterAnotherWriterFusedEverything_IsNotRedoneAndKeepsTheEvents()
    {
        using var db = new TestPostgres();
        using var store = PostgresStore.Open(db.Url);
        await Corpus.Ingest(store, 2, 16, Corpus.Samples);
        var events = store.Counts().Events;
        var calls = 0;
        using var other = PostgresStore.Open(db.Url);
        var n = other.RewriteEvents(m => { calls++; return []; });
        Assert.Equal(0, calls);
        Assert.Equal(events, n);
        Assert.Equal(events, other.Counts().Events);
    }

    [Fact]
    public void Open_FourAtOnceOnAnEmptyDatabase_MigratesOnce()
    {
        using var db = new TestPostgres();
        Parallel.For(0, 4, _ => PostgresStore.Open(db.Url).Dispose());
        Assert.Equal((long)PostgresMigrations.All.Count, (long)db.Scalar("SELECT COUNT(*) FROM schema_version")!);
        using var store = PostgresStore.Open(db.ConnectionString);
        Assert.Equal(PostgresMigrations.Latest, store.SchemaVersion);
    }

    [Fact]
    public void Schema_EventsAreGeographyPointsWithAGistIndex_DocumentsATsvectorWithAGinIndex()
    {
        using var db = new TestPostgres();
        using (PostgresStore.Open(db.Url)) { }
        Assert.Equal("geography(Point,4326)", db.Scalar("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'events'::regclass AND attname = 'location'"));
        Assert.Equal("gist", db.Scalar("SELECT am.amname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam WHERE c.relname = 'events_location'"));
        Assert.Equal("tsvector", db.Scalar("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'documents'::regclass AND attname = 'search'"));
        Assert.Equal("gin", db.Scalar("SELECT am.amname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam WHERE c.relname = 'documents_search'"));
    }

    [Fact]
    public async Task Ingest_FrenchAndEnglishDocuments_AreIndexedWithTheirLanguagesConfiguration()
    {
        using var db = new TestPostgres();
        using var store = PostgresStore.Open(db.Url);
        await Corpus.Ingest(store, 2, 16, Corpus.Samples);
        var configs = ((string[])db.Scalar("SELECT array_agg(DISTINCT lang || '=' || ts_config::text ORDER BY lang || '=' || ts_config::text) FROM documents WHERE lang IS NOT NULL")!).ToList();
        Assert.Contains("fr=french", configs);
        Assert.Contains("en=english", configs);
        // the French configuration stems: the plural in the query finds the singular in the text and back
        var singular = store.Documents("attaque").Count;
        Assert.True(singular > 0);
        Assert.Equal(singular, store.Documents("attaques").Count);
        // and the point is where the event is
        var located = store.Events(EventFilter.All).First(e => e.Event.Location?.Lat != null);
        var km = (double)db.Scalar($"SELECT ST_Distance(location, ST_SetSRID(ST_MakePoint({located.Event.Location!.Lon!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {located.Event.Location.Lat!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}), 4326)::geography) FROM events WHERE id = '{located.Id}'")!;
        Assert.True(km < 1, $"{km} m away");
    }

    [Fact]
    public async Task Store_ItsConnectionKilledByTheServer_FailsOnceThenReconnects()
    {
        using var db = new TestPostgres();
        using var store = PostgresStore.Open(db.Url);
        await Corpus.Ingest(store, 2, 16, Corpus.Samples);
        var events = store.Counts().Events;
        db.Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{db.Name}' AND pid <> pg_backend_pid()");
        Assert.ThrowsAny<System.Data.Common.DbException>(() => store.Counts());
        Assert.Equal(events, store.Counts().Events);
        var again = await Corpus.Ingest(store, 1, 16, Corpus.Samples);
        Assert.Equal(0, again.New);
    }

    [Fact]
    public async Task Open_ByARoleThatMayOnlyRead_ReadsAnUpToDateDatabase()
    {
        using var db = new TestPostgres();
        using (var store = PostgresStore.Open(db.Url)) await Corpus.Ingest(store, 2, 16, Corpus.Samples);
        var role = "vigie_ro_" + Guid.NewGuid().ToString("N")[..8];
        db.Admin($"CREATE ROLE {role} LOGIN PASSWORD 'reader'");
        try
        {
            db.Scalar($"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}; REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            var url = new UriBuilder(db.Url) { UserName = role, Password = "reader" }.Uri.ToString();
            using var reader = PostgresStore.Open(url, mustExist: true);
            Assert.True(reader.Counts().Events > 0);
            Assert.NotEmpty(reader.ReadSnapshot(() => reader.EventPage(EventFilter.All, 0, 10)));
            var e = Assert.Throws<Npgsql.PostgresException>(() => reader.WriteLog([new LogEntry("r", null, 0, "known", null, null)]));
            Assert.Equal("42501", e.SqlState); // it really may not write
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            db.Dispose();
            db.Admin($"DROP ROLE IF EXISTS {role}");
        }
    }

    [Theory]
    [InlineData("postgres://vigie:secret@db.example:6543/conflicts?sslmode=disable", "db.example", 6543, "conflicts", "vigie", "secret")]
    [InlineData("postgresql://vigie@10.0.0.5/vigie", "10.0.0.5", 5432, "vigie", "vigie", null)]
    [InlineData("postgres://a%40b:p%3Aw@h:1/d%20b", "h", 1, "d b", "a@b", "p:w")]
    [InlineData("Host=h2;Port=7000;Database=x;Username=u;Password=p", "h2", 7000, "x", "u", "p")]
    public void ConnectionString_UrlOrKeywords_AreRead(string db, string host, int port, string database, string user, string? password)
    {
        Assert.True(PostgresStore.Accepts(db));
        var b = PostgresStore.ConnectionString(db);
        Assert.Equal((host, port, database, user, password), (b.Host, b.Port, b.Database, b.Username, b.Password));
    }

    [Theory]
    [InlineData("vigie.db")]
    [InlineData("/data/postgres/vigie.db")]
    [InlineData("host.db")]
    public void Accepts_FilePaths_AreNotServers(string path) => Assert.False(PostgresStore.Accepts(path));

    [Fact]
    public void Open_NoServerOnThatPort_IsOneLineWithACode()
    {
        var e = Assert.Throws<StoreException>(() => PostgresStore.Open("postgres://vigie:vigie@127.0.0.1:9/vigie?timeout=3"));
        Assert.StartsWith("VIG-S006: cannot use the PostgreSQL database 127.0.0.1:9/vigie", e.Message);
        Assert.DoesNotContain("\n", e.Message);
        Assert.DoesNotContain("vigie:vigie", e.Message);
    }
}
