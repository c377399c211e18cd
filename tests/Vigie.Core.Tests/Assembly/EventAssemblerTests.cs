using Vigie.Model;

namespace Vigie.Tests.Assembly;

public class EventAssemblerTests
{
    [Fact]
    public void Process_TriggerOverAListOfPlaces_GivesOneEventPerPlace()
    {
        var r = new Layers("Des frappes aériennes ont visé mardi Abs, Hayran et Midi, selon des habitants.", published: "2019-03-14")
            .Trigger("frappes aériennes", EventSubtype.AirDroneStrike).Time("mardi", TimeKind.Point, "2019-03-12")
            .Place("Abs").Place("Hayran").Place("Midi").Source("des habitants", "habitants").Run();
        Assert.Equal(["Abs", "Hayran", "Midi"], r.Events.Select(e => e.Location!.Name));
        Assert.All(r.Events, e => Assert.Equal((EventType.ExplosionsRemoteViolence, "2019-03-12"), (e.Type, e.Date!.Start.ToString())));
        Assert.All(r.Events, e => Assert.Null(e.Fatalities));
        Assert.All(r.Events, e => Assert.Equal(["habitants"], e.Sources));
    }

    [Fact]
    public void Process_PlacesNotInOneList_GiveOneEvent()
    {
        var r = new Layers("Un attentat a visé le marché de Baga, à 20 km de Monguno.", published: "2019-03-14")
            .Trigger("attentat", EventSubtype.SuicideBomb).Place("Baga").Place("Monguno", PlaceRelation.Near).Run();
        var e = Assert.Single(r.Events);
        Assert.Equal("Baga", e.Location!.Name);
    }

    [Fact]
    public void Process_SameTypePlaceAndDayInTwoSentences_MergesAndCollectsSources()
    {
        const string text = "L'armée a repris jeudi la ville de Tal Afar, selon la télévision d'Etat. Des combats ont eu lieu à Tal Afar, a indiqué une ONG.";
        var r = new Layers(text, published: "2019-03-15")
            .Trigger("repris", EventSubtype.NonStateActorOvertakesTerritory).Trigger("combats", EventSubtype.ArmedClash)
            .Actor("L'armée", "Military Forces of Iraq", ActorKind.StateForces, "IQ")
            .Time("jeudi", TimeKind.Point, "2019-03-14").Place("Tal Afar").Place("Tal Afar", nth: 1)
            .Source("la télévision d'Etat", "télévision d'Etat", partisan: true).Source("une ONG", "ONG").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.GovernmentRegainsTerritory, e.Subtype);
        Assert.Equal(["télévision d'Etat", "ONG"], e.Sources);
        Assert.Equal(Modality.Asserted, e.Modality);
        Assert.Equal(2, e.Evidence.Count);
        Assert.Equal(ActorKind.StateForces, e.Actor1!.Kind);
    }

    [Fact]
    public void Process_NoTimeAndMonthPublication_KeepsMonthPrecision()
    {
        var r = new Layers("Des obus sont tombés sur Marioupol.", published: "2016-09")
            .Trigger("obus", EventSubtype.ShellingArtilleryMissileAttack).Place("Marioupol").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal("2016-09", e.Date!.Start.ToString());
    }

    [Fact]
    public void Process_RegionOnlyMention_JoinsThePreciseEventOfSameType()
    {
        const string text = "Des hommes armés ont attaqué le village de Dioura. L'attaque a eu lieu dans la région de Ségou.";
        var r = new Layers(text, published: "2019-03-14")
            .Trigger("attaqué", EventSubtype.Attack).Trigger("attaque", EventSubtype.Attack, nth: 0)
            .Place("Dioura").Place("Ségou", PlaceRelation.Region).Run();
        var e = Assert.Single(r.Events);
        Assert.Equal("Dioura", e.Location!.Name);
    }

    [Fact]
    public void Process_BackgroundDate_MarksOptional()
    {
        var r = new Layers("Mardi, des frappes ont touché Maarat. Le 3 janvier, un bombardement avait touché Idleb.", published: "2019-03-14")
            .Trigger("frappes", EventSubtype.ShellingArtilleryMissileAttack).Time("Mardi", TimeKind.Point, "2019-03-12").Place("Maarat")
            .Trigger("bombardement", EventSubtype.ShellingArtilleryMissileAttack)
            .Time("Le 3 janvier", TimeKind.Point, "2019-01-03", background: true).Place("Idleb").Run();
        Assert.True(Assert.Single(r.Events, e => e.Location?.Name == "Idleb").Optional);
        Assert.False(Assert.Single(r.Events, e => e.Location?.Name == "Maarat").Optional);
    }

    [Fact]
    public void Process_TextWhoseOnlyEventIsOld_TellsItAsItsNews()
    {
        // a snippet or a late report: the opening sentence dates its one event weeks before the publication day
        var r = new Layers("Le 3 janvier, un bombardement a touché Idleb.", published: "2019-03-14")
            .Trigger("bombardement", EventSubtype.ShellingArtilleryMissileAttack)
            .Time("Le 3 janvier", TimeKind.Point, "2019-01-03", background: true).Place("Idleb").Run();
        var e = Assert.Single(r.Events);
        Assert.False(e.Optional);
        Assert.Equal("2019-01-03", e.Date?.Start.ToString());
    }

    [Fact]
    public void Process_DenialCue_MarksDenied()
    {
        var r = new Layers("L'armée a démenti toute attaque contre sa base de Tillabéri.", published: "2019-03-14")
            .Trigger("attaque", EventSubtype.ArmedClash).Modality("a démenti", Modality.Denied).Place("Tillabéri").Run();
        Assert.Equal(Modality.Denied, Assert.Single(r.Events).Modality);
    }

    [Fact]
    public void Process_EventFigureInSentence_GivesFatalities_PeriodFigureDoesNot()
    {
        const string text = "Un attentat a tué 7 personnes dimanche à Kaboul. Au moins 120 personnes ont été tuées depuis janvier à Kaboul.";
        var r = new Layers(text, published: "2019-03-11")
            .Trigger("attentat", EventSubtype.SuicideBomb).Number("7", 7).Number("120", 120, Bound.AtLeast, "Au moins")
            .Time("dimanche", TimeKind.Point, "2019-03-10").Time("depuis janvier", TimeKind.PeriodStart, "2019-01-01", "2019-03-11")
            .Place("Kaboul").Place("Kaboul", nth: 1).Run();
        var e = Assert.Single(r.Events);
        Assert.Equal(7, e.Fatalities);
        Assert.Contains("fatalities", e.FieldEvidence!.Keys);
    }

    [Fact]
    public void Process_TollOverTwoPlaces_LeavesFatalitiesNull()
    {
        var r = new Layers("Trois civils ont été tués dans une attaque contre Kera et Dinga.", published: "2019-03-11")
            .Trigger("attaque", EventSubtype.Attack).Number("Trois", 3).Victim("civils", VictimGroup.Civilians)
            .Place("Kera").Place("Dinga").Run();
        Assert.Equal(2, r.Events.Count);
        Assert.All(r.Events, e => Assert.Null(e.Fatalities));
        Assert.All(r.Events, e => Assert.Equal(ActorKind.Civilians, e.Actor2!.Kind));
    }

    [Fact]
    public void Process_SentenceWithoutPlace_TakesThePreviousSentencePlace()
    {
        const string text = "Les rebelles ont encerclé mardi la ville de Kidal, au nord du pays. De violents combats s'y déroulent.";
        var r = new Layers(text, published: "2019-03-14").Trigger("combats", EventSubtype.ArmedClash).Place("Kidal")
            .Time("mardi", TimeKind.Point, "2019-03-12").Run();
        Assert.Equal("Kidal", Assert.Single(r.Events).Location!.Name);
    }

    [Fact]
    public void Process_AttackKillingSoldiers_IsArmedClash()
    {
        var r = new Layers("Une attaque contre un poste militaire de Boulkessi a tué 4 soldats.", published: "2019-03-14")
            .Trigger("attaque", EventSubtype.Attack).Number("4", 4).Victim("soldats", VictimGroup.GovernmentForces).Place("Boulkessi").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal((EventType.Battles, EventSubtype.ArmedClash, 4), (e.Type, e.Subtype, e.Fatalities));
    }

    [Fact]
    public void Process_KillingWithoutEventWord_GivesAnEventAtItsPlace()
    {
        var r = new Layers("Un soldat a été tué près de Hit.", published: "2019-03-14")
            .Victim("soldat", VictimGroup.GovernmentForces).Place("Hit", PlaceRelation.Near).Run();
        var e = Assert.Single(r.Events);
        Assert.Equal((EventSubtype.ArmedClash, 2, 1), (e.Subtype!.Value, e.Location!.Precision!.Value, e.Fatalities!.Value));
    }

    [Fact]
    public void Process_EventOnlyInPhotoCaption_GivesNoEvent()
    {
        var r = new Layers("Des secouristes après une explosion à Mogadiscio ©AFP", published: "2019-03-14")
            .Trigger("explosion", EventSubtype.RemoteExplosiveLandmineIed).Place("Mogadiscio").Run();
        Assert.Empty(r.Events);
    }

    [Theory]
    [InlineData("fr", "Des maisons détruites à Kfar Kila, au Liban-Sud, le 2 mars 2024. Photo AFP\nDes négociations se sont ouvertes au Caire.")]
    [InlineData("en", "Image caption Houses destroyed by shelling in Kfar Kila\nTalks opened in Cairo on Monday.")]
    public void AWebPagesPhotoCaptionLine_TellsNoEvent(string lang, string text)
    {
        var r = PipelineRun.Of(text, lang, "2024-03-04");
        Assert.Empty(r.Events);
    }

    [Theory]
    [InlineData("en", "12 people killed as soldiers clash with Abu Sayyaf group in Sulu\n\nAt least 12 people were killed in a fierce firefight at a remote village in Patikul town in Sulu on Saturday morning, a military spokesman said.", "Patikul")]
    [InlineData("fr", "Irak : sept morts dans un attentat-suicide à Bagdad\n\nSept personnes ont été tuées mardi dans un attentat-suicide contre un marché du quartier de Baladiyat, dans l'est de la capitale, selon la police.", "Baladiyat")]
    public void AHeadingsEventWithTheLedesTypeAndToll_IsTheLedesEvent(string lang, string text, string place)
    {
        var r = PipelineRun.Of(text, lang, "2013-08-03");
        Assert.Equal(place, Assert.Single(r.Events).Location?.Name);
    }

    [Theory]
    [InlineData("en", "At least 32 people were killed in an attack on a military parade in Aden on Thursday, medical sources said. A witness saw nine bodies on the ground after an explosion hit the camp.", 32)]
    [InlineData("fr", "Au moins 32 personnes ont été tuées jeudi dans une attaque contre un défilé militaire à Aden, selon des sources médicales. Un photographe a vu neuf corps après l'explosion.", 32)]
    [InlineData("en", "A witness saw nine bodies on the ground after an explosion hit a military parade in Aden on Thursday.", 9)]
    // (the word that points back, "the explosion", names the attack's weapon: one event, the news)
    [InlineData("en", "At least 32 people were killed in an attack on a military parade in Aden on Thursday, medical sources said. A witness saw nine bodies on the ground after the explosion.", 32)]
    public void WhatAWitnessSawOrCounted_IsTheTollOnlyWhenNoOtherIsTold(string lang, string text, int fatalities)
    {
        var r = PipelineRun.Of(text, lang, "2019-08-01");
        Assert.Equal(fatalities, Assert.Single(r.Events).Fatalities);
    }

    [Fact]
    public void AnArticleRunIntoOneParagraphWithItsCredit_IsProseNotACaption()
    {
        const string text = "Un soldat a été tué mardi dans l'attaque d'une base à Tagbara, a indiqué l'armée. Les assaillants ont fui vers la brousse. "
                            + "Des renforts ont été envoyés sur place. Le pays est en proie aux violences depuis 2013.(©AFP / 03 avril 2018 17h03)";
        var r = PipelineRun.Of(text, "fr", "2018-04-03");
        var e = Assert.Single(r.Events);
        Assert.Equal("Tagbara", e.Location?.Name);
        Assert.Equal(1, e.Fatalities);
    }

    [Fact]
    public void AStrikeNounWithItsDoerAfterIt_AtATownInTheLede_IsTheNews()
    {
        var r = PipelineRun.Of("La ville de Kadugli a de nouveau été ciblée par les tirs d'artillerie des Forces de soutien rapide. "
                               + "Le bombardement a coûté la vie à au moins 12 civils, selon un médecin. Parmi les victimes figurent trois enfants.", "fr", "2024-06-11");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.ShellingArtilleryMissileAttack, e.Subtype);
        Assert.Equal("Kadugli", e.Location?.Name);
        Assert.Equal(12, e.Fatalities);
    }

    [Fact]
    public void ADefiniteStrikeNounInTheLede_WithItsTownAndItsDead_IsTheNews_AndAGeneralDenialDeniesNoOneStrike()
    {
        var r = PipelineRun.Of("Un gouverneur a déclaré qu'au moins sept personnes avaient été tuées dans le bombardement russe de Zaporijjia, dans le sud de l'Ukraine. "
                               + "La Russie nie avoir délibérément ciblé des civils.", "fr", "2023-10-12");
        var e = Assert.Single(r.Events);
        Assert.Equal(("Zaporijjia", "UA"), (e.Location?.Name, e.Location?.Country));
        Assert.Equal(7, e.Fatalities);
        Assert.Equal(Modality.Asserted, e.Modality);
    }

    [Fact]
    public void AWebPagesListOfVideos_WithTheirRunningTimes_TellsNoEventNorToll()
    {
        const string text = "Government forces fought Islamic State militants in Sabratha on Thursday, in fighting that killed at least three soldiers, officials said.\n"
                            + "01:15\nExpert warns of a growing threat in the Sahel\n01:24\nOvernight clashes in Misrata kill 13\n01:05\n";
        var r = PipelineRun.Of(text, "en", "2016-02-26");
        var e = Assert.Single(r.Events);
        Assert.Equal(3, e.Fatalities);
        Assert.DoesNotContain(r.CasualtyReports, c => c.Figures.Any(f => f.Count == 13));
    }

    [Fact]
    public void APlaceAfterTheTargetWordOfABodysDescription_IsNoNameOfThatBody()
    {
        var r = PipelineRun.Of("La chaîne Al-Massirah a fait état de multiples frappes de la coalition militaire contre Al-Hayjah.", "fr", "2020-02-16");
        Assert.NotEmpty(r.Events);
        Assert.All(r.Events, e => Assert.DoesNotContain("Al-Hayjah", e.Sources));
    }

    [Theory]
    [InlineData("fr", "À Batibo, quatre gendarmes ont trouvé la mort dimanche dans l'attaque de leur brigade. Les habitants de Batibo ont fui à la suite de l'attaque, selon l'un d'eux.")]
    [InlineData("en", "In Batibo, four gendarmes were killed on Sunday in an attack on their post. Residents of Batibo fled after the attack, one of them said.")]
    public void PeopleFleeingAfterTheAttack_TellNoAttackOfTheirOwn(string lang, string text)
    {
        var e = Assert.Single(PipelineRun.Of(text, lang, "2018-08-13").Events);
        Assert.Equal(EventType.Battles, e.Type);
    }

    [Theory]
    [InlineData("fr", "Une frappe aérienne a tué samedi 17 personnes à Khartoum, alors que les combats se poursuivent entre l'armée et les FSR.")]
    [InlineData("en", "An air strike killed 17 people in Khartoum on Saturday as fighting continues between the army and the RSF.")]
    public void FightingToldAsGoingOn_InAnAsClause_IsNoEventOfItsOwn(string lang, string text)
    {
        var e = Assert.Single(PipelineRun.Of(text, lang, "2023-06-18").Events);
        Assert.Equal(EventSubtype.AirDroneStrike, e.Subtype);
    }

    [Fact]
    public void Process_EventInTextAndCaption_IsOneEventFromTheText()
    {
        const string text = "Des secouristes après une explosion à Mogadiscio ©AFP\nUne explosion a tué 3 personnes jeudi à Mogadiscio.";
        var r = new Layers(text, published: "2019-03-15").Trigger("explosion", EventSubtype.RemoteExplosiveLandmineIed)
            .Trigger("explosion", EventSubtype.RemoteExplosiveLandmineIed, nth: 1).Number("3", 3).Time("jeudi", TimeKind.Point, "2019-03-14")
            .Place("Mogadiscio").Place("Mogadiscio", nth: 1).Run();
        var e = Assert.Single(r.Events);
        Assert.False(e.Optional);
        Assert.Equal(2, e.Evidence.Count);
        Assert.Equal(3, e.Fatalities);
    }

    [Fact]
    public void Process_UmbrellaAttackAtPlaceOfSpecificEvent_JoinsIt()
    {
        const string text = "Un attentat-suicide a frappé vendredi Maiduguri. Deux hommes ont attaqué des fidèles à Maiduguri.";
        var r = new Layers(text, published: "2019-03-16")
            .Trigger("attentat-suicide", EventSubtype.SuicideBomb).Trigger("attaqué", EventSubtype.Attack)
            .Victim("fidèles", VictimGroup.Civilians).Time("vendredi", TimeKind.Point, "2019-03-15")
            .Place("Maiduguri").Place("Maiduguri", nth: 1).Run();
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.SuicideBomb, e.Subtype);
        Assert.Equal(2, e.Evidence.Count);
    }
}

public class EventFilterTests
{
    [Fact]
    public void Process_AgreementWithoutOwnDateAndPlace_GivesNoEvent()
    {
        var r = new Layers("Les patrouilles mixtes suivent un accord de paix signé il y a deux ans.", published: "2019-03-14")
            .Trigger("accord de paix", EventSubtype.Agreement).Run();
        Assert.Empty(r.Events);
    }

    [Fact]
    public void Process_AgreementDatedAndPlaced_GivesAnEvent()
    {
        var r = new Layers("Un accord de cessez-le-feu a été signé mardi à Khartoum.", published: "2019-03-14")
            .Trigger("accord de cessez-le-feu", EventSubtype.Agreement).Time("mardi", TimeKind.Point, "2019-03-12").Place("Khartoum").Run();
        Assert.Equal(EventSubtype.Agreement, Assert.Single(r.Events).Subtype);
    }

    [Fact]
    public void Process_HousesBurntDuringAClash_ArePartOfTheClash()
    {
        var r = new Layers("Des heurts ont éclaté jeudi à Kaga Bandoro et 40 maisons ont été incendiées.", published: "2019-03-14")
            .Trigger("heurts", EventSubtype.ArmedClash).Trigger("incendiées", EventSubtype.LootingPropertyDestruction)
            .Time("jeudi", TimeKind.Point, "2019-03-14").Place("Kaga Bandoro").Run();
        Assert.Equal(EventSubtype.ArmedClash, Assert.Single(r.Events).Subtype);
    }
}

public class EventCoreferenceTests
{
    [Fact]
    public void Process_DenialNamingAPlace_DeniesTheReportedEventAndPlacesIt()
    {
        const string text = "Selon des médias, 12 policiers ont été tués samedi dans une embuscade sur une route de la province. "
                            + "Le ministère a démenti : « il n'y a eu aucune attaque contre nos hommes à Kangaba ».";
        var r = new Layers(text, published: "2019-03-18")
            .Trigger("embuscade", EventSubtype.ArmedClash).Trigger("attaque", EventSubtype.ArmedClash)
            .Modality("aucune attaque", Modality.Denied).Number("12", 12).Victim("policiers", VictimGroup.GovernmentForces)
            .Time("samedi", TimeKind.Point, "2019-03-16").Place("province", PlaceRelation.Region).Place("Kangaba").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal((Modality.Denied, "Kangaba", "2019-03-16"), (e.Modality, e.Location!.Name, e.Date!.Start.ToString()));
    }

    [Fact]
    public void Process_DefiniteMentionWithoutTimeOrPlace_JoinsTheLastEventOfItsType()
    {
        const string text = "Le 3 mars, un bombardement a frappé le marché de Saraqeb, faisant neuf morts parmi les habitants de la ville. "
                            + "Les deux camps se sont accusés mutuellement d'être à l'origine du bombardement.";
        var r = new Layers(text, published: "2019-03-18")
            .Trigger("bombardement", EventSubtype.ShellingArtilleryMissileAttack).Trigger("bombardement", EventSubtype.ShellingArtilleryMissileAttack, nth: 1)
            .Time("Le 3 mars", TimeKind.Point, "2019-03-03", background: true).Place("Saraqeb").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal("2019-03-03", e.Date!.Start.ToString());
        Assert.Equal(2, e.Evidence.Count);
    }

    [Fact]
    public void Process_ReportingDay_IsNotTheEventDay()
    {
        var r = new Layers("Un travailleur humanitaire a été tué jeudi à Kaga Bandoro, a annoncé mardi l'ONU dans une attaque.", published: "2019-03-19")
            .Trigger("attaque", EventSubtype.Attack).Victim("travailleur humanitaire", VictimGroup.Civilians)
            .Time("jeudi", TimeKind.Point, "2019-03-14").Time("mardi", TimeKind.Point, "2019-03-19").Place("Kaga Bandoro").Run();
        Assert.Equal("2019-03-14", Assert.Single(r.Events).Date!.Start.ToString());
    }
}

public class EventWeakMentionTests
{
    [Fact]
    public void Process_CarriedPlaceWithoutAnyTime_GivesNoEventByItself()
    {
        const string text = "Les rebelles contrôlent depuis des années la ville de Kidal, au nord du pays. De violents combats s'y déroulent.";
        var r = new Layers(text, published: "2019-03-14").Trigger("combats", EventSubtype.ArmedClash).Place("Kidal").Run();
        Assert.Empty(r.Events);
    }

    [Fact]
    public void Process_GenericMentionWithDefiniteArticle_GivesNoEventByItself()
    {
        const string text = "Les habitants de Kidal vivaient jusque-là loin de la guerre. La ville de Kidal a été épargnée par les combats.";
        var r = new Layers(text, published: "2019-03-14").Trigger("combats", EventSubtype.ArmedClash).Place("Kidal").Place("Kidal", nth: 1).Run();
        Assert.Empty(r.Events);
    }

    [Fact]
    public void Process_DatelinePlace_IsNotWhereTheEventHappened()
    {
        const string text = "BAMAKO: Gunmen attacked an army post on Tuesday in the north, killing 4 soldiers.";
        var r = new Layers(text, "en", "2019-03-14").Trigger("attacked", EventSubtype.ArmedClash).Place("BAMAKO")
            .Time("on Tuesday", TimeKind.Point, "2019-03-12").Number("4", 4).Victim("soldiers", VictimGroup.GovernmentForces).Run();
        Assert.Empty(r.Events);
    }
}


public class EventUmbrellaTests
{
    [Fact]
    public void Process_UmbrellaWordBesideSpecificOne_IsOneMentionTakingThePlace()
    {
        var r = new Layers("A car bomb attack on Monday in Kirkuk killed 6 people, police said.", "en", "2019-03-19")
            .Trigger("car bomb", EventSubtype.RemoteExplosiveLandmineIed).Trigger("attack", EventSubtype.ArmedClash)
            .Time("on Monday", TimeKind.Point, "2019-03-18").Place("Kirkuk").Number("6", 6).Run();
        var e = Assert.Single(r.Events);
        Assert.Equal((EventSubtype.RemoteExplosiveLandmineIed, "Kirkuk", 6), (e.Subtype!.Value, e.Location!.Name, e.Fatalities!.Value));
    }
}

public class EventTollTests
{
    [Fact]
    public void Process_TollAtPlaceAndShellingThere_IsOneShellingWithTheToll()
    {
        const string text = "Au moins 9 civils ont été tués mardi à Kidal, selon la mairie. Un obus a frappé le marché central de Kidal mardi matin.";
        var r = new Layers(text, published: "2019-03-20").Number("9", 9, Bound.AtLeast, "Au moins").Victim("civils", VictimGroup.Civilians)
            .Trigger("obus", EventSubtype.ShellingArtilleryMissileAttack).Time("mardi", TimeKind.Point, "2019-03-19")
            .Time("mardi matin", TimeKind.Point, "2019-03-19").Place("Kidal").Place("Kidal", nth: 1).Source("la mairie", "mairie").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal((EventSubtype.ShellingArtilleryMissileAttack, 9), (e.Subtype!.Value, e.Fatalities!.Value));
    }

    [Fact]
    public void Process_PlacesEachIntroducedByTheSamePreposition_GiveOneEventPerPlace()
    {
        const string text = "Des explosions ont secoué mardi à Alba, la grande ville du sud, à Berno et à Cresta.";
        var r = new Layers(text, published: "2025-06-10")
            .Trigger("explosions", EventSubtype.RemoteExplosiveLandmineIed).Time("mardi", TimeKind.Point, "2025-06-10")
            .Place("Alba").Place("Berno").Place("Cresta").Run();
        Assert.Equal(["Alba", "Berno", "Cresta"], r.Events.Select(e => e.Location!.Name));
    }

    [Fact]
    public void Process_PlacesOfTwoClausesWithDifferentPrepositions_AreNotOneSeries()
    {
        const string text = "Des explosions ont secoué mardi Alba, dans le sud, et un convoi est parti vers Berno.";
        var r = new Layers(text, published: "2025-06-10")
            .Trigger("explosions", EventSubtype.RemoteExplosiveLandmineIed).Time("mardi", TimeKind.Point, "2025-06-10")
            .Place("Alba").Place("Berno").Run();
        Assert.Equal(["Alba"], r.Events.Select(e => e.Location!.Name));
    }

    private const string FourSentences = "Le conflit dure depuis des années. Le gouvernement a tenu une réunion. Les prix ont augmenté. Les écoles restent fermées. ";

    [Fact]
    public void Process_SpecificEventWordAtATownWithoutTime_IsAnEventOfThePublicationDay()
    {
        const string text = FourSentences + "D'autres explosions se sont produites à Alba et Berno.";
        var r = new Layers(text, published: "2025-06-10")
            .Trigger("explosions", EventSubtype.RemoteExplosiveLandmineIed).Place("Alba").Place("Berno").Run();
        Assert.Equal(["Alba", "Berno"], r.Events.Select(e => e.Location!.Name));
        Assert.All(r.Events, e => Assert.Equal("2025-06-10", e.Date!.Start.ToString()));
    }

    [Fact]
    public void Process_BackReferenceWithoutTimePastTheLede_IsNoEventByItself()
    {
        const string text = FourSentences + "L'attaque a eu lieu à Alba.";
        var r = new Layers(text, published: "2025-06-10")
            .Trigger("attaque", EventSubtype.Attack).Place("Alba").Run();
        Assert.Empty(r.Events);
    }

    [Fact]
    public void Process_TownAndAreaInOneClause_TheEventIsAtTheTown()
    {
        const string text = "Un attentat-suicide a frappé dimanche le nord du Cameroun, tuant trois personnes à Mora.";
        var r = new Layers(text, published: "2015-09-21")
            .Trigger("attentat-suicide", EventSubtype.SuicideBomb).Time("dimanche", TimeKind.Point, "2015-09-20")
            .Place("Cameroun", PlaceRelation.Region, precision: 3).Place("Mora").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal("Mora", e.Location!.Name);
    }

    [Fact]
    public void Process_StateForcesKillProtesters_IsExcessiveForceWithForcesFirst()
    {
        const string text = "Jeudi, les forces de sécurité ont tué deux manifestants à Alba.";
        var r = new Layers(text, published: "2022-11-18")
            .Trigger("manifestants", EventSubtype.PeacefulProtest).Time("Jeudi", TimeKind.Point, "2022-11-17")
            .Actor("forces de sécurité", "Security Forces of Iran", ActorKind.StateForces, "IR")
            .Actor("manifestants", "Protesters (Iran)", ActorKind.Protesters, "IR")
            .Outcome("tué", Outcome.Killed).Place("Alba").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.ExcessiveForceAgainstProtesters, e.Subtype);
        Assert.Equal((ActorKind.StateForces, ActorKind.Protesters), (e.Actor1!.Kind, e.Actor2!.Kind));
    }

    [Fact]
    public void Process_ProtestersMarchingPastThePolice_StaysAPeacefulProtest()
    {
        const string text = "Jeudi, des milliers de manifestants ont défilé devant la police à Alba.";
        var r = new Layers(text, published: "2022-11-18")
            .Trigger("manifestants", EventSubtype.PeacefulProtest).Time("Jeudi", TimeKind.Point, "2022-11-17")
            .Actor("manifestants", "Protesters (Iran)", ActorKind.Protesters, "IR")
            .Actor("police", "Police Forces of Iran", ActorKind.StateForces, "IR").Place("Alba").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.PeacefulProtest, e.Subtype);
    }

    [Fact]
    public void Process_SoldierKilledInAnAttackOnCivilians_StaysABattle()
    {
        const string text = "Des hommes armés ont massacré samedi des civils à Alba. Un Casque bleu a été tué samedi dans l'attaque à Alba.";
        var r = new Layers(text, published: "2017-05-16")
            .Trigger("massacré", EventSubtype.Attack).Trigger("attaque", EventSubtype.ArmedClash)
            .Time("samedi", TimeKind.Point, "2017-05-13").Time("samedi", TimeKind.Point, "2017-05-13", nth: 1)
            .Actor("Des hommes armés", "Unidentified armed group", ActorKind.PoliticalMilitia)
            .Victim("civils", VictimGroup.Civilians).Victim("Casque bleu", VictimGroup.ForeignForces)
            .Place("Alba").Place("Alba", nth: 1).Run();
        Assert.Equal([EventType.ViolenceAgainstCivilians, EventType.Battles], r.Events.Select(e => e.Type));
    }

    [Fact]
    public void Process_FiringOnProtestersNamedByTheTrigger_PutsTheForcesFirst()
    {
        const string text = "Dimanche, la police a ouvert le feu sur les manifestants à Alba.";
        var r = new Layers(text, published: "2011-01-10")
            .Trigger("ouvert le feu sur les manifestants", EventSubtype.ExcessiveForceAgainstProtesters).Time("Dimanche", TimeKind.Point, "2011-01-09")
            .Actor("police", "Police Forces of Tunisia", ActorKind.StateForces, "TN")
            .Actor("manifestants", "Protesters (Tunisia)", ActorKind.Protesters, "TN").Place("Alba").Run();
        var e = Assert.Single(r.Events);
        Assert.Equal((ActorKind.StateForces, ActorKind.Protesters), (e.Actor1!.Kind, e.Actor2!.Kind));
    }

    [Theory]
    [InlineData("en", "Separatist fighters killed at least 15 soldiers in an ambush on Thursday near Bamenda, the army said on Friday. Earlier reports from local sources said nine soldiers were killed in the attack.", 15)]
    [InlineData("en", "The government confirmed that 54 soldiers were killed in an attack by jihadists on Thursday near Tanguieta. The new toll is a sharp rise from the eight deaths initially reported.", 54)]
    [InlineData("fr", "Au moins 15 soldats ont été tués jeudi dans une embuscade près de Bamenda, a indiqué l'armée vendredi. Des sources locales ont initialement rapporté neuf soldats tués.", 15)]
    public void ATollReportedEarlier_GivesWayToTheLaterOne(string lang, string text, int fatalities)
    {
        // a count told with a word of earlier and a verb of speech ("Earlier reports … said", "initially reported") is a toll that
        // a later one replaced, even when it is lower
        var r = PipelineRun.Of(text, lang, "2021-09-18");
        Assert.Contains(r.Events, e => e.Fatalities == fatalities);
    }

    [Theory]
    [InlineData("Gunmen attacked a church on Sunday in the town of Toulfe, 20km northwest of Ouahigouya, killing four people.")]
    [InlineData("Gunmen attacked a church on Sunday in the town of Toulfe, 240km northwest of the capital Ouagadougou, killing four people.")]
    public void ACountGluedToItsUnit_IsADistance_TheTownItCountsFromIsNoTarget(string text)
    {
        var r = PipelineRun.Of(text, "en", "2019-05-27");
        var e = Assert.Single(r.Events);
        Assert.Equal("Toulfe", e.Location?.Name);
        Assert.Equal(4, e.Fatalities);
    }

    [Fact]
    public void ACountryNamedBeforeTheWordBorder_IsNotWhereItHappened()
    {
        var r = PipelineRun.Of("Suspected jihadists killed at least 10 gold miners on Thursday at a mine near the Niger border, a security source said.", "en", "2022-01-15");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Niger");
    }

    [Fact]
    public void ASingleLetterCutBeforeAStopWord_IsNoPlace()
    {
        // "W National Park": "National" is no part of a place name, and "W" alone names nothing
        var r = PipelineRun.Of("Jihadists killed 54 soldiers on Thursday in W National Park in northern Benin, the government said.", "en", "2024-04-19");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "W");
    }

    [Fact]
    public void HedgeOnWhoDidIt_AfterTheEventWord_LeavesTheEventCertain()
    {
        var r = PipelineRun.Of("Une nouvelle attaque « probablement jihadiste » a tué douze soldats jeudi près d'Ayorou.", "fr", "2016-10");
        var e = Assert.Single(r.Events);
        Assert.False(e.Optional);
        Assert.Equal("Ayorou", e.Location?.Name);
    }
}
