using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;
using Vigie.Storage.Sqlite;
using static Vigie.Tests.Builders;

namespace Vigie.Tests;

/// <summary>
/// The writer's statements run through SQLite's own calls (<see cref="Statement"/>), the fusion reads through them
/// (<see cref="SqliteFusionReader"/>) and the fused events' JSON written by <see cref="RecordWriter"/>: the values
/// stored, the errors and the texts are those of Microsoft.Data.Sqlite and System.Text.Json.
/// </summary>
public class WriterStatementTests
{
    private static readonly Actor Army = new() { Name = "armée malienne", Kind = ActorKind.StateForces, Country = "ML" };
    private static readonly Actor Rebels = new() { Name = "rebelles du Nord", Kind = ActorKind.RebelGroup, Country = "ML" };

    [Fact]
    public void Values_AreStoredWithTheTypesACommandGivesThem()
    {
        using var db = new TempDb();
        using var store = db.Open();
        var c = store.Connection;
        SqliteStore.Exec(c, "CREATE TABLE t(a, b, c, d, e, f)");
        using var st = new Statement(c, "INSERT INTO t VALUES ($a, $b, $c, $d, $e, $f)");
        st.Start().Set("$a", "éàü ✓ 𝄞").Set("$b", 42).Set("$c", 1L << 40).Set("$d", 0.25).Set("$e", null).Set("$f", true).Execute();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO t VALUES ($a, $b, $c, $d, $e, $f)";
        cmd.Parameters.AddWithValue("$a", "éàü ✓ 𝄞");
        cmd.Parameters.AddWithValue("$b", 42);
        cmd.Parameters.AddWithValue("$c", 1L << 40);
        cmd.Parameters.AddWithValue("$d", 0.25);
        cmd.Parameters.AddWithValue("$e", DBNull.Value);
        cmd.Parameters.AddWithValue("$f", true);
        cmd.ExecuteNonQuery();
        cmd.Parameters.Clear();
        cmd.CommandText = "SELECT COUNT(DISTINCT quote(a) || typeof(a) || quote(b) || typeof(b) || quote(c) || quote(d) || typeof(d) || typeof(e) || quote(f) || typeof(f)), COUNT(*) FROM t";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(1L, r.GetInt64(0));
        Assert.Equal(2L, r.GetInt64(1));
    }

    [Fact]
    public void Scalar_GivesTheFirstValue_DBNullForNull_NullForNoRow()
    {
        using var db = new TempDb();
        using var store = db.Open();
        using var st = new Statement(store.Connection, "SELECT $v WHERE $w");
        Assert.Equal(7L, st.Start().Set("$v", 7).Set("$w", 1).Scalar());
        Assert.Equal("x", st.Start().Set("$v", "x").Set("$w", 1).Scalar());
        Assert.Equal(DBNull.Value, st.Start().Set("$v", null).Set("$w", 1).Scalar());
        Assert.Null(st.Start().Set("$v", 7).Set("$w", 0).Scalar());
    }

    [Fact]
    public void Errors_AreSqliteExceptions_AndTheStatementRunsAgain()
    {
        using var db = new TempDb();
        using var store = db.Open();
        SqliteStore.Exec(store.Connection, "CREATE TABLE u(k TEXT PRIMARY KEY)");
        using var st = new Statement(store.Connection, "INSERT INTO u VALUES ($k)");
        st.Start().Set("$k", "a").Execute();
        var e = Assert.Throws<SqliteException>(() => st.Start().Set("$k", "a").Execute());
        Assert.Equal(19, e.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("UNIQUE", e.Message);
        Assert.Throws<InvalidOperationException>(() => st.Start().Set("$k", double.NaN));
        Assert.Throws<InvalidOperationException>(() => st.Start().Set("$other", "b"));
        st.Start().Set("$k", "b").Execute();
        using var count = new Statement(store.Connection, "SELECT COUNT(*) FROM u");
        Assert.Equal(2L, count.Start().Scalar());
    }

    [Fact]
    public void FusedEventJson_IsTheSerializersText()
    {
        var sparse = new Event { Type = EventType.Protests, Modality = Modality.Claimed, Optional = true };
        var noPlace = Event(EventSubtype.ArmedClash, "2020-03-02", "Mopti", 14.5, -4.0, "ML", source: "AFP", actor1: Army);
        noPlace.Location = null;
        var mentions = new[]
        {
            Mention("a", Event(EventSubtype.ArmedClash, "2020-03-02", "Mopti", 14.5, -4.0, "ML", killed: 3, source: "AFP", actor1: Army, actor2: Rebels)),
            Mention("b", Event(EventSubtype.ArmedClash, "2020-03-02", "Mopti", 14.5, -4.0, "ML", killed: 5, source: "Reuters « direct »", actor1: Army)),
            Mention("c", Event(EventSubtype.AirDroneStrike, "2020-03", "Kidal \"nord\"", 18.44, 1.41, "ML", actor2: Rebels)),
            Mention("d", noPlace),
            Mention("e", sparse),
        };
        var fused = new EventFusion().Fuse(mentions);
        Assert.True(fused.Count >= 4);
        foreach (var f in fused)
            Assert.Equal(JsonSerializer.Serialize(f.Event, VigieJson.Options), RecordWriter.Serialize(f.Event));
    }

    [Fact]
    public void StoredEvents_AreTheSameThroughTheStatementsAsAFullRebuild()
    {
        using var db = new TempDb();
        using var other = new TempDb();
        using var store = db.Open();
        using var rebuilt = other.Open();
        var batches = new[]
        {
            new[] { Dispatch("d1", "2020-03-02", "Mopti", 14.5), Dispatch("d2", "2020-03-02", "Mopti", 14.52) },
            new[] { Dispatch("d3", "2020-03-03", "Mopti", 14.5), Dispatch("d4", "2020-05-01", "Gao", 16.27) },
            new[] { Dispatch("d5", "2020-03-02", "Mopti", 14.49), Dispatch("d6", "2020-05-01", "Gao", 16.26) },
        };
        foreach (var b in batches)
        {
            store.WriteBatch(b, "run");
            store.Update(renumber: false);
            rebuilt.WriteBatch(b, "run");
        }
        store.Update(renumber: true);
        rebuilt.Refuse();
        Assert.Equal(Events(rebuilt), Events(store));
        Assert.True(Events(store).Count < 6); // some mentions were fused across batches
    }

    private static Extracted Dispatch(string id, string day, string place, double lat) =>
        Doc(id, $"Dépêche {id} : combats à {place}.", day,
            Event(EventSubtype.ArmedClash, day, place, lat, -4.0, "ML", killed: id.Length + lat > 15 ? 4 : 2, source: "AFP " + id, actor1: Army));

    private static FusionMention Mention(string key, Event e) => new()
    {
        Key = key + new string('0', 63) + ":0000",
        Event = e,
        DocumentHash = key,
        DocumentId = key,
        Source = FusionMention.SourceOf(e, null),
    };

    private static List<string> Events(SqliteStore store)
    {
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = """
            SELECT e.id || '|' || e.number || '|' || e.mention_count || '|' || COALESCE(e.fatalities_best, '') || '|' || e.event_json || '|'
                   || (SELECT group_concat(m.mention_key, ',') FROM (SELECT mention_key FROM event_mentions WHERE event_id = e.id ORDER BY mention_key) m)
            FROM events e ORDER BY e.number
            """;
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }
}
