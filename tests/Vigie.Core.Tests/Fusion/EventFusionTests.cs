using Vigie.Fusion;
using Vigie.Model;

namespace Vigie.Tests.Fusion;

public class EventFusionTests
{
    private static readonly Actor SyrianArmyFr = new() { Name = "armée syrienne", Kind = ActorKind.StateForces, Country = "SY" };
    private static readonly Actor SyrianArmyEn = new() { Name = "Syrian army", Kind = ActorKind.StateForces, Country = "SY" };
    private static readonly Actor Rebels = new() { Name = "rebelles", Kind = ActorKind.RebelGroup, Country = "SY" };
    private static readonly Actor Jihadists = new() { Name = "Islamic State", Kind = ActorKind.RebelGroup };

    public static FusionMention M(string key, EventSubtype subtype, string day, double lat, double lon, int? killed = null,
        string? source = null, Actor? a1 = null, Actor? a2 = null, string place = "P", string? endDay = null) => new()
    {
        Key = key,
        DocumentHash = key.Split(':')[0],
        Source = source,
        Event = new Event
        {
            Type = Taxonomy.TypeOf(subtype),
            Subtype = subtype,
            Date = new DateRange(PartialDate.Parse(day), PartialDate.Parse(endDay ?? day)),
            Location = new Location { Name = place, Country = "SY", Lat = lat, Lon = lon, Precision = 1 },
            Actor1 = a1,
            Actor2 = a2,
            Fatalities = killed,
            Sources = source == null ? [] : [source],
        },
    };

    private static IReadOnlyList<FusedEvent> Fuse(params FusionMention[] ms) => new EventFusion().Fuse(ms);

    [Fact]
    public void Fuse_SameStrikeInThreeReportsFrenchAndEnglish_OneEventThreeMentionsLowBestHigh()
    {
        // Maarat al-Noman: a French wire quoting the OSDH, an English wire quoting state media, a rescue service a day later
        var fused = Fuse(
            M("a:0", EventSubtype.AirDroneStrike, "2019-05-20", 35.6481, 36.6742, 11, "OSDH", SyrianArmyFr, place: "Maarat al-Noman"),
            M("b:0", EventSubtype.AirDroneStrike, "2019-05-20", 35.6430, 36.6800, 6, "SANA", SyrianArmyEn, place: "Maaret al-Numan"),
            M("c:0", EventSubtype.AirDroneStrike, "2019-05-21", 35.6500, 36.6700, 14, "White Helmets", null, place: "Maarat al-Nouman"));
        var e = Assert.Single(fused);
        Assert.Equal(3, e.Mentions.Count);
        Assert.Equal(6, e.Fatalities!.Low);
        Assert.Equal(11, e.Fatalities.Best);
        Assert.Equal(14, e.Fatalities.High);
        Assert.Equal(11, e.Event.Fatalities);
        Assert.Equal(3, e.Fatalities.Claims.Count);
    }

    [Fact]
    public void Fuse_OneDocumentStrikesTwoNearbyDistricts_StayTwoAndAnotherReportJoinsOne()
    {
        // one dispatch: air strikes on two quarters 2 km apart; a second dispatch names only the first
        var fused = Fuse(
            M("a:0", EventSubtype.AirDroneStrike, "2018-04-27", 33.460, 36.305, place: "Hajar al-Aswad"),
            M("a:1", EventSubtype.AirDroneStrike, "2018-04-27", 33.475, 36.285, place: "Qadam"),
            M("b:0", EventSubtype.AirDroneStrike, "2018-04-27", 33.461, 36.304, place: "Hajar al-Aswad"));
        Assert.Equal(2, fused.Count);
        Assert.Contains(fused, e => e.Mentions.Count == 2);
        Assert.Contains(fused, e => e.Mentions.Count == 1);
    }

    [Fact]
    public void Fuse_TwoStrikesSameDay40KmApart_StayTwo()
    {
        // Ariha and Jisr al-Shughur are about 40 km apart
        var fused = Fuse(
            M("a:0", EventSubtype.AirDroneStrike, "2019-05-12", 35.8136, 36.6078, 5, "OSDH"),
            M("b:0", EventSubtype.AirDroneStrike, "2019-05-12", 35.8120, 36.3190, 7, "OSDH"));
        Assert.Equal(2, fused.Count);
    }

    [Theory]
    [InlineData("2019-05-13", 1)]  // one day apart: within the tolerance
    [InlineData("2019-05-14", 2)]  // two days apart
    public void Fuse_DatesApart_JoinOnlyWithinOneDay(string secondDay, int expected)
    {
        var fused = Fuse(
            M("a:0", EventSubtype.ArmedClash, "2019-05-12", 35.0, 36.0),
            M("b:0", EventSubtype.ArmedClash, secondDay, 35.01, 36.01));
        Assert.Equal(expected, fused.Count);
    }

    [Fact]
    public void Fuse_DifferentSubtypes_StayApart()
    {
        var fused = Fuse(
            M("a:0", EventSubtype.AirDroneStrike, "2019-05-12", 35.0, 36.0),
            M("b:0", EventSubtype.ShellingArtilleryMissileAttack, "2019-05-12", 35.0, 36.0));
        Assert.Equal(2, fused.Count);
    }

    [Fact]
    public void Fuse_ContradictingActors_StayApart()
    {
        var fused = Fuse(
            M("a:0", EventSubtype.ArmedClash, "2019-05-12", 35.0, 36.0, a1: SyrianArmyFr, a2: Rebels),
            M("b:0", EventSubtype.ArmedClash, "2019-05-12", 35.0, 36.0, a1: Jihadists, a2: Rebels));
        Assert.Equal(2, fused.Count);
    }

    [Fact]
    public void Fuse_ActorsInSwappedRoles_Join()
    {
        var fused = Fuse(
            M("a:0", EventSubtype.ArmedClash, "2019-05-12", 35.0, 36.0, a1: SyrianArmyFr, a2: Rebels),
            M("b:0", EventSubtype.ArmedClash, "2019-05-12", 35.0, 36.0, a1: Rebels, a2: SyrianArmyEn));
        Assert.Single(fused);
    }

    [Fact]
    public void Fuse_NoCoordinatesSameNameAndCountry_Join()
    {
        var a = M("a:0", EventSubtype.Attack, "2020-01-05", 0, 0, place: "Kafranbel");
        var b = M("b:0", EventSubtype.Attack, "2020-01-05", 0, 0, place: "KAFRANBEL");
        a.Event.Location!.Lat = a.Event.Location.Lon = null;
        b.Event.Location!.Lat = b.Event.Location.Lon = null;
        Assert.Single(Fuse(a, b));
    }

    [Fact]
    public void Fuse_MonthOnlyDates_NeverJoin()
    {
        var a = M("a:0", EventSubtype.Attack, "2020-01", 35, 36);
        var b = M("b:0", EventSubtype.Attack, "2020-01", 35, 36);
        Assert.Equal(2, Fuse(a, b).Count);
    }

    [Fact]
    public void Fuse_ShuffledInput_GivesTheSameEvents()
    {
        var random = new Random(20260);
        var mentions = new List<FusionMention>();
        for (var i = 0; i < 400; i++)
        {
            var subtype = random.Next(3) switch { 0 => EventSubtype.AirDroneStrike, 1 => EventSubtype.ArmedClash, _ => EventSubtype.Attack };
            var day = new DateOnly(2019, 5, 1).AddDays(random.Next(10)).ToString("yyyy-MM-dd");
            mentions.Add(M($"{i:D4}:0", subtype, day, 35 + random.NextDouble() * 1.5, 36 + random.NextDouble() * 1.5,
                random.Next(4) == 0 ? null : random.Next(50), random.Next(2) == 0 ? "OSDH" : "SANA"));
        }
        var expected = Describe(new EventFusion().Fuse(mentions));
        for (var seed = 0; seed < 10; seed++)
        {
            var shuffled = mentions.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Describe(new EventFusion().Fuse(shuffled)));
        }
        Assert.InRange(expected.Count, 2, mentions.Count - 1); // some, not all, mentions joined
    }

    private static List<string> Describe(IReadOnlyList<FusedEvent> events) =>
        events.Select(e => $"{e.Id} {e.Event.Subtype} {e.Event.Date?.Start} {string.Join(",", e.Mentions.Select(m => m.Key))} {e.Fatalities?.Low}/{e.Fatalities?.Best}/{e.Fatalities?.High}").ToList();

    [Fact]
    public void Fuse_SameMentionTwice_SameEventIdAsOnce()
    {
        var m = M("a:0", EventSubtype.Attack, "2020-01-05", 35, 36);
        Assert.Equal(Fuse(m).Single().Id, Fuse(m, M("b:0", EventSubtype.Attack, "2020-01-05", 35, 36)).Single().Id);
    }
}
