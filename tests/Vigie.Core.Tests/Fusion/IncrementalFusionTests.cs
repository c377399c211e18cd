using System.Text.Json;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Tests.Fusion;

/// <summary>
/// Incremental fusion (<see cref="StoreFusion.Closure"/>) against a full fusion of every mention: a dense corpus that
/// chains events across days and places arrives shuffled, in batches, into an in-memory store that answers probes
/// the way the SQL stores do (type, first day, grid cells, place name); after the last batch the events must be those
/// of <see cref="EventFusion.Fuse"/> over all mentions.
/// </summary>
public class IncrementalFusionTests
{
    private static readonly Actor Army = new() { Name = "armée", Kind = ActorKind.StateForces, Country = "SY" };
    private static readonly Actor Rebels = new() { Name = "rebelles", Kind = ActorKind.RebelGroup, Country = "SY" };
    private static readonly Actor Militia = new() { Name = "milice", Kind = ActorKind.IdentityMilitia, Country = "SY" };

    /// <summary>A corpus where reports chain: places a few km apart, days close, two subtypes, some unlocated or vague.</summary>
    private static List<FusionMention> Corpus(int seed, int count)
    {
        var random = new Random(seed);
        var places = new (string Name, double Lat, double Lon)[]
        {
            ("Ariha", 35.81, 36.61), ("Kafr Nabl", 35.61, 36.56), ("Maarat", 35.65, 36.67), ("Saraqib", 35.86, 36.80),
            ("Jisr", 35.81, 36.32), ("Nord", 69.70, 19.00), ("Nord2", 69.72, 19.40), ("Bord", 12.00, 179.95),
        };
        var subtypes = new[] { EventSubtype.AirDroneStrike, EventSubtype.ArmedClash, EventSubtype.ShellingArtilleryMissileAttack };
        var actors = new Actor?[] { null, Army, Rebels, Militia };
        var list = new List<FusionMention>();
        for (var i = 0; i < count; i++)
        {
            var doc = $"d{random.Next(count * 2 / 3):D4}";
            var place = places[random.Next(places.Length)];
            var located = random.Next(6) != 0;
            var day = new DateOnly(2020, 3, 1).AddDays(random.Next(40));
            var vague = random.Next(15) == 0;
            var start = vague ? PartialDate.Parse(day.ToString("yyyy-MM")) : PartialDate.Parse(day.ToString("yyyy-MM-dd"));
            var end = !vague && random.Next(8) == 0 ? PartialDate.Parse(day.AddDays(random.Next(1, 9)).ToString("yyyy-MM-dd")) : start;
            var subtype = subtypes[random.Next(subtypes.Length)];
            list.Add(new FusionMention
            {
                Key = $"{doc}:{i:D4}",
                DocumentHash = doc,
                Source = random.Next(3) == 0 ? null : "S" + random.Next(4),
                Event = new Event
                {
                    Type = Taxonomy.TypeOf(subtype),
                    Subtype = random.Next(5) == 0 ? null : subtype,
                    Date = random.Next(25) == 0 ? null : new DateRange(start, end),
                    Location = new Location
                    {
                        Name = place.Name, Country = "SY",
                        Lat = located ? place.Lat + (random.NextDouble() - 0.5) * 0.3 : null,
                        Lon = located ? place.Lon + (random.NextDouble() - 0.5) * 0.3 : null,
                        Precision = 1,
                    },
                    Actor1 = actors[random.Next(actors.Length)],
                    Actor2 = actors[random.Next(actors.Length)],
                    Fatalities = random.Next(3) == 0 ? null : random.Next(1, 30),
                },
            });
        }
        return list;
    }

    /// <summary>Mentions with their event, answering probes as a store does from the stored fusion blocks.</summary>
    private sealed class MemoryStore : IFusionReader
    {
        public readonly Dictionary<string, (FusionMention Mention, FusionBlock Block)> Mentions = new(StringComparer.Ordinal);
        public readonly Dictionary<string, string?> EventOf = new(StringComparer.Ordinal);
        public readonly Dictionary<string, FusedEvent> Events = new(StringComparer.Ordinal);
        public int Read;

        public void Add(FusionMention m)
        {
            Mentions[m.Key] = (m, FusionBlock.Of(m.Event));
            EventOf[m.Key] = null;
        }

        public IReadOnlyList<FusionMention> Unfused()
        {
            var list = Mentions.Values.Where(x => EventOf[x.Mention.Key] == null).Select(x => x.Mention).ToList();
            Read += list.Count;
            return list;
        }

        public IEnumerable<FusionMention> Around(FusionProbe p, Func<string, bool> skip)
        {
            foreach (var (m, b) in Mentions.Values)
            {
                if (skip(m.Key) || m.Event.Type != p.Type || b.FirstDay is not { } first || first < p.FirstDay || first > p.LastDay || b.LastDay < p.MinLastDay) continue;
                if (p.Subtype != null && m.Event.Subtype != null && p.Subtype != m.Event.Subtype) continue;
                var inGrid = p.Located && b.GridY >= p.MinY && b.GridY <= p.MaxY && b.GridX >= p.MinX && b.GridX <= p.MaxX;
                var byName = p.Name != null && b.Name == p.Name && (!p.Located || b.GridY == null);
                if (!inGrid && !byName) continue;
                Read++;
                yield return m;
            }
        }

        public void Apply(IReadOnlyList<FusedEvent> fused)
        {
            foreach (var m in fused.SelectMany(f => f.Mentions))
                if (EventOf[m.Key] is { } old) Events.Remove(old);
            foreach (var f in fused)
            {
                Events[f.Id] = f;
                foreach (var m in f.Mentions) EventOf[m.Key] = f.Id;
            }
        }
    }

    private static string Text(FusedEvent f) =>
        f.Id + " " + string.Join(",", f.Mentions.Select(m => m.Key)) + " " + JsonSerializer.Serialize(f.Event, VigieJson.Options)
        + " " + (f.Fatalities is { } x ? $"{x.Low}/{x.Best}/{x.High}" : "-");

    [Theory]
    [InlineData(1, 700, 25)]
    [InlineData(2, 700, 1)]
    [InlineData(3, 400, 90)]
    public void Update_ShuffledBatches_GivesTheEventsOfAFullFusion(int seed, int count, int batch)
    {
        var fusion = new EventFusion();
        var all = Corpus(seed, count);
        var full = fusion.Fuse(all).Select(Text).ToList();
        // the corpus chains reports into events of many mentions, and keeps some apart
        Assert.Contains(fusion.Fuse(all), e => e.Mentions.Count >= 4);
        Assert.True(full.Count > count / 10, $"{full.Count} events");

        var shuffled = all.OrderBy(_ => 0).ToList();
        var random = new Random(seed * 7);
        for (var i = shuffled.Count - 1; i > 0; i--) { var j = random.Next(i + 1); (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]); }
        var store = new MemoryStore();
        for (var start = 0; start < shuffled.Count; start += batch)
        {
            foreach (var m in shuffled.Skip(start).Take(batch)) store.Add(m);
            store.Apply(StoreFusion.Closure(fusion, store));
            Assert.DoesNotContain(store.EventOf.Values, v => v == null);
        }
        var incremental = store.Events.Values.OrderBy(e => e.Id, StringComparer.Ordinal).Select(Text).ToList();
        Assert.Equal(full, incremental);
    }

    [Fact]
    public void Update_OneNewMention_ReadsOnlyTheMentionsNearIt()
    {
        var fusion = new EventFusion();
        var store = new MemoryStore();
        foreach (var m in Corpus(4, 600)) store.Add(m);
        store.Apply(StoreFusion.Closure(fusion, store));
        var far = EventFusionTests.M("zz:0000", EventSubtype.AirDroneStrike, "2021-01-05", 10.0, 10.0);
        store.Add(far);
        store.Read = 0;
        var fused = StoreFusion.Closure(fusion, store);
        Assert.Equal(["zz:0000"], fused.SelectMany(f => f.Mentions).Select(m => m.Key));
        Assert.Equal(1, store.Read);
    }

    [Fact]
    public void ProbeOf_EveryPairFusionJoins_LiesInsideTheProbeOfEachSide()
    {
        var fusion = new EventFusion();
        var all = Corpus(5, 500);
        foreach (var e in fusion.Fuse(all).Where(e => e.Mentions.Count > 1))
            foreach (var a in e.Mentions)
            {
                // each member of an event meets another member that may join it, inside its own probe
                var p = fusion.ProbeOf(a.Event)!;
                Assert.Contains(e.Mentions, b => b != a && fusion.MayJoin(a.Event, b.Event) && Inside(p, FusionBlock.Of(b.Event)));
            }

        static bool Inside(FusionProbe p, FusionBlock b) =>
            b.FirstDay >= p.FirstDay && b.FirstDay <= p.LastDay && b.LastDay >= p.MinLastDay &&
            ((p.Located && b.GridY >= p.MinY && b.GridY <= p.MaxY && b.GridX >= p.MinX && b.GridX <= p.MaxX) ||
             (p.Name != null && b.Name == p.Name && (!p.Located || b.GridY == null)));
    }
}
