using System.Collections.Concurrent;
using Vigie.Storage;

namespace Vigie.Web.Data;

/// <summary>
/// How many events match each filter, kept per data version (<see cref="IStoreReader.DataVersion"/>): counting reads
/// every matching index entry (up to all the events), a page only its own rows, so a filter is counted once per
/// version and its pages then cost their rows. A new version starts over; at most <see cref="MaxFilters"/> filters are
/// kept per version (beyond, the count is made and not kept).
/// </summary>
public sealed class PageTotals
{
    public const int MaxFilters = 4096;

    private sealed record State(string Version, ConcurrentDictionary<EventFilter, long> Totals);

    private readonly object _gate = new();
    private volatile State? _state;
    private long _counted;

    /// <summary>How many counts were made (not found kept).</summary>
    public long Counted => Interlocked.Read(ref _counted);

    /// <summary>
    /// The total of <paramref name="filter"/> at <paramref name="version"/>: kept, else <paramref name="count"/>
    /// (run by the caller on its snapshot of that version) and kept.
    /// </summary>
    public long Get(string version, EventFilter filter, Func<long> count)
    {
        var key = Key(filter);
        if (_state is { } s && s.Version == version && s.Totals.TryGetValue(key, out var total)) return total;
        total = count();
        Interlocked.Increment(ref _counted);
        Keep(version, filter, total);
        return total;
    }

    /// <summary>Keeps a total the caller knows without counting (a first page shorter than its size holds every match).</summary>
    public void Keep(string version, EventFilter filter, long total)
    {
        lock (_gate)
        {
            var s = _state;
            if (s == null || s.Version != version)
            {
                // a total read at an older version than the one kept (a slow request) is not kept
                if (s != null && !DataVersions.Newer(version, s.Version)) return;
                _state = s = new State(version, new());
            }
            if (s.Totals.Count < MaxFilters) s.Totals.TryAdd(Key(filter), total);
        }
    }

    /// <summary>The filter as pages read it (Near and Limit are not used there): the same matches, the same key.</summary>
    private static EventFilter Key(EventFilter f) => f with { Near = null, Limit = null };
}

/// <summary>Data versions as the stores write them: "STOREID-COUNTER".</summary>
public static class DataVersions
{
    /// <summary>Another store, or a higher counter of the same store, is newer.</summary>
    public static bool Newer(string version, string than)
    {
        var a = version.LastIndexOf('-');
        var b = than.LastIndexOf('-');
        if (a < 0 || b < 0 || version[..a] != than[..b]) return true;
        return long.TryParse(version[(a + 1)..], out var x) && long.TryParse(than[(b + 1)..], out var y) ? x > y : true;
    }
}
