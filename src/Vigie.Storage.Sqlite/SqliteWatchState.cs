using System.Globalization;
using Microsoft.Data.Sqlite;
using Vigie.Watch;

namespace Vigie.Storage.Sqlite;

/// <summary>
/// <see cref="IWatchState"/> in the SQLite database (tables watch_sources and watch_seen, migration
/// 0005), on the connection of an open <see cref="SqliteStore"/>. Another process (vigie watch --status)
/// reads the same tables while the watcher writes (WAL).
/// </summary>
public sealed class SqliteWatchState(SqliteConnection connection) : IWatchState
{
    public SqliteWatchState(SqliteStore store) : this(store.Connection) { }

    public IReadOnlyList<SourceState> Sources() => Query(null);

    public SourceState? Source(string source) => Query(source).FirstOrDefault();

    private List<SourceState> Query(string? source)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT " + WatchRows.Columns + " FROM watch_sources"
                          + (source == null ? " ORDER BY source" : " WHERE source = $s");
        if (source != null) cmd.Parameters.AddWithValue("$s", source);
        using var r = cmd.ExecuteReader();
        return WatchRows.Read(r);
    }

    public IReadOnlySet<string> Seen(IEnumerable<string> keys)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM watch_seen WHERE key = $k";
        var p = cmd.Parameters.Add("$k", SqliteType.Text);
        foreach (var k in keys.Distinct(StringComparer.Ordinal))
        {
            p.Value = k;
            if (cmd.ExecuteScalar() != null) found.Add(k);
        }
        return found;
    }

    public void Commit(IEnumerable<SourceState> sources, IEnumerable<SeenItem> seen)
    {
        using var tx = connection.BeginTransaction();
        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO watch_sources(source, etag, last_modified, last_poll, last_success, failures, retry_after, last_status, documents)
                VALUES ($s, $etag, $lm, $poll, $ok, $f, $retry, $status, $docs)
                ON CONFLICT(source) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_poll = excluded.last_poll,
                    last_success = excluded.last_success, failures = excluded.failures, retry_after = excluded.retry_after,
                    last_status = excluded.last_status, documents = excluded.documents
                """;
            foreach (var s in sources)
            {
                cmd.Parameters.Clear();
                cmd.Parameters.AddWithValue("$s", s.Source);
                cmd.Parameters.AddWithValue("$etag", (object?)s.ETag ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$lm", (object?)s.LastModified ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$poll", WatchRows.Text(s.LastPoll));
                cmd.Parameters.AddWithValue("$ok", WatchRows.Text(s.LastSuccess));
                cmd.Parameters.AddWithValue("$f", s.Failures);
                cmd.Parameters.AddWithValue("$retry", WatchRows.Text(s.RetryAfter));
                cmd.Parameters.AddWithValue("$status", (object?)s.LastStatus ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$docs", s.Documents);
                cmd.ExecuteNonQuery();
            }
        }
        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT OR IGNORE INTO watch_seen(key, source, first_seen) VALUES ($k, $s, $t)";
            var now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            foreach (var item in seen)
            {
                cmd.Parameters.Clear();
                cmd.Parameters.AddWithValue("$k", item.Key);
                cmd.Parameters.AddWithValue("$s", item.Source);
                cmd.Parameters.AddWithValue("$t", now);
                cmd.ExecuteNonQuery();
            }
        }
        tx.Commit();
    }
}
