using System.Globalization;
using System.Text.Json;
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
    public int RewriteEvents(Func<IReadOnlyList<FusionMention>, IReadOnlyList<FusedEvent>> fuse)
    {
        _tx = Begin();
        try
        {
            Lock(Locks.Fusion);
            if (!FusionPending)
            {
                using var count = Command("SELECT COUNT(*) FROM events");
                var n = (int)(long)count.ExecuteScalar()!;
                _tx.Commit();
                return n;
            }
            var mentions = new List<(long RowId, FusionMention M)>();
            using (var cmd = Command("""
                SELECT m.id, m.mention_key, m.event_json, m.source, d.content_hash, d.doc_id, d.date
                FROM event_mentions m JOIN documents d ON d.id = m.document_id
                """))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    var e = JsonSerializer.Deserialize<Event>(r.GetString(2), VigieJson.Options)!;
                    PartialDate.TryParse(Str(r, 6), out var pub);
                    mentions.Add((r.GetInt64(0), new FusionMention
                    {
                        Key = r.GetString(1),
                        Event = e,
                        Source = Str(r, 3),
                        DocumentHash = r.GetString(4),
                        DocumentId = r.GetString(5),
                        Published = r.IsDBNull(6) ? null : pub,
                    }));
                }
            }
            var numbered = fuse(mentions.Select(m => m.M).ToList());
            var rowOf = mentions.ToDictionary(m => m.M.Key, m => m.RowId, StringComparer.Ordinal);

            Lock(Locks.Write);
            Exec("UPDATE event_mentions SET event_id = NULL WHERE event_id IS NOT NULL; DELETE FROM events;");
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
            for (var i = 0; i < numbered.Count; i++)
            {
                var f = numbered[i];
                var e = f.Event;
                void Set(string name, object? value) => ins.Parameters[name].Value = value ?? DBNull.Value;
                Set("id", f.Id);
                Set("n", (long)(i + 1));
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
                link.Parameters["m"].Value = f.Mentions.Select(m => rowOf[m.Key]).ToArray();
                link.ExecuteNonQuery();
            }
            _tx.Commit();
            return numbered.Count;
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
}
