using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Vigie.Errors;

namespace Vigie.Storage.Sqlite;

/// <summary>
/// Applies the embedded Migrations/NNNN_name.sql scripts whose number is above the database's
/// schema_version, each in its own transaction, and records them. A database newer than the
/// program is refused (VIG-S002) rather than misread.
/// </summary>
public static class Migrations
{
    public sealed record Script(int Version, string Name, string Sql);

    public static IReadOnlyList<Script> All { get; } = LoadScripts();

    public static int Latest => All.Count == 0 ? 0 : All[^1].Version;

    private static List<Script> LoadScripts()
    {
        var asm = typeof(Migrations).Assembly;
        var list = new List<Script>();
        foreach (var res in asm.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            // resource names look like Vigie.Storage.Sqlite.Migrations.0001_initial.sql
            var file = res[(res.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..];
            var digits = new string(file.TakeWhile(char.IsDigit).ToArray());
            if (digits.Length == 0) continue;
            using var stream = asm.GetManifestResourceStream(res)!;
            using var reader = new StreamReader(stream);
            list.Add(new Script(int.Parse(digits, CultureInfo.InvariantCulture), file, reader.ReadToEnd()));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        return list;
    }

    public static int CurrentVersion(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);" +
                          "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Brings the database up to <paramref name="target"/> (default: the latest script); returns the scripts applied.</summary>
    public static IReadOnlyList<Script> Apply(SqliteConnection c, int? target = null)
    {
        var current = CurrentVersion(c);
        if (current > Latest)
            throw new StoreException(ErrorCatalogue.NewerSchema.Message(current, Latest));
        var applied = new List<Script>();
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

