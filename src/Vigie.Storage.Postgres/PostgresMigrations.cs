using System.Globalization;
using Npgsql;
using Vigie.Errors;
using Vigie.Storage;

namespace Vigie.Storage.Postgres;

/// <summary>
/// Applies the embedded Migrations/NNNN_name.sql scripts above the database's schema_version and records them,
/// all in one transaction (PostgreSQL's DDL is transactional) under an advisory lock, so that several workers
/// starting at once upgrade the schema once. A database newer than the program is refused (VIG-S002).
/// </summary>
public static class PostgresMigrations
{
    public static IReadOnlyList<MigrationScript> All { get; } = MigrationScript.Embedded(typeof(PostgresMigrations).Assembly);

    public static int Latest => All.Count == 0 ? 0 : All[^1].Version;

    /// <summary>The schema version; 0 for a database without Vigie's tables (created empty when <paramref name="create"/>).</summary>
    public static int CurrentVersion(NpgsqlConnection c, bool create, NpgsqlTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        if (create)
        {
            cmd.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())";
            cmd.ExecuteNonQuery();
        }
        cmd.CommandText = "SELECT to_regclass('schema_version') IS NOT NULL";
        if (!(bool)cmd.ExecuteScalar()!) return 0;
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static IReadOnlyList<MigrationScript> Apply(NpgsqlConnection c)
    {
        var applied = new List<MigrationScript>();
        // an up-to-date database is only read (a role that may not create tables can still open it)
        var seen = CurrentVersion(c, create: false);
        if (seen == Latest) return applied;
        if (seen > Latest)
            throw new StoreException(ErrorCatalogue.NewerSchema.Message(seen, Latest));
        using var tx = c.BeginTransaction();
        using (var lk = c.CreateCommand())
        {
            lk.Transaction = tx;
            lk.CommandText = $"SELECT pg_advisory_xact_lock({PostgresStore.Locks.Space}, {PostgresStore.Locks.Migrate})";
            lk.ExecuteNonQuery();
        }
        var current = CurrentVersion(c, create: true, tx);
        if (current > Latest)
            throw new StoreException(ErrorCatalogue.NewerSchema.Message(current, Latest));
        foreach (var s in All.Where(s => s.Version > current))
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = s.Sql;
            cmd.ExecuteNonQuery();
            cmd.CommandText = "INSERT INTO schema_version(version, name) VALUES ($1, $2)";
            cmd.Parameters.Add(new NpgsqlParameter { Value = s.Version });
            cmd.Parameters.Add(new NpgsqlParameter { Value = s.Name });
            cmd.ExecuteNonQuery();
            applied.Add(s);
        }
        tx.Commit();
        return applied;
    }
}
