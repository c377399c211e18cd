using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Storage.Postgres;

// The read side: the same answers as the SQLite store's. Text is ordered with COLLATE "C" (code point order,
// as SQLite compares) and NULLs first in ascending order (as SQLite sorts them), whatever the database's locale.
public sealed partial class PostgresStore
{
    private const string EventColumns = "e.id, e.number, e.event_json, e.fatalities_low, e.fatalities_best, e.fatalities_high";
    private const string ListingOrder = "e.day_first NULLS LAST, e.number";

    public IReadOnlyList<StoredEvent> Events(EventFilter filter, bool withMentions = false)
    {
        using var cmd = Command("");
        var where = Where(filter, cmd);
        cmd.CommandText = $"SELECT {EventColumns}, e.mention_count FROM events e {where} ORDER BY {ListingOrder}";
        if (filter.Limit is { } limit)
        {
            cmd.CommandText += " LIMIT @limit";
            cmd.Parameters.AddWithValue("limit", limit);
        }
        var list = new List<StoredEvent>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) list.Add(ReadEvent(r, mentionCountOrdinal: 6));
        if (!withMentions || list.Count == 0) return list;
        var mentions = MentionsOf(list.Select(e => e.Id).ToArray());
        return list.Select(e => e with { Mentions = mentions.TryGetValue(e.Id, out var m) ? m : [] }).ToList();
    }

    public StoredEvent? Event(string id)
    {
        using var cmd = Command($"SELECT {EventColumns}, e.mention_count FROM events e WHERE e.id = @id OR e.number::text = @id");
        cmd.Parameters.AddWithValue("id", id.Trim());
        StoredEvent e;
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read()) return null;
            e = ReadEvent(r, mentionCountOrdinal: 6);
        }
        return e with { Mentions = MentionsOf([e.Id]).GetValueOrDefault(e.Id) ?? [] };
    }

    private static StoredEvent ReadEvent(NpgsqlDataReader r, int? mentionCountOrdinal) => new()
    {
        Id = r.GetString(0),
        Number = r.GetInt64(1),
        Event = JsonSerializer.Deserialize<Event>(r.GetString(2), VigieJson.Options)!,
        FatalitiesLow = r.IsDBNull(3) ? null : r.GetInt32(3),
        FatalitiesBest = r.IsDBNull(4) ? null : r.GetInt32(4),
        FatalitiesHigh = r.IsDBNull(5) ? null : r.GetInt32(5),
        MentionCount = mentionCountOrdinal is { } m ? r.GetInt32(m) : 0,
    };

    private Dictionary<string, List<StoredMention>> MentionsOf(string[] eventIds)
    {
        var result = new Dictionary<string, List<StoredMention>>(StringComparer.Ordinal);
        using var cmd = Command("""
            SELECT m.event_id, d.content_hash, d.doc_id, d.title, d.url, d.date, m.source, m.reliability, m.modality, m.fatalities, m.event_json, d.date_resolved
            FROM event_mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.event_id = ANY(@ids)
            ORDER BY m.event_id COLLATE "C", m.reliability DESC, d.date COLLATE "C" NULLS FIRST, m.mention_key COLLATE "C"
            """);
        cmd.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, eventIds);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var id = r.GetString(0);
            if (!result.TryGetValue(id, out var list)) result[id] = list = [];
            Names.TryParse<Modality>(r.GetString(8), out var modality);
            list.Add(new StoredMention
            {
                DocumentHash = r.GetString(1),
                DocumentId = r.GetString(2),
                DocumentTitle = Str(r, 3),
                DocumentUrl = Str(r, 4),
                Published = Str(r, 5),
                Source = Str(r, 6),
                Reliability = r.GetInt32(7),
                Modality = modality,
                Fatalities = r.IsDBNull(9) ? null : r.GetInt32(9),
                Event = JsonSerializer.Deserialize<Event>(r.GetString(10), VigieJson.Options)!,
                DateResolved = r.IsDBNull(11) ? null : r.GetString(11),
            });
        }
        return result;
    }

    /// <summary>The filters as one parameterised WHERE: the same meaning as the SQLite store's; Near uses the GiST index.</summary>
    /// <param name="pageWalk">the query walks the listing index and stops after a page: the source filter is tested
    /// per event (as on SQLite) rather than by first collecting every matching mention's event.</param>
    private static string Where(EventFilter f, NpgsqlCommand cmd, bool pageWalk = false)
    {
        var w = new List<string>();
        if (!string.IsNullOrWhiteSpace(f.Country)) { w.Add("e.country = @country"); cmd.Parameters.AddWithValue("country", f.Country.Trim().ToUpperInvariant()); }
        if (f.From is { } from)
        {
            // no event lasts more than store_version.event_days_max days (migration 0005): the first day bounds the index range
            w.Add("e.day_last >= @from AND e.day_first >= @from - (SELECT event_days_max FROM store_version)");
            cmd.Parameters.AddWithValue("from", NpgsqlDbType.Date, from.First);
        }
        if (f.To is { } to) { w.Add("e.day_first <= @to"); cmd.Parameters.AddWithValue("to", NpgsqlDbType.Date, to.Last); }
        if (f.Type is { } type) { w.Add("e.type = @type"); cmd.Parameters.AddWithValue("type", Names.Of(type)); }
        if (f.Subtype is { } sub) { w.Add("e.subtype = @sub"); cmd.Parameters.AddWithValue("sub", Names.Of(sub)); }
        if (!string.IsNullOrWhiteSpace(f.Actor))
        {
            w.Add("(e.actor1_id IN (SELECT a.id FROM actors a WHERE a.name_key LIKE @actor ESCAPE '\\') OR e.actor2_id IN (SELECT a.id FROM actors a WHERE a.name_key LIKE @actor ESCAPE '\\'))");
            cmd.Parameters.AddWithValue("actor", Like(SourceReliability.Key(f.Actor)));
        }
        if (!string.IsNullOrWhiteSpace(f.Source))
        {
            // the distinct source names, one seek each in event_mentions_source_key (migration 0005), are tested with
            // LIKE; the events of the mentions of those that match are then ranges of the same index
            var keys = """
                WITH RECURSIVE k(key) AS (
                    SELECT MIN(source_key) FROM event_mentions
                    UNION ALL
                    SELECT (SELECT MIN(x.source_key) FROM event_mentions x WHERE x.source_key > k.key) FROM k WHERE k.key IS NOT NULL)
                SELECT key FROM k WHERE key LIKE @source ESCAPE '\'
                """;
            // a page: the names as one array computed once (an IN would be planned as a join over every matching mention)
            w.Add(pageWalk
                ? $"EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id AND m.source_key = ANY(ARRAY({keys})))"
                : $"e.id IN (SELECT m.event_id FROM event_mentions m WHERE m.source_key IN ({keys}))");
            cmd.Parameters.AddWithValue("source", Like(SourceReliability.Key(f.Source)));
        }
        if (f.Box is { } box)
        {
            w.Add("e.lat BETWEEN @south AND @north AND e.lon BETWEEN @west AND @east");
            cmd.Parameters.AddWithValue("south", box.South);
            cmd.Parameters.AddWithValue("north", box.North);
            cmd.Parameters.AddWithValue("west", box.West);
            cmd.Parameters.AddWithValue("east", box.East);
        }
        if (f.Near is { } near)
        {
            // great-circle distance on the sphere, as the SQLite store measures it
            w.Add("ST_DWithin(e.location, ST_SetSRID(ST_MakePoint(@near_lon, @near_lat), 4326)::geography, @near_m, false)");
            cmd.Parameters.AddWithValue("near_lon", near.Lon);
            cmd.Parameters.AddWithValue("near_lat", near.Lat);
            cmd.Parameters.AddWithValue("near_m", near.Km * 1000);
        }
        return w.Count == 0 ? "" : "WHERE " + string.Join(" AND ", w);
    }

    private static string Like(string s)
    {
        var sb = new StringBuilder("%");
        foreach (var c in s) { if (c is '%' or '_' or '\\') sb.Append('\\'); sb.Append(c); }
        return sb.Append('%').ToString();
    }

    public IReadOnlyList<StoredReport> Reports()
    {
        using var cmd = Command("""
            SELECT r.id, r.report_json,
                   ARRAY(SELECT d.doc_id FROM casualty_report_mentions x JOIN documents d ON d.id = x.document_id WHERE x.report_id = r.id ORDER BY d.id)
            FROM casualty_reports r ORDER BY r.period_start COLLATE "C" NULLS FIRST, r.id
            """);
        using var rd = cmd.ExecuteReader();
        var list = new List<StoredReport>();
        while (rd.Read())
            list.Add(new StoredReport
            {
                Id = rd.GetInt64(0),
                Report = JsonSerializer.Deserialize<CasualtyReport>(rd.GetString(1), VigieJson.Options)!,
                DocumentIds = rd.GetFieldValue<string[]>(2),
            });
        return list;
    }

    /// <summary>
    /// Documents in date then id order. A search is a web-style query (words, "phrases", OR, -word) read with the
    /// text search configuration of every language pack and 'simple', so that a word matches in any of them.
    /// </summary>
    public IReadOnlyList<DocumentRow> Documents(string? search = null, int limit = 1000)
    {
        var fts = !string.IsNullOrWhiteSpace(search);
        var query = string.Join(" || ", _tsConfigs.Select((_, i) => $"websearch_to_tsquery(@cfg{i}::regconfig, @q)"));
        using var cmd = Command($"""
            SELECT d.doc_id, d.content_hash, d.date, d.lang, d.source, d.title,
                   (SELECT COUNT(*) FROM event_mentions m WHERE m.document_id = d.id)::integer,
                   d.origin_file || CASE WHEN d.origin_line > 0 THEN ':' || d.origin_line ELSE '' END,
                   d.date_resolved
            FROM documents d
            {(fts ? $"WHERE d.search @@ ({query})" : "")}
            ORDER BY d.date COLLATE "C" NULLS FIRST, d.doc_id COLLATE "C" LIMIT @limit
            """);
        if (fts)
        {
            cmd.Parameters.AddWithValue("q", search!);
            for (var i = 0; i < _tsConfigs.Count; i++) cmd.Parameters.AddWithValue($"cfg{i}", _tsConfigs[i]);
        }
        cmd.Parameters.AddWithValue("limit", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<DocumentRow>();
        while (r.Read())
            list.Add(new DocumentRow(r.GetString(0), r.GetString(1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), r.GetInt32(6), Str(r, 7), Str(r, 8)));
        return list;
    }

    public string? DocumentText(string contentHash)
    {
        using var cmd = Command("SELECT text FROM documents WHERE content_hash = @h");
        cmd.Parameters.AddWithValue("h", contentHash);
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>
    /// One page in listing order, read as the SQLite store reads it: a keyset page seeks to the key in the dated events
    /// (first day, then number; a row comparison on the listing index) and goes on into the undated ones (number); a
    /// date filter matches dated events only. Nothing is counted (<see cref="EventCount"/>).
    /// </summary>
    public IReadOnlyList<StoredEvent> EventPage(EventFilter filter, long offset, int limit, PageKey? after = null) =>
        EventPageRows(filter, offset, limit, after).Select(r => r.Read()).ToList();

    public IReadOnlyList<StoredEventRow> EventPageRows(EventFilter filter, long offset, int limit, PageKey? after = null)
    {
        var f = filter with { Near = null, Limit = null };
        var list = new List<StoredEventRow>();
        foreach (var part in Parts(f, after))
        {
            if (list.Count >= limit) break;
            using var cmd = PageCommand(f, part, after == null ? offset : 0, limit - list.Count, after);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                list.Add(new StoredEventRow(r.GetString(0), r.GetInt64(1), r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6), r.GetString(2),
                    r.IsDBNull(3) ? null : r.GetInt32(3), r.IsDBNull(4) ? null : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetInt32(5)));
        }
        return list;
    }

    /// <summary>Which events of the listing a page reads: the dated ones, the undated ones, or both in listing order.</summary>
    private enum PagePart { Dated, Undated, Listing }

    /// <summary>The parts a page reads, in listing order (a date filter matches dated events only).</summary>
    private static PagePart[] Parts(EventFilter f, PageKey? after)
    {
        var datedOnly = f.From != null || f.To != null;
        if (after is { Day: null }) return datedOnly ? [] : [PagePart.Undated];
        if (after != null) return datedOnly ? [PagePart.Dated] : [PagePart.Dated, PagePart.Undated];
        return [datedOnly ? PagePart.Dated : PagePart.Listing];
    }

    private NpgsqlCommand PageCommand(EventFilter f, PagePart part, long offset, int limit, PageKey? after)
    {
        var cmd = Command("");
        var w = new List<string>();
        var where = Where(f, cmd, pageWalk: true);
        if (where.Length > 0) w.Add(where["WHERE ".Length..]);
        if (part == PagePart.Dated) w.Add("e.day_first IS NOT NULL");
        if (part == PagePart.Undated) w.Add("e.day_first IS NULL");
        if (after is { } key)
        {
            if (part == PagePart.Dated && key.Day is { } day)
            {
                w.Add("(e.day_first, e.number) > (@afterDay, @afterNumber)");
                cmd.Parameters.AddWithValue("afterDay", NpgsqlDbType.Date, day);
            }
            else if (part == PagePart.Undated && key.Day == null) w.Add("e.number > @afterNumber");
            cmd.Parameters.AddWithValue("afterNumber", key.Number);
        }
        cmd.CommandText = $"SELECT {EventColumns}, e.day_first FROM events e {(w.Count == 0 ? "" : "WHERE " + string.Join(" AND ", w))} ORDER BY {ListingOrder} LIMIT @limit OFFSET @offset";
        cmd.Parameters.AddWithValue("limit", limit);
        cmd.Parameters.AddWithValue("offset", offset);
        return cmd;
    }

    /// <summary>How many events match (Near and Limit not used).</summary>
    public long EventCount(EventFilter filter)
    {
        using var count = Command("");
        count.CommandText = $"SELECT COUNT(*) FROM events e {Where(filter with { Near = null, Limit = null }, count)}";
        return (long)count.ExecuteScalar()!;
    }

    /// <summary>
    /// PostgreSQL's plans (EXPLAIN, costs off) of the count and of each part of a page, for this assembly's tests, with
    /// sequential scans off as the planner would choose on many events (a small test table is cheaper to read whole).
    /// </summary>
    internal IReadOnlyList<string> PagePlan(EventFilter filter, PageKey? after = null)
    {
        var f = filter with { Near = null, Limit = null };
        var lines = new List<string>();
        void Explain(NpgsqlCommand cmd)
        {
            using (cmd)
            {
                cmd.CommandText = "EXPLAIN (COSTS OFF) " + cmd.CommandText;
                using var r = cmd.ExecuteReader();
                while (r.Read()) lines.Add(r.GetString(0));
            }
        }
        Exec("SET enable_seqscan = off");
        try
        {
            var count = Command("");
            count.CommandText = $"SELECT COUNT(*) FROM events e {Where(f, count)}";
            Explain(count);
            foreach (var part in Parts(f, after)) Explain(PageCommand(f, part, 0, 100, after));
        }
        finally { Exec("RESET enable_seqscan"); }
        return lines;
    }

    /// <summary>The store's id and write counter (table store_version, migration 0004).</summary>
    public string DataVersion()
    {
        using var cmd = Command("SELECT store_id || '-' || version FROM store_version");
        return (string)cmd.ExecuteScalar()!;
    }

    /// <summary>Counts a write in store_version: the last statement of a writing transaction (its row lock is held only until the commit).</summary>
    private void BumpVersion() => Exec("UPDATE store_version SET version = version + 1");

    public IReadOnlyList<CountRow> EventCounts(EventFilter filter, CountBy by, int limit = 10_000)
    {
        var f = filter with { Near = null, Limit = null };
        var (key, join) = by switch
        {
            CountBy.Type => ("e.type", ""),
            CountBy.Country => ("e.country", ""),
            CountBy.Day => ("to_char(e.day_first, 'YYYY-MM-DD')", ""),
            CountBy.Month => ("to_char(e.day_first, 'YYYY-MM')", ""),
            CountBy.Actor => ("g.name", "JOIN actors g ON g.id IN (e.actor1_id, e.actor2_id)"),
            _ => ("g.source", "JOIN (SELECT DISTINCT event_id, source FROM event_mentions WHERE source IS NOT NULL) g ON g.event_id = e.id"),
        };
        using var cmd = Command("");
        var where = Where(f, cmd);
        var order = by is CountBy.Day or CountBy.Month ? $"{key} COLLATE \"C\"" : $"2 DESC, {key} COLLATE \"C\"";
        cmd.CommandText = $"""
            SELECT {key} AS k, COUNT(DISTINCT e.id), COALESCE(SUM(e.fatalities_best), 0)::bigint
            FROM events e {join} {where}{(where.Length == 0 ? "WHERE" : " AND")} {key} IS NOT NULL
            GROUP BY 1 ORDER BY {order} LIMIT @limit
            """;
        cmd.Parameters.AddWithValue("limit", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<CountRow>();
        while (r.Read()) list.Add(new CountRow(r.GetString(0), r.GetInt64(1), r.GetInt64(2)));
        return list;
    }

    public Totals EventTotals(EventFilter filter)
    {
        var f = filter with { Near = null, Limit = null };
        using var cmd = Command("");
        cmd.CommandText = $"""
            SELECT COUNT(*), COALESCE(SUM(e.fatalities_best), 0)::bigint, to_char(MIN(e.day_first), 'YYYY-MM-DD'), to_char(MAX(e.day_last), 'YYYY-MM-DD')
            FROM events e {Where(f, cmd)}
            """;
        using var r = cmd.ExecuteReader();
        r.Read();
        return new Totals(r.GetInt64(0), r.GetInt64(1), Str(r, 2), Str(r, 3));
    }

    public StoredDocument? Document(string key)
    {
        using var cmd = Command("""
            SELECT id, content_hash, doc_id, date, lang, url, title, source, text, record_json FROM documents
            WHERE content_hash = @k OR doc_id = @k
            ORDER BY content_hash = @k DESC, id LIMIT 1
            """);
        cmd.Parameters.AddWithValue("k", key);
        long rowId;
        StoredDocument doc;
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read()) return null;
            rowId = r.GetInt64(0);
            doc = new StoredDocument(r.GetString(1), r.GetString(2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6), Str(r, 7), r.GetString(8),
                VigieJson.Deserialize(r.GetString(9)) ?? new DocumentRecord(), new Dictionary<int, string>());
        }
        return DocumentRows.WithMentions(Command, doc, rowId);
    }

    public IReadOnlyList<Appearance> Republications(string contentHash) => DocumentRows.Republications(Command, contentHash);

    // ---- the whole store, in the order written (vigie migrate) ------------------------------

    public IEnumerable<StoredItem> AllDocuments() => DocumentRows.All(Command);

    public IEnumerable<(Appearance Appearance, string RunId)> AllRepublications() => DocumentRows.AllRepublications(Command);

    public IEnumerable<LogEntry> IngestLog()
    {
        using var cmd = Command("SELECT run_id, at, file, line, status, content_hash, message FROM ingest_log ORDER BY id");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return new LogEntry(r.GetString(0), Str(r, 2), r.IsDBNull(3) ? 0 : r.GetInt32(3), r.GetString(4), Str(r, 5), Str(r, 6))
            {
                At = r.GetFieldValue<DateTime>(1).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            };
    }
}
