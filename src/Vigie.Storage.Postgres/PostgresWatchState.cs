using System.Globalization;
using Npgsql;
using Vigie.Watch;

namespace Vigie.Storage.Postgres;

/// <summary>
/// <see cref="IWatchState"/> in the PostgreSQL database (tables watch_sources and watch_seen, migration 0002),
/// on the connection of an open <see cref="PostgresStore"/>; the same rows as the SQLite adapter's.
/// </summary>
public sealed class PostgresWatchState(PostgresStore store) : IWatchState
{
    public IReadOnlyList<SourceState> Sources() => Query(null);

    public SourceState? Source(string source) => Query(source).FirstOrDefault();

    private List<SourceState> Query(string? source)
    {
        using var cmd = store.WatchCommand("SELECT " + WatchRows.Columns + " FROM watch_sources"
                                           + (source == null ? " ORDER BY source COLLATE \"C\"" : " WHERE source = $1"));
        if (source != null) cmd.Parameters.Add(new NpgsqlParameter { Value = source });
        using var r = cmd.ExecuteReader();
        return WatchRows.Read(r);
    }

    public IReadOnlySet<string> Seen(IEnumerable<string> keys)
    {
        var list = keys.Distinct(StringComparer.Ordinal).ToArray();
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (list.Length == 0) return found;
        using var cmd = store.WatchCommand("SELECT key FROM watch_seen WHERE key = ANY($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = list });
        using var r = cmd.ExecuteReader();
        while (r.Read()) found.Add(r.GetString(0));
        return found;
    }

    public void Commit(IEnumerable<SourceState> sources, IEnumerable<SeenItem> seen)
    {
        using var tx = store.WatchBegin();
        foreach (var s in sources)
        {
            using var cmd = store.WatchCommand("""
                INSERT INTO watch_sources(source, etag, last_modified, last_poll, last_success, failures, retry_after, last_status, documents)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT(source) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_poll = excluded.last_poll,
                    last_success = excluded.last_success, failures = excluded.failures, retry_after = excluded.retry_after,
                    last_status = excluded.last_status, documents = excluded.documents
                """);
            cmd.Transaction = tx;
            foreach (var v in new object[] { s.Source, (object?)s.ETag ?? DBNull.Value, (object?)s.LastModified ?? DBNull.Value, WatchRows.Text(s.LastPoll), WatchRows.Text(s.LastSuccess),
                         s.Failures, WatchRows.Text(s.RetryAfter), (object?)s.LastStatus ?? DBNull.Value, s.Documents })
                cmd.Parameters.Add(new NpgsqlParameter { Value = v });
            cmd.ExecuteNonQuery();
        }
        var now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        foreach (var item in seen)
        {
            using var cmd = store.WatchCommand("INSERT INTO watch_seen(key, source, first_seen) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING");
            cmd.Transaction = tx;
            cmd.Parameters.Add(new NpgsqlParameter { Value = item.Key });
            cmd.Parameters.Add(new NpgsqlParameter { Value = item.Source });
            cmd.Parameters.Add(new NpgsqlParameter { Value = now });
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }
}

public sealed partial class PostgresStore
{
    /// <summary>A command on the store's connection for the watch state (reconnecting first when the server dropped it).</summary>
    internal NpgsqlCommand WatchCommand(string sql) => Command(sql);

    internal NpgsqlTransaction WatchBegin() => Begin();
}
