using Vigie.Model;
using Vigie.Storage;
using static Vigie.Tests.Builders;

namespace Vigie.Tests;

public class StoreQueryTests
{
    private static readonly Actor Army = new() { Name = "Military Forces of Syria", Kind = ActorKind.StateForces, Country = "SY" };
    private static readonly Actor Civilians = new() { Name = "Civilians (Syria)", Kind = ActorKind.Civilians, Country = "SY" };

    /// <summary>Three reports of one air strike on Ariha, a shelling 40 km away the same day, and a clash in Iraq.</summary>
    private static TempDb Filled(out Storage.Sqlite.SqliteStore store)
    {
        var db = new TempDb();
        store = db.Open();
        store.WriteBatch(
        [
            Doc("r1", "Frappe sur Ariha, selon l'OSDH : 12 morts.", "2019-05-12", Event(EventSubtype.AirDroneStrike, "2019-05-12", "Ariha", 35.8136, 36.6078, "SY", 12, "OSDH", Army, Civilians)),
            Doc("r2", "Air strike on Ariha kills 9, state media say.", "2019-05-12", Event(EventSubtype.AirDroneStrike, "2019-05-12", "Ariha", 35.81, 36.61, "SY", 9, "SANA", Army)),
            Doc("r3", "Raid aérien meurtrier près d'Ariha : 15 tués.", "2019-05-13", Event(EventSubtype.AirDroneStrike, "2019-05-11", "Ariha", 35.83, 36.58, "SY", 15, "Casques blancs", Army, Civilians)),
            Doc("r4", "Tirs d'obus sur Jisr al-Choughour.", "2019-05-12", Event(EventSubtype.ShellingArtilleryMissileAttack, "2019-05-12", "Jisr al-Shughur", 35.8120, 36.3190, "SY", 3, "OSDH")),
            Doc("r5", "Clashes near Tal Afar.", "2019-05-12", Event(EventSubtype.ArmedClash, "2019-05-12", "Tal Afar", 36.3792, 42.4497, "IQ", null, "Reuters")),
        ], "run-1");
        store.Refuse();
        return db;
    }

    [Fact]
    public void Refuse_ThreeReportsOfOneStrike_OneEventWithThreeMentionsAndLowBestHigh()
    {
        using var db = Filled(out var store);
        using var _ = store;
        var strikes = store.Events(new EventFilter { Subtype = EventSubtype.AirDroneStrike }, withMentions: true);
        var strike = Assert.Single(strikes);
        Assert.Equal(3, strike.Mentions.Count);
        Assert.Equal(3, strike.MentionCount);
        Assert.Equal(9, strike.FatalitiesLow);
        Assert.Equal(12, strike.FatalitiesBest); // the monitor (OSDH) over the rescue service and state media
        Assert.Equal(15, strike.FatalitiesHigh);
        Assert.Equal(3, store.Count("events"));
    }

    [Theory]
    [InlineData("SY", null, null, null, null, 2)]
    [InlineData("IQ", null, null, null, null, 1)]
    [InlineData(null, "2019-05-13", null, null, null, 0)]
    [InlineData(null, null, "2019-05-11", null, null, 0)]
    [InlineData(null, null, "2019-05-12", null, null, 3)]
    [InlineData(null, null, null, "syria", null, 1)]
    [InlineData(null, null, null, "Forces", null, 1)]
    [InlineData(null, null, null, null, "osdh", 2)]
    [InlineData(null, null, null, null, "reuters", 1)]
    public void Events_Filter_KeepsTheMatchingEvents(string? country, string? from, string? to, string? actor, string? source, int expected)
    {
        using var db = Filled(out var store);
        using var _ = store;
        var filter = new EventFilter
        {
            Country = country,
            From = from == null ? null : Vigie.Model.PartialDate.Parse(from),
            To = to == null ? null : Vigie.Model.PartialDate.Parse(to),
            Actor = actor,
            Source = source,
        };
        Assert.Equal(expected, store.Events(filter).Count);
    }

    [Theory]
    [InlineData(null, "2019-08", 1)]          // a month reaches its last day: 21 August is in
    [InlineData(null, "2019", 1)]             // a year reaches 31 December
    [InlineData("2019-08", "2019-08", 1)]
    [InlineData(null, "2019-08-20", 0)]
    [InlineData(null, "2019-07", 0)]
    [InlineData("2019-09", null, 0)]
    public void Events_MonthOrYearBounds_CoverTheWholeMonthOrYear(string? from, string? to, int expected)
    {
        using var db = new TempDb();
        using var store = db.Open();
        store.WriteBatch([Doc("k1", "Khan Cheikhoun reprise.", "2019-08-21", Event(EventSubtype.ArmedClash, "2019-08-21", "Khan Shaykhun", 35.44, 36.65, "SY", null, "Sana"))], "run-1");
        store.Refuse();
        var filter = new EventFilter
        {
            From = from == null ? null : PartialDate.Parse(from),
            To = to == null ? null : PartialDate.Parse(to),
        };
        Assert.Equal(expected, store.Events(filter).Count);
    }

    [Fact]
    public void Events_Near_KeepsOnlyEventsWithinTheRadius()
    {
        using var db = Filled(out var store);
        using var _ = store;
        var nearAriha = store.Events(new EventFilter { Near = new Near(35.8136, 36.6078, 10) });
        Assert.Equal(EventSubtype.AirDroneStrike, Assert.Single(nearAriha).Event.Subtype);
        Assert.Equal(2, store.Events(new EventFilter { Near = new Near(35.8136, 36.6078, 40) }).Count);
    }

    [Fact]
    public void Event_ByIdOrNumber_ReturnsTheEventWithItsMentions()
    {
        using var db = Filled(out var store);
        using var _ = store;
        var any = store.Events(EventFilter.All).First(e => e.MentionCount == 3);
        Assert.Equal(3, store.Event(any.Id)!.Mentions.Count);
        Assert.Equal(any.Id, store.Event(any.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))!.Id);
        Assert.Null(store.Event("ev-000000000000"));
    }

    [Fact]
    public void WriteBatch_CasualtyReportSameFigureSameSource_StoredOnceWithBothDocuments()
    {
        using var db = new TempDb();
        using var store = db.Open();
        CasualtyReport Total() => new()
        {
            Source = "OSDH",
            Scope = ReportScope.ConflictTotal,
            Figures = [new Figure { Outcome = Outcome.Killed, Count = 370000, Bound = Bound.MoreThan }],
            Evidence = [new TextSpan(0, 5)],
        };
        var a = Doc("t1", "Bilan global selon l'OSDH.", "2019-03-15");
        a.Record.CasualtyReports = [Total()];
        var b = Doc("t2", "Overall toll, the Observatory says.", "2019-03-16");
        b.Record.CasualtyReports = [Total()];
        var c = Doc("t3", "Un autre bilan, d'une autre source.", "2019-03-16");
        var other = Total(); other.Source = "ONU";
        c.Record.CasualtyReports = [other];
        store.WriteBatch([a, b, c], "run-1");
        store.Refuse();
        var reports = store.Reports();
        Assert.Equal(2, reports.Count);
        Assert.Equal(2, reports.Single(r => r.Report.Source == "OSDH").DocumentIds.Count);
        Assert.Equal(0, store.Count("events"));
    }
}
