using System.Security.Cryptography;
using System.Text;
using Vigie.Model;
using Vigie.Text;

namespace Vigie.Fusion;

/// <summary>
/// Cross-document fusion: mentions that report the same event become one <see cref="FusedEvent"/>.
/// Two mentions are the same event when their types agree (subtypes equal or one unknown), their
/// dates overlap allowing <see cref="Options.DayTolerance"/> days, their places are within
/// <see cref="Options.MaxKm"/> (or carry the same folded name and country when a place has no
/// coordinates) and their actors do not contradict each other. Events are the connected components
/// of that relation, so the result does not depend on the order of the mentions; candidate pairs come
/// from a day × grid-cell index (no all-pairs comparison). Nothing here depends on the language.
/// </summary>
public sealed class EventFusion
{
    public sealed record Options
    {
        public int DayTolerance { get; init; } = 1;
        public double MaxKm { get; init; } = 25;
        /// <summary>Events dated more vaguely than this many days (a month, a year) are never fused.</summary>
        public int MaxSpanDays { get; init; } = 7;
    }

    private readonly Options _options;
    private readonly SourceReliability _reliability;

    public EventFusion(SourceReliability? reliability = null, Options? options = null)
    {
        _reliability = reliability ?? SourceReliability.Default;
        _options = options ?? new Options();
    }

    public IReadOnlyList<FusedEvent> Fuse(IEnumerable<FusionMention> input)
    {
        // A fixed order first: the same set of mentions always gives the same work, whatever the input order.
        var mentions = input.OrderBy(m => m.Key, StringComparer.Ordinal).ToArray();
        var parent = new int[mentions.Length];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;
        // the documents of each group: two events one document tells apart (a strike on two districts)
        // are two events, so groups that share a document never join
        var docs = new HashSet<string>?[mentions.Length];
        for (var i = 0; i < docs.Length; i++) docs[i] = [mentions[i].DocumentHash];

        var cellDeg = _options.MaxKm / 111.0; // a grid cell is at least MaxKm wide in latitude
        var byCell = new Dictionary<(int Day, int Y, int X), List<int>>();
        var byNameLocated = new Dictionary<(int Day, string Name), List<int>>();
        var byNameUnlocated = new Dictionary<(int Day, string Name), List<int>>();
        var keys = new Keyed[mentions.Length];

        for (var i = 0; i < mentions.Length; i++)
        {
            var k = keys[i] = Keyed.Of(mentions[i].Event);
            if (!Fusable(k)) continue;
            var first = k.First!.Value.DayNumber;
            var last = k.Last!.Value.DayNumber;
            if (k.Lat is { } lat && k.Lon is { } lon)
            {
                var y = (int)Math.Floor(lat / cellDeg);
                var x = (int)Math.Floor(lon / cellDeg);
                // a degree of longitude shrinks towards the poles: look further east and west there
                var reach = (int)Math.Ceiling(1 / Math.Max(0.05, Math.Cos(lat * Math.PI / 180)));
                for (var d = first - _options.DayTolerance; d <= last + _options.DayTolerance; d++)
                    for (var dy = -1; dy <= 1; dy++)
                        for (var dx = -reach; dx <= reach; dx++)
                            if (byCell.TryGetValue((d, y + dy, x + dx), out var list))
                                foreach (var j in list) TryJoin(i, j);
                for (var d = first; d <= last; d++) Add(byCell, (d, y, x), i);
            }
            if (k.Name != null)
            {
                // by name: a mention without coordinates meets every mention of that name; one with
                // coordinates only the ones without (between two located mentions the distance decides)
                var located = k.Lat != null && k.Lon != null;
                for (var d = first - _options.DayTolerance; d <= last + _options.DayTolerance; d++)
                {
                    if (byNameUnlocated.TryGetValue((d, k.Name), out var list)) foreach (var j in list) TryJoin(i, j);
                    if (!located && byNameLocated.TryGetValue((d, k.Name), out list)) foreach (var j in list) TryJoin(i, j);
                }
                for (var d = first; d <= last; d++) Add(located ? byNameLocated : byNameUnlocated, (d, k.Name), i);
            }
        }

        var groups = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < mentions.Length; i++)
        {
            var root = Find(i);
            if (!groups.TryGetValue(root, out var g)) groups[root] = g = [];
            g.Add(i);
        }
        var result = new List<FusedEvent>(groups.Count);
        foreach (var g in groups.Values) result.Add(Build(g.Select(i => mentions[i]).ToList()));
        result.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return result;

        void TryJoin(int i, int j)
        {
            if (Find(i) == Find(j)) return;
            if (!Compatible(keys[i], keys[j], mentions[i].Event, mentions[j].Event)) return;
            // union by smallest index, so the root is the group's first mention in key order
            int a = Find(i), b = Find(j);
            if (docs[a]!.Overlaps(docs[b]!)) return;
            var (root, child) = a < b ? (a, b) : (b, a);
            parent[child] = root;
            docs[root]!.UnionWith(docs[child]!);
            docs[child] = null;
        }

        int Find(int i)
        {
            while (parent[i] != i) { parent[i] = parent[parent[i]]; i = parent[i]; }
            return i;
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> index, TKey key, int i) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(i);
    }

    private bool Compatible(Keyed a, Keyed b, Event ea, Event eb)
    {
        if (ea.Type != eb.Type) return false;
        if (ea.Subtype != null && eb.Subtype != null && ea.Subtype != eb.Subtype) return false;
        if (a.First!.Value.AddDays(-_options.DayTolerance) > b.Last!.Value || b.First!.Value.AddDays(-_options.DayTolerance) > a.Last!.Value) return false;
        // with coordinates on both sides the distance decides; otherwise the same folded name and country
        var samePlace = a.Lat is { } la && a.Lon is { } lo && b.Lat is { } lb && b.Lon is { } lob
            ? Vigie.Geo.GreatCircle.Km(la, lo, lb, lob) <= _options.MaxKm
            : a.Name != null && a.Name == b.Name;
        if (!samePlace) return false;
        return ActorsCompatible(ea, eb);
    }

    /// <summary>Actors contradict when both events name an actor in the same role and the two differ in name and in kind or country.</summary>
    public static bool ActorsCompatible(Event a, Event b) =>
        (Same(a.Actor1, b.Actor1) && Same(a.Actor2, b.Actor2)) || (Same(a.Actor1, b.Actor2) && Same(a.Actor2, b.Actor1));

    private static bool Same(Actor? x, Actor? y)
    {
        if (x == null || y == null) return true;
        if (SourceReliability.Key(x.Name) == SourceReliability.Key(y.Name)) return true;
        // names in two languages ("armée syrienne", "Syrian army") agree through their kind and country
        if (x.Kind == null || y.Kind == null) return true;
        return x.Kind == y.Kind && (x.Country == null || y.Country == null || x.Country == y.Country);
    }

    private FusedEvent Build(List<FusionMention> group)
    {
        if (group.Count == 1) return BuildOne(group);
        // group is in key order; the representative values come from the most precise mention
        var ordered = group
            .OrderByDescending(m => m.Event.Date?.Start.Precision ?? (DatePrecision)(-1))
            .ThenBy(m => m.Event.Location?.Precision ?? 9)
            .ThenBy(m => m.Event.Optional ? 1 : 0)
            .ThenBy(m => m.Key, StringComparer.Ordinal)
            .ToList();
        var lead = ordered[0].Event;
        var claims = group
            .Where(m => m.Event.Fatalities is not null)
            .Select(m => new FatalityClaim(m.Source, m.Event.Fatalities!.Value, _reliability.Score(m.Source), m.Key));
        var estimate = FatalityEstimate.Of(claims);
        var subtype = group.Select(m => m.Event.Subtype).Where(s => s != null)
            .GroupBy(s => s!.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (EventSubtype?)g.Key).FirstOrDefault();
        var modalities = group.Select(m => m.Event.Modality).ToList();
        var fused = new Event
        {
            Type = lead.Type,
            Subtype = subtype ?? lead.Subtype,
            Date = Narrowest(group.Select(m => m.Event.Date)),
            Location = ordered.Select(m => m.Event.Location).FirstOrDefault(l => l?.Lat != null) ?? lead.Location,
            Actor1 = MostCommon(group.Select(m => m.Event.Actor1)),
            Actor2 = MostCommon(group.Select(m => m.Event.Actor2)),
            Fatalities = estimate?.Best,
            Sources = group.Select(m => m.Source).Where(s => s != null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Modality = modalities.Contains(Modality.Asserted) ? Modality.Asserted : modalities.Min(),
            Optional = group.All(m => m.Event.Optional),
        };
        return new FusedEvent { Id = IdOf(group[0].Key), Event = fused, Mentions = group, Fatalities = estimate };
    }

    /// <summary>
    /// <see cref="Build"/> for an event of one mention (nearly every event of a batch): the values <see cref="Build"/>
    /// agrees on are that mention's own, read without its orderings and groupings.
    /// </summary>
    private FusedEvent BuildOne(List<FusionMention> group)
    {
        var m = group[0];
        var e = m.Event;
        FatalityEstimate? estimate = e.Fatalities is { } f
            ? FatalityEstimate.Of([new FatalityClaim(m.Source, f, _reliability.Score(m.Source), m.Key)])
            : FatalityEstimate.Of([]);
        var fused = new Event
        {
            Type = e.Type,
            Subtype = e.Subtype,
            Date = e.Date,
            Location = e.Location,
            Actor1 = e.Actor1 is { Name.Length: > 0 } a1 ? a1 : null,
            Actor2 = e.Actor2 is { Name.Length: > 0 } a2 ? a2 : null,
            Fatalities = estimate?.Best,
            Sources = m.Source != null ? [m.Source] : [],
            Modality = e.Modality,
            Optional = e.Optional,
        };
        return new FusedEvent { Id = IdOf(m.Key), Event = fused, Mentions = group, Fatalities = estimate };
    }

    /// <summary>The most precise date: the day given by the most mentions, else the first in date order.</summary>
    private static DateRange? Narrowest(IEnumerable<DateRange?> dates)
    {
        var list = dates.Where(d => d != null).Select(d => d!).ToList();
        if (list.Count == 0) return null;
        return list
            .GroupBy(d => (d.Start, d.End))
            .OrderBy(g => g.Key.End.Last.DayNumber - g.Key.Start.First.DayNumber)
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key.Start)
            .First().First();
    }

    private static Actor? MostCommon(IEnumerable<Actor?> actors) =>
        actors.Where(a => a != null && a.Name.Length > 0)
            .GroupBy(a => SourceReliability.Key(a!.Name))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(a => a!.Name, StringComparer.Ordinal).First())
            .FirstOrDefault();

    /// <summary>
    /// The stored mentions a mention may be fused with, as a store can look them up (<see cref="FusionProbe"/>): same
    /// type, a first day close enough, and the grid cells around its place or the same place name. Every mention that
    /// <see cref="Fuse"/> could join to this one is inside the probe (it is wider than the candidate index of
    /// <see cref="Fuse"/>, from both sides of a pair); null for a mention fusion never joins (undated, dated more vaguely
    /// than <see cref="Options.MaxSpanDays"/>, or neither located nor named).
    /// </summary>
    public FusionProbe? ProbeOf(Event e)
    {
        var k = Keyed.Of(e);
        if (!Fusable(k)) return null;
        var located = k.Lat != null && k.Lon != null;
        if (!located && k.Name == null) return null;
        var first = k.First!.Value.DayNumber;
        var last = k.Last!.Value.DayNumber;
        int minY = 0, maxY = -1, minX = 0, maxX = -1;
        if (located)
        {
            var lat = k.Lat!.Value;
            var lon = k.Lon!.Value;
            var cellDeg = _options.MaxKm / 111.0;
            // a pair joins when one lies within a cell up or down and `reach` cells east or west of the other's
            // cell: twice a cell in latitude, and the reach of the side nearer the pole plus one cell in longitude
            var dLat = 2 * cellDeg;
            var poleward = Math.Min(90, Math.Abs(lat) + dLat);
            var reach = (int)Math.Ceiling(1 / Math.Max(0.05, Math.Cos(poleward * Math.PI / 180)));
            var dLon = (reach + 1) * cellDeg;
            minY = FusionBlock.Cell(lat - dLat); maxY = FusionBlock.Cell(lat + dLat);
            minX = FusionBlock.Cell(lon - dLon); maxX = FusionBlock.Cell(lon + dLon);
        }
        return new FusionProbe(e.Type, first - _options.DayTolerance - _options.MaxSpanDays, last + _options.DayTolerance,
            minY, maxY, minX, maxX, k.Name)
        {
            Subtype = e.Subtype,
            MinLastDay = first - _options.DayTolerance,
        };
    }

    /// <summary>True when <see cref="Fuse"/> may put the two mentions in one event (both fusable, and the same event by type, date, place and actors).</summary>
    public bool MayJoin(Event a, Event b)
    {
        var ka = Keyed.Of(a);
        var kb = Keyed.Of(b);
        return Fusable(ka) && Fusable(kb) && Compatible(ka, kb, a, b);
    }

    private bool Fusable(Keyed k) =>
        k.First != null && k.Last != null && k.Last.Value.DayNumber - k.First.Value.DayNumber <= _options.MaxSpanDays;

    /// <summary>The key of a place's name for fusion: folded name and country.</summary>
    internal static string? NameKey(Location? loc) =>
        loc != null && loc.Name.Length > 0 ? SourceReliability.Key(loc.Name) + "|" + (loc.Country ?? "").ToUpperInvariant() : null;

    /// <summary>"ev-" and 12 hex digits of the SHA-256 of the group's first mention key.</summary>
    public static string IdOf(string mentionKey) =>
        "ev-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(mentionKey)))[..12];

    /// <summary>What fusion compares, computed once per mention.</summary>
    private readonly record struct Keyed(DateOnly? First, DateOnly? Last, double? Lat, double? Lon, string? Name)
    {
        public static Keyed Of(Event e)
        {
            var loc = e.Location;
            return new Keyed(e.Date?.Start.First, e.Date?.End.Last, loc?.Lat, loc?.Lon, NameKey(loc));
        }
    }
}
