using System.CommandLine;
using Vigie.Storage.Sqlite;

namespace Vigie.Cli;

/// <summary>Opens the --db store for a command, turning store problems into one-line user errors.</summary>
public static class StoreAccess
{
    public static SqliteStore Open(ParseResult parse, bool mustExist)
    {
        var path = GlobalOptions.Db(parse);
        try { return SqliteStore.Open(path, readOnly: mustExist); }
        catch (StoreException e) { throw new UserException(e.Message); }
    }
}
