using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public IReadOnlyList<StoredEvent> Events(EventFilter filter, bool withMentions = false)
    {
        using var cmd = _c.CreateCommand();
        var where = Where(filter, cmd);
        cmd.CommandText = $"""
            SELECT e.id, e.number, e.event_json, e.fatalities_low, e.fatalities_best, e.fatalities_high, e.lat, e.lon, e.mention_count
            FROM events e {where}
            ORDER BY e.day_first IS NULL, e.day_first, e.number
            """;
        var list = new List<StoredEvent>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (filter.Near is { } near)
                {
                    if (r.IsDBNull(6) || Vigie.Geo.GreatCircle.Km(near.Lat, near.Lon, r.GetDouble(6), r.GetDouble(7)) > near.Km) continue;
                }
                list.Add(ReadEvent(r, mentionCountOrdinal: 8));
                if (filter.Limit is { } limit && list.Count >= limit) break;
            }
        }
        if (!withMentions || list.Count == 0) return list;
        var mentions = MentionsOf(list.Select(e => e.Id).ToList());
        return list.Select(e => e with { Mentions = mentions.TryGetValue(e.Id, out var m) ? m : [] }).ToList();
    }

    public StoredEvent? Event(string id)
    {
        using var cmd = _c.CreateCommand();
        cmd.CommandText = "SELECT e.id, e.number, e.event_json, e.fatalities_low, e.fatalities_best, e.fatalities_high, e.mention_count FROM events e WHERE e.id = $id OR CAST(e.number AS TEXT) = $id";
        cmd.Parameters.AddWithValue("$id", id.Trim());
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        var e = ReadEvent(r, mentionCountOrdinal: 6);
        return e with { Mentions = MentionsOf([e.Id]).GetValueOrDefault(e.Id) ?? [] };
    }

    /// <summary>An event row whose first six columns are id, number, event_json and fatalities low/best/high; the mention count where the query has it.</summary>
    private static StoredEvent ReadEvent(SqliteDataReader r, int? mentionCountOrdinal) => new()
    {
        Id = r.GetString(0),
        Number = r.GetInt64(1),
        Event = JsonSerializer.Deserialize<Event>(r.GetString(2), VigieJson.Options)!,
        FatalitiesLow = r.IsDBNull(3) ? null : r.GetInt32(3),
        FatalitiesBest = r.IsDBNull(4) ? null : r.GetInt32(4),
        FatalitiesHigh = r.IsDBNull(5) ? null : r.GetInt32(5),
        MentionCount = mentionCountOrdinal is { } m ? r.GetInt32(m) : 0,
    };

    private Dictionary<string, List<StoredMention>> MentionsOf(List<string> eventIds)
    {
        var result = new Dictionary<string, List<StoredMention>>(StringComparer.Ordinal);
        using var cmd = _c.CreateCommand();
        // ids go through a JSON parameter, so that any number of events is one query
        cmd.CommandText = """
            SELECT m.event_id, d.content_hash, d.doc_id, d.title, d.url, d.date, m.source, m.reliability, m.modality, m.fatalities, m.event_json, d.date_resolved
            FROM event_mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.event_id IN (SELECT value FROM json_each($ids))
            ORDER BY m.event_id, m.reliability DESC, d.date, m.mention_key
            """;
        cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(eventIds));
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
                DocumentTitle = r.IsDBNull(3) ? null : r.GetString(3),
                DocumentUrl = r.IsDBNull(4) ? null : r.GetString(4),
                Published = r.IsDBNull(5) ? null : r.GetString(5),
                Source = r.IsDBNull(6) ? null : r.GetString(6),
                Reliability = r.GetInt32(7),
                Modality = modality,
                Fatalities = r.IsDBNull(9) ? null : r.GetInt32(9),
                Event = JsonSerializer.Deserialize<Event>(r.GetString(10), VigieJson.Options)!,
                DateResolved = r.IsDBNull(11) ? null : r.GetString(11),
            });
        }
        return result;
    }

    /// <summary>
    /// The filters as one parameterised WHERE. <paramref name="pageWalk"/>: the query walks the listing index and stops
    /// after a page, so the source filter is tested per event (a seek per matching source name) rather than by first
    /// collecting every matching mention's event, which a count needs anyway.
    /// </summary>
    private static string Where(EventFilter f, SqliteCommand cmd, bool pageWalk = false)
    {
        var w = new List<string>();
        if (!string.IsNullOrWhiteSpace(f.Country)) { w.Add("e.country = $country"); cmd.Parameters.AddWithValue("$country", f.Country.Trim().ToUpperInvariant()); }
        if (f.From is { } from)
        {
            // no event lasts more than meta.event_days_max days (migration 0008): the first day bounds the index range
            // (without a bound, or out of SQLite's calendar, '' is below every day)
            w.Add("e.day_last >= $from AND e.day_first >= COALESCE(date($from, '-' || (SELECT value FROM meta WHERE key = 'event_days_max') || ' days'), '')");
            cmd.Parameters.AddWithValue("$from", Day(from.First));
        }
        if (f.To is { } to) { w.Add("e.day_first <= $to"); cmd.Parameters.AddWithValue("$to", Day(to.Last)); }
        if (f.Type is { } type) { w.Add("e.type = $type"); cmd.Parameters.AddWithValue("$type", Names.Of(type)); }
        if (f.Subtype is { } sub) { w.Add("e.subtype = $sub"); cmd.Parameters.AddWithValue("$sub", Names.Of(sub)); }
        if (!string.IsNullOrWhiteSpace(f.Actor))
        {
            // uncorrelated subqueries: the matching actors and mentions are found once, not once per event
            w.Add("(e.actor1_id IN (SELECT a.id FROM actors a WHERE a.name_key LIKE $actor ESCAPE '\\') OR e.actor2_id IN (SELECT a.id FROM actors a WHERE a.name_key LIKE $actor ESCAPE '\\'))");
            cmd.Parameters.AddWithValue("$actor", Like(SourceReliability.Key(f.Actor)));
        }
        if (!string.IsNullOrWhiteSpace(f.Source))
        {
            // the distinct source names, one seek each in event_mentions_source_key (migration 0008), are tested with
            // LIKE; the events of the mentions of those that match are then ranges of the same index
            w.Add(pageWalk
                ? $"EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id AND m.source_key IN ({SourceKeysLike}))"
                : $"e.id IN (SELECT m.event_id FROM event_mentions m WHERE m.source_key IN ({SourceKeysLike}))");
            cmd.Parameters.AddWithValue("$source", Like(SourceReliability.Key(f.Source)));
        }
        if (f.Box is { } box)
        {
            w.Add("e.lat BETWEEN $south AND $north AND e.lon BETWEEN $west AND $east");
            cmd.Parameters.AddWithValue("$south", box.South);
            cmd.Parameters.AddWithValue("$north", box.North);
            cmd.Parameters.AddWithValue("$west", box.West);
            cmd.Parameters.AddWithValue("$east", box.East);
        }
        if (f.Near is { } near)
        {
            // a bounding box in SQL, the exact distance afterwards
            var dLat = near.Km / 110.574;
            var dLon = near.Km / (111.320 * Math.Max(0.01, Math.Cos(near.Lat * Math.PI / 180)));
            w.Add("e.lat BETWEEN $lat0 AND $lat1 AND e.lon BETWEEN $lon0 AND $lon1");
            cmd.Parameters.AddWithValue("$lat0", near.Lat - dLat);
            cmd.Parameters.AddWithValue("$lat1", near.Lat + dLat);
            cmd.Parameters.AddWithValue("$lon0", near.Lon - dLon);
            cmd.Parameters.AddWithValue("$lon1", near.Lon + dLon);
        }
        return w.Count == 0 ? "" : "WHERE " + string.Join(" AND ", w);
    }

    /// <summary>
    /// The distinct folded source names that match <c>$source</c>: a walk from each name to the next one of the index
    /// on (source_key, event_id), a few seeks per name instead of a read of every mention.
    /// </summary>
    private const string SourceKeysLike = """
        WITH RECURSIVE k(key) AS (
            SELECT MIN(source_key) FROM event_mentions
            UNION ALL
            SELECT (SELECT MIN(x.source_key) FROM event_mentions x WHERE x.source_key > k.key) FROM k WHERE k.key IS NOT NULL)
        SELECT key FROM k WHERE key LIKE $source ESCAPE '\'
        """;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Like(string s)
    {
        var sb = new StringBuilder("%");
        foreach (var c in s) { if (c is '%' or '_' or '\\') sb.Append('\\'); sb.Append(c); }
        return sb.Append('%').ToString();
    }

    public IReadOnlyList<StoredReport> Reports()
    {
        using var cmd = _c.CreateCommand();
        cmd.CommandText = """
            SELECT r.id, r.report_json, (SELECT json_group_array(d.doc_id) FROM casualty_report_mentions x JOIN documents d ON d.id = x.document_id WHERE x.report_id = r.id)
            FROM casualty_reports r ORDER BY r.period_start, r.id
            """;
        using var rd = cmd.ExecuteReader();
        var list = new List<StoredReport>();
        while (rd.Read())
            list.Add(new StoredReport
            {
                Id = rd.GetInt64(0),
                Report = JsonSerializer.Deserialize<CasualtyReport>(rd.GetString(1), VigieJson.Options)!,
                DocumentIds = JsonSerializer.Deserialize<List<string>>(rd.GetString(2)) ?? [],
            });
        return list;
    }

    public IReadOnlyList<DocumentRow> Documents(string? search = null, int limit = 1000)
    {
        using var cmd = _c.CreateCommand();
        var fts = !string.IsNullOrWhiteSpace(search);
        cmd.CommandText = $"""
            SELECT d.doc_id, d.content_hash, d.date, d.lang, d.source, d.title,
                   (SELECT COUNT(*) FROM event_mentions m WHERE m.document_id = d.id),
                   d.origin_file || CASE WHEN d.origin_line > 0 THEN ':' || d.origin_line ELSE '' END,
                   d.date_resolved
            FROM documents d
            {(fts ? "WHERE d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH $q)" : "")}
            ORDER BY d.date, d.doc_id LIMIT $limit
            """;
        if (fts) cmd.Parameters.AddWithValue("$q", search!);
        cmd.Parameters.AddWithValue("$limit", limit);
        var list = new List<DocumentRow>();
        SqliteDataReader r;
        try { r = cmd.ExecuteReader(); }
        catch (SqliteException e) when (fts)
        {
            throw new FormatException($"not a valid full-text query ({e.Message})", e);
        }
        using var reader = r;
        while (r.Read())
            list.Add(new DocumentRow(r.GetString(0), r.GetString(1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), r.GetInt32(6), Str(r, 7), Str(r, 8)));
        return list;
    }

    /// <summary>The text of a stored document, by content hash.</summary>
    public string? DocumentText(string contentHash)
    {
        using var cmd = _c.CreateCommand();
        cmd.CommandText = "SELECT text FROM documents WHERE content_hash = $h";
        cmd.Parameters.AddWithValue("$h", contentHash);
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>A checksum of the rows ingest writes (not the run-specific log), to prove a re-ingest changed nothing.</summary>
    public string Checksum()
    {
        var sb = new StringBuilder();
        foreach (var (table, order) in new[]
        {
            ("documents", "content_hash"), ("event_mentions", "mention_key"), ("events", "id"),
            ("casualty_reports", "report_key"), ("figures", "id"), ("actors", "id"), ("places", "id"), ("republications", ""),
        })
        {
            using var cmd = _c.CreateCommand();
            var cols = table == "documents" ? "content_hash, doc_id, date, text, record_json" : "*";
            cmd.CommandText = table == "republications"
                // by the stored text, not by row ids, which depend on the order of the run
                ? "SELECT d.content_hash, r.doc_id, r.url, r.source, r.date FROM republications r JOIN documents d ON d.id = r.document_id ORDER BY 1, 2, 3, 4, 5"
                : $"SELECT {cols} FROM {table} ORDER BY {order}";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                for (var i = 0; i < r.FieldCount; i++) sb.Append(r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)).Append('\u001f');
                sb.Append('\n');
            }
        }
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
