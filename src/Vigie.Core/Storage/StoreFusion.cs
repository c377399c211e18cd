using Vigie.Fusion;

namespace Vigie.Storage;

/// <summary>
/// Drives fusion for any store: the store hands over every mention inside its fusion transaction,
/// <see cref="EventFusion"/> groups them, and the events are numbered in date order then id, so that
/// numbers read naturally in tables and exports and are the same in every store for the same mentions.
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

    /// <summary>The events in numbering order: by first day (undated last), then id.</summary>
    public static IReadOnlyList<FusedEvent> Number(IEnumerable<FusedEvent> fused) => fused
        .OrderBy(f => f.Event.Date?.Start.First ?? DateOnly.MaxValue)
        .ThenBy(f => f.Id, StringComparer.Ordinal)
        .ToList();
}
