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
    /// Stores documents in one transaction. Each document goes in under a savepoint: one that fails
    /// is rolled back alone and reported, the others of the batch are kept. A document whose hash is
    /// already stored is counted as known and left untouched.
    /// </summary>
    public BatchResult WriteBatch(IReadOnlyList<Extracted> items, string runId, IEnumerable<LogEntry>? log = null)
    {
        int stored = 0, known = 0, events = 0, figures = 0;
        var failed = new List<(Extracted, string)>();
        var versions = new List<Extracted>();
        using var tx = _c.BeginTransaction();
        foreach (var item in items)
        {
            Exec(_c, "SAVEPOINT doc", tx);
            try
            {
                var id = InsertDocument(item, item.RunId ?? runId, tx);
                if (id == null) { known++; Exec(_c, "RELEASE doc", tx); continue; }
                var otherVersion = OtherVersion(item.Document.Id, id.Value, tx) != null;
                var (ev, fig) = InsertExtraction(id.Value, item, tx);
                events += ev; figures += fig; stored++;
                if (item.RunId == null) WriteLog(tx, new LogEntry(runId, item.Document.Origin.File, item.Document.Origin.Line, "new", item.Document.ContentHash, null));
                Exec(_c, "RELEASE doc", tx);
                if (otherVersion) versions.Add(item);
            }
            catch (Exception e) when (e is SqliteException or JsonException or InvalidOperationException or ArgumentException)
            {
                Exec(_c, "ROLLBACK TO doc; RELEASE doc", tx);
                // ids cached during the failed document may have been rolled back
                _actorIds.Clear(); _placeIds.Clear();
                failed.Add((item, e.Message));
            }
        }
        if (log != null) foreach (var entry in log) WriteLog(tx, entry);
        if (stored > 0) SetMeta("fusion_pending", "1", tx);
        BumpVersion(tx);
        tx.Commit();
        Committed();
        return new BatchResult(stored, known, events, figures, failed) { OtherVersions = versions };
    }

    public void WriteLog(IEnumerable<LogEntry> entries)
    {
        using var tx = _c.BeginTransaction();
        foreach (var e in entries) WriteLog(tx, e);
        tx.Commit();
        Committed();
    }

    private void WriteLog(SqliteTransaction tx, LogEntry e)
    {
        var cmd = Cmd(tx, "INSERT INTO ingest_log(run_id, at, file, line, status, content_hash, message) VALUES ($run, $at, $file, $line, $status, $hash, $msg)");
        cmd.Parameters.AddWithValue("$run", e.RunId);
        cmd.Parameters.AddWithValue("$at", e.At ?? DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$file", (object?)e.File ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$line", e.Line);
        cmd.Parameters.AddWithValue("$status", e.Status);
        cmd.Parameters.AddWithValue("$hash", (object?)e.ContentHash ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$msg", (object?)e.Message ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

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

    private long? InsertDocument(Extracted item, string runId, SqliteTransaction tx)
    {
        var d = item.Document;
        var cmd = Cmd(tx, """
            INSERT INTO documents(content_hash, doc_id, date, precision, date_resolved, lang, url, title, source, text, origin_file, origin_line, run_id, record_json)
            VALUES ($hash, $id, $date, $prec, $resolved, $lang, $url, $title, $source, $text, $file, $line, $run, $json)
            ON CONFLICT(content_hash) DO NOTHING
            RETURNING id
            """);
        cmd.Parameters.AddWithValue("$hash", d.ContentHash);
        cmd.Parameters.AddWithValue("$id", d.Id);
        cmd.Parameters.AddWithValue("$date", Db(d.Published?.ToString()));
        cmd.Parameters.AddWithValue("$prec", Db(d.Published?.Precision.ToString().ToLowerInvariant()));
        cmd.Parameters.AddWithValue("$resolved", Db(item.Record.DateResolved?.Date.ToString()));
        cmd.Parameters.AddWithValue("$lang", Db(d.Language));
        cmd.Parameters.AddWithValue("$url", Db(d.Url));
        cmd.Parameters.AddWithValue("$title", Db(d.Title));
        cmd.Parameters.AddWithValue("$source", Db(d.SourceOutlet));
        cmd.Parameters.AddWithValue("$text", d.Text);
        cmd.Parameters.AddWithValue("$file", Db(d.Origin.File));
        cmd.Parameters.AddWithValue("$line", d.Origin.Line);
        cmd.Parameters.AddWithValue("$run", runId);
        cmd.Parameters.AddWithValue("$json", item.Forms.RecordJson);
        var id = cmd.ExecuteScalar();
        return id is long l ? l : null;
    }

    private (int Events, int Figures) InsertExtraction(long docId, Extracted item, SqliteTransaction tx)
    {
        var d = item.Document;
        var events = item.Record.Events ?? [];
        for (var rank = 0; rank < events.Count; rank++)
        {
            var e = events[rank];
            var source = FusionMention.SourceOf(e, d.SourceOutlet);
            var cmd = Cmd(tx, """
                INSERT INTO event_mentions(mention_key, document_id, rank, type, subtype, date_start, date_end, place_id, actor1_id, actor2_id,
                                           source, source_key, reliability, modality, fatalities, evidence, event_json,
                                           fuse_first, fuse_last, fuse_lat, fuse_lon, fuse_y, fuse_x, fuse_name)
                VALUES ($key, $doc, $rank, $type, $sub, $ds, $de, $place, $a1, $a2, $src, $srckey, $rel, $mod, $fat, $ev, $json,
                        $ff, $fl, $flat, $flon, $fy, $fx, $fname)
                """);
            AddBlock(cmd, item.Forms.Events[rank].Block);
            cmd.Parameters.AddWithValue("$key", $"{d.ContentHash}:{rank:D4}");
            cmd.Parameters.AddWithValue("$doc", docId);
            cmd.Parameters.AddWithValue("$rank", rank);
            cmd.Parameters.AddWithValue("$type", Names.Of(e.Type));
            cmd.Parameters.AddWithValue("$sub", Db(e.Subtype is { } s ? Names.Of(s) : null));
            cmd.Parameters.AddWithValue("$ds", Db(e.Date?.Start.ToString()));
            cmd.Parameters.AddWithValue("$de", Db(e.Date?.End.ToString()));
            cmd.Parameters.AddWithValue("$place", Db(PlaceId(e.Location, tx)));
            cmd.Parameters.AddWithValue("$a1", Db(ActorId(e.Actor1, tx)));
            cmd.Parameters.AddWithValue("$a2", Db(ActorId(e.Actor2, tx)));
            cmd.Parameters.AddWithValue("$src", Db(source));
            cmd.Parameters.AddWithValue("$srckey", Db(source == null ? null : SourceReliability.Key(source)));
            cmd.Parameters.AddWithValue("$rel", Reliability.Score(source));
            cmd.Parameters.AddWithValue("$mod", Names.Of(e.Modality));
            cmd.Parameters.AddWithValue("$fat", Db(e.Fatalities));
            cmd.Parameters.AddWithValue("$ev", item.Forms.Events[rank].EvidenceJson);
            cmd.Parameters.AddWithValue("$json", item.Forms.Events[rank].Json);
            cmd.ExecuteNonQuery();
        }
        var figures = 0;
        foreach (var r in item.Record.CasualtyReports ?? [])
        {
            var key = ReportKey.Of(r);
            long reportId;
            var find = Cmd(tx, "SELECT id FROM casualty_reports WHERE report_key = $k");
            {
                find.Parameters.AddWithValue("$k", key);
                var found = find.ExecuteScalar();
                if (found is long existing) reportId = existing;
                else
                {
                    var ins = Cmd(tx, """
                        INSERT INTO casualty_reports(report_key, source, scope, period_start, period_end, area_name, area_country, report_json)
                        VALUES ($k, $src, $scope, $ps, $pe, $an, $ac, $json) RETURNING id
                        """);
                    ins.Parameters.AddWithValue("$k", key);
                    ins.Parameters.AddWithValue("$src", Db(r.Source));
                    ins.Parameters.AddWithValue("$scope", Names.Of(r.Scope));
                    ins.Parameters.AddWithValue("$ps", Db(r.Period?.Start.ToString()));
                    ins.Parameters.AddWithValue("$pe", Db(r.Period?.End.ToString()));
                    ins.Parameters.AddWithValue("$an", Db(r.Area?.Name));
                    ins.Parameters.AddWithValue("$ac", Db(r.Area?.Country));
                    ins.Parameters.AddWithValue("$json", JsonSerializer.Serialize(r, VigieJson.Options));
                    reportId = (long)ins.ExecuteScalar()!;
                    foreach (var f in r.Figures)
                    {
                        var fc = Cmd(tx, """
                            INSERT INTO figures(report_id, outcome, victim_group, named_group, count, bound, low, high, evidence)
                            VALUES ($r, $o, $g, $ng, $c, $b, $lo, $hi, $ev)
                            """);
                        fc.Parameters.AddWithValue("$r", reportId);
                        fc.Parameters.AddWithValue("$o", Names.Of(f.Outcome));
                        fc.Parameters.AddWithValue("$g", Names.Of(f.Group));
                        fc.Parameters.AddWithValue("$ng", Db(f.NamedGroup));
                        fc.Parameters.AddWithValue("$c", f.Count);
                        fc.Parameters.AddWithValue("$b", Names.Of(f.Bound));
                        fc.Parameters.AddWithValue("$lo", Db(f.Low));
                        fc.Parameters.AddWithValue("$hi", Db(f.High));
                        fc.Parameters.AddWithValue("$ev", JsonSerializer.Serialize(f.Evidence ?? [], VigieJson.Options));
                        fc.ExecuteNonQuery();
                        figures++;
                    }
                }
            }
            var link = Cmd(tx, "INSERT OR IGNORE INTO casualty_report_mentions(report_id, document_id, evidence) VALUES ($r, $d, $ev)");
            link.Parameters.AddWithValue("$r", reportId);
            link.Parameters.AddWithValue("$d", docId);
            link.Parameters.AddWithValue("$ev", JsonSerializer.Serialize(r.Evidence, VigieJson.Options));
            link.ExecuteNonQuery();
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
        var find = Cmd(tx, "SELECT id FROM actors WHERE name = $n AND kind IS $k AND country IS $c");
        {
            find.Parameters.AddWithValue("$n", a.Name);
            find.Parameters.AddWithValue("$k", Db(kind));
            find.Parameters.AddWithValue("$c", Db(a.Country));
            if (find.ExecuteScalar() is long found) return _actorIds[key] = found;
        }
        var ins = Cmd(tx, "INSERT INTO actors(name, name_key, kind, country) VALUES ($n, $key, $k, $c) RETURNING id");
        ins.Parameters.AddWithValue("$n", a.Name);
        ins.Parameters.AddWithValue("$key", SourceReliability.Key(a.Name));
        ins.Parameters.AddWithValue("$k", Db(kind));
        ins.Parameters.AddWithValue("$c", Db(a.Country));
        return _actorIds[key] = (long)ins.ExecuteScalar()!;
    }

    private long? PlaceId(Location? l, SqliteTransaction tx)
    {
        if (l == null || l.Name.Length == 0) return null;
        var key = (l.Name, l.Country, l.Admin1, l.Lat, l.Lon);
        if (_placeIds.TryGetValue(key, out var id)) return id;
        var find = Cmd(tx, "SELECT id FROM places WHERE name = $n AND country IS $c AND admin1 IS $a AND lat IS $lat AND lon IS $lon");
        {
            find.Parameters.AddWithValue("$n", l.Name);
            find.Parameters.AddWithValue("$c", Db(l.Country));
            find.Parameters.AddWithValue("$a", Db(l.Admin1));
            find.Parameters.AddWithValue("$lat", Db(l.Lat));
            find.Parameters.AddWithValue("$lon", Db(l.Lon));
            if (find.ExecuteScalar() is long found) return _placeIds[key] = found;
        }
        var ins = Cmd(tx, "INSERT INTO places(name, country, admin1, lat, lon, geonames_id, precision) VALUES ($n, $c, $a, $lat, $lon, $g, $p) RETURNING id");
        ins.Parameters.AddWithValue("$n", l.Name);
        ins.Parameters.AddWithValue("$c", Db(l.Country));
        ins.Parameters.AddWithValue("$a", Db(l.Admin1));
        ins.Parameters.AddWithValue("$lat", Db(l.Lat));
        ins.Parameters.AddWithValue("$lon", Db(l.Lon));
        ins.Parameters.AddWithValue("$g", Db(l.GeonamesId));
        ins.Parameters.AddWithValue("$p", Db(l.Precision));
        return _placeIds[key] = (long)ins.ExecuteScalar()!;
    }

    internal static object Db<T>(T? v) => v is null ? DBNull.Value : v;
    internal static object Db<T>(T? v) where T : struct => v.HasValue ? v.Value : DBNull.Value;
}
