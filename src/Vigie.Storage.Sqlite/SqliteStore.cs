using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigie.Errors;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file (WAL, foreign keys on), schema from the embedded migrations.
/// One instance is the single writer; documents are written in batches, each in one transaction,
/// and fused events are rebuilt from all mentions by <see cref="RewriteEvents"/>. The adapter of the
/// storage port (<see cref="IStore"/>): this file opens and migrates; Writer, Fusion, Queries, Pages
/// and Republications are the other parts.
/// </summary>
public sealed partial class SqliteStore : IStore
{
    private readonly SqliteConnection _c;
    private readonly Dictionary<(string, string?, string?), long> _actorIds = [];
    private readonly Dictionary<(string, string?, string?, double?, double?), long> _placeIds = [];

    public string Path { get; }
    public string Name => Path;
    public SourceReliability Reliability { get; }

    private SqliteStore(string path, SqliteConnection c, SourceReliability reliability)
    {
        Path = path;
        _c = c;
        Reliability = reliability;
    }

    /// <summary>Opens (creating when missing) the database and brings its schema up to date.</summary>
    public static SqliteStore Open(string path, SourceReliability? reliability = null, bool readOnly = false)
    {
        if (readOnly) MustExist(path);
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir) && !Directory.Exists(dir))
            throw new StoreException(ErrorCatalogue.NoDatabaseFolder.Message(dir));
        var store = Connect(path, SqliteOpenMode.ReadWriteCreate, reliability, c =>
        {
            Exec(c, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
            Migrations.Apply(c);
        });
        try { store.FillFusionBlocks(); }
        catch { store.Dispose(); throw; }
        // checkpoints run on a thread of their own (Checkpointer); the writer's own finishes what it left
        // (a large sort — the listing indexes and the numbering at a bulk load's end — may use a second core: SortThreads)
        Exec(store._c, $"PRAGMA wal_autocheckpoint={Checkpointer.WriterPages}; PRAGMA cache_size=-{WriterCacheKb}; PRAGMA threads={SortThreads};");
        store._checkpointer = new Checkpointer(path);
        return store;
    }

    /// <summary>
    /// The page cache of a store's own connection, in KB (SQLite's default is 2 MB). The writer's batches touch pages
    /// all over the indexes keyed by content hash, mention key, report key or event id; with 2 MB most of them were
    /// read back from the file or the WAL at every batch. Memory is taken as pages are read, up to this bound.
    /// </summary>
    internal const int WriterCacheKb = 64 * 1024;

    /// <summary>
    /// Auxiliary threads SQLite may use for one large sort on the writer's connection (<c>PRAGMA threads</c>; 0 by default): the
    /// listing indexes a bulk load builds at its end and the numbering of every event sort the whole table, while the extraction
    /// threads have stopped and the second core has nothing else to do. Small sorts never use them.
    /// </summary>
    internal const int SortThreads = 1;

    /// <summary>The one check for a missing database (VIG-S001), for every way of opening one that must exist.</summary>
    private static void MustExist(string path)
    {
        if (!File.Exists(path)) throw new StoreException(ErrorCatalogue.NoDatabase.Message(path));
    }

    /// <summary>Opens a connection in <paramref name="mode"/> and prepares it; a file SQLite cannot use is VIG-S003 (<see cref="ErrorCatalogue.NotADatabase"/>), and the connection never leaks.</summary>
    private static SqliteStore Connect(string path, SqliteOpenMode mode, SourceReliability? reliability, Action<SqliteConnection> prepare)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = mode }.ToString();
        var c = new SqliteConnection(cs);
        try
        {
            c.Open();
            prepare(c);
        }
        catch (SqliteException e)
        {
            c.Dispose();
            throw new StoreException(ErrorCatalogue.NotADatabase.Message(path, e.Message), e);
        }
        catch
        {
            c.Dispose();
            throw;
        }
        return new SqliteStore(path, c, reliability ?? SourceReliability.Default);
    }

    /// <summary>The connection, for this assembly's tests only.</summary>
    internal SqliteConnection Connection => _c;

    private Checkpointer? _checkpointer;

    /// <summary>After a commit: the writer's sync level for a first load (<see cref="ApplySyncLevel"/>), and the checkpoint thread looks at the WAL.</summary>
    private void Committed()
    {
        ApplySyncLevel();
        _checkpointer?.Nudge();
    }

    public void Dispose()
    {
        // a load that did not reach its end: the checkpoint of the closing connection syncs what it was given
        _syncWanted = true;
        try { ApplySyncLevel(); }
        catch (SqliteException) { }
        _checkpointer?.Dispose();
        _checkpointer = null;
        foreach (var cmd in _commands.Values) cmd.Dispose();
        _commands.Clear();
        foreach (var st in _statements.Values) st.Dispose();
        _statements.Clear();
        _c.Dispose();
    }

    // ---- reading helpers -------------------------------------------------------------------

    internal static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public StoreCounts Counts() => new(Count("documents"), Count("event_mentions"), Count("events"), Count("casualty_reports"), Count("republications"));

    internal long Count(string table)
    {
        using var cmd = _c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)cmd.ExecuteScalar()!;
    }

    public int SchemaVersion => Migrations.CurrentVersion(_c);

    /// <summary>Content hashes of every stored document (to skip known inputs before extraction).</summary>
    public HashSet<string> KnownHashes(IReadOnlyCollection<string>? among = null)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = _c.CreateCommand();
        cmd.CommandText = "SELECT content_hash FROM documents";
        if (among != null)
        {
            cmd.CommandText += " WHERE content_hash IN (SELECT value FROM json_each($hashes))";
            cmd.Parameters.AddWithValue("$hashes", System.Text.Json.JsonSerializer.Serialize(among));
        }
        using var r = cmd.ExecuteReader();
        while (r.Read()) set.Add(r.GetString(0));
        return set;
    }

    public bool FusionPending
    {
        get
        {
            using var cmd = _c.CreateCommand();
            cmd.CommandText = "SELECT value FROM meta WHERE key = 'fusion_pending'";
            return cmd.ExecuteScalar() as string == "1";
        }
    }
}
