using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Storage.Sqlite;

// Fusion: the events are rebuilt from every mention in one transaction (StoreFusion decides them).
public sealed partial class SqliteStore
{

    /// <summary>
    /// Replaces the events: every mention is read and fused, and the events and links rewritten, inside one
    /// immediate transaction (SQLite has one writer at a time, so no other fusion can interleave).
    /// </summary>
    public int RewriteEvents(Func<IReadOnlyList<FusionMention>, IReadOnlyList<FusedEvent>> fuse)
    {
        using var tx = _c.BeginTransaction(deferred: false);
        var reader = new FusionMentionReader(sql => Cmd(tx, sql), disposeCommands: false);
        var numbered = fuse(reader.All());

        Exec(_c, "UPDATE event_mentions SET event_id = NULL; DELETE FROM events;", tx);
        WriteEvents(numbered, 1, reader.RowOf, tx);
        RestoreIndexes(tx);
        SetMeta("fusion_pending", "0", tx);
        BumpVersion(tx);
        tx.Commit();
        Committed();
        return numbered.Count;
    }

    /// <summary>
    /// Writes fused events numbered from <paramref name="firstNumber"/> in list order (by <paramref name="step"/>) and links
    /// their mentions (row ids by key).
    /// </summary>
    private void WriteEvents(IReadOnlyList<FusedEvent> numbered, long firstNumber, Func<string, long> rowOf, SqliteTransaction tx, int step = 1)
    {
        const string insert = """
            INSERT INTO events(id, number, type, subtype, date_start, date_end, day_first, day_last, place_id, country, lat, lon,
                               actor1_id, actor2_id, modality, optional, fatalities_low, fatalities_best, fatalities_high, mention_count, event_json)
            VALUES ($id, $n, $type, $sub, $ds, $de, $df, $dl, $place, $country, $lat, $lon, $a1, $a2, $mod, $opt, $lo, $best, $hi, $mc, $json)
            """;
        const string link = "UPDATE event_mentions SET event_id = $e WHERE id = $m";
        var longest = 0;
        for (var i = 0; i < numbered.Count; i++)
        {
            var f = numbered[i];
            var e = f.Event;
            if (e.Date is { } date) longest = Math.Max(longest, date.End.Last.DayNumber - date.Start.First.DayNumber);
            // the place and actors first: their look-ups are statements of their own
            var place = PlaceId(e.Location, tx);
            var actor1 = ActorId(e.Actor1, tx);
            var actor2 = ActorId(e.Actor2, tx);
            Stmt(tx, insert)
                .Set("$id", f.Id)
                .Set("$n", firstNumber + step * i)
                .Set("$type", Names.Of(e.Type))
                .Set("$sub", e.Subtype is { } s ? Names.Of(s) : null)
                .Set("$ds", e.Date?.Start.ToString())
                .Set("$de", e.Date?.End.ToString())
                .Set("$df", e.Date?.Start.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Set("$dl", e.Date?.End.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Set("$place", place)
                .Set("$country", e.Location?.Country)
                .Set("$lat", e.Location?.Lat)
                .Set("$lon", e.Location?.Lon)
                .Set("$a1", actor1)
                .Set("$a2", actor2)
                .Set("$mod", Names.Of(e.Modality))
                .Set("$opt", e.Optional ? 1 : 0)
                .Set("$lo", f.Fatalities?.Low)
                .Set("$best", f.Fatalities?.Best)
                .Set("$hi", f.Fatalities?.High)
                .Set("$mc", f.Mentions.Count)
                .SetUtf8("$json", RecordWriter.Utf8(e)) // the bytes JsonSerializer gives, without its metadata walk
                .Execute();
            foreach (var m in f.Mentions)
                Stmt(tx, link).Set("$e", f.Id).Set("$m", rowOf(m.Key)).Execute();
        }
        // the longest event ever written bounds how far before a date filter's first day a matching event may start
        var span = Cmd(tx, "INSERT INTO meta(key, value) VALUES ('event_days_max', $d) ON CONFLICT(key) DO UPDATE SET value = MAX(CAST(value AS INTEGER), $d)");
        span.Parameters.AddWithValue("$d", longest);
        span.ExecuteNonQuery();
    }

    /// <summary>
    /// Incremental fusion (<see cref="StoreFusion.Update(IStoreWriter, SourceReliability, bool, EventFusion?)"/>): inside one
    /// immediate transaction, <paramref name="fuse"/> reads the unfused mentions and those around them (indexes of
    /// migration 0006); the events of every mention it read are replaced by the ones it returns, numbered after the others.
    /// </summary>
    public int UpdateEvents(Func<IFusionReader, IReadOnlyList<FusedEvent>> fuse, bool renumber)
    {
        using var tx = _c.BeginTransaction(deferred: false);
        UpdateEvents(fuse, renumber, tx);
        tx.Commit();
        Committed();
        return (int)Count("events");
    }

    /// <summary>The work of <see cref="UpdateEvents(Func{IFusionReader, IReadOnlyList{FusedEvent}}, bool)"/> inside <paramref name="tx"/>, which the caller commits.</summary>
    private void UpdateEvents(Func<IFusionReader, IReadOnlyList<FusedEvent>> fuse, bool renumber, SqliteTransaction tx)
    {
        var reader = new SqliteFusionReader(sql => Stmt(tx, sql), WrittenEvent);
        var fused = StoreFusion.Number(fuse(reader));
        _written.Clear();
        var loading = IndexesAsideIn(tx);
        if (fused.Count > 0)
        {
            var old = fused.SelectMany(f => f.Mentions).Select(m => reader.EventOf(m.Key)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (old.Count > 0)
            {
                var del = Cmd(tx, "DELETE FROM events WHERE id IN (SELECT value FROM json_each($ids))");
                del.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(old));
                del.ExecuteNonQuery();
            }
            // a bulk load numbers its events downwards from -1, so that the numbering at its end takes no number in use
            var next = Cmd(tx, loading ? "SELECT COALESCE(MIN(number), 0) - 1 FROM events" : "SELECT COALESCE(MAX(number), 0) + 1 FROM events");
            WriteEvents(fused, (long)next.ExecuteScalar()!, reader.RowOf, tx, loading ? -1 : 1);
        }
        if (renumber)
        {
            // ranks in the order of StoreFusion.Number (number is unique): after a bulk load in one pass, since every
            // number is negative; otherwise rows that move go through negative numbers
            const string ranks = "(SELECT id, ROW_NUMBER() OVER (ORDER BY day_first IS NULL, day_first, id) AS n FROM events) r";
            Exec(_c, loading
                ? $"UPDATE events SET number = r.n FROM {ranks} WHERE events.id = r.id;"
                : $"""
                UPDATE events SET number = -r.n FROM {ranks} WHERE events.id = r.id AND events.number <> r.n;
                UPDATE events SET number = -number WHERE number < 0;
                """, tx);
            // a bulk load ends here: the listing indexes it set aside are built from the numbered events
            RestoreIndexes(tx);
            SetMeta("fusion_pending", "0", tx);
        }
        if (fused.Count > 0 || renumber) BumpVersion(tx);
    }

    /// <summary>
    /// Gives the mentions stored before migration 0006 their fusion blocks (computed from their stored event), once,
    /// when the store is opened for writing.
    /// </summary>
    private void FillFusionBlocks()
    {
        using (var check = _c.CreateCommand())
        {
            check.CommandText = "SELECT value FROM meta WHERE key = 'fusion_blocks_missing'";
            if (check.ExecuteScalar() is not string) return;
        }
        using var tx = _c.BeginTransaction(deferred: false);
        var rows = new List<(long Id, FusionBlock Block)>();
        using (var read = _c.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT id, event_json FROM event_mentions";
            using var r = read.ExecuteReader();
            while (r.Read())
                rows.Add((r.GetInt64(0), FusionBlock.Of(JsonSerializer.Deserialize<Event>(r.GetString(1), VigieJson.Options)!)));
        }
        using var update = _c.CreateCommand();
        update.Transaction = tx;
        update.CommandText = """
            UPDATE event_mentions SET fuse_first = $ff, fuse_last = $fl, fuse_lat = $flat, fuse_lon = $flon, fuse_y = $fy, fuse_x = $fx, fuse_name = $fname
            WHERE id = $id
            """;
        foreach (var (id, block) in rows)
        {
            update.Parameters.Clear();
            update.Parameters.AddWithValue("$id", id);
            AddBlock(update, block);
            update.ExecuteNonQuery();
        }
        Exec(_c, "DELETE FROM meta WHERE key = 'fusion_blocks_missing'", tx);
        tx.Commit();
        Committed();
    }
}
