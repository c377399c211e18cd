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
    /// One page of the events that match <paramref name="filter"/>, in the order of <see cref="Events"/>: from
    /// <paramref name="offset"/>, or with <paramref name="after"/> the events that follow that key. Nothing is counted
    /// (<see cref="EventCount"/> does). <see cref="EventFilter.Near"/> and <see cref="EventFilter.Limit"/> are not used
    /// here (use <see cref="EventFilter.Box"/> for an area).
    /// </summary>
    public IReadOnlyList<StoredEvent> EventPage(EventFilter filter, long offset, int limit, PageKey? after = null) =>
        EventPageRows(filter, offset, limit, after).Select(r => r.Read()).ToList();

    /// <summary>The page of <see cref="EventPage"/> with each event's JSON text not read.</summary>
    public IReadOnlyList<StoredEventRow> EventPageRows(EventFilter filter, long offset, int limit, PageKey? after = null)
    {
        var f = filter with { Near = null, Limit = null };
        var list = new List<StoredEventRow>();
        foreach (var (part, partOffset) in PageParts(f, offset, after))
        {
            if (list.Count >= limit) break;
            using var cmd = PageCommand(f, part, partOffset, limit - list.Count, after);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                list.Add(new StoredEventRow(r.GetString(0), r.GetInt64(1),
                    r.IsDBNull(6) ? null : DateOnly.ParseExact(r.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetString(2),
                    r.IsDBNull(3) ? null : r.GetInt32(3), r.IsDBNull(4) ? null : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetInt32(5)));
        }
        return list;
    }

    /// <summary>How many events match <paramref name="filter"/> (Near and Limit not used).</summary>
    public long EventCount(EventFilter filter)
    {
        using var count = _c.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM events e {Where(filter with { Near = null, Limit = null }, count)}";
        return (long)count.ExecuteScalar()!;
    }

    /// <summary>Which events of the listing a page reads: the dated ones (first day, then number), the undated ones (number), or both in listing order.</summary>
    private enum PagePart { Dated, Undated, Listing }

    /// <summary>
    /// The parts a page is read from, in listing order. A keyset page seeks in the dated part, then goes on into the
    /// undated one; a date filter matches dated events only; a page by offset over both parts is one walk of the
    /// listing index.
    /// </summary>
    private static IEnumerable<(PagePart Part, long Offset)> PageParts(EventFilter f, long offset, PageKey? after)
    {
        var datedOnly = f.From != null || f.To != null;
        if (after is { Day: null }) { if (!datedOnly) yield return (PagePart.Undated, 0); yield break; }
        if (after != null)
        {
            yield return (PagePart.Dated, 0);
            if (!datedOnly) yield return (PagePart.Undated, 0);
            yield break;
        }
        yield return (datedOnly ? PagePart.Dated : PagePart.Listing, offset);
    }

    /// <summary>
    /// The query of one part of a page: the page chosen on the sort keys (an index: the dated part seeks on
    /// <c>(day_first IS NULL) = 0</c> and the key, or the date bound), then only its rows are read.
    /// </summary>
    private SqliteCommand PageCommand(EventFilter f, PagePart part, long offset, int limit, PageKey? after)
    {
        var cmd = _c.CreateCommand();
        var w = new List<string>();
        var where = Where(f, cmd, pageWalk: true);
        if (where.Length > 0) w.Add(where["WHERE ".Length..]);
        // the expression the listing indexes hold (events_page first, the country, type and subtype ones second), so that SQLite seeks on it
        if (part == PagePart.Dated) w.Add("(e.day_first IS NULL) = 0");
        if (part == PagePart.Undated) w.Add("(e.day_first IS NULL) = 1");
        if (after is { } key)
        {
            if (part == PagePart.Dated && key.Day is { } day)
            {
                w.Add("(e.day_first, e.number) > ($afterDay, $afterNumber)");
                cmd.Parameters.AddWithValue("$afterDay", Day(day));
            }
            else if (part == PagePart.Undated && key.Day == null) w.Add("e.number > $afterNumber");
            cmd.Parameters.AddWithValue("$afterNumber", key.Number);
        }
        var order = part == PagePart.Listing ? "e.day_first IS NULL, e.day_first, e.number" : "e.day_first, e.number";
        var outer = part == PagePart.Listing ? "p.k1, p.k2, p.k3" : "p.k2, p.k3";
        cmd.CommandText = $"""
            SELECT e.id, e.number, e.event_json, e.fatalities_low, e.fatalities_best, e.fatalities_high, e.day_first
            FROM (SELECT e.rowid AS r, e.day_first IS NULL AS k1, e.day_first AS k2, e.number AS k3
                  FROM events e {(w.Count == 0 ? "" : "WHERE " + string.Join(" AND ", w))}
                  ORDER BY {order} LIMIT $limit OFFSET $offset) p
            JOIN events e ON e.rowid = p.r
            ORDER BY {outer}
            """;
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.Parameters.AddWithValue("$offset", offset);
        return cmd;
    }

    /// <summary>SQLite's plan for the count and each part of the page of <paramref name="filter"/> (EXPLAIN QUERY PLAN lines), for this assembly's tests.</summary>
    internal IReadOnlyList<string> PagePlan(EventFilter filter, PageKey? after = null)
    {
        var f = filter with { Near = null, Limit = null };
        var lines = new List<string>();
        var count = _c.CreateCommand();
        count.CommandText = $"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM events e {Where(f, count)}";
        var commands = new List<SqliteCommand> { count };
        foreach (var (part, offset) in PageParts(f, 0, after))
        {
            var page = PageCommand(f, part, offset, 100, after);
            page.CommandText = "EXPLAIN QUERY PLAN " + page.CommandText;
            commands.Add(page);
        }
        foreach (var cmd in commands)
        {
            using (cmd)
            using (var r = cmd.ExecuteReader())
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
        return DocumentRows.WithMentions(NewCommand, doc, rowId);
    }
}
