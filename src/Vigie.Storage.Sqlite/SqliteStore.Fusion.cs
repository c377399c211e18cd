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
        var mentions = new List<(long RowId, FusionMention M)>();
        using (var cmd = _c.CreateCommand())
        {
            cmd.Transaction = tx;
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
        var numbered = fuse(mentions.Select(m => m.M).ToList());
        var rowOf = mentions.ToDictionary(m => m.M.Key, m => m.RowId, StringComparer.Ordinal);

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
