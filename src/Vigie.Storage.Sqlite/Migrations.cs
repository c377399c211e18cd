using System.Globalization;
using Microsoft.Data.Sqlite;
using Vigie.Errors;
using Vigie.Storage;

namespace Vigie.Storage.Sqlite;

/// <summary>
/// Applies the embedded Migrations/NNNN_name.sql scripts whose number is above the database's
/// schema_version, each in its own transaction, and records them. A database newer than the
/// program is refused (VIG-S002) rather than misread.
/// </summary>
public static class Migrations
{
    public static IReadOnlyList<MigrationScript> All { get; } = MigrationScript.Embedded(typeof(Migrations).Assembly);

    public static int Latest => All.Count == 0 ? 0 : All[^1].Version;

    public static int CurrentVersion(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);" +
                          "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Brings the database up to <paramref name="target"/> (default: the latest script); returns the scripts applied.</summary>
    public static IReadOnlyList<MigrationScript> Apply(SqliteConnection c, int? target = null)
    {
        var current = CurrentVersion(c);
        if (current > Latest)
            throw new StoreException(ErrorCatalogue.NewerSchema.Message(current, Latest));
        var applied = new List<MigrationScript>();
        foreach (var s in All.Where(s => s.Version > current && s.Version <= (target ?? Latest)))
        {
            using var tx = c.BeginTransaction();
            using (var cmd = c.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = s.Sql;
                cmd.ExecuteNonQuery();
            }
            using (var cmd = c.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO schema_version(version, name, applied_at) VALUES ($v, $n, $t)";
                cmd.Parameters.AddWithValue("$v", s.Version);
                cmd.Parameters.AddWithValue("$n", s.Name);
                cmd.Parameters.AddWithValue("$t", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
            applied.Add(s);
        }
        return applied;
    }
}

