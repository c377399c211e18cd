using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Storage.Postgres;

// The write side: documents with their mentions and casualty reports, the ingest log, republications.
public sealed partial class PostgresStore
{
    public HashSet<string> KnownHashes(IReadOnlyCollection<string>? among = null)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = Command("SELECT content_hash FROM documents" + (among == null ? "" : " WHERE content_hash = ANY(@hashes)"));
        if (among != null) cmd.Parameters.AddWithValue("hashes", NpgsqlDbType.Array | NpgsqlDbType.Text, among.ToArray());
        using var r = cmd.ExecuteReader();
        while (r.Read()) set.Add(r.GetString(0));
        return set;
    }

    /// <summary>Mentions that no fusion has linked yet (stored since the last fusion that saw them).</summary>
    public bool FusionPending
    {
        get
        {
            using var cmd = Command("SELECT EXISTS (SELECT 1 FROM event_mentions WHERE event_id IS NULL)");
            return (bool)cmd.ExecuteScalar()!;
        }
    }

    /// <summary>
    /// Stores documents in one transaction that holds the write lock (batches of several writers follow one
    /// another; extraction, the slow part, runs in parallel). One savepoint per document: a document that fails
    /// is rolled back alone. A content hash already stored, by this run or another writer, is counted as known.
    /// </summary>
    public BatchResult WriteBatch(IReadOnlyList<Extracted> items, string runId, IEnumerable<LogEntry>? log = null)
    {
        int stored = 0, known = 0, events = 0, figures = 0;
        var failed = new List<(Extracted, string)>();
        var versions = new List<Extracted>();
        _tx = Begin();
        try
        {
            Lock(Locks.Write);
            foreach (var item in items)
            {
                _tx.Save("doc");
                try
                {
                    var id = InsertDocument(item, item.RunId ?? runId);
                    if (id == null) { known++; _tx.Release("doc"); continue; }
                    var otherVersion = OtherVersion(item.Document.Id, id.Value);
                    var (ev, fig) = InsertExtraction(id.Value, item);
                    events += ev; figures += fig; stored++;
                    if (item.RunId == null) WriteLog(new LogEntry(runId, item.Document.Origin.File, item.Document.Origin.Line, "new", item.Document.ContentHash, null));
                    _tx.Release("doc");
                    if (otherVersion) versions.Add(item);
                }
                catch (Exception e) when (e is PostgresException or JsonException or InvalidOperationException or ArgumentException or InvalidCastException)
                {
                    _tx.Rollback("doc");
                    _actorIds.Clear(); _placeIds.Clear();
                    failed.Add((item, e.Message));
                }
            }
            if (log != null) foreach (var entry in log) WriteLog(entry);
            BumpVersion();
            _tx.Commit();
        }
        catch
        {
            _actorIds.Clear(); _placeIds.Clear();
            throw;
        }
        finally
        {
            _tx.Dispose();
            _tx = null;
        }
        return new BatchResult(stored, known, events, figures, failed) { OtherVersions = versions };
    }

    public void WriteLog(IEnumerable<LogEntry> entries)
    {
        var own = _tx == null;
        if (own) _tx = Begin();
        try
        {
            foreach (var e in entries) WriteLog(e);
            if (own) _tx!.Commit();
        }
        finally
        {
            if (own) { _tx!.Dispose(); _tx = null; }
        }
    }

    private void WriteLog(LogEntry e)
    {
        using var cmd = Command("INSERT INTO ingest_log(run_id, at, file, line, status, content_hash, message) VALUES (@run, @at, @file, @line, @status, @hash, @msg)");
        var at = e.At is { } s && DateTime.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed : DateTime.UtcNow;
        cmd.Parameters.AddWithValue("run", e.RunId);
        cmd.Parameters.AddWithValue("at", NpgsqlDbType.TimestampTz, DateTime.SpecifyKind(at, DateTimeKind.Utc));
        cmd.Parameters.AddWithValue("file", NpgsqlDbType.Text, Db(e.File));
        cmd.Parameters.AddWithValue("line", e.Line);
        cmd.Parameters.AddWithValue("status", e.Status);
        cmd.Parameters.AddWithValue("hash", NpgsqlDbType.Text, Db(e.ContentHash));
        cmd.Parameters.AddWithValue("msg", NpgsqlDbType.Text, Db(e.Message));
        cmd.ExecuteNonQuery();
    }

    private long? InsertDocument(Extracted item, string runId)
    {
        var d = item.Document;
        using var cmd = Command("""
            INSERT INTO documents(content_hash, doc_id, date, precision, date_resolved, lang, url, title, source, text, origin_file, origin_line, run_id, record_json, ts_config)
            VALUES (@hash, @id, @date, @prec, @resolved, @lang, @url, @title, @source, @text, @file, @line, @run, @json, @cfg::regconfig)
            ON CONFLICT (content_hash) DO NOTHING
            RETURNING id
            """);
        cmd.Parameters.AddWithValue("hash", d.ContentHash);
        cmd.Parameters.AddWithValue("id", d.Id);
        Text(cmd, "date", d.Published?.ToString());
        Text(cmd, "prec", d.Published?.Precision.ToString().ToLowerInvariant());
        Text(cmd, "resolved", item.Record.DateResolved?.Date.ToString());
        Text(cmd, "lang", d.Language);
        Text(cmd, "url", d.Url);
        Text(cmd, "title", d.Title);
        Text(cmd, "source", d.SourceOutlet);
        cmd.Parameters.AddWithValue("text", d.Text);
        Text(cmd, "file", d.Origin.File);
        cmd.Parameters.AddWithValue("line", d.Origin.Line);
        cmd.Parameters.AddWithValue("run", runId);
        cmd.Parameters.AddWithValue("json", item.Forms.RecordJson);
        cmd.Parameters.AddWithValue("cfg", TsConfigOf(d.Language));
        return cmd.ExecuteScalar() is long l ? l : null;
    }

    /// <summary>The fusion block columns of a mention (<see cref="FusionBlock"/>, migration 0003).</summary>
    private static void AddBlock(NpgsqlCommand cmd, FusionBlock b)
    {
        cmd.Parameters.AddWithValue("ff", NpgsqlDbType.Integer, Db(b.FirstDay));
        cmd.Parameters.AddWithValue("fl", NpgsqlDbType.Integer, Db(b.LastDay));
        Real(cmd, "flat", b.Lat);
        Real(cmd, "flon", b.Lon);
        cmd.Parameters.AddWithValue("fy", NpgsqlDbType.Integer, Db(b.GridY));
        cmd.Parameters.AddWithValue("fx", NpgsqlDbType.Integer, Db(b.GridX));
        Text(cmd, "fname", b.Name);
    }

    private static void Text(NpgsqlCommand cmd, string name, string? value) => cmd.Parameters.AddWithValue(name, NpgsqlDbType.Text, Db(value));
    private static void Int(NpgsqlCommand cmd, string name, long? value) => cmd.Parameters.AddWithValue(name, NpgsqlDbType.Bigint, Db(value));
    private static void Real(NpgsqlCommand cmd, string name, double? value) => cmd.Parameters.AddWithValue(name, NpgsqlDbType.Double, Db(value));

    private (int Events, int Figures) InsertExtraction(long docId, Extracted item)
    {
        var d = item.Document;
        var events = item.Record.Events ?? [];
        for (var rank = 0; rank < events.Count; rank++)
        {
            var e = events[rank];
            var source = FusionMention.SourceOf(e, d.SourceOutlet);
            using var cmd = Command("""
                INSERT INTO event_mentions(mention_key, document_id, rank, type, subtype, date_start, date_end, place_id, actor1_id, actor2_id,
                                           source, source_key, reliability, modality, fatalities, evidence, event_json,
                                           fuse_first, fuse_last, fuse_lat, fuse_lon, fuse_y, fuse_x, fuse_name)
                VALUES (@key, @doc, @rank, @type, @sub, @ds, @de, @place, @a1, @a2, @src, @srckey, @rel, @mod, @fat, @ev, @json,
                        @ff, @fl, @flat, @flon, @fy, @fx, @fname)
                """);
            AddBlock(cmd, item.Forms.Events[rank].Block);
            cmd.Parameters.AddWithValue("key", $"{d.ContentHash}:{rank:D4}");
            cmd.Parameters.AddWithValue("doc", docId);
            cmd.Parameters.AddWithValue("rank", rank);
            cmd.Parameters.AddWithValue("type", Names.Of(e.Type));
            Text(cmd, "sub", e.Subtype is { } s ? Names.Of(s) : null);
            Text(cmd, "ds", e.Date?.Start.ToString());
            Text(cmd, "de", e.Date?.End.ToString());
            Int(cmd, "place", PlaceId(e.Location));
            Int(cmd, "a1", ActorId(e.Actor1));
            Int(cmd, "a2", ActorId(e.Actor2));
            Text(cmd, "src", source);
            Text(cmd, "srckey", source == null ? null : SourceReliability.Key(source));
            cmd.Parameters.AddWithValue("rel", Reliability.Score(source));
            cmd.Parameters.AddWithValue("mod", Names.Of(e.Modality));
            cmd.Parameters.AddWithValue("fat", NpgsqlDbType.Integer, Db(e.Fatalities));
            cmd.Parameters.AddWithValue("ev", item.Forms.Events[rank].EvidenceJson);
            cmd.Parameters.AddWithValue("json", item.Forms.Events[rank].Json);
            cmd.ExecuteNonQuery();
        }
        var figures = 0;
        var reports = item.Record.CasualtyReports ?? [];
        for (var ri = 0; ri < reports.Count; ri++)
        {
            var r = reports[ri];
            var form = item.Forms.Reports[ri];
            var key = form.Key;
            long reportId;
            using (var ins = Command("""
                INSERT INTO casualty_reports(report_key, source, scope, period_start, period_end, area_name, area_country, report_json)
                VALUES (@k, @src, @scope, @ps, @pe, @an, @ac, @json)
                ON CONFLICT (report_key) DO NOTHING RETURNING id
                """))
            {
                ins.Parameters.AddWithValue("k", key);
                Text(ins, "src", r.Source);
                ins.Parameters.AddWithValue("scope", Names.Of(r.Scope));
                Text(ins, "ps", r.Period?.Start.ToString());
                Text(ins, "pe", r.Period?.End.ToString());
                Text(ins, "an", r.Area?.Name);
                Text(ins, "ac", r.Area?.Country);
                ins.Parameters.AddWithValue("json", form.Json);
                if (ins.ExecuteScalar() is long created)
                {
                    reportId = created;
                    for (var fi = 0; fi < r.Figures.Count; fi++)
                    {
                        var f = r.Figures[fi];
                        using var fc = Command("""
                            INSERT INTO figures(report_id, outcome, victim_group, named_group, count, bound, low, high, evidence)
                            VALUES (@r, @o, @g, @ng, @c, @b, @lo, @hi, @ev)
                            """);
                        fc.Parameters.AddWithValue("r", reportId);
                        fc.Parameters.AddWithValue("o", Names.Of(f.Outcome));
                        fc.Parameters.AddWithValue("g", Names.Of(f.Group));
                        Text(fc, "ng", f.NamedGroup);
                        fc.Parameters.AddWithValue("c", f.Count);
                        fc.Parameters.AddWithValue("b", Names.Of(f.Bound));
                        Int(fc, "lo", f.Low);
                        Int(fc, "hi", f.High);
                        fc.Parameters.AddWithValue("ev", form.FigureEvidenceJson[fi]);
                        fc.ExecuteNonQuery();
                        figures++;
                    }
                }
                else
                {
                    using var find = Command("SELECT id FROM casualty_reports WHERE report_key = @k");
                    find.Parameters.AddWithValue("k", key);
                    reportId = (long)find.ExecuteScalar()!;
                }
            }
            using var link = Command("INSERT INTO casualty_report_mentions(report_id, document_id, evidence) VALUES (@r, @d, @ev) ON CONFLICT DO NOTHING");
            link.Parameters.AddWithValue("r", reportId);
            link.Parameters.AddWithValue("d", docId);
            link.Parameters.AddWithValue("ev", form.EvidenceJson);
            link.ExecuteNonQuery();
        }
        return (events.Count, figures);
    }

    private long? ActorId(Actor? a)
    {
        if (a == null || a.Name.Length == 0) return null;
        var kind = a.Kind is { } k ? Names.Of(k) : null;
        var key = (a.Name, kind, a.Country);
        if (_actorIds.TryGetValue(key, out var id)) return id;
        using var cmd = Command("""
            WITH ins AS (INSERT INTO actors(name, name_key, kind, country) VALUES (@n, @key, @k, @c) ON CONFLICT DO NOTHING RETURNING id)
            SELECT id FROM ins UNION ALL
            SELECT id FROM actors WHERE name = @n AND kind IS NOT DISTINCT FROM @k AND country IS NOT DISTINCT FROM @c
            LIMIT 1
            """);
        cmd.Parameters.AddWithValue("n", a.Name);
        cmd.Parameters.AddWithValue("key", SourceReliability.Key(a.Name));
        Text(cmd, "k", kind);
        Text(cmd, "c", a.Country);
        return _actorIds[key] = (long)cmd.ExecuteScalar()!;
    }

    private long? PlaceId(Location? l)
    {
        if (l == null || l.Name.Length == 0) return null;
        var key = (l.Name, l.Country, l.Admin1, l.Lat, l.Lon);
        if (_placeIds.TryGetValue(key, out var id)) return id;
        using var cmd = Command("""
            WITH ins AS (INSERT INTO places(name, country, admin1, lat, lon, geonames_id, precision) VALUES (@n, @c, @a, @lat, @lon, @g, @p)
                         ON CONFLICT DO NOTHING RETURNING id)
            SELECT id FROM ins UNION ALL
            SELECT id FROM places WHERE name = @n AND country IS NOT DISTINCT FROM @c AND admin1 IS NOT DISTINCT FROM @a
                                    AND lat IS NOT DISTINCT FROM @lat AND lon IS NOT DISTINCT FROM @lon
            LIMIT 1
            """);
        cmd.Parameters.AddWithValue("n", l.Name);
        Text(cmd, "c", l.Country);
        Text(cmd, "a", l.Admin1);
        Real(cmd, "lat", l.Lat);
        Real(cmd, "lon", l.Lon);
        Int(cmd, "g", l.GeonamesId);
        cmd.Parameters.AddWithValue("p", NpgsqlDbType.Integer, Db(l.Precision));
        return _placeIds[key] = (long)cmd.ExecuteScalar()!;
    }

    /// <summary>True when another stored document has this input id (a second version of an article).</summary>
    private bool OtherVersion(string docId, long exceptId)
    {
        using var cmd = Command("SELECT EXISTS (SELECT 1 FROM documents WHERE doc_id = @id AND id <> @except)");
        cmd.Parameters.AddWithValue("id", docId);
        cmd.Parameters.AddWithValue("except", exceptId);
        return (bool)cmd.ExecuteScalar()!;
    }

    public IReadOnlyList<AppearanceOutcome> RecordAppearances(IReadOnlyList<Appearance> items, string runId, bool log = true)
    {
        var outcomes = new List<AppearanceOutcome>(items.Count);
        if (items.Count == 0) return outcomes;
        _tx = Begin();
        try
        {
            Lock(Locks.Write);
            foreach (var a in items)
            {
                long id;
                bool same;
                using (var find = Command("SELECT id, doc_id, url, source, date FROM documents WHERE content_hash = @h"))
                {
                    find.Parameters.AddWithValue("h", a.ContentHash);
                    using var r = find.ExecuteReader();
                    if (!r.Read()) { outcomes.Add(AppearanceOutcome.Missing); continue; }
                    id = r.GetInt64(0);
                    same = r.GetString(1) == a.DocId && Str(r, 2) == a.Url && Str(r, 3) == a.Source && Str(r, 4) == a.Date;
                }
                var outcome = AppearanceOutcome.Known;
                if (!same)
                {
                    using var insert = Command("""
                        INSERT INTO republications(document_id, doc_id, url, source, date, origin_file, origin_line, run_id)
                        VALUES (@doc, @id, @url, @source, @date, @file, @line, @run) ON CONFLICT DO NOTHING
                        """);
                    insert.Parameters.AddWithValue("doc", id);
                    insert.Parameters.AddWithValue("id", a.DocId);
                    Text(insert, "url", a.Url);
                    Text(insert, "source", a.Source);
                    Text(insert, "date", a.Date);
                    Text(insert, "file", a.Origin.File);
                    insert.Parameters.AddWithValue("line", a.Origin.Line);
                    insert.Parameters.AddWithValue("run", runId);
                    if (insert.ExecuteNonQuery() == 1) outcome = AppearanceOutcome.Republished;
                }
                if (log) WriteLog(new LogEntry(runId, a.Origin.File, a.Origin.Line, outcome == AppearanceOutcome.Republished ? "republished" : "known", a.ContentHash, null));
                outcomes.Add(outcome);
            }
            BumpVersion();
            _tx.Commit();
        }
        finally
        {
            _tx.Dispose();
            _tx = null;
        }
        return outcomes;
    }
}
