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
        var pending = All.Where(s => s.Version > current && s.Version <= (target ?? Latest)).ToList();
        if (pending.Count == 0) return applied;
        // what a script may call: the digest of a casualty report's key (0010)
        c.CreateFunction("vigie_report_key_hash", (string key) => Vigie.Fusion.ReportKey.Hash(key), isDeterministic: true);
        // a script that rebuilds a table drops the old one: with foreign keys on, that would delete the rows that refer
        // to it (ON DELETE CASCADE); they are off while the scripts run, and every reference is checked before each commit
        var foreignKeys = Pragma(c, "foreign_keys") == 1;
        if (foreignKeys) SqliteStore.Exec(c, "PRAGMA foreign_keys=OFF;");
        try
        {
            foreach (var s in pending) applied.Add(ApplyOne(c, s));
        }
        finally
        {
            if (foreignKeys) SqliteStore.Exec(c, "PRAGMA foreign_keys=ON;");
        }
        return applied;
    }

    private static long Pragma(SqliteConnection c, string name)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"PRAGMA {name};";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static MigrationScript ApplyOne(SqliteConnection c, MigrationScript s)
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
            cmd.CommandText = "PRAGMA foreign_key_check;";
            using var r = cmd.ExecuteReader();
            if (r.Read())
                throw new InvalidOperationException($"migration {s.Version:D4} ({s.Name}) leaves a row of {r.GetString(0)} referring to a missing row of {r.GetString(2)}");
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
        return s;
    }
}

