using Microsoft.Data.Sqlite;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Storage.Sqlite;

// Reading a whole store back, in the order it was written, so that `vigie migrate` can copy it.
public sealed partial class SqliteStore
{
    public IEnumerable<StoredItem> AllDocuments() => DocumentRows.All(NewCommand);

    public IEnumerable<(Appearance Appearance, string RunId)> AllRepublications() => DocumentRows.AllRepublications(NewCommand);

    /// <summary>A command of its own on the store's connection (the caller disposes it), for the readers shared with the other store.</summary>
    private SqliteCommand NewCommand(string sql)
    {
        var cmd = _c.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }

    public IEnumerable<LogEntry> IngestLog()
    {
        using var cmd = _c.CreateCommand();
        cmd.CommandText = "SELECT run_id, at, file, line, status, content_hash, message FROM ingest_log ORDER BY id";
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return new LogEntry(r.GetString(0), Text(r, 2), r.IsDBNull(3) ? 0 : r.GetInt32(3), r.GetString(4), Text(r, 5), Text(r, 6)) { At = r.GetString(1) };
    }
}
