using Vigie.Fusion;

namespace Vigie.Storage;

/// <summary>
/// Drives fusion for any store: the store hands over every mention inside its fusion transaction,
/// <see cref="EventFusion"/> groups them, and the events are numbered in date order then id, so that
/// numbers read naturally in tables and exports and are the same in every store for the same mentions.
/// <see cref="Update"/> does the same work for the mentions stored since the last fusion only: it reads the
/// stored mentions that may join them (the day × grid blocks around them, then around those, until no new one
/// may join) and fuses that closed set, which gives the events a full rebuild would give for it.
/// </summary>
public static class StoreFusion
{
    /// <summary>Rebuilds the fused events of <paramref name="store"/> from every stored mention; returns how many there are.</summary>
    public static int Refuse(IStoreWriter store, SourceReliability reliability, EventFusion? fusion = null)
    {
        fusion ??= new EventFusion(reliability);
        return store.RewriteEvents(mentions => Number(fusion.Fuse(mentions)));
    }

    /// <summary>Rebuilds the fused events of <paramref name="store"/> with its own reliability table.</summary>
    public static int Refuse(this IStore store, EventFusion? fusion = null) => Refuse(store, store.Reliability, fusion);

    /// <summary>
    /// Brings the events up to date with the mentions stored since the last fusion, reading only the mentions that
    /// may join them. With <paramref name="renumber"/> the events are numbered afterwards as <see cref="Number"/> does
    /// (a run does it once at its end: between batches, new events carry provisional numbers after the others).
    /// The result is that of <see cref="Refuse(IStore, EventFusion?)"/>. Returns the number of stored events.
    /// </summary>
    public static int Update(IStoreWriter store, SourceReliability reliability, bool renumber, EventFusion? fusion = null)
    {
        fusion ??= new EventFusion(reliability);
        return store.UpdateEvents(reader => Closure(fusion, reader), renumber);
    }

    /// <summary>
    /// Stores a batch and brings the events of its mentions up to date (<see cref="IStoreWriter.WriteBatchAndUpdate"/>,
    /// the store's own reliability table, no renumbering), in one transaction where the store can.
    /// </summary>
    public static BatchResult WriteBatchAndUpdate(this IStore store, IReadOnlyList<Extracted> items, string runId, IEnumerable<LogEntry>? log)
    {
        var reliability = store.Reliability;
        return store.WriteBatchAndUpdate(items, runId, log, reader => Closure(new EventFusion(reliability), reader));
    }

    /// <summary>Brings the events up to date with the store's own reliability table (see <see cref="Update(IStoreWriter, SourceReliability, bool, EventFusion?)"/>).</summary>
    public static int Update(this IStore store, bool renumber = true, EventFusion? fusion = null) => Update(store, store.Reliability, renumber, fusion);

    /// <summary>
    /// The events of the new mentions and of every stored mention connected to them: starting from the unfused
    /// mentions, each round asks the store for the mentions around the last ones found and keeps those that may join
    /// one of them. The set is closed under "may join", so it is a union of whole events of a full fusion, and fusing
    /// it alone gives those events (the mention key order inside it is the global one restricted to it).
    /// </summary>
    public static IReadOnlyList<FusedEvent> Closure(EventFusion fusion, IFusionReader reader)
    {
        var loaded = new Dictionary<string, FusionMention>(StringComparer.Ordinal);
        var frontier = new List<FusionMention>();
        foreach (var m in reader.Unfused())
            if (loaded.TryAdd(m.Key, m)) frontier.Add(m);
        if (frontier.Count == 0) return [];
        while (frontier.Count > 0)
        {
            var next = new List<FusionMention>();
            foreach (var m in frontier)
            {
                if (fusion.ProbeOf(m.Event) is not { } probe) continue;
                foreach (var c in reader.Around(probe, loaded.ContainsKey))
                {
                    if (loaded.ContainsKey(c.Key) || !fusion.MayJoin(m.Event, c.Event)) continue;
                    loaded[c.Key] = c;
                    next.Add(c);
                }
            }
            frontier = next;
        }
        return fusion.Fuse(loaded.Values);
    }

    /// <summary>The events in numbering order: by first day (undated last), then id.</summary>
    public static IReadOnlyList<FusedEvent> Number(IEnumerable<FusedEvent> fused) => fused
        .OrderBy(f => f.Event.Date?.Start.First ?? DateOnly.MaxValue)
        .ThenBy(f => f.Id, StringComparer.Ordinal)
        .ToList();
}

/// <summary>The stored mentions as incremental fusion reads them, inside the store's fusion transaction.</summary>
public interface IFusionReader
{
    /// <summary>The mentions stored since the last fusion (linked to no event).</summary>
    IReadOnlyList<FusionMention> Unfused();

    /// <summary>
    /// The stored mentions inside <paramref name="probe"/> (see <see cref="FusionProbe"/>); those whose key
    /// <paramref name="skip"/> accepts may be left out (the caller holds them already).
    /// </summary>
    IEnumerable<FusionMention> Around(FusionProbe probe, Func<string, bool> skip);
}
