using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Vigie.Storage.Sqlite;

// Bulk load: a run that fills an empty store sets the events' listing indexes and the full-text trigger aside, and builds them once at its end.
public sealed partial class SqliteStore
{
    /// <summary>
    /// The indexes only readers use (listings, filters, pages of the web API), never the ingest: every index of
    /// <c>events</c> written in a migration (their primary key and unique number stay), and the mentions' source index.
    /// Their keys (days, countries, types, event ids) fall all over each index, so every batch dirtied most of their
    /// pages and wrote them again to the WAL; built once from the finished table, they cost one sort each.
    /// </summary>
    private const string AsideFilter = "type = 'index' AND sql IS NOT NULL AND (tbl_name = 'events' OR name = 'event_mentions_source_key')"
        + " OR type = 'trigger' AND name = '" + FtsTrigger + "'";

    /// <summary>
    /// The trigger that adds each new document to the full-text index (migration 0001). A bulk load sets it aside with the
    /// indexes: FTS5 indexing one document at a time, with the merges of its segments at every commit, was about 40 % of
    /// the writer's work on a batch; the index is built in one pass over the documents when the trigger comes back
    /// (<see cref="RestoreIndexes"/>), an index that answers every search the same. Until then a text search finds only the
    /// documents stored before the load and those of its first batch.
    /// </summary>
    private const string FtsTrigger = "documents_ai";

    // A migration that drops or changes one of these indexes must allow for a store whose load stopped with them set
    // aside: DROP INDEX IF EXISTS, and the definition taken out of (or changed in) meta.indexes_aside as well.

    /// <summary>Where the definitions of the indexes set aside are kept (a JSON array of their CREATE statements) until they are built again.</summary>
    private const string AsideKey = "indexes_aside";

    private bool _bulkLoad;

    /// <summary>
    /// When the store holds no event yet, the next batch that stores documents drops the listing indexes (in its own
    /// transaction, with their definitions in <c>meta.indexes_aside</c>); the next renumbering or rebuild of the events
    /// builds them again. A run that stopped before its end leaves the fusion pending (<c>meta.fusion_pending</c>), so the
    /// next ingest, whatever it reads, finishes the fusion and builds them; meanwhile readers get the same answers, only
    /// slower, except a text search of the documents (see <see cref="FtsTrigger"/>).
    /// </summary>
    public void BeginBulkLoad() => _bulkLoad = true;

    /// <summary>
    /// Inside a batch's transaction: sets the listing indexes aside if a bulk load was announced and the store has no event;
    /// when it held no document either before the batch (<paramref name="stored"/> documents are this batch's), the load
    /// may also write without syncing until its end (<see cref="ApplySyncLevel"/>): true when the batch, once committed, starts such a load.
    /// </summary>
    private bool SetIndexesAside(SqliteTransaction tx, int stored)
    {
        if (!_bulkLoad) return false;
        _bulkLoad = false;
        if (Stmt(tx, "SELECT EXISTS(SELECT 1 FROM events) OR EXISTS(SELECT 1 FROM meta WHERE key = 'indexes_aside')").Scalar() is not 0L) return false;
        var first = Stmt(tx, "SELECT COUNT(*) FROM documents").Scalar() is long all && all == stored;
        var indexes = new List<(string Type, string Name, string Sql)>();
        using (var read = _c.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = $"SELECT type, name, sql FROM sqlite_master WHERE {AsideFilter} ORDER BY name";
            using var r = read.ExecuteReader();
            while (r.Read()) indexes.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
        }
        if (indexes.Count == 0) return false;
        SetMeta(AsideKey, JsonSerializer.Serialize(indexes.Select(i => i.Sql).ToList()), tx);
        foreach (var (type, name, _) in indexes)
            Exec(_c, $"DROP {(type == "trigger" ? "TRIGGER" : "INDEX")} \"{name.Replace("\"", "\"\"")}\"", tx);
        return first;
    }

    /// <summary>Builds the indexes a bulk load set aside, if any (inside <paramref name="tx"/>); true when it did.</summary>
    private bool RestoreIndexes(SqliteTransaction tx)
    {
        _bulkLoad = false;
        string? aside;
        using (var read = _c.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT value FROM meta WHERE key = 'indexes_aside'";
            aside = read.ExecuteScalar() as string;
        }
        if (aside == null) return false;
        var fts = false;
        foreach (var sql in JsonSerializer.Deserialize<List<string>>(aside) ?? [])
        {
            Exec(_c, sql, tx);
            fts |= sql.StartsWith("CREATE TRIGGER", StringComparison.OrdinalIgnoreCase);
        }
        // the documents stored while the trigger was aside: the full-text index built again from every document, in one pass
        if (fts) Exec(_c, "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')", tx);
        Exec(_c, "DELETE FROM meta WHERE key = 'indexes_aside'", tx);
        _syncWanted = true;
        return true;
    }

    /// <summary>
    /// The first load of an empty store writes with <c>synchronous=OFF</c> on the writer's connection from its first commit
    /// to the commit that ends it. The writer's own checkpoints (SQLite's automatic one, every
    /// <see cref="Checkpointer.WriterPages"/> pages) then copy the WAL into the database without waiting for the disk: at
    /// 100,000 documents they had the writer blocked in <c>fsync</c> for about 11 s of a 70-second run, while every
    /// document waited for the writer. A process that stops or is killed loses nothing by it (the operating system still
    /// writes what it was given; the next run finishes the load); an operating-system crash or a power cut during the load
    /// can leave the file unusable, and the store held nothing before it. The checkpoint thread's connection keeps its
    /// syncing, and the commit that ends the load sets <c>NORMAL</c> back: the next checkpoint syncs both files whole.
    /// </summary>
    private bool _syncWanted = true;

    /// <summary>Whether the writer's connection syncs now (<c>NORMAL</c>) rather than not (<c>OFF</c>).</summary>
    private bool _synced = true;

    /// <summary>After a commit (outside any transaction, where SQLite allows the change): the writer's sync level the load asks for.</summary>
    private void ApplySyncLevel()
    {
        if (_syncWanted == _synced) return;
        Exec(_c, _syncWanted ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=OFF");
        _synced = _syncWanted;
    }

    /// <summary>Whether the writer is writing without syncing now (for this assembly's tests).</summary>
    internal bool SyncRelaxed => !_synced;

    /// <summary>Whether listing indexes are set aside now (for this assembly's tests).</summary>
    internal bool IndexesAside => IndexesAsideIn(null);

    /// <summary>Whether a bulk load is under way (its indexes set aside), read inside <paramref name="tx"/>.</summary>
    private bool IndexesAsideIn(SqliteTransaction? tx) => Stmt(tx, $"SELECT EXISTS(SELECT 1 FROM meta WHERE key = '{AsideKey}')").Scalar() is 1L;
}
