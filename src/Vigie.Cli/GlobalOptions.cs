using System.CommandLine;

namespace Vigie.Cli;

/// <summary>Options every command sees (declared once on the root, recursive).</summary>
public static class GlobalOptions
{
    public const string DbName = "--db";

    public static Option<string> CreateDb() => new(DbName)
    {
        Description = "The database file (created when missing)",
        HelpName = "PATH",
        Recursive = true,
        DefaultValueFactory = _ => "vigie.db",
    };

    /// <summary>The --db value of the parsed command line, as a full path.</summary>
    public static string Db(ParseResult parse)
    {
        var value = parse.GetValue<string>(DbName);
        if (string.IsNullOrWhiteSpace(value)) throw new UsageException("--db needs a file path");
        return Path.GetFullPath(value);
    }
}
