using System.CommandLine;

namespace Vigie.Cli;

/// <summary>Options every command sees (declared once on the root, recursive).</summary>
public static class GlobalOptions
{
    public const string DbName = "--db";

    public static Option<string> CreateDb() => new(DbName)
    {
        Description = "The database: an SQLite file (created when missing), or PostgreSQL as postgres://user:password@host:port/database or Host=…;Database=…",
        HelpName = "DB",
        Recursive = true,
        DefaultValueFactory = _ => "vigie.db",
    };

    /// <summary>The --db value of the parsed command line: a file as a full path, a PostgreSQL address as given.</summary>
    public static string Db(ParseResult parse)
    {
        var value = parse.GetValue<string>(DbName);
        if (string.IsNullOrWhiteSpace(value)) throw new UsageException("--db needs a file path or a postgres:// address");
        return StoreAccess.IsServer(value) ? value.Trim() : Path.GetFullPath(value);
    }
}
