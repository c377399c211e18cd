using Vigie.Model;
using Vigie.Scoring;

namespace Vigie.Tests.Scoring;

public class ScorerTests
{
    private static readonly Scorer Scorer = new();

    // One degree of latitude is about 111.2 km on the mean-radius sphere.
    private const double KmPerDegree = 6371.0088 * Math.PI / 180;

    private static Event Ev(EventType type = EventType.Battles, EventSubtype? subtype = EventSubtype.ArmedClash, string date = "2018-04-27",
        string? end = null, string place = "Gao", double? lat = 16.27, double? lon = -0.04, bool optional = false,
        ActorKind? a1 = ActorKind.StateForces, ActorKind? a2 = ActorKind.RebelGroup, int? fatalities = null) => new()
    {
        Type = type,
        Subtype = subtype,
        Date = new DateRange(PartialDate.Parse(date), PartialDate.Parse(end ?? date)),
        Location = new Location { Name = place, Lat = lat, Lon = lon },
        Actor1 = a1 is { } k1 ? new Actor { Name = "x", Kind = k1 } : null,
        Actor2 = a2 is { } k2 ? new Actor { Name = "y", Kind = k2 } : null,
        Fatalities = fatalities,
        Optional = optional,
        Evidence = [new TextSpan(0, 4)],
    };

    private static DocumentRecord Doc(string id = "d1", string lang = "fr", string date = "2018-04", IEnumerable<Event>? events = null,
        IEnumerable<CasualtyReport>? reports = null, string? resolved = null) => new()
    {
        Id = id,
        Lang = lang,
        Date = date,
        Text = "Texte. Une phrase de plus.",
        Events = events?.ToList() ?? [],
        CasualtyReports = reports?.ToList() ?? [],
        DateResolved = resolved is null ? null : new ResolvedDate { Date = PartialDate.Parse(resolved), Evidence = [new TextSpan(0, 5)] },
    };

    private static CasualtyReport Report(string? source, params Figure[] figures) => new() { Source = source, Figures = [.. figures] };

    private static Figure Fig(long count, Outcome outcome = Outcome.Killed, VictimGroup group = VictimGroup.All, Bound bound = Bound.Exact) =>
        new() { Count = count, Outcome = outcome, Group = group, Bound = bound };

    private static Scores Score(DocumentRecord gold, DocumentRecord found) => Scorer.ScoreDocument(gold, found).Scores;

    [Theory]
    [InlineData("2018-04-27", null, true)]
    [InlineData("2018-04-28", null, true)]
    [InlineData("2018-04-26", null, true)]
    [InlineData("2018-04-29", null, false)]
    [InlineData("2018-04-25", null, false)]
    [InlineData("2018-04-20", "2018-04-26", true)]
    [InlineData("2018-04", null, true)]
    [InlineData("2018-03", null, false)]
    public void EventsMatch_Dates_OverlapWithOneDayTolerance(string start, string? end, bool expected) =>
        Assert.Equal(expected, Scorer.EventsMatch(Ev(date: start, end: end), Ev()));

    [Theory]
    [InlineData(24.0, true)]
    [InlineData(24.9, true)]
    [InlineData(25.1, false)]
    [InlineData(40.0, false)]
    public void EventsMatch_Distance_Within25Km(double km, bool expected) =>
        Assert.Equal(expected, Scorer.EventsMatch(Ev(lat: 16.27 + km / KmPerDegree, place: "ailleurs"), Ev()));

    [Theory]
    [InlineData("Sobane-Da", true)]
    [InlineData("Sobane", false)]
    public void EventsMatch_MissingCoordinates_ComparesNormalisedNames(string foundName, bool expected) =>
        Assert.Equal(expected, Scorer.EventsMatch(Ev(place: foundName, lat: 14.1, lon: -3.5), Ev(place: "Sobane Da", lat: null, lon: null)));

    [Fact]
    public void EventsMatch_DifferentType_DoesNotMatch() =>
        Assert.False(Scorer.EventsMatch(Ev(type: EventType.ExplosionsRemoteViolence, subtype: EventSubtype.ArmedClash), Ev()));

    [Fact]
    public void EventsMatch_FoundWithoutDate_DoesNotMatch()
    {
        var found = Ev();
        found.Date = null;
        Assert.False(Scorer.EventsMatch(found, Ev()));
    }

    [Fact]
    public void Haversine_OneDegreeOfLatitude_IsAbout111Km() =>
        Assert.InRange(Vigie.Geo.GreatCircle.Km(10, 20, 11, 20), 111.1, 111.3);

    [Fact]
    public void ScoreDocument_FoundMatchesOptional_IsNeitherTruePositiveNorFalsePositive()
    {
        var gold = Doc(events: [Ev(place: "Gao"), Ev(place: "Kidal", lat: 18.44, lon: 1.41, optional: true)]);
        var found = Doc(events: [Ev(place: "Kidal", lat: 18.44, lon: 1.41), Ev(place: "Tombouctou", lat: 16.77, lon: -3.01)]);
        var s = Score(gold, found);
        Assert.Equal((0, 1, 1, 1), (s.Events.Tp, s.Events.Fp, s.Events.Fn, s.OptionalMatched));
    }

    [Fact]
    public void ScoreDocument_PerSubtype_CountsRightWrongMissedAndFalse()
    {
        // a clash at Kidal found right; an air strike at Tombouctou missed; a shelling at Gao the gold does not have
        var gold = Doc(events: [Ev(place: "Kidal", lat: 18.44, lon: 1.41), Ev(place: "Tombouctou", lat: 16.77, lon: -3.01, type: EventType.ExplosionsRemoteViolence, subtype: EventSubtype.AirDroneStrike)]);
        var found = Doc(events: [Ev(place: "Kidal", lat: 18.44, lon: 1.41), Ev(place: "Gao", type: EventType.ExplosionsRemoteViolence, subtype: EventSubtype.ShellingArtilleryMissileAttack)]);
        var s = Score(gold, found);
        Assert.Equal((1, 0, 0), (s.PerSubtype["armed_clash"].Tp, s.PerSubtype["armed_clash"].Fp, s.PerSubtype["armed_clash"].Fn));
        Assert.Equal((0, 0, 1), (s.PerSubtype["air_drone_strike"].Tp, s.PerSubtype["air_drone_strike"].Fp, s.PerSubtype["air_drone_strike"].Fn));
        Assert.Equal((0, 1, 0), (s.PerSubtype["shelling_artillery_missile_attack"].Tp, s.PerSubtype["shelling_artillery_missile_attack"].Fp, s.PerSubtype["shelling_artillery_missile_attack"].Fn));
    }

    [Fact]
    public void ScoreDocument_UnmatchedOptional_IsNotAMiss()
    {
        var gold = Doc(events: [Ev(), Ev(place: "Kidal", lat: 18.44, lon: 1.41, optional: true)]);
        var s = Score(gold, Doc(events: [Ev()]));
        Assert.Equal((1, 0, 0), (s.Events.Tp, s.Events.Fp, s.Events.Fn));
        Assert.Equal(1.0, s.Events.F1);
    }

    [Fact]
    public void MatchEvents_CandidateForRequiredAndOptional_TakesTheRequiredOne()
    {
        var gold = Doc(events: [Ev(optional: true), Ev(date: "2018-04-28")]);
        var s = Score(gold, Doc(events: [Ev()]));
        Assert.Equal((1, 0, 0, 0), (s.Events.Tp, s.Events.Fp, s.Events.Fn, s.OptionalMatched));
    }

    [Fact]
    public void MatchEvents_TwoFoundForOneGold_IsOneToOne()
    {
        var s = Score(Doc(events: [Ev()]), Doc(events: [Ev(), Ev()]));
        Assert.Equal((1, 1, 0), (s.Events.Tp, s.Events.Fp, s.Events.Fn));
    }

    [Fact]
    public void MatchEvents_SameSubtypeFirst_PairsEachFoundWithItsSubtype()
    {
        var gold = new[] { Ev(subtype: EventSubtype.ArmedClash), Ev(subtype: EventSubtype.GovernmentRegainsTerritory) };
        var found = new[] { Ev(subtype: EventSubtype.GovernmentRegainsTerritory), Ev(subtype: EventSubtype.ArmedClash) };
        var pairs = Scorer.MatchEvents(found, gold);
        Assert.Equal([(0, 1), (1, 0)], pairs.OrderBy(p => p.Found).ToList());
        Assert.Equal(1.0, Score(Doc(events: gold), Doc(events: found)).Subtype.Value);
    }

    [Fact]
    public void MatchEvents_CloserDateFirst_PairsTheNearestDays()
    {
        var gold = new[] { Ev(date: "2018-04-27"), Ev(date: "2018-04-28") };
        var found = new[] { Ev(date: "2018-04-28"), Ev(date: "2018-04-27") };
        Assert.Equal([(0, 1), (1, 0)], Scorer.MatchEvents(found, gold).OrderBy(p => p.Found).ToList());
    }

    [Fact]
    public void ScoreDocument_MatchedPair_ScoresActorSlotsApart()
    {
        var s = Score(Doc(events: [Ev(a1: ActorKind.StateForces, a2: ActorKind.RebelGroup)]),
                      Doc(events: [Ev(a1: ActorKind.StateForces, a2: ActorKind.Civilians)]));
        Assert.Equal((1, 2), (s.ActorKind.Hits, s.ActorKind.Total));
    }

    [Fact]
    public void ScoreDocument_BothActorsAbsent_CountsAsRight()
    {
        var s = Score(Doc(events: [Ev(a1: null, a2: null)]), Doc(events: [Ev(a1: null, a2: null)]));
        Assert.Equal((2, 2), (s.ActorKind.Hits, s.ActorKind.Total));
    }

    [Fact]
    public void ScoreDocument_MatchedByNameWithoutCoordinates_IsNotWithin25Km()
    {
        var s = Score(Doc(events: [Ev(place: "Gao")]), Doc(events: [Ev(place: "Gao", lat: null, lon: null)]));
        Assert.Equal(1, s.Events.Tp);
        Assert.Equal((0, 1), (s.LocationWithin25Km.Hits, s.LocationWithin25Km.Total));
    }

    [Fact]
    public void ScoreDocument_GoldWithoutCoordinates_IsLeftOutOfTheDistanceShare()
    {
        var s = Score(Doc(events: [Ev(place: "Ogoboro", lat: null, lon: null)]), Doc(events: [Ev(place: "Ogoboro", lat: null, lon: null)]));
        Assert.Equal((1, 0), (s.Events.Tp, s.LocationWithin25Km.Total));
    }

    [Fact]
    public void ScoreDocument_Fatalities_ComparedOnMatchedPairs()
    {
        var s = Score(Doc(events: [Ev(fatalities: 25), Ev(place: "Kidal", lat: 18.44, lon: 1.41)]),
                      Doc(events: [Ev(fatalities: 37), Ev(place: "Kidal", lat: 18.44, lon: 1.41)]));
        Assert.Equal((1, 2), (s.Fatalities.Hits, s.Fatalities.Total));
    }

    [Fact]
    public void ScoreDocument_NoEventsAnywhere_HasUndefinedScores()
    {
        var s = Score(Doc(), Doc());
        Assert.Null(s.Events.F1);
        Assert.Null(s.Events.Precision);
        Assert.Null(s.Subtype.Value);
    }

    [Fact]
    public void ScoreDocument_NothingFound_HasZeroRecallAndF1()
    {
        var s = Score(Doc(events: [Ev()]), Doc());
        Assert.Equal((0.0, 0.0), (s.Events.Recall!.Value, s.Events.F1!.Value));
        Assert.Null(s.Events.Precision);
    }

    [Fact]
    public void ScoreDocument_FiguresPooledAcrossReports_MatchOnOutcomeGroupCount()
    {
        var gold = Doc(reports: [Report("OSDH", Fig(74, group: VictimGroup.GovernmentForces, bound: Bound.AtLeast), Fig(19, group: VictimGroup.Civilians))]);
        var found = Doc(reports: [
            Report("l'Observatoire syrien des droits de l'Homme", Fig(74, group: VictimGroup.GovernmentForces, bound: Bound.AtLeast)),
            Report(null, Fig(19, group: VictimGroup.Civilians, bound: Bound.About), Fig(19, group: VictimGroup.All), Fig(19, outcome: Outcome.Injured, group: VictimGroup.Civilians)),
        ]);
        var s = Score(gold, found);
        Assert.Equal((2, 2, 0), (s.Figures.Tp, s.Figures.Fp, s.Figures.Fn));
        Assert.Equal((1, 2), (s.FigureSource.Hits, s.FigureSource.Total));
        Assert.Equal((1, 2), (s.FigureBound.Hits, s.FigureBound.Total));
    }

    [Fact]
    public void MatchFigures_SameFigureFromTwoSources_PairsTheRightSourceFirst()
    {
        var gold = Doc(reports: [Report("AFP", Fig(25)), Report("Reuters", Fig(25))]);
        var found = Doc(reports: [Report("Reuters", Fig(25)), Report("AFP", Fig(25))]);
        var s = Score(gold, found);
        Assert.Equal((2, 2), (s.FigureSource.Hits, s.FigureSource.Total));
    }

    [Fact]
    public void ScoreDocument_RangeBound_NeedsLowAndHigh()
    {
        var g = Fig(10, bound: Bound.Range); g.Low = 10; g.High = 20;
        var f = Fig(10, bound: Bound.Range); f.Low = 10; f.High = 30;
        var s = Score(Doc(reports: [Report(null, g)]), Doc(reports: [Report(null, f)]));
        Assert.Equal((1, 0, 1), (s.Figures.Tp, s.FigureBound.Hits, s.FigureBound.Total));
    }

    [Theory]
    [InlineData("2018-04-27", "2018-04-27", 1, 0)]
    [InlineData("2018-04-27", "2018-04-26", 0, 0)]
    [InlineData("2018-04-27", null, 0, 0)]
    [InlineData(null, "2018-04-26", 0, 1)]
    [InlineData(null, null, 0, 0)]
    public void ScoreDocument_ResolvedDate_CountsExactDaysAndFalseOnes(string? gold, string? found, int hits, int falseOnes)
    {
        var s = Score(Doc(resolved: gold), Doc(resolved: found));
        Assert.Equal((hits, gold == null ? 0 : 1, falseOnes), (s.DateResolved.Hits, s.DateResolved.Total, s.FalseDateResolved));
    }

    [Fact]
    public void ScoreDocument_ResolvedDateEqualToFullInputDate_IsNotFalse()
    {
        var s = Score(Doc(date: "2018-04-27"), Doc(date: "2018-04-27", resolved: "2018-04-27"));
        Assert.Equal(0, s.FalseDateResolved);
    }

    [Fact]
    public void Score_SystemLacksADocument_CountsItsEventsAsMissedAndWarns()
    {
        var r = Scorer.Score([Doc("a", events: [Ev()]), Doc("b", lang: "en", events: [Ev()])], [Doc("a", events: [Ev()])]);
        Assert.Equal((1, 0, 1), (r.Overall.Events.Tp, r.Overall.Events.Fp, r.Overall.Events.Fn));
        Assert.Equal(1, r.ByLanguage["en"].Events.Fn);
        Assert.Equal(1, r.ByLanguage["fr"].Events.Tp);
        Assert.Contains(r.Warnings, w => w.Contains("'b'"));
    }

    [Fact]
    public void ScoreDocument_Explain_GivesEvidenceSentenceOfMisses()
    {
        var d = Scorer.ScoreDocument(Doc(events: [Ev()]), Doc());
        var miss = Assert.Single(d.Findings);
        Assert.Equal(FindingKind.MissedEvent, miss.Kind);
        Assert.Equal("Texte.", miss.Evidence);
    }

    [Theory]
    [InlineData(0, 4, "Texte.")]
    [InlineData(7, 10, "Une phrase de plus.")]
    [InlineData(3, 9, "Texte. Une phrase de plus.")]
    public void EvidenceText_Span_ExpandsToSentences(int start, int end, string expected) =>
        Assert.Equal(expected, Scorer.EvidenceText("Texte. Une phrase de plus.", [new TextSpan(start, end)]));
}
