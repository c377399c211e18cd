using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigie.Extraction;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file (WAL, foreign keys on), schema from the embedded migrations.
/// One instance is the single writer; documents are written in batches, each in one transaction,
/// and fused events are rebuilt from all mentions by <see cref="Refuse"/>.
/// </summary>
public sealed partial class SqliteStore : IEventSource, IDisposable
{
    private readonly SqliteConnection _c;
    private readonly Dictionary<(string, string?, string?), long> _actorIds = [];
    private readonly Dictionary<(string, string?, string?, double?, double?), long> _placeIds = [];

    public string Path { get; }
    public SourceReliability Reliability { get; }

    private SqliteStore(string path, SqliteConnection c, SourceReliability reliability)
    {
        Path = path;
        _c = c;
        Reliability = reliability;
    }

    /// <summary>Opens (creating when missing) the database and brings its schema up to date.</summary>
    public static SqliteStore Open(string path, SourceReliability? reliability = null, bool readOnly = false)
    {
        if (readOnly && !File.Exists(path)) throw NoDatabase(path);
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir) && !Directory.Exists(dir))
            throw new StoreException($"VIG-S001: the folder of the database does not exist: {dir}");
        return Connect(path, SqliteOpenMode.ReadWriteCreate, reliability, c =>
        {
            Exec(c, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
            Migrations.Apply(c);
        });
    }

    private static StoreException NoDatabase(string path) =>
        new($"VIG-S001: no database at {path} (run `vigie ingest PATH` or `vigie demo` first, or give --db)");

    /// <summary>Opens a connection in <paramref name="mode"/> and prepares it; a file SQLite cannot use is VIG-S003, and the connection never leaks.</summary>
    private static SqliteStore Connect(string path, SqliteOpenMode mode, SourceReliability? reliability, Action<SqliteConnection> prepare)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = mode }.ToString();
        var c = new SqliteConnection(cs);
        try
        {
            c.Open();
            prepare(c);
        }
        catch (SqliteException e)
        {
            c.Dispose();
            throw new StoreException($"VIG-S003: {path} is not a usable Vigie database: {e.Message}", e);
        }
        catch
        {
            c.Dispose();
            throw;
        }
        return new SqliteStore(path, c, reliability ?? SourceReliability.Default);
    }

    public SqliteConnection Connection => _c;

    public void Dispose()
    {
        foreach (var cmd in _commands.Values) cmd.Dispose();
        _commands.Clear();
        _c.Dispose();
    }

    // ---- reading helpers -------------------------------------------------------------------

    internal static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public long Count(string table)
    {
        using var cmd = _c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)cmd.ExecuteScalar()!;
    }

    public int SchemaVersion => Migrations.CurrentVersion(_c);

    /// <summary>Content hashes of every stored document (to skip known inputs before extraction).</summary>
    public HashSet<string> KnownHashes()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = _c.CreateCommand();
        cmd.CommandText = "SELECT content_hash FROM documents";
        using var r = cmd.ExecuteReader();
        while (r.Read()) set.Add(r.GetString(0));
        return set;
    }

    public bool FusionPending
    {
        get
        {
            using var cmd = _c.CreateCommand();
            cmd.CommandText = "SELECT value FROM meta WHERE key = 'fusion_pending'";
            return cmd.ExecuteScalar() as string == "1";
        }
    }

    // ---- writing ---------------------------------------------------------------------------

    /// <summary>A document with its extraction, ready to store.</summary>
    public sealed record Extracted(Document Document, DocumentRecord Record);

    public sealed record BatchResult(int Stored, int Known, int Events, int Figures, IReadOnlyList<(Extracted Item, string Error)> Failed)
    {
        /// <summary>Documents stored whose input id was already stored with another text (both versions are kept).</summary>
        public IReadOnlyList<Extracted> OtherVersions { get; init; } = [];
    }

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
                var id = InsertDocument(item, runId, tx);
                if (id == null) { known++; Exec(_c, "RELEASE doc", tx); continue; }
                var otherVersion = OtherVersion(item.Document.Id, id.Value, tx) != null;
                var (ev, fig) = InsertExtraction(id.Value, item, tx);
                events += ev; figures += fig; stored++;
                WriteLog(tx, new LogEntry(runId, item.Document.Origin.File, item.Document.Origin.Line, "new", item.Document.ContentHash, null));
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
        tx.Commit();
        return new BatchResult(stored, known, events, figures, failed) { OtherVersions = versions };
    }

    public sealed record LogEntry(string RunId, string? File, int Line, string Status, string? ContentHash, string? Message);

    public void WriteLog(IEnumerable<LogEntry> entries)
    {
        using var tx = _c.BeginTransaction();
        foreach (var e in entries) WriteLog(tx, e);
        tx.Commit();
    }

    private void WriteLog(SqliteTransaction tx, LogEntry e)
    {
        var cmd = Cmd(tx, "INSERT INTO ingest_log(run_id, at, file, line, status, content_hash, message) VALUES ($run, $at, $file, $line, $status, $hash, $msg)");
        cmd.Parameters.AddWithValue("$run", e.RunId);
        cmd.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
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
        cmd.Parameters.AddWithValue("$json", VigieJson.Serialize(item.Record));
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
                                           source, source_key, reliability, modality, fatalities, evidence, event_json)
                VALUES ($key, $doc, $rank, $type, $sub, $ds, $de, $place, $a1, $a2, $src, $srckey, $rel, $mod, $fat, $ev, $json)
                """);
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
            cmd.Parameters.AddWithValue("$ev", JsonSerializer.Serialize(e.Evidence, VigieJson.Options));
            cmd.Parameters.AddWithValue("$json", JsonSerializer.Serialize(e, VigieJson.Options));
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

    // ---- fusion ----------------------------------------------------------------------------

    /// <summary>Rebuilds the fused events from every stored mention (deterministic; one transaction). Returns the number of events.</summary>
    public int Refuse(EventFusion? fusion = null)
    {
        fusion ??= new EventFusion(Reliability);
        var mentions = new List<(long RowId, FusionMention M)>();
        using (var cmd = _c.CreateCommand())
        {
            cmd.CommandText = """
                SELECT m.id, m.mention_key, m.event_json, m.source, d.content_hash, d.doc_id, d.date
                FROM event_mentions m JOIN documents d ON d.id = m.document_id
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var e = JsonSerializer.Deserialize<Event>(r.GetString(2), VigieJson.Options)!;
                PartialDate.TryParse(r.IsDBNull(6) ? null : r.GetString(6), out var pub);
                mentions.Add((r.GetInt64(0), new FusionMention
                {
                    Key = r.GetString(1),
                    Event = e,
                    Source = r.IsDBNull(3) ? null : r.GetString(3),
                    DocumentHash = r.GetString(4),
                    DocumentId = r.GetString(5),
                    Published = r.IsDBNull(6) ? null : pub,
                }));
            }
        }
        var fused = fusion.Fuse(mentions.Select(m => m.M));
        var rowOf = mentions.ToDictionary(m => m.M.Key, m => m.RowId, StringComparer.Ordinal);
        // numbers in date order then id, so that they read naturally in tables and exports
        var numbered = fused
            .OrderBy(f => f.Event.Date?.Start.First ?? DateOnly.MaxValue)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();

        using var tx = _c.BeginTransaction();
        Exec(_c, "UPDATE event_mentions SET event_id = NULL; DELETE FROM events;", tx);
        var ins = Cmd(tx, """
            INSERT INTO events(id, number, type, subtype, date_start, date_end, day_first, day_last, place_id, country, lat, lon,
                               actor1_id, actor2_id, modality, optional, fatalities_low, fatalities_best, fatalities_high, mention_count, event_json)
            VALUES ($id, $n, $type, $sub, $ds, $de, $df, $dl, $place, $country, $lat, $lon, $a1, $a2, $mod, $opt, $lo, $best, $hi, $mc, $json)
            """);
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$id", "$n", "$type", "$sub", "$ds", "$de", "$df", "$dl", "$place", "$country", "$lat", "$lon", "$a1", "$a2", "$mod", "$opt", "$lo", "$best", "$hi", "$mc", "$json" })
            p[name] = ins.Parameters.Add(new SqliteParameter { ParameterName = name });
        var link = Cmd(tx, "UPDATE event_mentions SET event_id = $e WHERE id = $m");
        var pe = link.Parameters.Add(new SqliteParameter { ParameterName = "$e" });
        var pm = link.Parameters.Add(new SqliteParameter { ParameterName = "$m" });
        for (var i = 0; i < numbered.Count; i++)
        {
            var f = numbered[i];
            var e = f.Event;
            p["$id"].Value = f.Id;
            p["$n"].Value = i + 1;
            p["$type"].Value = Names.Of(e.Type);
            p["$sub"].Value = Db(e.Subtype is { } s ? Names.Of(s) : null);
            p["$ds"].Value = Db(e.Date?.Start.ToString());
            p["$de"].Value = Db(e.Date?.End.ToString());
            p["$df"].Value = Db(e.Date?.Start.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            p["$dl"].Value = Db(e.Date?.End.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            p["$place"].Value = Db(PlaceId(e.Location, tx));
            p["$country"].Value = Db(e.Location?.Country);
            p["$lat"].Value = Db(e.Location?.Lat);
            p["$lon"].Value = Db(e.Location?.Lon);
            p["$a1"].Value = Db(ActorId(e.Actor1, tx));
            p["$a2"].Value = Db(ActorId(e.Actor2, tx));
            p["$mod"].Value = Names.Of(e.Modality);
            p["$opt"].Value = e.Optional ? 1 : 0;
            p["$lo"].Value = Db(f.Fatalities?.Low);
            p["$best"].Value = Db(f.Fatalities?.Best);
            p["$hi"].Value = Db(f.Fatalities?.High);
            p["$mc"].Value = f.Mentions.Count;
            p["$json"].Value = JsonSerializer.Serialize(e, VigieJson.Options);
            ins.ExecuteNonQuery();
            foreach (var m in f.Mentions)
            {
                pe.Value = f.Id;
                pm.Value = rowOf[m.Key];
                link.ExecuteNonQuery();
            }
        }
        SetMeta("fusion_pending", "0", tx);
        tx.Commit();
        return numbered.Count;
    }
}
