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
/// The writer's statements run through SQLite's own calls (<see cref="Statement"/>): the values stored and the errors
/// are those of Microsoft.Data.Sqlite.
/// </summary>
public class WriterStatementTests
{
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
}
