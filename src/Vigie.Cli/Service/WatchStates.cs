using Vigie.Storage;
using Vigie.Storage.Postgres;
using Vigie.Storage.Sqlite;
using Vigie.Watch;

namespace Vigie.Cli.Service;

/// <summary>The watcher's state in the store <c>--db</c> opened: the adapter's own <see cref="IWatchState"/>.</summary>
public static class WatchStates
{
    public static IWatchState Of(IStore store) => store switch
    {
        SqliteStore s => new SqliteWatchState(s),
        PostgresStore p => new PostgresWatchState(p),
        _ => throw new ArgumentException("no watch state for " + store.GetType().Name, nameof(store)),
    };
}
