using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigie.Errors;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Storage.Sqlite;

// Paged and aggregated reads for `vigie serve`: the same filters (Where) as Events(), with the
// counting and grouping done by SQLite so that a page of a large store stays cheap.
public sealed partial class SqliteStore
{
    /// <summary>
    /// Opens an existing database for reading only (no migration, no write; queries see the last
    /// committed state while another process ingests, WAL). Refuses a database of another schema version.
    /// </summary>
    public static SqliteStore OpenReadOnly(string path, SourceReliability? reliability = null)
    {
        MustExist(path);
        return Connect(path, SqliteOpenMode.ReadOnly, reliability, c =>
        {
            Exec(c, "PRAGMA busy_timeout=5000; PRAGMA query_only=ON;");
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            var version = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (version != Migrations.Latest)
                throw new StoreException(ErrorCatalogue.OtherSchemaReadOnly.Message(path, version, Migrations.Latest,
                    version < Migrations.Latest ? "run `vigie ingest` once to upgrade it" : "use a newer vigie"));
        });
    }

    /// <summary>
    /// Runs <paramref name="read"/> on one snapshot of the database (a deferred read transaction), so
    /// that several queries — a total and its page, stats and their groups — agree even while
    /// another connection writes. Not nested; for reading only.
    /// </summary>
    public T ReadSnapshot<T>(Func<T> read)
    {
        Exec(_c, "BEGIN DEFERRED");
        try { return read(); }
        finally { Exec(_c, "ROLLBACK"); }
    }

    /// <summary>
    /// One page of the events that match <paramref name="filter"/>, in the order of <see cref="Events"/>,
    /// and how many match in all (call it inside <see cref="ReadSnapshot"/> for a total that agrees with the page
    /// while another connection writes). <see cref="EventFilter.Near"/> and <see cref="EventFilter.Limit"/> are not used here
    /// (use <see cref="EventFilter.Box"/> for an area).
    /// </summary>
    public (long Total, IReadOnlyList<StoredEvent> Events) EventPage(EventFilter filter, long offset, int limit, PageKey? after = null)
    {
        var f = filter with { Near = null, Limit = null };
        long total;
        using (var count = _c.CreateCommand())
        {
            count.CommandText = $"SELECT COUNT(*) FROM events e {Where(f, count)}";
            total = (long)count.ExecuteScalar()!;
        }
        var list = new List<StoredEvent>();
        if (total == 0 || (after == null && offset >= total)) return (total, list);
        using var cmd = PageCommand(f, offset, limit, after);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(ReadEvent(r, mentionCountOrdinal: null));
        return (total, list);
    }

    /// <summary>The page query of <see cref="EventPage"/>: the page chosen on the sort keys (an index), then its rows.</summary>
    private SqliteCommand PageCommand(EventFilter f, long offset, int limit, PageKey? after)
    {
        var cmd = _c.CreateCommand();
        var where = Where(f, cmd);
        if (after is { } key)
        {
            // keyset: the events after the key in listing order (first day, undated last, then number)
            var next = key.Day is { } day
                ? "(e.day_first IS NULL OR e.day_first > $afterDay OR (e.day_first = $afterDay AND e.number > $afterNumber))"
                : "(e.day_first IS NULL AND e.number > $afterNumber)";
            if (key.Day is { } d) cmd.Parameters.AddWithValue("$afterDay", Day(d));
            cmd.Parameters.AddWithValue("$afterNumber", key.Number);
            where += (where.Length == 0 ? "WHERE " : " AND ") + next;
            offset = 0;
        }
        // the page is chosen on the small sort keys (index only), then only its rows are read
        cmd.CommandText = $"""
            SELECT e.id, e.number, e.event_json, e.fatalities_low, e.fatalities_best, e.fatalities_high
            FROM (SELECT e.rowid AS r, e.day_first IS NULL AS k1, e.day_first AS k2, e.number AS k3
                  FROM events e {where}
                  ORDER BY 2, 3, 4 LIMIT $limit OFFSET $offset) p
            JOIN events e ON e.rowid = p.r
            ORDER BY p.k1, p.k2, p.k3
            """;
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.Parameters.AddWithValue("$offset", offset);
        return cmd;
    }

    /// <summary>SQLite's plan for the count and the page of <paramref name="filter"/> (EXPLAIN QUERY PLAN lines), for this assembly's tests.</summary>
    internal IReadOnlyList<string> PagePlan(EventFilter filter, PageKey? after = null)
    {
        var f = filter with { Near = null, Limit = null };
        var lines = new List<string>();
        using var count = _c.CreateCommand();
        count.CommandText = $"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM events e {Where(f, count)}";
        using var page = PageCommand(f, 0, 100, after);
        page.CommandText = "EXPLAIN QUERY PLAN " + page.CommandText;
        foreach (var cmd in new[] { count, page })
        {
            using var r = cmd.ExecuteReader();
            while (r.Read()) lines.Add(r.GetString(3));
        }
        return lines;
    }

    /// <summary>The store's id and write counter (meta, migration 0007; every write that readers see bumps the counter).</summary>
    public string DataVersion()
    {
        using var cmd = _c.CreateCommand();
        cmd.CommandText = "SELECT (SELECT value FROM meta WHERE key = 'store_id') || '-' || COALESCE((SELECT value FROM meta WHERE key = 'data_version'), '0')";
        return (string)cmd.ExecuteScalar()!;
    }

    /// <summary>Counts a write in <c>meta.data_version</c> (inside the writing transaction).</summary>
    private void BumpVersion(SqliteTransaction tx)
    {
        var cmd = Cmd(tx, "INSERT INTO meta(key, value) VALUES ('data_version', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
        cmd.ExecuteNonQuery();
    }

    /// <summary>Events and best fatalities of the matching events, grouped; the largest groups first (days in date order).</summary>
    public IReadOnlyList<CountRow> EventCounts(EventFilter filter, CountBy by, int limit = 10_000)
    {
        var f = filter with { Near = null, Limit = null };
        using var cmd = _c.CreateCommand();
        var (key, join) = by switch
        {
            CountBy.Type => ("e.type", ""),
            CountBy.Country => ("e.country", ""),
            CountBy.Day => ("e.day_first", ""),
            CountBy.Month => ("substr(e.day_first, 1, 7)", ""),
            CountBy.Actor => ("g.name", "JOIN actors g ON g.id IN (e.actor1_id, e.actor2_id)"),
            _ => ("g.source", "JOIN (SELECT DISTINCT event_id, source FROM event_mentions WHERE source IS NOT NULL) g ON g.event_id = e.id"),
        };
        var where = Where(f, cmd);
        var order = by is CountBy.Day or CountBy.Month ? "1" : "2 DESC, 1";
        cmd.CommandText = $"""
            SELECT {key}, COUNT(DISTINCT e.id), COALESCE(SUM(e.fatalities_best), 0)
            FROM events e {join} {where}{(where.Length == 0 ? "WHERE" : " AND")} {key} IS NOT NULL
            GROUP BY 1 ORDER BY {order} LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<CountRow>();
        while (r.Read()) list.Add(new CountRow(r.GetString(0), r.GetInt64(1), r.GetInt64(2)));
        return list;
    }

    /// <summary>How many events match, their best fatalities in all, and the first and last day they cover.</summary>
    public Totals EventTotals(EventFilter filter)
    {
        var f = filter with { Near = null, Limit = null };
        using var cmd = _c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*), COALESCE(SUM(e.fatalities_best), 0), MIN(e.day_first), MAX(e.day_last) FROM events e {Where(f, cmd)}";
        using var r = cmd.ExecuteReader();
        r.Read();
        return new Totals(r.GetInt64(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
    }

    /// <summary>A stored document by content hash, else by the id its input gave (the first stored with that id).</summary>
    public StoredDocument? Document(string key)
    {
        using var cmd = _c.CreateCommand();
        cmd.CommandText = """
            SELECT id, content_hash, doc_id, date, lang, url, title, source, text, record_json FROM documents
            WHERE content_hash = $k OR doc_id = $k
            ORDER BY content_hash = $k DESC, id LIMIT 1
            """;
        cmd.Parameters.AddWithValue("$k", key);
        long rowId;
        StoredDocument doc;
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read()) return null;
            rowId = r.GetInt64(0);
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            doc = new StoredDocument(r.GetString(1), r.GetString(2), S(3), S(4), S(5), S(6), S(7), r.GetString(8),
                VigieJson.Deserialize(r.GetString(9)) ?? new DocumentRecord(), new Dictionary<int, string>());
        }
        using var m = _c.CreateCommand();
        m.CommandText = "SELECT rank, event_id FROM event_mentions WHERE document_id = $d AND event_id IS NOT NULL";
        m.Parameters.AddWithValue("$d", rowId);
        var ids = new Dictionary<int, string>();
        using (var r = m.ExecuteReader())
            while (r.Read()) ids[r.GetInt32(0)] = r.GetString(1);
        return doc with { EventIdsByRank = ids };
    }
}
