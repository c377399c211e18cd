using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Storage.Sqlite;

// The write side: documents with their mentions and casualty reports, the ingest log, the actors and places they name.
public sealed partial class SqliteStore
{

    /// <summary>
    /// Stores documents in one transaction: one that fails is rolled back alone and reported, the others of the batch
    /// are kept. A document whose hash is already stored is counted as known and left untouched. The batch is first
    /// written straight through; only when a document fails is it written again from the start with each document under
    /// a savepoint (a savepoint copies every page a document changes into a journal of its own, which cost more than any
    /// other part of the writing while documents almost never fail).
    /// </summary>
    public BatchResult WriteBatch(IReadOnlyList<Extracted> items, string runId, IEnumerable<LogEntry>? log = null) =>
        WriteBatch(items, runId, log, fuse: null);

    /// <summary>
    /// <see cref="WriteBatch(IReadOnlyList{Extracted}, string, IEnumerable{LogEntry}?)"/> and, when it stored a document,
    /// the incremental fusion of <see cref="UpdateEvents"/> (no renumbering) in the same transaction: one commit, and the
    /// pages of the batch's mentions go to the WAL once, with their events, instead of once as written and again as linked.
    /// </summary>
    public BatchResult WriteBatchAndUpdate(IReadOnlyList<Extracted> items, string runId, IEnumerable<LogEntry>? log,
        Func<IFusionReader, IReadOnlyList<FusedEvent>> fuse) => WriteBatch(items, runId, log, fuse);

    private BatchResult WriteBatch(IReadOnlyList<Extracted> items, string runId, IEnumerable<LogEntry>? log, Func<IFusionReader, IReadOnlyList<FusedEvent>>? fuse)
    {
        var entries = log?.ToList();
        try { return WriteBatch(items, runId, entries, savepoints: false, fuse); }
        catch (Exception e) when (IsDocumentError(e))
        {
            // the whole transaction was rolled back: ids cached meanwhile may name rows that no longer exist
            _actorIds.Clear(); _placeIds.Clear();
            return WriteBatch(items, runId, entries, savepoints: true, fuse);
        }
    }

    /// <summary>What makes one document fail to store (rolled back and reported, the batch goes on).</summary>
    private static bool IsDocumentError(Exception e) => e is SqliteException or JsonException or InvalidOperationException or ArgumentException;

    /// <summary>
    /// The events of the mentions the last batch stored, by mention key: the incremental fusion that follows reads them
    /// here instead of parsing the JSON text just written from them (the first thing it reads is those mentions).
    /// </summary>
    private readonly Dictionary<string, Event> _written = new(StringComparer.Ordinal);

    private Event? WrittenEvent(string key) => _written.GetValueOrDefault(key);

    private BatchResult WriteBatch(IReadOnlyList<Extracted> items, string runId, List<LogEntry>? log, bool savepoints,
        Func<IFusionReader, IReadOnlyList<FusedEvent>>? fuse)
    {
        _written.Clear();
        int stored = 0, known = 0, events = 0, figures = 0;
        var failed = new List<(Extracted, string)>();
        var versions = new List<Extracted>();
        var pending = new List<(string Key, Event Event)>();
        using var tx = _c.BeginTransaction();
        foreach (var item in items)
        {
            if (savepoints) Stmt(tx, "SAVEPOINT doc").Execute();
            try
            {
                var id = InsertDocument(item, item.RunId ?? runId, tx);
                if (id == null)
                {
                    known++;
                    if (savepoints) Stmt(tx, "RELEASE doc").Execute();
                    continue;
                }
                var otherVersion = OtherVersion(item.Document.Id, id.Value, tx) != null;
                var (ev, fig) = InsertExtraction(id.Value, item, tx);
                events += ev; figures += fig; stored++;
                var written = item.Record.Events ?? [];
                for (var rank = 0; rank < written.Count; rank++) pending.Add((MentionKey(item.Document.ContentHash, rank), written[rank]));
                if (item.RunId == null) WriteLog(tx, new LogEntry(runId, item.Document.Origin.File, item.Document.Origin.Line, "new", item.Document.ContentHash, null));
                if (savepoints) Stmt(tx, "RELEASE doc").Execute();
                if (otherVersion) versions.Add(item);
            }
            catch (Exception e) when (savepoints && IsDocumentError(e))
            {
                Exec(_c, "ROLLBACK TO doc; RELEASE doc", tx);
                // ids cached during the failed document may have been rolled back
                _actorIds.Clear(); _placeIds.Clear();
                failed.Add((item, e.Message));
            }
        }
        if (log != null) foreach (var entry in log) WriteLog(tx, entry);
        var firstLoad = false;
        if (stored > 0)
        {
            SetMeta("fusion_pending", "1", tx);
            firstLoad = SetIndexesAside(tx, stored);
        }
        BumpVersion(tx);
        var fused = false;
        if (fuse != null && stored > 0)
        {
            foreach (var (key, e) in pending) _written[key] = e;
            UpdateEvents(fuse, renumber: false, tx);
            fused = true;
        }
        tx.Commit();
        if (firstLoad) _syncWanted = false;
        Committed();
        // (the fusion read them above and cleared them; a batch not fused leaves them for the fusion that follows)
        if (!fused) foreach (var (key, e) in pending) _written[key] = e;
        return new BatchResult(stored, known, events, figures, failed) { OtherVersions = versions };
    }

    public void WriteLog(IEnumerable<LogEntry> entries)
    {
        using var tx = _c.BeginTransaction();
        foreach (var e in entries) WriteLog(tx, e);
        tx.Commit();
        Committed();
    }

    private void WriteLog(SqliteTransaction tx, LogEntry e) =>
        Stmt(tx, "INSERT INTO ingest_log(run_id, at, file, line, status, content_hash, message) VALUES ($run, $at, $file, $line, $status, $hash, $msg)")
            .Set("$run", e.RunId)
            .Set("$at", e.At ?? DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture))
            .Set("$file", e.File)
            .Set("$line", e.Line)
            .Set("$status", e.Status)
            .Set("$hash", e.ContentHash)
            .Set("$msg", e.Message)
            .Execute();

    private void SetMeta(string key, string value, SqliteTransaction? tx)
    {
        var cmd = Cmd(tx, "INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$v", value);
        cmd.ExecuteNonQuery();
    }

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>
    /// A command for <paramref name="sql"/>, prepared once per store and reused (the writer runs the
    /// same few statements for every document). The caller must not dispose it.
    /// </summary>
    private SqliteCommand Cmd(SqliteTransaction? tx, string sql)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = _c.CreateCommand();
            cmd.CommandText = sql;
            _commands[sql] = cmd;
        }
        cmd.Parameters.Clear();
        cmd.Transaction = tx;
        return cmd;
    }

    private readonly Dictionary<string, Statement> _statements = new(StringComparer.Ordinal);

    /// <summary>
    /// A statement for <paramref name="sql"/>, prepared once per store on its connection (see <see cref="Statement"/>):
    /// the writer runs the same few statements for every document, and only their values change (set in the same order
    /// every time). <paramref name="tx"/> is the connection's open transaction, if any (SQLite's transactions belong to
    /// the connection); the caller must not dispose the statement.
    /// </summary>
    private Statement Stmt(SqliteTransaction? tx, string sql)
    {
        if (!_statements.TryGetValue(sql, out var st)) _statements[sql] = st = new Statement(_c, sql);
        return st.Start();
    }

    /// <summary>A mention's key: the document's content hash and the event's rank in its record.</summary>
    private static string MentionKey(string contentHash, int rank) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{contentHash}:{rank:D4}");

    private long? InsertDocument(Extracted item, string runId, SqliteTransaction tx)
    {
        var d = item.Document;
        var id = Stmt(tx, """
            INSERT INTO documents(content_hash, doc_id, date, precision, date_resolved, lang, url, title, source, text, origin_file, origin_line, run_id, record_json)
            VALUES ($hash, $id, $date, $prec, $resolved, $lang, $url, $title, $source, $text, $file, $line, $run, $json)
            ON CONFLICT(content_hash) DO NOTHING
            RETURNING id
            """)
            .Set("$hash", d.ContentHash)
            .Set("$id", d.Id)
            .Set("$date", d.Published?.ToString())
            .Set("$prec", d.Published?.Precision.ToString().ToLowerInvariant())
            .Set("$resolved", item.Record.DateResolved?.Date.ToString())
            .Set("$lang", d.Language)
            .Set("$url", d.Url)
            .Set("$title", d.Title)
            .Set("$source", d.SourceOutlet)
            .Set("$text", d.Text)
            .Set("$file", d.Origin.File)
            .Set("$line", d.Origin.Line)
            .Set("$run", runId)
            .Set("$json", item.Forms.RecordJson)
            .Scalar();
        return id is long l ? l : null;
    }

    private (int Events, int Figures) InsertExtraction(long docId, Extracted item, SqliteTransaction tx)
    {
        var d = item.Document;
        var events = item.Record.Events ?? [];
        for (var rank = 0; rank < events.Count; rank++)
        {
            var e = events[rank];
            var form = item.Forms.Events[rank];
            var source = FusionMention.SourceOf(e, d.SourceOutlet);
            var placeId = PlaceId(e.Location, tx);
            var actor1 = ActorId(e.Actor1, tx);
            var actor2 = ActorId(e.Actor2, tx);
            var b = form.Block;
            Stmt(tx, """
                INSERT INTO event_mentions(mention_key, document_id, rank, type, subtype, date_start, date_end, place_id, actor1_id, actor2_id,
                                           source, source_key, reliability, modality, fatalities, evidence, event_json,
                                           fuse_first, fuse_last, fuse_lat, fuse_lon, fuse_y, fuse_x, fuse_name)
                VALUES ($key, $doc, $rank, $type, $sub, $ds, $de, $place, $a1, $a2, $src, $srckey, $rel, $mod, $fat, $ev, $json,
                        $ff, $fl, $flat, $flon, $fy, $fx, $fname)
                """)
                .Set("$key", MentionKey(d.ContentHash, rank))
                .Set("$doc", docId)
                .Set("$rank", rank)
                .Set("$type", Names.Of(e.Type))
                .Set("$sub", e.Subtype is { } s ? Names.Of(s) : null)
                .Set("$ds", e.Date?.Start.ToString())
                .Set("$de", e.Date?.End.ToString())
                .Set("$place", placeId)
                .Set("$a1", actor1)
                .Set("$a2", actor2)
                .Set("$src", source)
                .Set("$srckey", source == null ? null : SourceReliability.Key(source))
                .Set("$rel", Reliability.Score(source))
                .Set("$mod", Names.Of(e.Modality))
                .Set("$fat", e.Fatalities)
                .Set("$ev", form.EvidenceJson)
                .Set("$json", form.Json)
                .Set("$ff", b.FirstDay)
                .Set("$fl", b.LastDay)
                .Set("$flat", b.Lat)
                .Set("$flon", b.Lon)
                .Set("$fy", b.GridY)
                .Set("$fx", b.GridX)
                .Set("$fname", b.Name)
                .Execute();
        }
        var figures = 0;
        var reports = item.Record.CasualtyReports ?? [];
        for (var ri = 0; ri < reports.Count; ri++)
        {
            var r = reports[ri];
            var form = item.Forms.Reports[ri];
            // looked up by its key's digest and the key itself (migration 0010); a new one is inserted with its figures
            long reportId;
            if (Stmt(tx, "SELECT id FROM casualty_reports WHERE key_hash = $h AND report_key = $k")
                    .Set("$h", form.KeyHash).Set("$k", form.Key).Scalar() is long stored)
                reportId = stored;
            else
            {
                reportId = (long)Stmt(tx, """
                    INSERT INTO casualty_reports(report_key, key_hash, source, scope, period_start, period_end, area_name, area_country, report_json)
                    VALUES ($k, $h, $src, $scope, $ps, $pe, $an, $ac, $json)
                    RETURNING id
                    """)
                    .Set("$k", form.Key)
                    .Set("$h", form.KeyHash)
                    .Set("$src", r.Source)
                    .Set("$scope", Names.Of(r.Scope))
                    .Set("$ps", r.Period?.Start.ToString())
                    .Set("$pe", r.Period?.End.ToString())
                    .Set("$an", r.Area?.Name)
                    .Set("$ac", r.Area?.Country)
                    .Set("$json", form.Json)
                    .Scalar()!;
                for (var fi = 0; fi < r.Figures.Count; fi++)
                {
                    var f = r.Figures[fi];
                    Stmt(tx, """
                        INSERT INTO figures(report_id, outcome, victim_group, named_group, count, bound, low, high, evidence)
                        VALUES ($r, $o, $g, $ng, $c, $b, $lo, $hi, $ev)
                        """)
                        .Set("$r", reportId)
                        .Set("$o", Names.Of(f.Outcome))
                        .Set("$g", Names.Of(f.Group))
                        .Set("$ng", f.NamedGroup)
                        .Set("$c", f.Count)
                        .Set("$b", Names.Of(f.Bound))
                        .Set("$lo", f.Low)
                        .Set("$hi", f.High)
                        .Set("$ev", form.FigureEvidenceJson[fi])
                        .Execute();
                    figures++;
                }
            }
            Stmt(tx, "INSERT OR IGNORE INTO casualty_report_mentions(report_id, document_id, evidence) VALUES ($r, $d, $ev)")
                .Set("$r", reportId)
                .Set("$d", docId)
                .Set("$ev", form.EvidenceJson)
                .Execute();
        }
        return (events.Count, figures);
    }

    /// <summary>The fusion block columns of a mention (<see cref="FusionBlock"/>, migration 0006).</summary>
    private static void AddBlock(SqliteCommand cmd, FusionBlock b)
    {
        cmd.Parameters.AddWithValue("$ff", Db(b.FirstDay));
        cmd.Parameters.AddWithValue("$fl", Db(b.LastDay));
        cmd.Parameters.AddWithValue("$flat", Db(b.Lat));
        cmd.Parameters.AddWithValue("$flon", Db(b.Lon));
        cmd.Parameters.AddWithValue("$fy", Db(b.GridY));
        cmd.Parameters.AddWithValue("$fx", Db(b.GridX));
        cmd.Parameters.AddWithValue("$fname", Db(b.Name));
    }

    private long? ActorId(Actor? a, SqliteTransaction tx)
    {
        if (a == null || a.Name.Length == 0) return null;
        var kind = a.Kind is { } k ? Names.Of(k) : null;
        var key = (a.Name, kind, a.Country);
        if (_actorIds.TryGetValue(key, out var id)) return id;
        if (Stmt(tx, "SELECT id FROM actors WHERE name = $n AND kind IS $k AND country IS $c")
                .Set("$n", a.Name).Set("$k", kind).Set("$c", a.Country).Scalar() is long found)
            return _actorIds[key] = found;
        return _actorIds[key] = (long)Stmt(tx, "INSERT INTO actors(name, name_key, kind, country) VALUES ($n, $key, $k, $c) RETURNING id")
            .Set("$n", a.Name)
            .Set("$key", SourceReliability.Key(a.Name))
            .Set("$k", kind)
            .Set("$c", a.Country)
            .Scalar()!;
    }

    private long? PlaceId(Location? l, SqliteTransaction tx)
    {
        if (l == null || l.Name.Length == 0) return null;
        var key = (l.Name, l.Country, l.Admin1, l.Lat, l.Lon);
        if (_placeIds.TryGetValue(key, out var id)) return id;
        if (Stmt(tx, "SELECT id FROM places WHERE name = $n AND country IS $c AND admin1 IS $a AND lat IS $lat AND lon IS $lon")
                .Set("$n", l.Name).Set("$c", l.Country).Set("$a", l.Admin1).Set("$lat", l.Lat).Set("$lon", l.Lon).Scalar() is long found)
            return _placeIds[key] = found;
        return _placeIds[key] = (long)Stmt(tx, "INSERT INTO places(name, country, admin1, lat, lon, geonames_id, precision) VALUES ($n, $c, $a, $lat, $lon, $g, $p) RETURNING id")
            .Set("$n", l.Name)
            .Set("$c", l.Country)
            .Set("$a", l.Admin1)
            .Set("$lat", l.Lat)
            .Set("$lon", l.Lon)
            .Set("$g", l.GeonamesId)
            .Set("$p", l.Precision)
            .Scalar()!;
    }

    internal static object Db<T>(T? v) => v is null ? DBNull.Value : v;
    internal static object Db<T>(T? v) where T : struct => v.HasValue ? v.Value : DBNull.Value;
}
