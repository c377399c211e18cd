using Vigie.Storage;

namespace Vigie.Export;

/// <summary>One row of `vigie stats`: a group, its number of events and the sums of their fatality estimates.</summary>
public sealed record StatsRow(string Group, int Events, int Low, int Best, int High);

/// <summary>Events and fatalities (low/best/high) per country, month, type, actor or source.</summary>
public static class EventStats
{
    public static readonly IReadOnlyList<string> Dimensions = ["country", "month", "type", "actor", "source"];

    /// <summary>
    /// Groups the events. An event counts once per group it belongs to: under both of its actors with
    /// --by actor and under each source that reports it with --by source (so those totals can exceed
    /// the event count). Events without a fatality figure add 0. Rows by group name for months, else by
    /// event count (descending) then name.
    /// </summary>
    public static IReadOnlyList<StatsRow> By(string dimension, IReadOnlyList<StoredEvent> events)
    {
        var groups = new Dictionary<string, (int N, int Lo, int Best, int Hi)>(StringComparer.Ordinal);
        foreach (var s in events)
            foreach (var key in Keys(dimension, s).Distinct(StringComparer.Ordinal))
            {
                groups.TryGetValue(key, out var g);
                groups[key] = (g.N + 1, g.Lo + (s.FatalitiesLow ?? 0), g.Best + (s.FatalitiesBest ?? 0), g.Hi + (s.FatalitiesHigh ?? 0));
            }
        var rows = groups.Select(kv => new StatsRow(kv.Key, kv.Value.N, kv.Value.Lo, kv.Value.Best, kv.Value.Hi));
        return (dimension == "month"
            ? rows.OrderBy(r => r.Group, StringComparer.Ordinal)
            : rows.OrderByDescending(r => r.Events).ThenBy(r => r.Group, StringComparer.Ordinal)).ToList();
    }

    public static StatsRow Total(IReadOnlyList<StoredEvent> events) =>
        new("total", events.Count, events.Sum(e => e.FatalitiesLow ?? 0), events.Sum(e => e.FatalitiesBest ?? 0), events.Sum(e => e.FatalitiesHigh ?? 0));

    private static IEnumerable<string> Keys(string dimension, StoredEvent s)
    {
        var e = s.Event;
        switch (dimension)
        {
            case "country": yield return e.Location?.Country ?? "(unknown)"; break;
            case "month": yield return e.Date is { } d ? $"{d.Start.Year:D4}-{d.Start.Month:D2}" : "(undated)"; break;
            case "type": yield return e.Subtype is { } sub ? $"{AcledVocabulary.EventType(e.Type)} / {AcledVocabulary.SubEventType(sub)}" : AcledVocabulary.EventType(e.Type); break;
            case "actor":
                if (e.Actor1 == null && e.Actor2 == null) yield return "(no actor)";
                if (e.Actor1 != null) yield return e.Actor1.Name;
                if (e.Actor2 != null) yield return e.Actor2.Name;
                break;
            case "source":
                var sources = s.Mentions.Select(m => m.Source ?? "(unattributed)").ToList();
                if (sources.Count == 0) sources = e.Sources.Select(x => x ?? "(unattributed)").ToList();
                if (sources.Count == 0) yield return "(unattributed)";
                foreach (var x in sources) yield return x;
                break;
            default: throw new ArgumentException($"unknown grouping '{dimension}' (use {string.Join(", ", Dimensions)})", nameof(dimension));
        }
    }
}
