using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Storage.Postgres;

// Fusion with several writers: one fusion at a time (advisory lock), and none when the last one already saw
// every stored mention. docs/ARCHITECTURE.md says why a lock and not serializable transactions.
public sealed partial class PostgresStore
{
    /// <summary>
    /// Rebuilds the events under the fusion lock. Once the lock is held, a store whose every mention is linked to
    /// an event is already fused over everything committed (a fusion links exactly the mentions it read), so nothing
    /// is redone: of several writers that finish together, the first fuses for all. Otherwise the mentions are read,
    /// fused by <paramref name="fuse"/>, and the events rewritten under the write lock, in the same transaction.
    /// </summary>
    public int RewriteEvents(Func<IReadOnlyList<FusionMention>, IReadOnlyList<FusedEvent>> fuse) => InFusionTransaction(tx =>
    {
        Lock(Locks.Fusion);
        if (!FusionPending)
        {
            using var count = Command("SELECT COUNT(*) FROM events");
            var n = (int)(long)count.ExecuteScalar()!;
            tx.Commit();
            return n;
        }
        var reader = new FusionMentionReader(Command, disposeCommands: true);
        var numbered = fuse(reader.All());

        Lock(Locks.Write);
        ExecOverAll("UPDATE event_mentions SET event_id = NULL WHERE event_id IS NOT NULL; DELETE FROM events;");
        WriteEvents(numbered, 1, reader.RowOf);
        BumpVersion();
        tx.Commit();
        return numbered.Count;
    });

    /// <summary>
    /// Runs <paramref name="body"/> in a new transaction held in <c>_tx</c>: on an error the caches of actor and place rows
    /// (which may name rows of the rolled-back transaction) are cleared; the transaction is disposed in every case.
    /// </summary>
    private T InFusionTransaction<T>(Func<NpgsqlTransaction, T> body)
    {
        _tx = Begin();
        try
        {
            return body(_tx);
        }
        catch
        {
            _actorIds.Clear(); _placeIds.Clear();
            throw;
        }
        finally
        {
            _tx?.Dispose();
            _tx = null;
        }
    }

    /// <summary>Writes fused events numbered from <paramref name="firstNumber"/> in list order and links their mentions (row ids by key).</summary>
    private void WriteEvents(IReadOnlyList<FusedEvent> numbered, long firstNumber, Func<string, long> rowOf)
    {
        using var ins = Command("""
            INSERT INTO events(id, number, type, subtype, date_start, date_end, day_first, day_last, place_id, country, lat, lon, location,
                               actor1_id, actor2_id, modality, optional, fatalities_low, fatalities_best, fatalities_high, mention_count, event_json)
            VALUES (@id, @n, @type, @sub, @ds, @de, @df, @dl, @place, @country, @lat, @lon, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography,
                    @a1, @a2, @mod, @opt, @lo, @best, @hi, @mc, @json)
            """);
        var types = new (string Name, NpgsqlDbType Type)[]
        {
            ("id", NpgsqlDbType.Text), ("n", NpgsqlDbType.Bigint), ("type", NpgsqlDbType.Text), ("sub", NpgsqlDbType.Text),
            ("ds", NpgsqlDbType.Text), ("de", NpgsqlDbType.Text), ("df", NpgsqlDbType.Date), ("dl", NpgsqlDbType.Date),
            ("place", NpgsqlDbType.Bigint), ("country", NpgsqlDbType.Text), ("lat", NpgsqlDbType.Double), ("lon", NpgsqlDbType.Double),
            ("a1", NpgsqlDbType.Bigint), ("a2", NpgsqlDbType.Bigint), ("mod", NpgsqlDbType.Text), ("opt", NpgsqlDbType.Boolean),
            ("lo", NpgsqlDbType.Integer), ("best", NpgsqlDbType.Integer), ("hi", NpgsqlDbType.Integer), ("mc", NpgsqlDbType.Integer),
            ("json", NpgsqlDbType.Text),
        };
        foreach (var (name, type) in types) ins.Parameters.Add(name, type);
        using var link = Command("UPDATE event_mentions SET event_id = @e WHERE id = ANY(@m)");
        link.Parameters.Add("e", NpgsqlDbType.Text);
        link.Parameters.Add("m", NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        var longest = 0;
        for (var i = 0; i < numbered.Count; i++)
        {
            var f = numbered[i];
            var e = f.Event;
            if (e.Date is { } date) longest = Math.Max(longest, date.End.Last.DayNumber - date.Start.First.DayNumber);
            void Set(string name, object? value) => ins.Parameters[name].Value = value ?? DBNull.Value;
            Set("id", f.Id);
            Set("n", firstNumber + i);
            Set("type", Names.Of(e.Type));
            Set("sub", e.Subtype is { } s ? Names.Of(s) : null);
            Set("ds", e.Date?.Start.ToString());
            Set("de", e.Date?.End.ToString());
            Set("df", e.Date?.Start.First);
            Set("dl", e.Date?.End.Last);
            Set("place", PlaceId(e.Location));
            Set("country", e.Location?.Country);
            Set("lat", e.Location?.Lat);
            Set("lon", e.Location?.Lon);
            Set("a1", ActorId(e.Actor1));
            Set("a2", ActorId(e.Actor2));
            Set("mod", Names.Of(e.Modality));
            Set("opt", e.Optional);
            Set("lo", f.Fatalities?.Low);
            Set("best", f.Fatalities?.Best);
            Set("hi", f.Fatalities?.High);
            Set("mc", f.Mentions.Count);
            Set("json", JsonSerializer.Serialize(e, VigieJson.Options));
            ins.ExecuteNonQuery();
            link.Parameters["e"].Value = f.Id;
            link.Parameters["m"].Value = f.Mentions.Select(m => rowOf(m.Key)).ToArray();
            link.ExecuteNonQuery();
        }
        // the longest event ever written bounds how far before a date filter's first day a matching event may start
        using var span = Command("UPDATE store_version SET event_days_max = GREATEST(event_days_max, @d)");
        span.Parameters.AddWithValue("d", longest);
        span.ExecuteNonQuery();
    }

    /// <summary>
    /// Incremental fusion under the fusion lock (<see cref="StoreFusion.Update(IStoreWriter, SourceReliability, bool, EventFusion?)"/>):
    /// <paramref name="fuse"/> reads the unfused mentions and those around them; then, under the write lock, the events of
    /// every mention it read are replaced by the ones it returns, numbered after the others, and with
    /// <paramref name="renumber"/> all events are numbered in date then id order. When no mention is unfused and no
    /// renumbering is asked, nothing is done (another writer fused them).
    /// </summary>
    public int UpdateEvents(Func<IFusionReader, IReadOnlyList<FusedEvent>> fuse, bool renumber) => InFusionTransaction(tx =>
    {
        Lock(Locks.Fusion);
        IReadOnlyList<FusedEvent> fused = [];
        FusionMentionReader? reader = null;
        if (FusionPending)
        {
            reader = new FusionMentionReader(Command, disposeCommands: true);
            fused = StoreFusion.Number(fuse(reader));
        }
        if (fused.Count > 0 || renumber) Lock(Locks.Write);
        if (fused.Count > 0)
        {
            var old = fused.SelectMany(f => f.Mentions).Select(m => reader!.EventOf(m.Key)).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            if (old.Length > 0)
            {
                using var del = Command("DELETE FROM events WHERE id = ANY(@ids)");
                del.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, old);
                del.ExecuteNonQuery();
            }
            using var next = Command("SELECT COALESCE(MAX(number), 0) + 1 FROM events");
            WriteEvents(fused, (long)next.ExecuteScalar()!, reader!.RowOf);
        }
        if (renumber)
        {
            // ranks in the order of StoreFusion.Number; rows that move go through negative numbers (number is unique)
            ExecOverAll("""
                UPDATE events e SET number = -r.n
                FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY day_first NULLS LAST, id COLLATE "C") AS n FROM events) r
                WHERE e.id = r.id AND e.number <> r.n;
                UPDATE events SET number = -number WHERE number < 0;
                """);
        }
        using var count = Command("SELECT COUNT(*) FROM events");
        var n = (int)(long)count.ExecuteScalar()!;
        if (fused.Count > 0 || renumber) BumpVersion();
        tx.Commit();
        return n;
    });

    /// <summary>
    /// Gives the mentions stored before migration 0003 their fusion blocks (computed from their stored event), once,
    /// under the write lock, when the store is opened for writing.
    /// </summary>
    private void FillFusionBlocks()
    {
        using (var check = Command("SELECT EXISTS (SELECT 1 FROM fusion_blocks_missing)"))
            if (!(bool)check.ExecuteScalar()!) return;
        _tx = Begin();
        try
        {
            Lock(Locks.Write);
            using (var again = Command("SELECT EXISTS (SELECT 1 FROM fusion_blocks_missing)"))
                if (!(bool)again.ExecuteScalar()!) { _tx.Commit(); return; }
            var rows = new List<(long Id, FusionBlock Block)>();
            using (var read = Command("SELECT id, event_json FROM event_mentions"))
            using (var r = read.ExecuteReader())
                while (r.Read())
                    rows.Add((r.GetInt64(0), FusionBlock.Of(JsonSerializer.Deserialize<Event>(r.GetString(1), VigieJson.Options)!)));
            foreach (var (id, block) in rows)
            {
                using var update = Command("""
                    UPDATE event_mentions SET fuse_first = @ff, fuse_last = @fl, fuse_lat = @flat, fuse_lon = @flon, fuse_y = @fy, fuse_x = @fx, fuse_name = @fname
                    WHERE id = @id
                    """);
                update.Parameters.AddWithValue("id", id);
                AddBlock(update, block);
                update.ExecuteNonQuery();
            }
            Exec("DELETE FROM fusion_blocks_missing");
            _tx.Commit();
        }
        finally
        {
            _tx.Dispose();
            _tx = null;
        }
    }
}
