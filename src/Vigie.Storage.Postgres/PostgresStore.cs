using System.Data;
using Npgsql;
using Vigie.Errors;
using Vigie.Fusion;
using Vigie.Lexicons;
using Vigie.Storage;

namespace Vigie.Storage.Postgres;

/// <summary>
/// The PostgreSQL/PostGIS adapter of the storage port. One instance holds one connection (from a pooled
/// data source); any number of instances, in any number of processes, may write to the same database:
/// document batches and fusions each take an advisory lock (see <see cref="Locks"/>). This file opens and
/// migrates; Writer, Fusion, Queries and Copy are the other parts.
/// </summary>
public sealed partial class PostgresStore : IStore
{
    private readonly NpgsqlConnection _c;
    private readonly Dictionary<(string, string?, string?), long> _actorIds = [];
    private readonly Dictionary<(string, string?, string?, double?, double?), long> _placeIds = [];
    private readonly Dictionary<string, string> _tsConfigByLanguage = new(StringComparer.Ordinal);
    private readonly List<string> _tsConfigs = [];
    private NpgsqlTransaction? _tx;

    public string Name { get; }
    public SourceReliability Reliability { get; }

    private PostgresStore(string name, NpgsqlConnection c, SourceReliability reliability)
    {
        Name = name;
        _c = c;
        Reliability = reliability;
    }

    /// <summary>True when <paramref name="db"/> names a PostgreSQL database: a postgres:// URL or an Npgsql connection string.</summary>
    public static bool Accepts(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || db.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Connects and brings the schema up to date (creating it in an empty database). With <paramref name="mustExist"/>,
    /// a database without Vigie's schema is refused (VIG-S001) instead.
    /// </summary>
    public static PostgresStore Open(string db, SourceReliability? reliability = null, bool mustExist = false)
    {
        var builder = ConnectionString(db);
        var name = $"{builder.Host}:{builder.Port}/{builder.Database}";
        // the writer runs the same few statements for every document: let Npgsql prepare them once per connection
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 32;
        var c = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            c.Open();
            var store = new PostgresStore(name, c, reliability ?? SourceReliability.Default);
            if (mustExist && PostgresMigrations.CurrentVersion(c, create: false) == 0)
                throw new StoreException(ErrorCatalogue.NoDatabase.Message(name));
            PostgresMigrations.Apply(c);
            store.LoadTextSearchConfigs();
            store.FillFusionBlocks();
            return store;
        }
        catch (StoreException)
        {
            c.Dispose();
            throw;
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException or TimeoutException)
        {
            c.Dispose();
            throw new StoreException(ErrorCatalogue.DatabaseFailed.Message($"PostgreSQL database {name}", OneLine(e.Message)), e);
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    /// <summary>Reads a postgres://user:password@host:port/database?options URL or an Npgsql connection string (VIG-S007 when neither).</summary>
    public static NpgsqlConnectionStringBuilder ConnectionString(string db)
    {
        try
        {
            if (!db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
                return new NpgsqlConnectionStringBuilder(db);
            var uri = new Uri(db);
            var b = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
            var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            if (database.Length > 0) b.Database = database;
            if (uri.UserInfo.Length > 0)
            {
                var parts = uri.UserInfo.Split(':', 2);
                b.Username = Uri.UnescapeDataString(parts[0]);
                if (parts.Length == 2) b.Password = Uri.UnescapeDataString(parts[1]);
            }
            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                var key = Uri.UnescapeDataString(kv[0]).Replace("_", " ", StringComparison.Ordinal);
                b[key] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            }
            return b;
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StoreException(ErrorCatalogue.NotAServerAddress.Message(OneLine(e.Message)), e);
        }
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");

    /// <summary>The text search configuration of each language pack (language.tsv, kind text_search) that this server has; others use 'simple'.</summary>
    private void LoadTextSearchConfigs()
    {
        var available = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = Command("SELECT cfgname FROM pg_ts_config"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) available.Add(r.GetString(0));
        foreach (var lang in Languages.All)
        {
            var config = Languages.For(lang).Words("text_search").FirstOrDefault(available.Contains);
            if (config == null) continue;
            _tsConfigByLanguage[lang] = config;
            if (!_tsConfigs.Contains(config)) _tsConfigs.Add(config);
        }
        if (!_tsConfigs.Contains("simple")) _tsConfigs.Add("simple");
    }

    private string TsConfigOf(string? language) =>
        _tsConfigByLanguage.GetValueOrDefault(Languages.PackOf(language)) ?? "simple";

    public int SchemaVersion => PostgresMigrations.CurrentVersion(_c, create: false);

    public void Dispose()
    {
        _tx?.Dispose();
        _c.Dispose();
    }

    /// <summary>
    /// Reopens the connection when the server dropped it (a restart, a failover): the statement that met the
    /// broken connection failed and said so; the store's next statement runs on a new connection. Never inside a
    /// transaction, whose work would be lost without a word.
    /// </summary>
    private void EnsureOpen()
    {
        if (_tx != null || _c.State == ConnectionState.Open) return;
        _c.Close();
        _c.Open();
    }

    private NpgsqlTransaction Begin(IsolationLevel level = IsolationLevel.ReadCommitted)
    {
        EnsureOpen();
        return _c.BeginTransaction(level);
    }

    /// <summary>A command on this store's connection, inside the current transaction if there is one.</summary>
    private NpgsqlCommand Command(string sql)
    {
        EnsureOpen();
        var cmd = _c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = _tx;
        return cmd;
    }

    private void Exec(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// A statement over every event or mention (numbering all events, emptying them for a rebuild), without the
    /// client's time limit (Npgsql's 30 s by default): its time grows with the store, and numbering the events of
    /// 100,000 documents took longer than that on a loaded machine, which failed the worker's last rebuild. It runs
    /// under the fusion and write locks, which the other writers wait for either way.
    /// </summary>
    private void ExecOverAll(string sql)
    {
        using var cmd = Command(sql);
        cmd.CommandTimeout = 0;
        cmd.ExecuteNonQuery();
    }

    public T ReadSnapshot<T>(Func<T> read)
    {
        if (_tx != null) return read();
        _tx = Begin(IsolationLevel.RepeatableRead);
        try
        {
            Exec("SET TRANSACTION READ ONLY");
            return read();
        }
        finally
        {
            _tx.Rollback();
            _tx.Dispose();
            _tx = null;
        }
    }

    /// <summary>
    /// Advisory locks, transaction-scoped, in one key space of their own (the first key). Write: one document batch
    /// at a time, so that writers never wait on each other's rows in opposite orders. Fusion: one rebuild of the
    /// events at a time. Migrate: one schema upgrade at a time. A fusion takes Fusion, then Write for its short
    /// writing phase; a batch takes only Write: the order is always the same, so they cannot deadlock.
    /// </summary>
    internal static class Locks
    {
        public const int Space = 0x56494745; // "VIGE"
        public const int Migrate = 0;
        public const int Write = 1;
        public const int Fusion = 2;
    }

    private void Lock(int key)
    {
        using var cmd = Command($"SELECT pg_advisory_xact_lock({Locks.Space}, {key})");
        cmd.ExecuteNonQuery();
    }

    public StoreCounts Counts()
    {
        using var cmd = Command("""
            SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM event_mentions), (SELECT COUNT(*) FROM events),
                   (SELECT COUNT(*) FROM casualty_reports), (SELECT COUNT(*) FROM republications)
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new StoreCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4));
    }

    internal static object Db<T>(T? v) => v is null ? DBNull.Value : v;
    internal static object Db<T>(T? v) where T : struct => v.HasValue ? v.Value : DBNull.Value;
    private static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
