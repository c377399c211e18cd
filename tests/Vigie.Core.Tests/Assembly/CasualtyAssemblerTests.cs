using Vigie.Model;

namespace Vigie.Tests.Assembly;

public class CasualtyAssemblerTests
{
    [Fact]
    public void Process_ListOfGroupsSharingOneVerb_GivesOneFigurePerGroup()
    {
        var r = new Layers("Au moins 12 soldats, 30 rebelles et 4 civils ont été tués mardi près de Tikrit, selon la police.", published: "2019-03-14")
            .Number("12", 12, Bound.AtLeast, "Au moins").Number("30", 30).Number("4", 4)
            .Victim("soldats", VictimGroup.GovernmentForces).Victim("rebelles", VictimGroup.NonStateArmed).Victim("civils", VictimGroup.Civilians)
            .Time("mardi", TimeKind.Point, "2019-03-12").Place("Tikrit", PlaceRelation.Near).Source("la police", "police")
            .Run();
        var figs = Layers.Figures(r);
        Assert.Equal(3, figs.Count);
        Assert.All(figs, f => Assert.Equal(Outcome.Killed, f.Figure.Outcome));
        Assert.All(figs, f => Assert.Equal("police", f.Report.Source));
        Assert.Equal([VictimGroup.GovernmentForces, VictimGroup.NonStateArmed, VictimGroup.Civilians], figs.Select(f => f.Figure.Group));
        Assert.Equal([12L, 30L, 4L], figs.Select(f => f.Figure.Count));
        Assert.Equal(Bound.AtLeast, figs[0].Figure.Bound);
        Assert.Equal(ReportScope.Event, figs[0].Report.Scope);
    }

    [Fact]
    public void Process_WarTollSinceAYear_IsConflictTotal()
    {
        var r = new Layers("Déclenchée en 2014, la guerre a fait plus de 10.000 morts.", published: "2019-03-14")
            .Number("10.000", 10000, Bound.MoreThan, "plus de").Time("en 2014", TimeKind.Coarse, "2014").Run();
        var (f, rep) = Assert.Single(Layers.Figures(r));
        Assert.Equal(ReportScope.ConflictTotal, rep.Scope);
        Assert.Equal((Outcome.Killed, VictimGroup.All, 10000L, Bound.MoreThan), (f.Outcome, f.Group, f.Count, f.Bound));
        Assert.Equal("2014", rep.Period!.Start.ToString());
    }

    [Theory]
    [InlineData("Au moins 40 personnes ont été tuées, dont 11 enfants.", "40", 40, "11", 11)]
    [InlineData("Nous avons recensé 9 femmes parmi les 25 victimes.", "25", 25, "9", 9)]
    public void Process_PartOfAFigure_IsNotAFigure(string text, string whole, long wholeValue, string part, long partValue)
    {
        var r = new Layers(text).Number(whole, wholeValue).Number(part, partValue).Run();
        var (f, _) = Assert.Single(Layers.Figures(r));
        Assert.Equal(wholeValue, f.Count);
    }

    [Theory]
    [InlineData("Plusieurs dizaines de personnes ont été tuées.")]
    [InlineData("Le village se trouve à 40 kilomètres de la frontière, où des soldats ont été tués.")]
    [InlineData("Plus de 3.000 personnes vivent dans le camp.")]
    public void Process_NumberNotCountingVictims_GivesNoFigure(string text)
    {
        var l = new Layers(text);
        if (text.Contains("40")) l.Number("40", 40).Victim("soldats", VictimGroup.GovernmentForces);
        else if (text.Contains("3.000")) l.Number("3.000", 3000, Bound.MoreThan, "Plus de");
        else l.Number("Plusieurs dizaines", 20, vague: true);
        Assert.Empty(Layers.Figures(l.Run()));
    }

    [Fact]
    public void Process_SingleVictimWithArticle_CountsOne()
    {
        var r = new Layers("Un policier a été tué jeudi à Kandahar.").Victim("policier", VictimGroup.GovernmentForces).Run();
        var (f, _) = Assert.Single(Layers.Figures(r));
        Assert.Equal((Outcome.Killed, VictimGroup.GovernmentForces, 1L), (f.Outcome, f.Group, f.Count));
    }

    [Theory]
    [InlineData("Les médecins ont soigné une trentaine de blessés.", "une trentaine", 30, Outcome.Injured, VictimGroup.All)]
    [InlineData("Quelque 1.200 réfugiés soudanais sont arrivés au Tchad.", "1.200", 1200, Outcome.Displaced, VictimGroup.Civilians)]
    [InlineData("Les secouristes ont retrouvé 14 cadavres.", "14", 14, Outcome.Killed, VictimGroup.All)]
    [InlineData("Six personnes ont été interpellées samedi.", "Six", 6, Outcome.Arrested, VictimGroup.All)]
    [InlineData("Des hommes armés ont pris en otage 9 enseignants.", "9", 9, Outcome.Abducted, VictimGroup.Civilians)]
    public void Process_OutcomeNounOrVerb_GivesOutcome(string text, string number, long value, Outcome outcome, VictimGroup group)
    {
        var l = new Layers(text).Number(number, value);
        if (text.Contains("enseignants")) l.Victim("enseignants", VictimGroup.Civilians);
        var (f, _) = Assert.Single(Layers.Figures(l.Run()));
        Assert.Equal((outcome, group, value), (f.Outcome, f.Group, f.Count));
    }

    [Fact]
    public void Process_SameFigureRepeated_IsOneFigureWithAllSpans()
    {
        const string text = "Yémen : 20 morts à Aden\nAu moins 20 personnes ont été tuées lundi à Aden, selon un responsable local.";
        var r = new Layers(text).Number("20", 20).Number("20", 20, Bound.AtLeast, "Au moins", nth: 1)
            .Place("Aden").Place("Aden", nth: 1).Source("un responsable local", "responsable local").Run();
        var (f, rep) = Assert.Single(Layers.Figures(r));
        Assert.Equal(Bound.AtLeast, f.Bound);
        Assert.Equal("responsable local", rep.Source);
        Assert.Equal(2, f.Evidence!.Count);
    }

    [Fact]
    public void Process_TotalAndSplitByGroup_KeepsBoth()
    {
        const string text = "« Nous comptons 9 morts », a dit le maire. « Les victimes comprenaient 7 civils et un soldat », a-t-il ajouté.";
        var r = new Layers(text).Number("9", 9).Number("7", 7)
            .Victim("civils", VictimGroup.Civilians).Victim("soldat", VictimGroup.GovernmentForces).Source("le maire", "maire").Run();
        var figs = Layers.Figures(r).Select(f => (f.Figure.Group, f.Figure.Count)).ToList();
        Assert.Equal([(VictimGroup.All, 9L), (VictimGroup.Civilians, 7L), (VictimGroup.GovernmentForces, 1L)], figs);
    }

    [Fact]
    public void Process_RevisedToll_KeepsTheNewCountOnly()
    {
        var r = new Layers("Le bilan a été ramené de 60 morts à 41, a annoncé la préfecture.").Number("60", 60).Number("41", 41).Run();
        var (f, _) = Assert.Single(Layers.Figures(r));
        Assert.Equal((Outcome.Killed, 41L), (f.Outcome, f.Count));
    }

    [Fact]
    public void Process_OthersAfterAGroup_TakeItsGroup()
    {
        var r = new Layers("Deux soldats ont été tués et 9 autres blessés.").Number("Deux", 2).Number("9", 9)
            .Victim("soldats", VictimGroup.GovernmentForces).Run();
        var figs = Layers.Figures(r);
        Assert.Equal(2, figs.Count);
        Assert.Equal((Outcome.Injured, VictimGroup.GovernmentForces, 9L), (figs[1].Figure.Outcome, figs[1].Figure.Group, figs[1].Figure.Count));
    }

    [Fact]
    public void Process_DetailOfEarlierTollWithoutPlace_IsNotAFigure()
    {
        const string text = "Au moins 10 personnes ont été tuées à Sanaa. « Huit personnes ont été tuées dans le bus », a précisé un médecin.";
        var r = new Layers(text).Number("10", 10, Bound.AtLeast, "Au moins").Number("Huit", 8).Place("Sanaa").Run();
        var (f, _) = Assert.Single(Layers.Figures(r));
        Assert.Equal(10L, f.Count);
    }

    [Fact]
    public void Process_TollSinceADay_IsPeriod()
    {
        var r = new Layers("Au moins 31 personnes ont été tuées depuis lundi dans la province, selon l'ONU.", published: "2019-03-14")
            .Number("31", 31, Bound.AtLeast, "Au moins").Time("depuis lundi", TimeKind.PeriodStart, "2019-03-11", "2019-03-14").Source("l'ONU", "ONU").Run();
        var (_, rep) = Assert.Single(Layers.Figures(r));
        Assert.Equal(ReportScope.Period, rep.Scope);
        Assert.Equal("2019-03-11", rep.Period!.Start.ToString());
    }

    [Fact]
    public void Process_EnglishVerbBeforeNumbers_GivesKilledAndWounded()
    {
        const string text = "Militants killed at least 7 soldiers and wounded 3 others near Ghazni, officials said.";
        var r = new Layers(text, "en").Number("7", 7, Bound.AtLeast, "at least").Number("3", 3)
            .Victim("soldiers", VictimGroup.GovernmentForces).Place("Ghazni", PlaceRelation.Near).Source("officials", "officials").Run();
        var figs = Layers.Figures(r).Select(f => (f.Figure.Outcome, f.Figure.Group, f.Figure.Count)).ToList();
        Assert.Equal([(Outcome.Killed, VictimGroup.GovernmentForces, 7L), (Outcome.Injured, VictimGroup.GovernmentForces, 3L)], figs);
    }

    [Fact]
    public void Process_FigureInsideQuote_TakesTheSpeakerAfterTheQuote()
    {
        const string text = "« Nous avons retrouvé 5 corps. » Le gouverneur Ali Hassan l'a confirmé.";
        var r = new Layers(text).Number("5", 5).Source("Le gouverneur Ali Hassan", "Ali Hassan").Run();
        var (f, rep) = Assert.Single(Layers.Figures(r));
        Assert.Equal("Ali Hassan", rep.Source);
        Assert.Equal(Outcome.Killed, f.Outcome);
    }
}

public class CasualtyTotalsTests
{
    [Fact]
    public void Process_TotalSplitOverTwoPlaces_IsPeriodAndNotAnEventToll()
    {
        const string text = "Cinq policiers ont été tués mardi. Trois policiers ont été tués à Gardez et deux autres à Khost.";
        var r = new Layers(text, published: "2019-03-14").Number("Cinq", 5).Number("Trois", 3).Number("deux", 2)
            .Victim("policiers", VictimGroup.GovernmentForces).Victim("policiers", VictimGroup.GovernmentForces, nth: 1)
            .Place("Gardez").Place("Khost").Run();
        var figs = Layers.Figures(r);
        Assert.Equal([5L, 3L, 2L], figs.Select(f => f.Figure.Count));
        Assert.Equal(ReportScope.Period, figs[0].Report.Scope);
        Assert.Equal(ReportScope.Event, figs[1].Report.Scope);
        Assert.Equal(2, r.Events.Count);
        Assert.Equal([3, 2], r.Events.Select(e => e.Fatalities ?? 0));
    }
}

public class CasualtyScopeTests
{
    [Fact]
    public void Process_BoundOnFirstOfList_CoversTheList()
    {
        var r = new Layers("Au moins 5 policiers et 3 civils ont été tués.").Number("5", 5, Bound.AtLeast, "Au moins").Number("3", 3)
            .Victim("policiers", VictimGroup.GovernmentForces).Victim("civils", VictimGroup.Civilians).Run();
        Assert.All(Layers.Figures(r), f => Assert.Equal(Bound.AtLeast, f.Figure.Bound));
    }

    [Theory]
    [InlineData("en", "An ambush on Tuesday killed 28 soldiers in an area near the border where extremists killed four U.S. soldiers in 2017.", 28)]
    [InlineData("fr", "Une embuscade a tué mardi 28 soldats dans une zone proche de la frontière où des jihadistes avaient tué quatre soldats américains en 2017.", 28)]
    public void Process_ATimeInALaterClauseOfAnotherKilling_IsNotTheFigures(string lang, string text, int count)
    {
        var r = PipelineRun.Of(text, lang, "2019-05-16");
        var report = Assert.Single(r.CasualtyReports!, c => c.Figures.Any(f => f.Count == count));
        Assert.Equal(ReportScope.Event, report.Scope);
    }

    [Theory]
    [InlineData("en", "Police fired tear gas at protesters in Caracas on Wednesday. The protest movement has claimed more than 60 lives as it enters its third month.", 60)]
    [InlineData("fr", "La police a tiré des gaz lacrymogènes sur les manifestants mercredi à Caracas. Le mouvement de contestation a fait plus de 60 morts depuis trois mois.", 60)]
    public void Process_ATollWhoseSubjectIsAProtestMovement_IsNoEventsToll(string lang, string text, int count)
    {
        var r = PipelineRun.Of(text, lang, "2017-06-10");
        var report = Assert.Single(r.CasualtyReports!, c => c.Figures.Any(f => f.Count == count));
        Assert.NotEqual(ReportScope.Event, report.Scope);
        Assert.DoesNotContain(r.Events, e => e.Fatalities == count);
    }

    [Theory]
    // a toll counted "since then", from a time told before: a period's
    [InlineData("en", "Rwanda invaded its neighbour twice in the 1990s. More than 5,000 people have died since then in the eastern borderlands.", "2013-08-24", ReportScope.Period)]
    [InlineData("fr", "Le Rwanda a envahi son voisin deux fois dans les années 1990. Plus de 5.000 personnes ont été tuées depuis lors dans l'est du pays.", "2013-08-24", ReportScope.Period)]
    // a toll in a relative clause of a conflict word: the conflict's
    [InlineData("en", "Sudan has been torn by a devastating conflict between the army and the paramilitaries, which has claimed more than 29,600 lives.", "2025-04-13", ReportScope.ConflictTotal)]
    [InlineData("fr", "Le Soudan est déchiré par une guerre entre l'armée et les paramilitaires, qui a fait plus de 29.600 morts.", "2025-04-13", ReportScope.ConflictTotal)]
    // a month told for one event word ("une attaque", "an ambush"): that event's toll; for several, or since a start: a period's
    [InlineData("fr", "En mai dernier, une attaque contre le village de Koro a tué onze bergers.", "2022-06-16", ReportScope.Event)]
    [InlineData("en", "In late May, an ambush near the town of Koro killed eleven herders.", "2022-06-16", ReportScope.Event)]
    [InlineData("fr", "En mai dernier, des attaques contre les villages de Koro ont tué onze bergers.", "2022-06-16", ReportScope.Period)]
    [InlineData("en", "The army said 500 fighters had been killed since the military launched an offensive against them in April.", "2014-06-05", ReportScope.Period)]
    [InlineData("en", "Since the start of January, 34 people have been killed in the port city, medics said.", "2015-01-11", ReportScope.Period)]
    [InlineData("fr", "Depuis le début de janvier, 34 personnes ont été tuées dans la ville portuaire.", "2015-01-11", ReportScope.Period)]
    // a toll told after a comma as the detail of what a conflict word made: the conflict's, both counts of it
    [InlineData("fr", "Selon l'ONU, ces conflits ont eu un coût terrible, avec plus de 8 000 morts et plus de 12 000 blessés.", "2024-02-03", ReportScope.ConflictTotal)]
    [InlineData("en", "According to the UN, the conflict has taken a terrible toll, with more than 8,000 dead and 12,000 wounded.", "2024-02-03", ReportScope.ConflictTotal)]
    // (not a plural of conflicts without a demonstrative, with a year of its own)
    [InlineData("fr", "La région connaît des conflits entre éleveurs et agriculteurs, qui ont fait plus de 900 morts en 2023, selon l'ONU.", "2024-02-03", ReportScope.Period)]
    public void ATollSinceThenOrOfAConflictInARelativeClause_IsNoOneEvents(string lang, string text, string published, ReportScope scope)
    {
        var r = PipelineRun.Of(text, lang, published);
        Assert.Equal(scope, Assert.Single(r.CasualtyReports).Scope);
    }

    [Theory]
    // with no publication day a start within the year cannot be dated, and is still no conflict's start
    [InlineData("fr", "Au moins neuf personnes ont péri depuis mardi dans des heurts entre milices rivales à Kaga-Bandoro.")]
    [InlineData("en", "Since the start of January, 27 fighters have died in the battle for the harbour, doctors said.")]
    public void ATollSinceAStartWithinTheYear_InAnUndatedText_IsAPeriods(string lang, string text)
    {
        var doc = new Document("t", text) { Language = lang };
        Vigie.Composition.PipelineFactory.Create().Run(doc);
        Assert.Equal(ReportScope.Period, Assert.Single(ExtractionResult.For(doc).CasualtyReports).Scope);
    }

    [Theory]
    [InlineData("fr", "Au moins six gendarmes ont été tués mardi 12 mars à l'aube par un kamikaze devant une caserne de Herat.")]
    [InlineData("en", "At least six gendarmes were killed on Tuesday, March 12, at dawn by a suicide bomber outside a barracks in Herat.")]
    public void TheOneAfterAPassivesAgentWord_IsTheDoerNotAVictim(string lang, string text)
    {
        var r = PipelineRun.Of(text, lang, "2019-03-13");
        var figure = Assert.Single(r.CasualtyReports!.SelectMany(c => c.Figures));
        Assert.Equal(6, figure.Count);
    }

    [Theory]
    [InlineData("Des hélicoptères ont commis un massacre en tuant au moins 21 villageois près du puits de Maaret.", 21)]
    [InlineData("Un massacre a eu lieu mardi dans le village de Koro, où 12 villageois ont été tués.", 12)]
    public void AnEventWordAfterUn_ThatFoldsToAParticiple_CountsNoOne(string text, int count)
    {
        var r = PipelineRun.Of(text, "fr", "2016-06-13");
        Assert.Equal(count, Assert.Single(r.CasualtyReports!.SelectMany(c => c.Figures)).Count);
    }

    [Fact]
    public void Process_TollSinceMoreThanAYearBack_IsConflictTotal()
    {
        var r = new Layers("Nearly 4,000 people have died since the uprising began in March 2015.", "en", "2017-06-02")
            .Number("4,000", 4000, Bound.About, "Nearly").Time("in March 2015", TimeKind.Coarse, "2015-03").Run();
        Assert.Equal(ReportScope.ConflictTotal, Assert.Single(Layers.Figures(r)).Report.Scope);
    }

    [Fact]
    public void Process_NumberWithUnit_IsNotAFigure()
    {
        // the number finder read a measure here: the noun after it does not make it a head count
        var l = new Layers("Le rapport compte 30 morts.");
        l.Doc.Layers.Set(new List<Vigie.Model.NumberMention> { new(l.Find("30"), 30, Bound.Exact) { Unit = "percent" } });
        Assert.Empty(Layers.Figures(RunKeepingNumbers(l)));
    }

    private static Vigie.Model.ExtractionResult RunKeepingNumbers(Layers l)
    {
        new Vigie.Extraction.Assembly.CasualtyAssembler().Process(l.Doc);
        return Vigie.Model.ExtractionResult.For(l.Doc);
    }

    [Theory]
    [InlineData("fr", "Le groupe Etat islamique a revendiqué l'embuscade. Six combattants ont été tués par des tirs de terroristes de l'EI près d'un barrage.")]
    [InlineData("en", "The Islamic State group claimed the ambush. Six fighters were killed by gunmen of the Islamic State near a checkpoint.")]
    public void FightersKilledByTheOneNamedGroup_AreNotThatGroups(string lang, string text)
    {
        var r = PipelineRun.Of(text, lang, "2019-09-08");
        var f = Assert.Single(r.CasualtyReports.SelectMany(c => c.Figures), f => f.Count == 6);
        Assert.Equal(VictimGroup.NonStateArmed, f.Group);
        Assert.Null(f.NamedGroup);
    }

    [Fact]
    public void SoldiersWhoFled_AreNoDisplacedFigure()
    {
        var r = PipelineRun.Of("Des hommes armés ont tué 22 soldats jeudi. Seuls trois des soldats affectés à la sécurité du camp ont réussi à fuir, a indiqué le HCR.", "fr", "2016-10");
        var figures = r.CasualtyReports.SelectMany(c => c.Figures).ToList();
        Assert.Contains(figures, f => f.Count == 22 && f.Outcome == Outcome.Killed);
        Assert.DoesNotContain(figures, f => f.Outcome == Outcome.Displaced);
    }
}
