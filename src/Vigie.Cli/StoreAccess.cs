using System.CommandLine;
using Vigie.Storage;
using Vigie.Storage.Postgres;
using Vigie.Storage.Sqlite;

namespace Vigie.Cli;

/// <summary>
/// The one place that picks the store adapter from <c>--db</c>: a postgres:// URL or an Npgsql connection string
/// (Host=…) is a PostgreSQL database, anything else an SQLite file. Store problems become one-line user errors.
/// </summary>
public static class StoreAccess
{
    /// <summary>True when <paramref name="db"/> names a PostgreSQL database rather than a file.</summary>
    public static bool IsServer(string db) => PostgresStore.Accepts(db);

    /// <summary>Opens (creating when missing, unless <paramref name="mustExist"/>) the store <paramref name="db"/> names, schema up to date.</summary>
    public static IStore Open(string db, bool mustExist = false)
    {
        try { return IsServer(db) ? PostgresStore.Open(db, mustExist: mustExist) : SqliteStore.Open(db, readOnly: mustExist); }
        catch (StoreException e) { throw new UserException(e.Message); }
    }

    /// <summary>
    /// Opens the store <paramref name="db"/> names as <see cref="Open"/> does, an SQLite file under its writer lock: several
    /// processes starting together on one file (workers, a watcher) create or migrate it one at a time.
    /// </summary>
    public static async Task<IStore> OpenLockedAsync(string db, CancellationToken cancel)
    {
        if (IsServer(db)) return Open(db);
        using (await Service.WriterLock.TakeAsync(db, cancel).ConfigureAwait(false)) return Open(db);
    }

    /// <summary>
    /// Opens <paramref name="db"/> for reading by the web server, once per pooled reader: SQLite read-only (no
    /// migration; WAL lets an ingest write meanwhile), PostgreSQL through its own connection pool.
    /// </summary>
    public static IStoreReader OpenReader(string db) =>
        IsServer(db) ? PostgresStore.Open(db, mustExist: true) : SqliteStore.OpenReadOnly(db);

    /// <summary>The store's name for messages: the file path, or host:port/database (never a password).</summary>
    public static string Describe(string db)
    {
        if (!IsServer(db)) return db;
        try
        {
            var b = PostgresStore.ConnectionString(db);
            return $"{b.Host}:{b.Port}/{b.Database}";
        }
        catch (StoreException) { return "(PostgreSQL)"; }
    }
}
