using Vigie.Model;

namespace Vigie.Tests.Assembly;

/// <summary>Where events happen, on sentences written for these tests: places named in an accusation of strikes, a town in apposition.</summary>
public class EventPlaceTests
{
    private static ExtractionResult Run(string text, string lang, string published) => PipelineRun.Of(text, lang, published);

    [Fact]
    public void AccusationOfStrikingAList_GivesAStrikeAtEachPlace()
    {
        const string text = "Le porte-parole des rebelles a démenti dimanche, accusant l'armée malienne d'avoir frappé \"Kidal, Tessalit et d'autres localités\".";
        var r = Run(text, "fr", "2024-03-10");
        foreach (var town in new[] { "Kidal", "Tessalit" })
            Assert.Contains(r.Events, e => e.Type == EventType.ExplosionsRemoteViolence && e.Location?.Name == town);
        Assert.DoesNotContain(r.Events, e => e.Type == EventType.StrategicDevelopments);
    }

    [Theory]
    [InlineData("Sept soldats ont été tués mardi lors d'une attaque à Tanguiéta, au Bénin.")]
    [InlineData("Sept soldats ont été tués mardi lors d'une attaque à Tanguiéta, au nord du Bénin.")]
    public void ACountryNamedAfterATownOfItsOwn_IsNoOtherTarget_TheTollIsTheEvents(string text)
    {
        var r = Run(text, "fr", "2024-06-05");
        var e = Assert.Single(r.Events);
        Assert.Equal("Tanguiéta", e.Location?.Name);
        Assert.Equal(7, e.Fatalities);
    }

    [Fact]
    public void ADistrictNamedWithItsAreaWord_IsNotATownOfTheSameNameInAnotherDivision()
    {
        // the gazetteer's only Bijapur is a city of Karnataka; the text names Chhattisgarh and a district
        var r = Run("In Chhattisgarh, Naxals blew up a vehicle in Bijapur district on Monday, killing eight security personnel.", "en", "2025-01-07");
        Assert.DoesNotContain(r.Events, e => e.Location?.Admin1 == "Karnataka");
    }

    [Fact]
    public void TheRegionOfATownNamedAfterIt_IsNoOtherTarget_TheTollIsTheEvents()
    {
        var r = Run("Deux gendarmes ont trouvé la mort dimanche à Bamenda, capitale régionale du Nord-Ouest du Cameroun, "
                    + "après que leur véhicule a sauté sur un engin explosif.", "fr", "2025-12-01");
        var e = Assert.Single(r.Events);
        Assert.Equal("Bamenda", e.Location?.Name);
        Assert.Equal(2, e.Fatalities);
    }

    [Fact]
    public void AProvinceSetOffByACommaAfterATown_SaysWhereTheTownLies_ItIsNoOtherTarget()
    {
        var r = Run("At least 12 soldiers have been killed by militants in northern Burkina Faso, the military has said. Many others were "
                    + "wounded in the attack in Koutougou, in Soum province, and other soldiers are missing.", "en", "2019-08-20");
        var e = Assert.Single(r.Events);
        Assert.Equal("Koutougou", e.Location?.Name);
        Assert.Equal(12, e.Fatalities);
    }

    [Theory]
    [InlineData("fr", "Au moins 40 villageois ont été tués samedi par des hommes armés à Kamba. Le massacre a été dénoncé par le porte-parole de l'ONU lors d'une conférence de presse à Genève.")]
    [InlineData("en", "At least 40 villagers were killed on Saturday by gunmen in Kamba. The massacre was condemned by a UN spokesman at a news conference in Geneva.")]
    public void WhereASourceGaveAPressConference_IsNoPlaceOfTheEvent(string lang, string text)
    {
        var r = Run(text, lang, "2024-03-10");
        Assert.NotEmpty(r.Events);
        Assert.DoesNotContain(r.Events, e => e.Location?.Country == "CH");
    }

    [Fact]
    public void EachPlaceOfAListAttackedTogether_TakesTheTollToldForItself()
    {
        var r = Run("Gunmen on motorcycles attacked the villages of Tchoma Bangou and Zaroumadareye on Saturday. The mayor said there were "
                    + "50 dead in Tchoma Bangou and 20 dead in Zaroumadareye.", "en", "2021-01-04");
        Assert.Equal(50, r.Events.Single(e => e.Location?.Name == "Tchoma Bangou").Fatalities);
        Assert.Equal(20, r.Events.Single(e => e.Location?.Name == "Zaroumadareye").Fatalities);
    }

    [Fact]
    public void ATownPutFirstAndDescribedAsASettlementNearAnother_IsTheEventsPlace()
    {
        var e = Assert.Single(Run("À Kolofata, localité de l'Extrême-Nord située près de la ville de Mora, trois soldats ont été tués dans "
                                  + "l'attaque de leur poste, selon l'armée.", "fr", "2019-08-12").Events);
        Assert.Equal("Kolofata", e.Location?.Name);
    }

    [Fact]
    public void AnUmbrellaWordRestatingAnEvent_RefersToTheNearestBeforeIt_NotToTheHeadline()
    {
        // a publication month only: the headline's mention, dated by that month, overlaps the lede's day too
        const string text = "Colombie : deux soldats tués dans une attaque à l'explosif\n\n"
            + "Le 6 mai, une attaque à l'explosif a visé un poste militaire dans le nord de la Colombie, tuant deux soldats. "
            + "Cette attaque, survenue dans le département de Cesar, est attribuée à l'ELN.";
        var r = Run(text, "fr", "2024-05");
        Assert.Contains(r.Events, e => e.Type == EventType.ExplosionsRemoteViolence && e.Location?.Name == "Cesar");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Colombie");
    }

    [Fact]
    public void AnEventKnownOnlyByItsCountry_BesideOneOfItsTypePlacedMoreFinely_IsNoEventOfItsOwn()
    {
        const string text = "Ouganda: au moins six morts dans une attaque des ADF contre le bureau du maire de Kampala\n\n"
            + "Une ambulance attend devant le bureau du maire de Kampala après une attaque des ADF et une fusillade qui s'en est suivie, le 22 janvier 2023.\n\n"
            + "En Ouganda, au moins six civils sont morts dimanche 22 janvier dans une attaque des rebelles des ADF, lorsqu'un kamikaze s'est fait "
            + "exploser dans la capitale Kampala. Dans la fusillade qui a suivi, tous les six assaillants ont également été tués.";
        var r = Run(text, "fr", "2023-01-23");
        Assert.Contains(r.Events, e => e.Type == EventType.Battles && e.Location?.Name == "Kampala");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Ouganda");
    }

    [Theory]
    [InlineData("fr", "Plusieurs explosions ont été enregistrées mardi dans le département de Nariño, dont à Pasto où un policier a été tué, à Ipiales et à Tumaco, le port le plus important de la région sur le Pacifique.")]
    [InlineData("en", "Several explosions were reported on Tuesday in Nariño department, including in Pasto where a policeman was killed, in Ipiales and in Tumaco, the most important port of the region on the Pacific.")]
    public void PlacesOfAPhraseInAppositionToAPlace_OnlyDescribeIt(string lang, string text)
    {
        var r = Run(text, lang, "2025-06-11");
        Assert.Contains(r.Events, e => e.Location?.Name == "Tumaco");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name is "Pacifique" or "Pacific");
    }

    [Theory]
    [InlineData("fr", "Huit soldats ont été tués mardi dans des combats à Syrte. Vingt-quatre combattants, blessés dans les affrontements, ont été admis à l'hôpital de Misrata, a indiqué l'hôpital.", "Syrte", "Misrata")]
    [InlineData("en", "Eight soldiers were killed on Tuesday in fighting in Sirte. Twenty-four fighters wounded in the clashes were taken to a hospital in Misrata, the hospital said.", "Sirte", "Misrata")]
    public void WhereTheWoundedAreTreated_IsNoPlaceOfTheEvent(string lang, string text, string place, string hospital)
    {
        var r = Run(text, lang, "2016-10-20");
        Assert.Contains(r.Events, e => e.Location?.Name == place);
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == hospital);
    }

    [Theory]
    [InlineData("en", "At least five police officers were killed on Saturday when the Taliban attacked the Shinwari checkpoint outside the city of Kunduz, a police spokesman said.", "Kunduz")]
    [InlineData("en", "Two soldiers were killed on Friday when gunmen attacked the Kalaban police station in the town of Koutiala, officials said.", "Koutiala")]
    public void AFacilityNamedByItsOwnName_IsPlacedAtTheTownItLiesIn(string lang, string text, string town)
    {
        var r = Run(text, lang, "2020-09-13");
        Assert.Equal(town, Assert.Single(r.Events).Location?.Name);
    }

    [Theory]
    [InlineData("en", "A Turkish drone on Tuesday killed two fighters of the Syrian Democratic Forces near an US base in the Hasakah province.", "US")]
    [InlineData("en", "Two soldiers were killed on Tuesday when a roadside bomb hit a UK patrol in the Helmand province.", "UK")]
    public void AnAcronymBeforeANoun_IsNoPlace(string lang, string text, string acronym)
    {
        var r = Run(text, lang, "2022-09-28");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == acronym);
    }

    [Theory]
    [InlineData("en", "A drone fired a missile at a pickup truck in the Bakool region of Somalia on Thursday, killing four people, officials said. The attack took place near Wajid.", "Wajid")]
    [InlineData("fr", "Un drone a tiré jeudi un missile sur un véhicule dans la région de Bakool en Somalie, tuant quatre personnes, selon des responsables. L'attaque a eu lieu près de Wajid.", "Wajid")]
    public void StrikeToldForARegion_ThenTheAttackAtATown_IsOneStrikeAtTheTown(string lang, string text, string town)
    {
        var r = Run(text, lang, "2024-03-08");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.AirDroneStrike, e.Subtype);
        Assert.Equal(town, e.Location?.Name);
    }

    [Theory]
    [InlineData("fr", "L'armée a déclaré samedi que ses soldats ont tué quinze combattants shebab lors d'une opération dans la région du Bas-Chébéli.")]
    [InlineData("en", "The army said on Saturday that its soldiers killed fifteen al-Shabaab fighters during an operation in the Lower Shabelle region.")]
    public void FightersKilledByTheOtherSide_InARegionOnly_AreAnEventAtTheRegion(string lang, string text)
    {
        var r = Run(text, lang, "2024-03-09");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventType.Battles, e.Type);
        Assert.Equal(3, e.Location?.Precision);
    }

    [Theory]
    [InlineData("fr", "Au moins cinq personnes dont un enseignant ont été tuées jeudi par des hommes armés dans le village de Kourao.")]
    [InlineData("en", "Five people including a teacher were killed on Thursday by gunmen in the village of Kourao.")]
    public void PeopleKilledByAnArmedGroupNamedAsThePassivesAgent_AreAnAttack(string lang, string text)
    {
        var r = Run(text, lang, "2024-03-09");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.Attack, e.Subtype);
        Assert.Equal("Kourao", e.Location?.Name);
    }

    [Theory]
    [InlineData("en", "Instead, they shelled government positions on Thursday.", EventSubtype.ShellingArtilleryMissileAttack)]
    [InlineData("fr", "La police a dispersé vendredi un sit-in d'enseignants devant le ministère.", EventSubtype.ProtestWithIntervention)]
    public void TextThatNamesNoPlaceAtAll_StillTellsItsSpecificEvent(string lang, string text, EventSubtype subtype)
    {
        var r = Run(text, lang, "2024-03-09");
        var e = Assert.Single(r.Events);
        Assert.Equal(subtype, e.Subtype);
        Assert.Null(e.Location?.Lat);
    }

    [Theory]
    [InlineData("en", "Police in Kenya fired tear gas to disperse hundreds of teachers protesting unpaid wages in the capital on Tuesday.", EventSubtype.ProtestWithIntervention, "Nairobi", 1)]
    [InlineData("en", "Police fired tear gas to disperse hundreds of teachers protesting unpaid wages in Kenya on Tuesday.", EventSubtype.ProtestWithIntervention, "Kenya", 3)]
    [InlineData("fr", "Des hommes armés ont incendié le marché de Kidal dans la nuit de samedi.", EventSubtype.LootingPropertyDestruction, "Kidal", 2)]
    public void OneEventSnippet_GivesOneEventOfItsSubtypeAtItsPlace(string lang, string text, EventSubtype subtype, string place, int precision)
    {
        var e = Assert.Single(Run(text, lang, "2024-03-12").Events);
        Assert.Equal(subtype, e.Subtype);
        Assert.Equal(place, e.Location?.Name);
        Assert.Equal(precision, e.Location?.Precision);
    }

    [Fact]
    public void WordsAnEditorPutInBracketsBeforeAName_DoNotHideThePlace()
    {
        const string text = "Dimanche, les forces \"ont attaqué une base terroriste dans (le district de) Macomia et abattu dix terroristes\", a déclaré le ministre.";
        var e = Assert.Single(Run(text, "fr", "2021-12-07").Events);
        Assert.Equal("Macomia", e.Location?.Name);
    }

    [Fact]
    public void TownsOfACountryTheTextNeverNames_AreNotDroppedForTheOneCountryItNames()
    {
        // Côte d'Ivoire is never named; Ghana is, as the end of a road
        const string text = "Deux personnes ont été tuées mercredi lors de heurts à Daoukro. Le commissariat de Bonoua, sur la route qui relie Abidjan au Ghana, a été saccagé jeudi par des manifestants.";
        var r = Run(text, "fr", "2020-08-14");
        Assert.NotEmpty(r.Events);
        Assert.All(r.Events.Where(e => e.Location?.Name is "Daoukro" or "Bonoua"), e => Assert.Equal("CI", e.Location!.Country));
        Assert.Contains(r.Events, e => e.Location?.Name == "Daoukro" && e.Location.Lat != null);
    }

    [Fact]
    public void TownSpelledLikeAForeignCitysAlternateName_StaysInTheTextsCountry()
    {
        // "Moreh" is one of the spellings GeoNames gives for Moore (Oklahoma); the text is about Manipur (India)
        const string text = "Militants and police commandos exchanged heavy gunfire in Moreh on Sunday, an official in Imphal said.";
        var r = Run(text, "en", "2023-12-31");
        var e = Assert.Single(r.Events);
        Assert.Equal("IN", e.Location!.Country);
    }

    [Theory]
    [InlineData("fr", "Dimanche, les rebelles ont réoccupé plusieurs localités à l'est de la ville, notamment Rutshuru et Bunagana, selon des sources locales.")]
    [InlineData("en", "On Sunday the rebels seized several villages, including Rutshuru and Bunagana, local sources said.")]
    public void PlacesListedAfterAPluralPlaceNoun_EachGetTheEvent(string lang, string text)
    {
        var r = Run(text, lang, "2023-11-06");
        foreach (var town in new[] { "Rutshuru", "Bunagana" })
            Assert.Contains(r.Events, e => e.Subtype == EventSubtype.NonStateActorOvertakesTerritory && e.Location?.Name == town);
    }

    [Fact]
    public void NameAfterAListWordWithNoPlaceNounBefore_IsNoPlace()
    {
        var r = Run("Les rebelles ont attaqué la ville dimanche, notamment Joseph Kabila a condamné l'attaque.", "fr", "2023-11-06");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name?.Contains("Joseph") == true);
    }

    [Theory]
    [InlineData("fr", "Des jihadistes ont attaqué mardi des soldats dans la forêt de Kourtiagou.", "Kourtiagou")]
    [InlineData("fr", "Sept soldats ont été tués mardi dans le parc national de Bakossi.", "Bakossi")]
    [InlineData("en", "Gunmen attacked soldiers on Tuesday in the Kamuku forest reserve.", "Kamuku")]
    public void EventInAForestOrAParkTheGazetteerLacks_IsKeptNearIt(string lang, string text, string place)
    {
        var e = Assert.Single(Run(text, lang, "2024-06-05").Events);
        Assert.Equal(place, e.Location!.Name);
        Assert.Equal(2, e.Location.Precision);
    }

    [Fact]
    public void VillageWrittenWithACapitalAfterItsName_IsTheEventsPlace_NotItsDistrict()
    {
        var e = Assert.Single(Run("Gunmen attacked Rafin Gona Village in Bokkos Local Government Area on Monday night, killing 12 people.", "en", "2023-05-16").Events);
        Assert.Equal("Rafin Gona", e.Location!.Name);
    }

    [Fact]
    public void PlaceNameOpenedByAnInitial_IsReadWhole()
    {
        var e = Assert.Single(Run("Security forces came under heavy attack at K. Sinam village on the Imphal road on Sunday.", "en", "2023-12-31").Events);
        Assert.Equal("K. Sinam", e.Location!.Name);
    }

    [Fact]
    public void NamesCountedByAPluralPlaceNoun_AreAList_EvenWhenTheLastIsAKnownTown()
    {
        var r = Run("Les miliciens ont tué jeudi 45 civils dans 4 villages : Ndasia, Mayolo, Itendeyi, Bunia.", "fr", "2023-04-14");
        foreach (var village in new[] { "Ndasia", "Mayolo", "Itendeyi", "Bunia" })
            Assert.Contains(r.Events, e => e.Location?.Name == village);
    }

    [Fact]
    public void NameAfterThePossessiveOfAPlace_IsTheEventsPlace()
    {
        var e = Assert.Single(Run("Security forces exchanged heavy fire with militants in south Kashmir's Shopian on Thursday evening.", "en", "2024-03-12").Events);
        Assert.Equal("Shopian", e.Location!.Name);
    }

    [Fact]
    public void TownInAppositionToARegionsCapital_IsTheEventsPlace()
    {
        const string text = "La capitale de la région du Haut-Karabakh, Stepanakert, a été la cible de frappes dans la nuit de samedi à dimanche, selon des journalistes.";
        var r = Run(text, "fr", "2020-10-11");
        var e = Assert.Single(r.Events);
        Assert.Equal("Stepanakert", e.Location!.Name);
        Assert.Equal(1, e.Location.Precision);
    }

    [Theory]
    [InlineData("en", "Also on Friday, a woman was sentenced to ten years in prison for the attack on a police station in Mombasa in 2016.")]
    [InlineData("fr", "Vendredi, un homme a été condamné à vingt ans de prison pour l'attaque d'un commissariat à Mombasa en 2016.")]
    public void AttackAVerdictIsAbout_IsNoEvent(string lang, string text)
    {
        var r = Run(text, lang, "2018-02-17");
        Assert.Empty(r.Events);
    }

    [Fact]
    public void EventAfterARemembranceInAnotherClause_IsKept()
    {
        const string text = "On the anniversary of the massacre, gunmen attacked the village of Kalicha on Monday, police said.";
        var r = Run(text, "en", "2019-03-13");
        Assert.Contains(r.Events, e => e.Location?.Name == "Kalicha");
    }

    [Theory]
    [InlineData("en", "Police fired water cannon at anti-government protesters outside Parliament on Tuesday.", EventSubtype.ProtestWithIntervention)]
    [InlineData("fr", "Des hommes armés ont enlevé vingt passagers sur un axe routier dimanche, selon la police.", EventSubtype.AbductionForcedDisappearance)]
    public void TextWithNoPlaceAtAll_KeepsItsOneEventWithoutALocation(string lang, string text, EventSubtype subtype)
    {
        var r = Run(text, lang, "2024-03-12");
        var e = Assert.Single(r.Events);
        Assert.Equal(subtype, e.Subtype);
        Assert.Null(e.Location);
    }

    [Theory]
    [InlineData("en", "Police warned on Friday that violent protests would be met with force.")]
    [InlineData("en", "Aid convoys reached the besieged city on Saturday for the first time in months, the UN said.")]
    public void WarningOrDescriptionWithNoPlace_IsStillNoEvent(string lang, string text)
    {
        Assert.Empty(Run(text, lang, "2024-03-12").Events);
    }

    [Theory]
    [InlineData("Five people were beheaded on Monday in Mozambique's northern province of Cabo Delgado.", "Cabo Delgado")]
    [InlineData("The Taliban on Monday captured a strategic district in Afghanistan's northern province of Baghlan.", "Baghlan")]
    [InlineData("Gunmen killed five people on Monday in Nigeria's northeastern Borno state.", "Borno")]
    public void DivisionNamedAfterItsCountrysPossessive_IsTheEventsPlace(string text, string place)
    {
        var e = Assert.Single(Run(text, "en", "2024-03-12").Events);
        Assert.StartsWith(place, e.Location!.Name);
    }

    [Fact]
    public void TownsArea_IsTheTownAtPrecisionTwo()
    {
        var e = Assert.Single(Run("Troops arrested three suspected Boko Haram fighters on Monday in the Banki area of Borno State, the army said.", "en", "2024-03-12").Events);
        Assert.Equal("Banki", e.Location!.Name);
        Assert.Equal(2, e.Location.Precision);
    }

    [Theory]
    [InlineData("fr", "Des soldats ont tué au moins douze personnes lors d'un raid sur un village du centre du pays, selon des habitants et des élus locaux vendredi.\n\n"
                      + "La région est le théâtre de violences depuis deux ans.\n\n"
                      + "Au village de Sobane, des dizaines de maisons ont été détruites.\n\n"
                      + "Un habitant a déclaré que les soldats étaient arrivés au village le 3 mars au matin.", "Sobane", 3)]
    [InlineData("en", "Soldiers killed at least twelve people in a raid on a village in the centre of the country, according to residents and local officials on Friday.\n\n"
                      + "The region has been torn by violence for two years.\n\n"
                      + "In Sobane village, dozens of houses were destroyed.\n\n"
                      + "A resident said the soldiers had arrived in the village on March 3 in the morning.", "Sobane", 3)]
    public void LedeEventAtAnUnnamedVillage_IsAtTheVillageNamedLater_OnTheDayToldThere(string lang, string text, string village, int day)
    {
        var r = Run(text, lang, "2019-03-08");
        var e = Assert.Single(r.Events, x => x.Type == EventType.ViolenceAgainstCivilians);
        Assert.Equal(village, e.Location!.Name);
        Assert.Equal($"2019-03-{day:00}", e.Date!.Start.ToString());
    }

    [Fact]
    public void AgentOfAnotherParticiple_IsNotTheTakersSide()
    {
        const string text = "Nigerian soldiers on Tuesday recaptured Marte, a town seized last week by jihadists, the army said.";
        var withComma = Run(text, "en", "2021-04-20");
        Assert.Contains(withComma.Events, x => x.Subtype == EventSubtype.GovernmentRegainsTerritory);
        const string noComma = "Nigerian soldiers on Tuesday recaptured the town of Marte seized last week by jihadists, the army said.";
        var r = Run(noComma, "en", "2021-04-20");
        var e = Assert.Single(r.Events, x => x.Type == EventType.Battles);
        Assert.Equal(EventSubtype.GovernmentRegainsTerritory, e.Subtype);
        Assert.Equal(ActorKind.StateForces, e.Actor1!.Kind);
    }

    [Theory]
    [InlineData("fr", "Des hommes armés ont tué lundi cinq villageois à Sobane, selon des élus locaux.\n\n"
                      + "La région est le théâtre de violences depuis deux ans.\n\n"
                      + "A Sobane, des dizaines de maisons ont été incendiées, ont raconté des habitants.")]
    [InlineData("en", "Gunmen killed five villagers in Sobane on Monday, local officials said.\n\n"
                      + "The region has been torn by violence for two years.\n\n"
                      + "In Sobane, dozens of houses were torched, residents said.")]
    public void DestructionToldLaterAtTheAttacksPlace_IsPartOfTheAttack(string lang, string text)
    {
        var r = Run(text, lang, "2019-03-08");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.Attack, e.Subtype);
        Assert.Equal("2019-03-04", e.Date!.Start.ToString());
    }

    [Theory]
    [InlineData("en", "Gunmen attacked Jiribam on Monday, killing three villagers, the police said.\n\n"
                      + "A shutdown was observed on Tuesday in Kuki-Zo majority areas to protest against the killings, an officer said.")]
    [InlineData("en", "Gunmen attacked Jiribam on Monday, killing three villagers, the police said.\n\n"
                      + "A shutdown was observed on Tuesday in Hmar villages to protest against the killings, an officer said.")]
    public void UnknownNameQualifyingPlaces_IsNoPlace_AndKeepsTheEarlierPlaceAway(string lang, string text)
    {
        var r = Run(text, lang, "2024-11-12");
        Assert.DoesNotContain(r.Events, e => e.Type == EventType.Protests && e.Location is { Precision: 1 });
        Assert.DoesNotContain(r.Events, e => e.Location?.Name is "Kuki-Zo" or "Hmar");
    }

    [Fact]
    public void TimelessMentionAfterADatedOne_AtTheSamePlace_IsThatEvent()
    {
        // (the dated mention is past the opening sentences)
        const string text = "Tension is high in the district after a week of unrest, officials said.\n\n"
                            + "Officials said the search went on through the night.\n\n"
                            + "The district administration imposed a curfew, an officer said.\n\n"
                            + "Residents said the situation was tense.\n\n"
                            + "Militants set fire to houses in Jiribam on Monday, killing two men, the police said.\n\n"
                            + "\"The two men died after the militants attacked houses in Jiribam,\" he said.";
        var r = Run(text, "en", "2024-11-13");
        Assert.Single(r.Events, e => e.Type == EventType.ViolenceAgainstCivilians);
    }

    [Theory]
    [InlineData("fr", "Un militaire a été tué lundi dans une attaque de rebelles contre la ville d'Obo, à 900 kilomètres à l'est de la capitale Bangui, selon l'ONU.", "Obo")]
    [InlineData("en", "A soldier was killed on Monday in a rebel attack on the town of Obo, some 900 km east of the capital Bangui, the UN said.", "Obo")]
    public void PlaceFarAway_IsALandmark_NotTheEventsPlace(string lang, string text, string town)
    {
        var r = Run(text, lang, "2021-07-20");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Bangui");
        Assert.Contains(r.Events, e => e.Location?.Name == town && e.Subtype == EventSubtype.ArmedClash);
    }

    [Fact]
    public void EventPlacedAtItsCountry_TakesTheTownALaterSentenceNames()
    {
        const string text = "Deux soldats ont été tués lundi lors d'une attaque contre un détachement militaire dans le nord du Burkina Faso, selon l'armée.\n\n"
                            + "Des renforts ont été déployés dans la zone, selon un communiqué.\n\n"
                            + "Les opérations de ratissage se poursuivent, a ajouté l'état-major.\n\n"
                            + "Le bilan pourrait s'alourdir, selon une source sécuritaire.\n\n"
                            + "\"Une attaque a visé le détachement militaire de Déou\", a précisé l'armée.";
        var r = Run(text, "fr", "2022-09-13");
        var e = Assert.Single(r.Events);
        Assert.Equal("Déou", e.Location!.Name);
    }

    [Theory]
    [InlineData("L'armée malienne annonce être la cible d'attaques tôt ce matin, mercredi 27 juillet 2022, sur les postes FAMa de Sokolo.", "Sokolo", "2022-07-27")]
    [InlineData("Des tentatives d'infiltration ont visé mercredi un check-point du camp Hamadoun Bocary Barry à Sokolo.", "Sokolo", "2022-07-27")]
    [InlineData("L'armée a déjoué mercredi une tentative d'attaque du camp GNM de Sokolo.", "Sokolo", "2022-07-27")]
    public void AttackOnAPostOfAUnit_IsAClashAtTheTown_OnTheDayInApposition(string text, string town, string day)
    {
        var r = Run(text, "fr", "2022-07-28");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
        Assert.Equal(town, e.Location!.Name);
        Assert.Equal(day, e.Date!.Start.ToString());
    }

    [Fact]
    public void ForcesThatAreTheTargetOfAnAttack_AreItsTarget()
    {
        var r = Run("L'armée a été la cible d'attaques mercredi à Sokolo.", "fr", "2022-07-28");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
        Assert.Equal(ActorKind.StateForces, e.Actor2!.Kind);
    }

    [Fact]
    public void OvernightWithAWeekday_IsThatWeekday()
    {
        var r = Run("Eleven soldiers were killed in an overnight attack on an army post in Marib on Monday, the ministry said.", "en", "2023-11-08");
        var e = Assert.Single(r.Events);
        Assert.Equal("2023-11-06", e.Date!.Start.ToString());
    }

    [Fact]
    public void HeadlineWithoutTime_TakesTheDayTheLedeGivesInTheAreaAroundItsTown()
    {
        const string text = "Eleven killed in Houthi attack on government forces in Marib\n\n"
                            + "Eleven government soldiers have been killed in an attack on government forces in Marib Governorate on Monday.";
        var r = Run(text, "en", "2023-11-08");
        var e = Assert.Single(r.Events);
        Assert.Equal("2023-11-06", e.Date!.Start.ToString());
    }

    [Theory]
    [InlineData("fr", "Plus de 7 000 habitants de Sikikédé ont fui lundi de peur que les rebelles ne s'en prennent à eux, selon le préfet.")]
    [InlineData("en", "More than 7,000 residents of Sikikede fled on Monday for fear that the rebels would attack them, the prefect said.")]
    public void AttackThatWasFeared_IsNoEvent(string lang, string text)
    {
        var r = Run(text, lang, "2024-03-12");
        Assert.DoesNotContain(r.Events, e => e.Type == EventType.ViolenceAgainstCivilians);
    }

    [Fact]
    public void NamedCoalitionOfArmedGroups_IsNotTheUsLedCoalition()
    {
        var r = Run("Les rebelles de la Coalition des patriotes pour le changement (CPC) ont repris mardi la ville de Sikikédé.", "fr", "2024-03-12");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.NonStateActorOvertakesTerritory, e.Subtype);
        Assert.Equal(ActorKind.RebelGroup, e.Actor1!.Kind);
    }

    [Fact]
    public void KillingToldAsWhatAStrikeDid_IsThatStrike()
    {
        var r = Run("Russian shelling killed three civilians on Saturday in Beryslav, officials said.", "en", "2024-07-14");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.ShellingArtilleryMissileAttack, e.Subtype);
    }

    [Theory]
    [InlineData("fr", "Les miliciens de la CODECO ont attaqué jeudi le territoire de Djugu, selon la société civile.\n\n"
                      + "Ces civils ont été tués dans trois villages : Ndasia, Mayolo et Kilo, et plusieurs maisons ont été brûlées.")]
    [InlineData("en", "CODECO militiamen attacked Djugu territory on Thursday, civil society groups said.\n\n"
                      + "The civilians were killed in three villages: Ndasia, Mayolo and Kilo, and several houses were burnt.")]
    public void CiviliansKilledInVillagesListedAfterAColon_AreAnAttackInEachVillage_ByTheTextsArmedGroup(string lang, string text)
    {
        var r = Run(text, lang, "2023-04-15");
        foreach (var village in new[] { "Ndasia", "Mayolo", "Kilo" })
        {
            var e = Assert.Single(r.Events, x => x.Location?.Name == village);
            Assert.Equal(EventSubtype.Attack, e.Subtype);
            Assert.Equal(ActorKind.PoliticalMilitia, e.Actor1?.Kind);
        }
    }

    [Theory]
    [InlineData("Airstrikes hit Kharkiv on Tuesday.", "Kharkiv")]
    [InlineData("Missiles hit Nyaung Kone village on Tuesday.", "Nyaung Kone")]
    public void ShortSentenceOpeningWithAnEventWord_IsNoHeading(string text, string town)
    {
        var r = Run(text, "en", "2023-06-08");
        var e = Assert.Single(r.Events);
        Assert.Equal(town, e.Location!.Name);
        Assert.Equal(1, e.Location.Precision);
    }

    [Fact]
    public void MilitaryThatSeizedPower_TookNoTerritory()
    {
        var r = Run("Sagaing has resisted the military, which seized power from the elected government on Feb. 1, 2021.", "en", "2023-06-08");
        Assert.DoesNotContain(r.Events, e => e.Type == EventType.Battles);
    }

    [Fact]
    public void BodyNamedAfterItsArea_IsNoPlace()
    {
        var r = Run("Two soldiers were killed in a clash with Abu Sayyaf militants in Patikul on Thursday. The military's Western Mindanao Command said five militants were killed.", "en", "2017-08-12");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Western Mindanao Command");
    }

    [Fact]
    public void PeopleSeizedInAnApposition_AreNoTakingOfTerritory()
    {
        var r = Run("The militants said on Friday they will execute the workers – seized last month in Patikul town – if no ransom is paid.", "en", "2017-08-12");
        Assert.DoesNotContain(r.Events, e => e.Subtype is EventSubtype.NonStateActorOvertakesTerritory or EventSubtype.GovernmentRegainsTerritory);
    }

    [Fact]
    public void GroupsNameRunIntoAPlacesInAHeadline_IsNoPlace()
    {
        const string text = "2 soldiers killed in Sulu Sayyaf clash\n\nTwo soldiers were killed in a clash on Thursday with Abu Sayyaf militants in Patikul town.";
        var r = Run(text, "en", "2017-08-12");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Sulu Sayyaf");
    }

    [Fact]
    public void CommaChainFromAnUnknownPlaceToAKnownOne_IsOneAddress()
    {
        var r = Run("Troops encountered around 70 Abu Sayyaf members at Sitio Sangay, Brgy Buhanginan, Patikul, Sulu on Monday, the military said.", "en", "2018-05-02");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
        Assert.Equal("Sitio Sangay", e.Location!.Name);
    }

    [Theory]
    [InlineData("en", "Gunmen killed five people on Monday in the restive Borno state, officials said.", "Borno")]
    [InlineData("en", "At least seven soldiers were killed on Monday in an ambush in the volatile Khyber Pakhtunkhwa (KP) province.", "Khyber Pakhtunkhwa")]
    [InlineData("fr", "Douze soldats ont été tués lundi dans une attaque dans la très instable région de Tillabéri.", "Tillabéri")]
    public void EpithetBetweenTheArticleAndThePlace_IsPassedOver(string lang, string text, string place)
    {
        var e = Assert.Single(Run(text, lang, "2024-03-12").Events);
        Assert.StartsWith(place, e.Location!.Name);
    }

    [Theory]
    [InlineData("en", "Police fired tear gas shells at stone-throwing protesters in Kathmandu on Friday.")]
    [InlineData("fr", "Les policiers ont riposté vendredi à coups de grenades lacrymogènes et assourdissantes contre les manifestants à Dakar.")]
    public void CrowdControlMunitions_AreNoExplosiveWeapon(string lang, string text)
    {
        var r = Run(text, lang, "2024-03-12");
        Assert.NotEmpty(r.Events);
        Assert.DoesNotContain(r.Events, e => e.Type == EventType.ExplosionsRemoteViolence);
    }

    [Theory]
    [InlineData("fr", "Une trentaine d'opposants arrêtés à Moscou\n\nLa police a arrêté dimanche à Moscou une trentaine de manifestants qui tentaient de défiler.")]
    [InlineData("en", "Dozens of opposition supporters arrested in Moscow\n\nPolice on Sunday arrested dozens of protesters who tried to march in Moscow.")]
    public void ArrestsAtTheProtestsPlaceAndDay_AreItsIntervention(string lang, string text)
    {
        var r = Run(text, lang, "2017-04-03");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.ProtestWithIntervention, e.Subtype);
        Assert.Equal(ActorKind.StateForces, e.Actor2?.Kind);
    }

    [Theory]
    [InlineData("en", "At least four protesters were shot dead in Nairobi on Tuesday as police struggled to disperse rioters who stormed Parliament.")]
    [InlineData("fr", "Deux manifestants ont été tués par balle mardi à Conakry par la police, qui tentait de disperser des émeutiers qui lançaient des pierres.")]
    public void ForceOnACrowdToldAsViolent_IsAViolentDemonstration(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2024-06-26").Events);
        Assert.Equal(EventSubtype.ViolentDemonstration, e.Subtype);
        Assert.Equal(ActorKind.Rioters, e.Actor1?.Kind);
        Assert.Equal(ActorKind.StateForces, e.Actor2?.Kind);
    }

    [Theory]
    [InlineData("en", "Opposition leaders urged supporters on Monday to march on Parliament in Nairobi next week.")]
    [InlineData("fr", "Le groupe menace de frapper la ville de Gao dans les prochains jours, selon un communiqué publié lundi.")]
    public void EventPlannedOrThreatened_IsNoEvent(string lang, string text)
    {
        Assert.Empty(Run(text, lang, "2024-06-26").Events);
    }

    [Theory]
    [InlineData("en", "Bombings targeting banks and hotels killed two people in Yala on Saturday, police said.", EventSubtype.RemoteExplosiveLandmineIed)]
    [InlineData("en", "Troops intercepted an attempted raid by ADF fighters near Bweramule on Monday, the army said.", EventSubtype.ArmedClash)]
    [InlineData("fr", "Des heurts ont opposé lundi des jeunes à des policiers à Jelma, selon le ministère de l'Intérieur.", EventSubtype.ViolentDemonstration)]
    public void EventWord_TakesTheSubtypeItsWordsTell(string lang, string text, EventSubtype subtype)
    {
        var e = Assert.Single(Run(text, lang, "2024-03-12").Events);
        Assert.Equal(subtype, e.Subtype);
    }

    [Theory]
    [InlineData("en", "While police in Zamfara have yet to confirm the attack, residents said gunmen killed four villagers in Gusau on Monday.", "Gusau")]
    public void WordThatOpensAClause_IsNoPlace(string lang, string text, string place)
    {
        var e = Assert.Single(Run(text, lang, "2024-03-12").Events);
        Assert.Equal(place, e.Location!.Name);
    }

    [Theory]
    [InlineData("en", "The president pledged on Monday to quell violence in Mexico.")]
    [InlineData("fr", "Le gouvernement a promis lundi d'endiguer les violences au Mexique.")]
    [InlineData("en", "The government vowed on Monday to quell anti-Muslim violence in Kandy.")]
    [InlineData("en", "The minister visited Kuliyapitiya on Tuesday, one of the towns affected by the violence.")]
    [InlineData("fr", "Des explosions ont retenti lundi soir à Bujumbura, selon des habitants.")]
    [InlineData("en", "Explosions were heard in Bujumbura on Monday night, residents said.")]
    public void PledgeDescriptionOrSoundOfViolence_IsNoEvent(string lang, string text)
    {
        Assert.Empty(Run(text, lang, "2024-03-12").Events);
    }

    [Theory]
    [InlineData("en", "Gunmen attacked several villages in Maradun on Thursday, killing 31 people.\n\nHe said seven people were killed in Sakkada; four in Gyadadde; eight in Barin Zare, and four in Otawa.")]
    [InlineData("fr", "Des hommes armés ont attaqué jeudi plusieurs villages de Maradun, tuant 31 personnes.\n\nSept personnes ont été tuées à Sakkada, quatre à Gyadadde, huit à Barin Zare et quatre à Otawa, selon un élu.")]
    public void TollsListedAtSeveralPlaces_AreOneEventEach_OnTheAttacksDay(string lang, string text)
    {
        var r = Run(text, lang, "2024-03-12");
        foreach (var (place, toll) in new[] { ("Sakkada", 7), ("Gyadadde", 4), ("Barin Zare", 8), ("Otawa", 4) })
        {
            var e = Assert.Single(r.Events, x => x.Location?.Name == place);
            Assert.Equal(toll, e.Fatalities);
            Assert.Equal("2024-03-07", e.Date!.Start.ToString());
        }
    }

    [Theory]
    [InlineData("fr", "Des manifestants ont défilé samedi à Antananarivo. La police a dispersé la foule à coups de gaz lacrymogènes, laissant trois personnes sans vie.")]
    [InlineData("en", "Police fired tear gas to disperse protesters in Barquisimeto on Tuesday, and three people were killed.")]
    public void ProtestDispersedWithDeaths_IsExcessiveForce(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2018-04-23").Events);
        Assert.Equal(EventSubtype.ExcessiveForceAgainstProtesters, e.Subtype);
        Assert.Equal(3, e.Fatalities);
        Assert.Equal(ActorKind.StateForces, e.Actor1?.Kind);
        Assert.Equal(ActorKind.Protesters, e.Actor2?.Kind);
    }

    [Fact]
    public void CapitalTheTextNamedInApposition_IsThatTown()
    {
        var r = Run("Des tirs ont été entendus lundi soir à Bujumbura, la capitale du Burundi.\n\nTrois camps de l'armée ont été attaqués dans la capitale burundaise, selon l'armée.", "fr", "2015-12-11");
        Assert.NotEmpty(r.Events);
        Assert.All(r.Events, e => Assert.Equal("Bujumbura", e.Location!.Name));
    }

    [Theory]
    [InlineData("fr", "Une patrouille a été attaquée le 18 février par des hommes armés près de Tessit.")]
    [InlineData("en", "An army convoy was ambushed by gunmen on Monday near Tessit.")]
    public void ForcesAttackedAsThePassiveSubject_MakeABattle(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2022-02-20").Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
        Assert.Equal(ActorKind.StateForces, e.Actor2?.Kind);
        Assert.True(e.FieldEvidence!.ContainsKey("actor2"));
    }

    [Theory]
    [InlineData("en", "Mobs from the majority community burned shops and homes in Kandy on Monday, police said.", EventSubtype.MobViolence)]
    [InlineData("en", "Protesters burned tyres and threw stones at police in Kandy on Monday.", EventSubtype.ViolentDemonstration)]
    public void CrowdViolence_IsMobViolenceOnlyOutsideADemonstration(string lang, string text, EventSubtype subtype)
    {
        var e = Assert.Single(Run(text, lang, "2018-03-06").Events);
        Assert.Equal(subtype, e.Subtype);
    }

    [Theory]
    [InlineData("fr", "Aux villages Liko et Lai non loin de Jina, des miliciens ont tué onze personnes lundi.")]
    [InlineData("en", "Militiamen killed eleven people in the villages of Liko and Lai, near Jina, on Monday.")]
    public void PlaceSaidToBeNearTheOneBefore_IsItsLandmark(string lang, string text)
    {
        var r = Run(text, lang, "2021-10-30");
        Assert.Contains(r.Events, e => e.Location?.Name == "Liko");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Jina");
    }

    [Theory]
    [InlineData("en", "Islamic State militants ambushed an army patrol near Tarmiyah, north of Baghdad, killing four soldiers, security sources said.")]
    [InlineData("fr", "Des jihadistes ont attaqué mardi une patrouille de l'armée près de Tarmiyah, au nord de Bagdad, tuant quatre soldats.")]
    public void PlaceNearAPlaceSaidToBeNearAnother_HasThatOneAsItsLandmark(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2020-03-12").Events);
        Assert.Equal("Tarmiyah", e.Location?.Name);
        Assert.Equal(4, e.Fatalities);
    }

    [Fact]
    public void PlacesListedAfterANearWord_StayPlacesOfTheirOwn()
    {
        var r = Run("De lourdes frappes aériennes visaient mardi la périphérie de Hajar al-Aswad, Qadam et Yarmouk, au sud de Damas.", "fr", "2018-04-27");
        Assert.Contains(r.Events, e => e.Location?.Name == "Qadam");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Damas");
    }

    [Theory]
    [InlineData("fr", "Trois humanitaires ont été enlevés mardi par des hommes armés sur l'axe Bangui-Boali.", 4.36, 18.55)]
    [InlineData("fr", "Des hommes armés ont enlevé mardi deux commerçants sur la route Damboa-Biu.", 11.16, 12.76)]
    public void RoadNamedByTheTownsItJoins_PlacesItsEventVaguelyAtTheFirst(string lang, string text, double lat, double lon)
    {
        var e = Assert.Single(Run(text, lang, "2020-03-12").Events);
        Assert.Equal(3, e.Location?.Precision);
        Assert.InRange(e.Location!.Lat!.Value, lat - 0.1, lat + 0.1);
        Assert.InRange(e.Location.Lon!.Value, lon - 0.1, lon + 0.1);
    }

    [Theory]
    [InlineData("en", "Insurgents beheaded five villagers in Muidumbe district, Cabo Delgado province, local sources told Lusa.", "2024-03-12", "Muidumbe")]
    [InlineData("fr", "Des insurgés ont décapité mardi cinq villageois dans le district de Muidumbe, province de Cabo Delgado.", "2024-03-12", "Muidumbe")]
    // a second-level division after a town
    [InlineData("en", "Soldiers killed five suspected New People's Army rebels in a gunfight in Las Navas, Northern Samar, the army said on Sunday.", "2024-06-11", "Las Navas")]
    public void DivisionAfterAComma_OnlySaysWhereThePlaceBeforeLies(string lang, string text, string published, string place)
    {
        var e = Assert.Single(Run(text, lang, published).Events);
        Assert.Equal(place, e.Location?.Name);
        Assert.Equal(5, e.Fatalities);
    }

    [Theory]
    [InlineData("fr", "Quarante-deux soldats maliens ont été tués dimanche dans une attaque dans la zone de Tessit, dans le nord-est du Mali.")]
    [InlineData("fr", "Quarante-deux soldats maliens ont été tués dimanche dans une attaque dans le secteur de Tessit, dans le nord-est du Mali.")]
    [InlineData("en", "Forty-two Malian soldiers were killed on Sunday in an attack in the Tessit area of northeastern Mali.")]
    public void TheZoneOrSectorOfAnUnknownTown_IsThatTownsArea(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2022-08-10").Events);
        Assert.Equal("Tessit", e.Location?.Name);
        Assert.Equal(2, e.Location?.Precision);
    }

    [Fact]
    public void NamesListedBeforeAPluralPlaceNoun_AreThosePlaces()
    {
        var r = Run("Tuesday's attacks on Nyaung Kone and Kyarsi villages in Pale township killed nine people, residents said.", "en", "2023-06-08");
        Assert.Contains(r.Events, e => e.Location?.Name == "Kyarsi");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Pale");
    }

    [Theory]
    [InlineData("fr", "Des hommes armés ont tué douze personnes lors d'une attaque contre deux villages du centre du pays, selon des élus.\n\nAux villages de Sobane et Kere, les habitants enterraient leurs morts lundi, a précisé un élu.", "Sobane")]
    [InlineData("en", "Gunmen killed twelve people in an attack on two villages in the centre of the country, officials said.\n\nIn the villages of Sobane and Kere, residents were burying their dead on Monday, an official said.", "Sobane")]
    public void LedeEventAtSeveralUnnamedVillages_IsAtTheVillagesNamedLater(string lang, string text, string village)
    {
        var r = Run(text, lang, "2024-03-12");
        Assert.Contains(r.Events, e => e.Location?.Name == village);
    }

    [Theory]
    [InlineData("en", "Security forces killed two terrorists while two militants were apprehended in the operation in Sararogha on Monday.")]
    [InlineData("fr", "Les forces de sécurité ont tué lundi deux terroristes et en ont arrêté deux autres lors de l'opération à Sararogha.")]
    public void ArrestsMadeInABattle_ArePartOfIt(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2024-12-10").Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
    }

    [Theory]
    [InlineData("en", "The killings in Gida on Aug. 18 were followed by a revenge attack the next day that left another 60 people dead.", "2021-08-27")]
    [InlineData("fr", "Les tueries à Gida le 18 août ont été suivies d'une attaque de représailles le lendemain, qui a fait 60 morts.", "2021-08-27")]
    public void SecondEventWordWithARelativeDay_IsAnotherEventAtTheSentencesPlace(string lang, string text, string published)
    {
        var r = Run(text, lang, published);
        Assert.Contains(r.Events, e => e.Location?.Name == "Gida" && e.Date!.Start.ToString() == "2021-08-18");
        Assert.Contains(r.Events, e => e.Location?.Name == "Gida" && e.Date!.Start.ToString() == "2021-08-19");
    }

    [Fact]
    public void SecondEventWordWithADateOfItsOwn_IsNotPlacedAtTheFirstsPlace()
    {
        var r = Run("Ces derniers mois ont été meurtriers avec le massacre le 23 mars de 160 villageois à Ogossagou, suivi d'une attaque le 9 juin qui a fait 35 morts.", "fr", "2019-06-20");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Ogossagou" && e.Date!.Start.ToString() == "2019-06-09");
    }

    [Fact]
    public void EventAtAProvinceBesideTheSameEventAtItsTown_IsOneEvent()
    {
        var r = Run("A roadside bomb killed a ranger in Narathiwat on Tuesday.\n\nPolice said the rangers were traveling in Narathiwat province on Tuesday when the bomb exploded near their vehicle.", "en", "2015-07-14");
        var e = Assert.Single(r.Events);
        Assert.Equal(1, e.Location!.Precision);
    }

    [Theory]
    [InlineData("fr", "Douze soldats ont été tués mardi dans l'attaque d'un poste dans le nord du Sinaï, selon l'armée. L'attaque s'est déroulée dans la région de Bir Al Abd, ont précisé les responsables.", "Bir Al Abd")]
    [InlineData("en", "Twelve soldiers were killed on Tuesday in an attack on a checkpoint in northern Sinai, the army said. The attack took place in the Bir Al Abd area, officials said.", "Bir Al Abd")]
    public void DefiniteAttackThatTookPlaceAtATown_PlacesTheEventToldForARegion(string lang, string text, string town)
    {
        var r = Run(text, lang, "2016-10-15");
        var e = Assert.Single(r.Events, e => e.Type == EventType.Battles);
        Assert.Equal(town, e.Location?.Name);
        Assert.Equal(2, e.Location?.Precision);
        Assert.DoesNotContain(r.Events, x => x.Location?.Name == "Sinaï" || x.Location?.Name == "Sinai");
    }

    [Theory]
    [InlineData("fr", "Des hommes armés ont attaqué les villages de Duk Padiet et de Poktap lundi et volé plusieurs troupeaux, selon le commissaire du comté.")]
    [InlineData("en", "Gunmen attacked the villages of Duk Padiet and Poktap on Monday and stole hundreds of cattle, the county commissioner said.")]
    public void AnimalsTakenInAnAttack_AreALootingEventAtEachAttackedPlace_WithTheAttacksSides(string lang, string text)
    {
        var r = Run(text, lang, "2017-11-29");
        foreach (var village in new[] { "Duk Padiet", "Poktap" })
        {
            var attack = Assert.Single(r.Events, e => e.Type == EventType.ViolenceAgainstCivilians && e.Location?.Name == village);
            var raid = Assert.Single(r.Events, e => e.Subtype == EventSubtype.LootingPropertyDestruction && e.Location?.Name == village);
            Assert.Equal(attack.Actor1?.Kind, raid.Actor1?.Kind);
            Assert.Equal(ActorKind.Civilians, raid.Actor2?.Kind);
        }
    }

    [Fact]
    public void UnknownVillageThenItsMunicipality_IsOnePlace_AtTheMunicipality()
    {
        const string text = "Soldiers clashed with Abu Sayyaf gunmen on Wednesday in Barangay Kanlagi, Patikul municipality, resulting in a firefight, the army said.";
        var r = Run(text, "en", "2020-04-23");
        var e = Assert.Single(r.Events);
        Assert.Equal("Patikul", e.Location?.Name);
        Assert.NotNull(e.Location?.Lat);
    }

    [Theory]
    [InlineData("en", "Three soldiers were killed in an ambush in Patikul on Wednesday, the army said. One of the wounded soldiers died at a hospital in Zamboanga City on Monday.")]
    [InlineData("fr", "Trois soldats ont été tués mercredi dans une embuscade à Patikul, selon l'armée. Un des soldats blessés a succombé à ses blessures lundi à l'hôpital de Zamboanga.")]
    public void DeathFromWoundsAtAHospital_IsNoEventWhereThePersonDied(string lang, string text)
    {
        var r = Run(text, lang, "2020-04-28");
        Assert.Contains(r.Events, e => e.Location?.Name == "Patikul");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name?.StartsWith("Zamboanga", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("en", "Wednesday's encounter in Patikul was part of offensives by the military against the Abu Sayyaf, a Sulu-based group notorious for bombings and kidnappings.", EventSubtype.AbductionForcedDisappearance)]
    [InlineData("fr", "L'accrochage de mercredi à Patikul s'inscrit dans les opérations de l'armée contre Abu Sayyaf, un groupe connu pour ses enlèvements.", EventSubtype.AbductionForcedDisappearance)]
    public void WhatAGroupIsKnownFor_IsNoEventOfTheDay(string lang, string text, EventSubtype notTold)
    {
        var r = Run(text, lang, "2020-04-23");
        Assert.DoesNotContain(r.Events, e => e.Subtype == notTold);
    }

    [Theory]
    [InlineData("en", "A raid by the militants on a military base in southern Somalia left at least 18 people dead on Sunday, officials said. It took place in the Lower Shabelle province, on the outskirts of the regional capital Marka.")]
    [InlineData("fr", "Une attaque des insurgés contre une base militaire dans le sud de la Somalie a fait au moins 18 morts dimanche, selon des responsables. Elle s'est produite dans la province du Bas-Shabelle, aux abords de la ville de Marka.")]
    public void PronounThatTookPlaceAtATown_PlacesTheEventToldForTheCountry(string lang, string text)
    {
        var r = Run(text, lang, "2019-09-22");
        var e = Assert.Single(r.Events, e => e.Type == EventType.Battles);
        Assert.Equal("Marka", e.Location?.Name);
    }

    [Theory]
    [InlineData("fr", "Deux civils et trois rebelles ont été tués vendredi dans une attaque contre les forces armées dans le sud-est de la Centrafrique, selon des sources locales. Des hommes armés ont attaqué une patrouille de l'armée près de la ville de Zémio, selon ces sources.")]
    [InlineData("en", "Two civilians and three rebels were killed on Friday in an attack on the army in south-eastern Central African Republic, local sources said. Gunmen attacked an army patrol near the town of Zemio, the sources said.")]
    public void EventDatedForARegion_ThenPlacedAtATownWithNoTime_IsOneEventOnTheDayToldFirst(string lang, string text)
    {
        var r = Run(text, lang, "2024-06-17");
        var e = Assert.Single(r.Events, e => e.Type == EventType.Battles);
        Assert.StartsWith("Z", e.Location?.Name);
        Assert.Equal("2024-06-14", e.Date?.Start.ToString());
    }

    [Theory]
    [InlineData("fr", "Au moins six civils sont morts dimanche lorsqu'un kamikaze s'est fait exploser à Mogadiscio. Dans la fusillade qui a suivi, les six assaillants ont été tués, selon la police.")]
    [InlineData("en", "At least six civilians died on Sunday when a suicide bomber blew himself up in Mogadishu. In the gunfight that followed, all six attackers were killed, police said.")]
    public void FightThatFollowedABombing_IsAClashOfItsOwn_WhereTheBombWentOff(string lang, string text)
    {
        var r = Run(text, lang, "2023-01-22");
        var bomb = Assert.Single(r.Events, e => e.Subtype == EventSubtype.SuicideBomb);
        var clash = Assert.Single(r.Events, e => e.Subtype == EventSubtype.ArmedClash);
        Assert.Equal(bomb.Location?.Name, clash.Location?.Name);
    }

    [Theory]
    [InlineData("fr", "À 50 kilomètres de Kiev, des frappes aériennes russes ont détruit mardi deux immeubles à Borodianka, selon la vice-ministre.", "Borodianka")]
    [InlineData("en", "Some 50 kilometres from Kyiv, Russian air strikes destroyed two apartment blocks in Borodianka on Tuesday, the deputy minister said.", "Borodianka")]
    public void PlaceADistanceIsMeasuredFrom_IsNoPlaceOfTheEvent_WhenAnotherIsNamed(string lang, string text, string town)
    {
        var r = Run(text, lang, "2022-03-02");
        var e = Assert.Single(r.Events);
        Assert.Equal(town, e.Location?.Name);
        Assert.Equal(EventSubtype.AirDroneStrike, e.Subtype);
    }

    [Fact]
    public void PlaceTheAttackersCameFrom_IsNoPlaceOfTheEvent_AndAnUnknownVillageTakesTheCountryOfItsSentence()
    {
        const string text = "Des combattants de Boko Haram venus du Nigeria ont attaqué vendredi le Tchad, faisant cinq morts à Ngouboua, au bord du lac. "
                            + "Ils étaient arrivés à bord de pirogues depuis la localité nigériane de Baga, selon une source sécuritaire.";
        var r = Run(text, "fr", "2015-02-14");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Baga");
        var e = Assert.Single(r.Events, e => e.Location?.Name == "Ngouboua");
        Assert.Equal("TD", e.Location?.Country);
    }

    [Fact]
    public void DemonstrativeBackReferenceAtAPlace_GivesThePlaceOfTheEventToldAtItsCountry_WhateverTypeItsTargetSuggests()
    {
        // "un camp de réfugiés" would make the attack one on civilians: the demonstrative points back at the attack on soldiers
        const string text = "Le Niger a été frappé jeudi par une nouvelle attaque qui a fait 22 morts parmi ses soldats. Cette attaque a visé un camp de réfugiés à Tazalit.";
        var r = Run(text, "fr", "2016-10");
        var e = Assert.Single(r.Events);
        Assert.Equal("Tazalit", e.Location?.Name);
        Assert.Equal(EventType.Battles, e.Type);
        Assert.Equal(22, e.Fatalities);
    }

    [Theory]
    [InlineData("fr", "Onze soldats maliens ont été tués lundi dans une attaque contre leur camp à Gourma-Rharous. Deux sources militaires jointes auparavant à Gao, la plus grande ville du Nord, ainsi qu'à Bamako, avaient fait état de dix morts dans les rangs de l'armée.")]
    [InlineData("en", "Eleven Malian soldiers were killed on Monday in an attack on their camp at Gourma-Rharous. Two military sources reached earlier in Gao and in Bamako had reported ten dead among the troops.")]
    public void PlaceWhereASourceWasReached_IsNoPlaceOfTheEvent(string lang, string text)
    {
        var r = Run(text, lang, "2015-08");
        var e = Assert.Single(r.Events);
        Assert.Equal("Gourma-Rharous", e.Location?.Name);
    }

    [Fact]
    public void PeopleOfAPlaceReachedFromElsewhere_LeaveThePlaceTheEvents()
    {
        const string text = "Des hommes armés ont attaqué lundi le poste de la garde nationale, selon le gouvernement. "
                            + "Un résident de Tombouctou a dit avoir joint des habitants de Gourma-Rharous, qui ont parlé de dix gardes tués.";
        var r = Run(text, "fr", "2015-08");
        Assert.Contains(r.Events, e => e.Location?.Name == "Gourma-Rharous");
    }

    [Fact]
    public void CountryNamedBeforeAForce_DoesNotPlaceAnUnknownVillageOfItsSentence()
    {
        const string text = "Niger's army lost twelve soldiers on Sunday near Ayorou. Britain and the United States keep drones in the area. "
                            + "Two years ago gunmen killed three U.S. soldiers and five Nigerien troops in an ambush near the village of Kandadji Kouara.";
        var r = Run(text, "en", "2019-05");
        var e = Assert.Single(r.Events, e => e.Location?.Name == "Kandadji Kouara");
        Assert.Equal("NE", e.Location?.Country);
    }

    [Theory]
    [InlineData("en", "Gunmen attacked an army post on Monday in Boni in the western Tillaberi region, the defence ministry said. Mali and Burkina Faso face the same insurgency.")]
    [InlineData("fr", "Des hommes armés ont attaqué lundi un poste de l'armée à Boni, dans la région de Tillabéri, a indiqué le ministère de la Défense. Le Mali et le Burkina Faso voisins subissent les mêmes attaques.")]
    public void TownNamedWithItsDivision_IsNotTheNamesakeOfAnotherCountryTheTextNames(string lang, string text)
    {
        // the gazetteer knows only a Boni of Mali; the Tillaberi region is Niger's
        var r = Run(text, lang, "2024-05");
        var e = Assert.Single(r.Events, e => e.Location?.Name == "Boni");
        Assert.Equal("NE", e.Location?.Country);
        Assert.Null(e.Location?.Lat);
    }

    [Fact]
    public void AttacksDatedForARegion_ThenAtVillagesOfADivisionTheTextNames_AreOnThatDayInThatCountry()
    {
        const string text = "Dans la nuit du dimanche à lundi dernier, une trentaine de civils et deux militaires ont été tués dans des attaques rebelles dans le nord-ouest de la Centrafrique, ont annoncé mercredi des autorités locales.\n\n"
                            + "Selon le préfet, des rebelles ont perpétré des attaques contre l'armée et des civils dans les villages de Kaïta et Bayengou situés dans la préfecture de l'Ouham-Pendé, près de la frontière camerounaise.";
        var r = Run(text, "fr", "2021-12-02");
        foreach (var village in new[] { "Kaïta", "Bayengou" })
        {
            var e = Assert.Single(r.Events, e => e.Location?.Name == village);
            Assert.Equal("2021-11-28", e.Date?.Start.ToString());
            Assert.Equal("CF", e.Location?.Country);
        }
    }

    [Theory]
    [InlineData("fr", "Le Cauca est le théâtre d'affrontements entre les deux belligérants, qui doivent entamer des négociations et un cessez-le-feu le 8 octobre prochain.")]
    [InlineData("en", "The two sides, who fought in Cauca last week, are due to start talks and a ceasefire on October 8.")]
    public void EventOnADayAfterPublication_IsAPlan_NotAnEvent(string lang, string text)
    {
        var r = Run(text, lang, "2023-09-27");
        Assert.DoesNotContain(r.Events, e => e.Date != null && e.Date.Start.ToString().CompareTo("2023-09-27") > 0);
    }

    [Theory]
    [InlineData("fr", "La police a fait usage de gaz lacrymogène lundi au Champ-de-Mars, à Port-au-Prince, pour disperser la manifestation de l'opposition. La manifestation était pacifique jusque-là. Des manifestants ripostent avec des jets de pierres.")]
    [InlineData("en", "Police fired tear gas on Monday to disperse an opposition protest at the Champ-de-Mars in Port-au-Prince. The protest had been peaceful until then. Protesters threw stones at the police.")]
    public void ProtestDispersedThenStonesThrown_IsOneViolentDemonstration(string lang, string text)
    {
        var r = Run(text, lang, "2021-03-30");
        Assert.Contains(r.Events, e => e.Subtype == EventSubtype.ViolentDemonstration);
        Assert.DoesNotContain(r.Events, e => e.Type == EventType.Protests);
    }

    [Theory]
    [InlineData("en", "Gunmen attacked a bar located in Jaral del Progreso, about 35 kilometers south of Salamanca, on Sunday, killing 12 people.", "Jaral del Progreso")]
    [InlineData("fr", "Des hommes armés ont attaqué dimanche un bar situé à Jaral del Progreso, à environ 35 kilomètres au sud de Salamanca, tuant 12 personnes.", "Jaral del Progreso")]
    public void PlaceADistanceIsMeasuredFrom_InTheSameList_IsNoPlaceOfTheEvent(string lang, string text, string town)
    {
        var r = Run(text, lang, "2020-09-28");
        var e = Assert.Single(r.Events);
        Assert.Equal(town, e.Location?.Name);
    }

    [Theory]
    [InlineData("en", "Gunmen abducted dozens of women in Adafka village on Sunday and took them towards Makakari forest, residents said.", "Makakari")]
    [InlineData("fr", "Des hommes armés ont enlevé dimanche des dizaines de femmes à Adafka et les ont emmenées vers la forêt de Makakari, selon des habitants.", "Makakari")]
    public void PlaceCaptivesWereTakenTowards_IsNoPlaceOfTheEvent(string lang, string text, string notPlace)
    {
        var r = Run(text, lang, "2025-08-27");
        Assert.Contains(r.Events, e => e.Location?.Name == "Adafka");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == notPlace);
    }

    [Fact]
    public void PeopleKilledByAStatesForcesNamedAsThePassivesAgent_HaveThoseForcesAsActor1()
    {
        var r = Run("Un Palestinien a été tué jeudi par des soldats israéliens près de Naplouse, dans le nord de la Cisjordanie occupée.", "fr", "2018-10-12");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventType.ViolenceAgainstCivilians, e.Type);
        Assert.Equal("IL", e.Actor1?.Country);
    }

    [Theory]
    [InlineData("fr", "Des hommes armés ont tué au moins 15 civils mardi à proximité de la ville de Bambari.\n\nSelon le préfet, un camion a été attaqué mardi par des rebelles au village Matchika, situé à 20 kilomètres de Bambari.")]
    public void AnEventNearATown_IsTheOneAtTheVillageLocatedFromThatTown(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2021-10-06").Events);
        Assert.Equal("Matchika", e.Location!.Name);
        Assert.Equal(15, e.Fatalities);
    }

    [Theory]
    [InlineData("en", "A suicide attack at a Shiite mosque in Pul-i-Khumri killed at least 17 people on Friday. The blast hit the Imam Zaman Mosque, the largest Shiite mosque in the city, witnesses said.")]
    public void ABuildingNoGazetteerPlaces_HitOnTheDayOfAnEventAtATown_IsInThatTown(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2023-10-14").Events);
        Assert.Equal("Pul-i-Khumri", e.Location!.Name);
    }

    [Theory]
    [InlineData("en", "Air strikes killed five shepherds near Sinjar on Tuesday, local officials said.\nSeparately, four policemen were killed in Kirkuk province when militants attacked their post on Tuesday.")]
    [InlineData("fr", "Des frappes aériennes ont tué cinq bergers près de Sinjar mardi, selon des responsables locaux.\nSéparément, quatre policiers ont été tués dans la province de Kirkouk après que des jihadistes ont attaqué leur poste mardi.")]
    public void AnotherIncidentInAProvince_IsAnEventOfItsOwn_AndTheStrikeKeepsItsVictims(string lang, string text)
    {
        var r = Run(text, lang, "2022-07-20");
        var strike = Assert.Single(r.Events, e => e.Subtype == EventSubtype.AirDroneStrike);
        Assert.Equal(5, strike.Fatalities);
        Assert.Equal(ActorKind.Civilians, strike.Actor2?.Kind);
        var clash = Assert.Single(r.Events, e => e.Type == EventType.Battles);
        Assert.Equal(4, clash.Fatalities);
        Assert.Equal(3, clash.Location?.Precision);
    }

    [Fact]
    public void TollOfAnEarlierAttackElsewhere_ToldAfterItsWords_IsNotTheNewsEventsToll()
    {
        var r = Run("Un attentat suicide a visé vendredi une mosquée de Kandahar. Le bilan provisoire fait état d'au moins 47 morts.\n"
                    + "Cet attentat survient une semaine après une explosion dans une école de Jalalabad, qui avait fait au moins trois morts.", "fr", "2021-10-08");
        Assert.Equal(47, Assert.Single(r.Events, e => e.Location?.Name == "Kandahar").Fatalities);
        Assert.Equal(3, Assert.Single(r.Events, e => e.Location?.Name == "Jalalabad").Fatalities);
    }

    [Theory]
    [InlineData("fr", "Treize policiers ont été tués lundi dans une attaque dans le district de Kharwazi, dans la province de Badakhshan, une région reculée près de la frontière du Tadjikistan.")]
    [InlineData("en", "Thirteen Afghan policemen were killed on Monday in an attack in Kharwazi district, in Badakhshan province, a remote area near the border with Tajikistan.")]
    public void UnknownDistrictInAProvince_IsInTheProvincesCountry_NotTheBordersOne(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2015-05-05").Events);
        Assert.Equal("Kharwazi", e.Location?.Name);
        Assert.Equal("AF", e.Location?.Country);
    }

    [Theory]
    [InlineData("en", "More than 26 people were killed on Tuesday when an armed group attacked the village. The massacre took place in the village of Koundjili, the UN mission said in a tweet on Wednesday.")]
    [InlineData("fr", "Plus de 26 personnes ont été tuées mardi lors de l'attaque d'un village. Le massacre a eu lieu dans le village de Koundjili, a indiqué la mission de l'ONU dans un communiqué mercredi.")]
    public void TheDayOfAStatementToldWithItsMedium_IsNotTheEventsDay(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2019-05-22").Events);
        Assert.Equal("2019-05-21", e.Date?.Start.ToString());
    }

    [Theory]
    [InlineData("en", "At least 30 civilians were killed in government air strikes on rebel-held areas, a monitoring group said on Tuesday.\nThe attacks hit the towns of Saraqeb and Maarat al-Numan in Idlib province on Monday, the monitor said.")]
    [InlineData("fr", "Au moins 30 civils ont été tués dans des frappes aériennes du régime sur des zones rebelles, a indiqué mardi une ONG.\nCes attaques ont touché lundi les villes de Saraqeb et de Maarat al-Nouman, dans la province d'Idleb, selon l'ONG.")]
    public void AnUmbrellaWordRightAfterAStrike_NamingNoTarget_IsThatStrikeAtItsTowns(string lang, string text)
    {
        var events = Run(text, lang, "2014-09-23").Events;
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(EventSubtype.AirDroneStrike, e.Subtype));
        Assert.All(events, e => Assert.Equal("2014-09-22", e.Date?.Start.ToString()));
    }

    [Theory]
    [InlineData("fr", "Au moins 12 manifestants dont deux adolescents ont été tués jeudi, et 30 autres blessés, lors de la répression par les forces de sécurité iraniennes d'un rassemblement dans la province « Khouzistan », selon des ONG.", "Khouzistan")]
    [InlineData("en", "At least 12 protesters, among them two teenagers, were killed on Thursday and 30 others wounded during the crackdown by Iranian security forces on a rally in the \"Khuzestan\" province, rights groups said.", "Khuzestan")]
    public void ProtestersKilledInARepression_AreExcessiveForce_AtTheQuotedProvince(string lang, string text, string place)
    {
        var e = Assert.Single(Run(text, lang, "2021-02-26").Events);
        Assert.Equal(EventSubtype.ExcessiveForceAgainstProtesters, e.Subtype);
        Assert.Equal(place, e.Location?.Name);
    }

    [Theory]
    [InlineData("en", "Kabul: Four Pakistani police officers were killed on Sunday when militants attacked a police station in Lakki Marwat district, police said.")]
    public void ADatelineInAnotherCountry_DoesNotMakeTheVictimsForeign(string lang, string text)
    {
        var f = Assert.Single(Run(text, lang, "2021-10-03").CasualtyReports.SelectMany(r => r.Figures), f => f.Count == 4);
        Assert.Equal(VictimGroup.GovernmentForces, f.Group);
    }

    [Theory]
    [InlineData("fr", "Un camion de l'armée kényane a sauté sur une mine lundi dans l'est du pays, faisant six morts.", "Kenya")]
    [InlineData("en", "Six soldiers were killed on Monday when their truck hit a mine in the country's northeast, Kenyan officials said.", "Kenya")]
    public void TheAreaOfAFigure_NamedByACommonNoun_IsTheCountrysName(string lang, string text, string name)
    {
        var r = Run(text, lang, "2019-06-18");
        var report = Assert.Single(r.CasualtyReports);
        Assert.Equal(name, report.Area?.Name);
        Assert.Equal("KE", report.Area?.Country);
    }

    [Theory]
    [InlineData("fr", "Des roquettes ont frappé samedi soir la ville arménienne de Vardenis, un jour après la médiation des États-Unis, puis la tentative de médiation des États-Unis a échoué.")]
    [InlineData("en", "Rockets hit the Armenian town of Vardenis on Saturday night, a day after the mediation of the United States, and a truce brokered by the United States collapsed.")]
    public void ACountryNamedAsAGoBetween_IsNotWhereTheNewsIs(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2020-10-25").Events);
        Assert.Equal("AM", e.Location?.Country);
    }

    [Theory]
    [InlineData("fr", "Au moins 25 soldats ont été tués jeudi lors de l'attaque du camp militaire de Kharbaga (ouest, frontière malienne), selon un communiqué du ministère nigérien de la Défense.")]
    [InlineData("en", "At least 25 soldiers were killed on Thursday in an attack on the Kharbaga military camp near the Malian border, a Nigerien defence ministry statement said.")]
    [InlineData("en", "At least 25 soldiers were killed on Thursday in an attack on the Kharbaga military camp near the border with Mali, the Nigerien defence ministry said.")]
    public void UnknownPlaceNearABorder_IsNotInTheCountryAcrossIt(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2020-01-10").Events);
        Assert.Equal("Kharbaga", e.Location?.Name);
        Assert.Equal("NE", e.Location?.Country);
    }

    [Theory]
    [InlineData("fr", "Le bilan de la frappe sur Al-Hawk est monté à 12 morts, a affirmé la télévision des rebelles, qui avait annoncé plus tôt 10 morts.", 12)]
    [InlineData("en", "The toll from the strike on Al-Hawk rose to 12 dead, the rebels' television said, after it had earlier reported 10 dead.", 12)]
    // "plus tôt aujourd'hui" is a time of the day, not an earlier toll: both groups count
    [InlineData("fr", "Plus tôt aujourd'hui, un Casque bleu a été tué lorsque son unité a été attaquée près de Bria par des hommes armés, et trois des assaillants ont été tués.", 4)]
    public void EarlierToll_YieldsToTheLaterOne(string lang, string text, int fatalities)
    {
        var e = Assert.Single(Run(text, lang, "2025-04-20").Events);
        Assert.Equal(fatalities, e.Fatalities);
    }

    [Theory]
    [InlineData("fr", "Les Forces de soutien rapide (FSR), des paramilitaires en guerre contre l'armée depuis avril 2023, ont attaqué le village de Wad al-Noura mercredi avec de l'artillerie lourde, faisant 100 morts.")]
    [InlineData("en", "The Rapid Support Forces (RSF), a paramilitary group at war with the army since April 2023, attacked the village of Wad al-Noura on Wednesday with heavy artillery, killing 100 people.")]
    public void ActorInAnAppositionDescribingTheDoer_IsNoParty(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2024-06-06").Events);
        Assert.StartsWith("RSF", e.Actor1?.Name);
        Assert.NotEqual(ActorKind.StateForces, e.Actor2?.Kind);
    }

    [Fact]
    public void DayTheNewsWasLearned_IsNotTheEventsDay()
    {
        var e = Assert.Single(Run("Au moins 14 civils ont été tués jeudi à Diblou, dans une attaque, a-t-on appris samedi.", "fr", "2019-07-27").Events);
        Assert.Equal("2019-07-25", e.Date!.Start.ToString());
    }

    [Theory]
    [InlineData("fr", "À Ankara, le ministère de la Défense a indiqué jeudi que l'armée turque avait tué 16 combattants kurdes à Manbij.", "Manbij")]
    [InlineData("en", "In Ankara, the defence ministry said on Thursday that the Turkish army had killed 16 Kurdish fighters in Manbij.", "Manbij")]
    [InlineData("fr", "À Gao, des hommes armés ont tué trois civils lundi, selon des sources locales.", "Gao")]
    public void APlaceOpeningTheSentenceBeforeTheSourceWhoSpeaks_IsWhereTheStatementWasMade(string lang, string text, string place)
    {
        var e = Assert.Single(Run(text, lang, "2023-06-15").Events);
        Assert.Equal(place, e.Location?.Name);
    }

    [Theory]
    [InlineData("fr", "Le convoi a été attaqué lundi près de Djibo, a affirmé mercredi le ministre délégué à la Défense, Silas Keita.")]
    [InlineData("en", "The convoy was attacked on Monday near Djibo, the Minister of Defence said on Wednesday.")]
    public void AMinistersPortfolio_IsNoPlace(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2022-09-28").Events);
        Assert.Equal("Djibo", e.Location?.Name);
    }

    [Fact]
    public void ACountryTroopsComeFrom_IsNotWhereAnUnknownPlaceOfTheSentenceLies()
    {
        var r = Run("Al Shabaab fighters overran a base in Laanta Buuro in Somalia on Sunday. The attack on Laanta Buuro came shortly after African Union troops from Kenya said they had killed 34 militants.", "en", "2016-03-22");
        Assert.NotEmpty(r.Events);
        Assert.All(r.Events.Where(e => e.Location?.Name == "Laanta Buuro"), e => Assert.Equal("SO", e.Location?.Country));
        Assert.Contains(r.Events, e => e.Location?.Name == "Laanta Buuro");
    }

    [Theory]
    [InlineData("fr", "Des frappes de l'armée israélienne ont fait douze morts jeudi dans la bande de Gaza, a annoncé la Défense civile.", "PS")]
    [InlineData("fr", "Des frappes israéliennes ont tué 37 personnes jeudi dans la bande de Gaza.", "PS")]
    public void AFeatureWordAndANameTheGazetteerHoldsAsOneName_AreThatPlace(string lang, string text, string country)
    {
        var e = Assert.Single(Run(text, lang, "2024-05-10").Events);
        Assert.Equal(country, e.Location?.Country);
    }

    [Theory]
    [InlineData("fr", "L'armée israélienne a mené des frappes dans la bande de Gaza mardi. À Khan Younès, une frappe israélienne a tué quatre personnes, selon la Défense civile.", "Khan Younès", "PS")]
    [InlineData("fr", "Israël a frappé le Liban mardi. Le raid de l'ennemi israélien à Kfar Tibnit a fait deux morts, selon le ministère libanais de la Santé.", "Kfar Tibnit", "LB")]
    [InlineData("en", "Israel struck Lebanon on Tuesday. An Israeli strike on the village of Kfar Tibnit killed two people, Lebanon's health ministry said.", "Kfar Tibnit", "LB")]
    public void TheDemonymOfAForce_IsNotWhereAPlaceOfItsSentenceLies(string lang, string text, string place, string country)
    {
        var r = Run(text, lang, "2024-05-10");
        var e = Assert.Single(r.Events, e => e.Location?.Name == place);
        Assert.Equal(country, e.Location?.Country);
    }

    [Theory]
    [InlineData("fr", "Deux civils ont été tués lundi par des hommes armés à Bangassou, selon des sources locales.\n→ À LIRE AUSSI : Mali : trois soldats tués dans une embuscade près de Gao\n→ À LIRE AUSSI : Niger : une attaque fait dix morts à Tillabéri", "Bangassou")]
    [InlineData("en", "Gunmen killed two civilians in Bangassou on Monday, local sources said.\nALSO READ\nThree soldiers killed in ambush near Gao\nAttack kills ten in Tillaberi, officials say", "Bangassou")]
    public void LinksToOtherArticles_AndTheHeadlinesUnderThem_TellNoEventOfTheArticle(string lang, string text, string place)
    {
        var e = Assert.Single(Run(text, lang, "2024-03-12").Events);
        Assert.Equal(place, e.Location?.Name);
    }

    [Fact]
    public void ALineOfProseAfterLinks_IsTheArticleAgain()
    {
        const string text = "Deux civils ont été tués lundi par des hommes armés à Bangassou, selon des sources locales.\nLire aussi : Mali : trois soldats tués près de Gao\nMardi, des rebelles ont attaqué un poste de l'armée à Bria, tuant quatre soldats.";
        var r = Run(text, "fr", "2024-03-12");
        Assert.Contains(r.Events, e => e.Location?.Name == "Bria");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Gao");
    }

    [Theory]
    [InlineData("en", "An Israeli strike killed three people in Kfar Kila on Thursday, the health ministry said. Tensions have been high along the border since Hamas attacked Israel on October 7.", "Hamas Movement")]
    [InlineData("fr", "Des combats ont opposé mardi l'armée aux miliciens à Rutshuru, selon des sources locales. La région est instable depuis que les rebelles du M23 ont attaqué Bunagana en 2022.", "M23: March 23 Movement")]
    [InlineData("en", "Security forces shot dead three protesters in Izeh on Tuesday night, witnesses said. Six people have been killed in Shadegan since protests began in the province.", "Protesters")]
    [InlineData("en", "US strikes killed 68 migrants in Saada on Monday, the rebels said. The Gaza war was triggered by Hamas's attack on Israel on October 7, 2023.", "Hamas Movement")]
    [InlineData("fr", "Des frappes américaines ont tué 68 migrants lundi à Saada, selon les rebelles. La guerre à Gaza a été déclenchée par l'attaque du Hamas contre Israël le 7 octobre 2023.", "Hamas Movement")]
    public void AnEventInAClauseOpenedBySince_IsBackground_NoEventOfTheNews(string lang, string text, string backgroundGroup)
    {
        var r = Run(text, lang, "2024-03-14");
        Assert.NotEmpty(r.Events);
        Assert.DoesNotContain(r.Events, e => e.Actor1?.Name == backgroundGroup);
    }

    [Theory]
    [InlineData("en", "Since Monday gunmen have attacked three villages near Djibo, killing 12 people, local sources said.", "Djibo")]
    public void SinceBeforeATime_OpensNoBackgroundClause(string lang, string text, string place)
    {
        Assert.Contains(Run(text, lang, "2024-03-14").Events, e => e.Location?.Name == place);
    }

    [Theory]
    [InlineData("en", "M23 rebels attacked army posts in Rutshuru territory on Thursday, the spokesman for the governor of North Kivu, Sylvain Ekenge, said.")]
    [InlineData("fr", "Les rebelles du M23 ont attaqué jeudi des positions de l'armée dans le territoire de Rutshuru, le porte-parole du gouverneur du Nord-Kivu, Sylvain Ekenge, a déclaré.")]
    public void APersonInAppositionAfterAPlace_BeforeASpeechVerb_IsNoPlace(string lang, string text)
    {
        var r = Run(text, lang, "2022-10-24");
        Assert.NotEmpty(r.Events);
        Assert.DoesNotContain(r.Events, e => e.Location?.Name?.Contains("Sylvain") == true);
    }

    [Fact]
    public void TheLastPlaceOfAListEndedByEt_StaysAPlace_BeforeASpeechVerb()
    {
        var r = Run("Des hommes armés ont attaqué lundi les civils dans les villages de Sikiré, Gorom et Dori, a précisé le porte-parole du gouvernement.", "fr", "2020-10-14");
        Assert.Contains(r.Events, e => e.Location?.Name == "Dori");
    }

    [Theory]
    [InlineData("fr", "Une source humanitaire a confirmé la mort par balle de huit civils samedi entre les localités de Niono et Nampala.")]
    [InlineData("en", "Gunmen killed eight civilians on Saturday between the towns of Niono and Nampala, a local official said.")]
    public void AnEventBetweenTwoPlaces_IsOneEventNearTheFirst_WithItsToll(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2025-01-12").Events);
        Assert.Equal("Niono", e.Location?.Name);
        Assert.Equal(2, e.Location?.Precision);
        Assert.Equal(8, e.Fatalities);
    }

    [Fact]
    public void PlacesListedWithoutBetween_AreEachAPlace()
    {
        var r = Run("Des hommes armés ont attaqué samedi les localités de Niono et Nampala, tuant huit civils.", "fr", "2025-01-12");
        Assert.Contains(r.Events, e => e.Location?.Name == "Nampala");
    }

    [Fact]
    public void AGangWarInAPortAuPrinceCommune_IsAClashPlacedThere()
    {
        var r = Run("Au moins cinq morts ont été recensés au cours d'une guerre des gangs qui a éclaté dans la nuit de mardi à mercredi à Cité Soleil.", "fr", "2020-03-19");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
        Assert.Equal("HT", e.Location?.Country);
        Assert.NotNull(e.Location?.Lat);
    }

    [Theory]
    [InlineData("fr", "Des manifestants ont attaqué jeudi un agent de la mairie du quartier Médina, à Dakar, a indiqué la police sénégalaise.")]
    [InlineData("en", "Protesters attacked a council worker on Thursday in the Medina neighbourhood of Dakar, Senegalese police said.")]
    public void AQuarterWord_NeverNamesACityOfACountryTheTextDoesNotName(string lang, string text)
    {
        var r = Run(text, lang, "2023-06-02");
        Assert.NotEmpty(r.Events);
        Assert.All(r.Events, e => Assert.NotEqual("SA", e.Location?.Country));
    }

    [Theory]
    [InlineData("en", "Gunmen killed five soldiers near the Houthi-controlled town of Harad in northern Yemen on Friday.", "Harad")]
    [InlineData("en", "Air strikes killed five civilians in rebel-held Idlib on Friday, the monitor said.", "Idlib")]
    public void ACompoundSayingWhoHoldsAPlace_IsNoPlaceItself(string lang, string text, string place)
    {
        var e = Assert.Single(Run(text, lang, "2017-06-18").Events);
        Assert.Equal(place, e.Location?.Name);
    }

    [Fact]
    public void AOneWordTownInAppositionBeforeASpeechVerb_StaysThePlace()
    {
        var r = Run("Onze policiers ont été tués dans une attaque des talibans contre leurs postes dans la capitale provinciale du Helmand (Sud), Lashkar-Gah, a rapporté le gouverneur.", "fr", "2016-10-11");
        Assert.Contains(r.Events, e => e.Location?.Name == "Lashkar-Gah" && e.Fatalities == 11);
    }

    [Theory]
    [InlineData("fr", "De nouveaux affrontements ont opposé mercredi l'armée aux rebelles dans la province du Tibesti, près d'un an après des violences intercommunautaires qui avaient fait plus de 100 morts à Kouri Bougoudi.")]
    [InlineData("en", "Fresh clashes broke out on Wednesday between the army and rebels in Tibesti province, a year after intercommunal violence that killed more than 100 people in Kouri Bougoudi.")]
    public void WhatTheNewsCameAYearAfter_IsBackground_NeitherAnEventNorItsToll(string lang, string text)
    {
        var r = Run(text, lang, "2023-06-22");
        Assert.NotEmpty(r.Events);
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Kouri Bougoudi");
        Assert.DoesNotContain(r.Events, e => e.Fatalities == 100);
    }

    [Theory]
    [InlineData("en", "Nineteen people were killed, 22 injured and 18 arrested in clashes between herders and farmers in Marabe, the prosecutor in Sahr said.")]
    [InlineData("fr", "Dix-neuf personnes ont été tuées, 22 blessées et 18 arrêtées lors d'affrontements entre éleveurs et agriculteurs à Marabe, selon le procureur de Sahr.")]
    public void ArrestsKillNobody_TheTollOfTheirSentenceIsTheFights(string lang, string text)
    {
        var r = Run(text, lang, "2022-09-20");
        Assert.All(r.Events.Where(e => e.Type == EventType.StrategicDevelopments), e => Assert.Null(e.Fatalities));
        Assert.Contains(r.Events, e => e.Type == EventType.Battles && e.Fatalities == 19);
    }

    [Fact]
    public void ASmallPlaceFarAwayOfACountryOnlyTheActorsPointTo_IsNoPlaceThere()
    {
        // the gazetteer holds "Mondoro" only as another name of Mont-Dore (France); France comes in by the Barkhane force alone
        var r = Run("Des jihadistes ont pris lundi deux postes de l'armée dans le centre du Mali, selon le gouvernement malien, qui a reçu l'appui "
                    + "aérien de l'opération Barkhane. Le poste de Mondoro a été repris mardi par l'armée malienne.", "fr", "2019-10-02");
        var e = Assert.Single(r.Events, e => e.Location?.Name == "Mondoro");
        Assert.Equal("ML", e.Location!.Country);
        Assert.Null(e.Location.GeonamesId);
        Assert.Equal(ActorKind.StateForces, e.Actor1?.Kind);
    }

    [Fact]
    public void AnEventLeftUndated_TakesNeitherTheDateNorTheTollOfAnEventTheTextDatesItself()
    {
        // no publication day: "dimanche" cannot be dated; the massacre of 2 November 2022 is another event
        var text = "Vingt civils ont été tués dimanche dans une attaque de jihadistes contre un village de la région de Tillabéri, au Niger.\n\n"
                   + "« Il y a eu 20 morts dans l'attaque du village de Motogatta », a précisé un élu local. Le bilan a été confirmé par un habitant.\n\n"
                   + "Les assaillants sont arrivés sur des motos. Ils ont tiré sur les habitants pendant une heure.\n\n"
                   + "Le 2 novembre 2022, une quarantaine de membres d'une milice d'autodéfense, conduits par le maire de Banibangou, avaient été massacrés par des assaillants.";
        var doc = new Document("t", text) { Language = "fr" };
        Vigie.Composition.PipelineFactory.Create().Run(doc);
        var r = ExtractionResult.For(doc);
        var e = Assert.Single(r.Events, e => e.Location?.Name == "Motogatta");
        Assert.Null(e.Date);
        Assert.Equal(20, e.Fatalities);
    }

    [Theory]
    [InlineData("en", "Gunmen killed nine soldiers at an army post on Thursday in Sunke village, Anka local government area, officials said.")]
    [InlineData("fr", "Des hommes armés ont tué jeudi neuf soldats lors d'une attaque contre le village de Sunke, commune de Anka, dans l'Etat de Zamfara.")]
    public void APlaceNamedAsADivisionAfterAComma_SaysWhereTheVillageBeforeItLies(string lang, string text)
    {
        var r = Run(text, lang, "2019-10-05");
        var e = Assert.Single(r.Events);
        Assert.Equal("Sunke", e.Location?.Name);
        Assert.Equal(9, e.Fatalities);
    }

    [Theory]
    [InlineData("en", "The rebels have besieged the town for weeks. Should they take it, they will be able to launch an assault on Butembo.")]
    [InlineData("fr", "Les rebelles encerclent la ville depuis des semaines. S'ils y parviennent, ils pourront lancer une offensive sur Butembo.")]
    public void AnOffensiveASuccessWouldMakePossible_IsNoEvent(string lang, string text)
    {
        Assert.DoesNotContain(Run(text, lang, "2025-03-01").Events, e => e.Location?.Name == "Butembo");
    }

    [Theory]
    [InlineData("en", "Deadly clashes in Daraa kill 23: monitor\n\nThe regime took Daraa back from the rebels in 2018 [Getty]\n\nEight civilians were among 23 people killed Thursday in clashes in Syria's Daraa province, a war monitor said.")]
    [InlineData("en", "Gunmen attack police station in Cauca\n\nTrucks of the police near the station in Cajibio in June. Photo: EFE\n\nGunmen attacked a police station in Cajibio, Cauca, on Thursday, killing two officers.")]
    public void ACaptionWithAnAgencysCredit_TellsNoEvent(string lang, string text)
    {
        var r = Run(text, lang, "2021-07-30");
        Assert.DoesNotContain(r.Events, e => e.Subtype == EventSubtype.GovernmentRegainsTerritory);
        Assert.Single(r.Events);
    }

    [Theory]
    [InlineData("fr", "Des miliciens ont attaqué lundi le camp de déplacés de Kalma, tuant plus de 40 civils, alors qu'ils avancent vers Nyala, la grande ville voisine.", "Nyala")]
    [InlineData("en", "Militiamen stormed the Kalma camp on Monday, killing more than 40 displaced people, while they push on towards Nyala, the nearby city.", "Nyala")]
    public void ATollInTheClauseOfItsEventWord_IsNoKillingAtAPlaceToldAfterIt(string lang, string text, string later)
    {
        var r = Run(text, lang, "2025-08-11");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == later);
        Assert.Contains(r.Events, e => e.Fatalities == 40);
    }

    [Theory]
    [InlineData("fr", "Au moins 32 personnes ont péri ce vendredi dans l'explosion d'une bombe dans une mosquée de Herat.\n\nVendredi dernier, à Mazar, un kamikaze s'est fait exploser lors de la grande prière du vendredi, tuant au moins 40 fidèles.")]
    public void ATollToldDuringAFridayPrayer_IsOfTheDayItsSentenceGives(string lang, string text)
    {
        var r = Run(text, lang, "2021-10-15");
        Assert.Contains(r.Events, e => e.Location?.Name == "Herat" && e.Fatalities == 32);
        // (the Friday prayer is no date: the toll is last Friday's)
        Assert.Contains(r.Events, e => e.Location?.Name == "Mazar" && e.Fatalities == 40 && e.Date?.Start.ToString() == "2021-10-08");
    }

    [Theory]
    [InlineData("Gunmen kill 12 in Congo village raid: local officials\n\nGOMA, Democratic Republic of Congo (Agency) - Gunmen killed at least 12 villagers in a raid on a village in eastern Democratic Republic of Congo on Tuesday night, local officials said on Wednesday.\n\nThe attackers are thought to belong to a militia based in the hills that has pledged allegiance to Islamic State and often raids farms, sometimes with machetes.", "en")]
    [InlineData("RDC : 12 villageois tués dans un raid\n\nGOMA, République démocratique du Congo (Agence) - Des hommes armés ont tué au moins 12 villageois lors d'un raid contre un village de l'est de la République démocratique du Congo mardi soir, ont indiqué mercredi des responsables locaux.\n\nLes assaillants appartiendraient à une milice des collines qui a prêté allégeance à l'État islamique et attaque souvent des fermes, parfois à la machette.", "fr")]
    public void AnUmbrellaAttackTheTextCannotDate_IsKeptBesideADevelopmentOfItsGroup_InTheDRC(string text, string lang)
    {
        // a page dated by its month only: "mardi", "on Tuesday" cannot be dated, so the headline, the lede and the group's
        // background are one attack; the group's pledge of allegiance does not tell that attack, and the bare "Congo" is the DRC
        var r = Run(text, lang, "2023-11");
        var e = Assert.Single(r.Events, e => e.Type == EventType.ViolenceAgainstCivilians);
        Assert.Equal("CD", e.Location?.Country);
        Assert.Equal(12, e.Fatalities);
    }

    [Theory]
    [InlineData("Des hommes armés ont attaqué lundi le village de Koudoubéri, au Niger. Plus de 30 civils ont été tués.", "fr")]
    [InlineData("Gunmen attacked the village of Koudouberi, in Niger, on Monday. More than 30 civilians were killed.", "en")]
    public void ACountryAfterAVillageTheGazetteerLacks_SaysWhereItIs_TheTollOfTheNextSentenceIsTheAttacks(string text, string lang)
    {
        // the village is no place of the gazetteer: the country named after it is no second target, so the event is at one place
        // and takes the toll the next sentence adds
        var r = Run(text, lang, "2021-08-17");
        var e = Assert.Single(r.Events);
        Assert.Equal(30, e.Fatalities);
    }

    [Fact]
    public void FightingInARegion_IsKept_BesideArrestsAtAVillageOfIt()
    {
        const string text = "Des affrontements entre éleveurs et agriculteurs ont fait au moins 42 morts dans la province du Ouaddaï, selon le ministère. "
                            + "Près de 175 personnes ont été arrêtées dans le village de Tileguey.";
        var r = Run(text, "fr", "2020-05-12");
        Assert.Contains(r.Events, e => e.Type == EventType.Battles && e.Fatalities == 42);
    }

    [Theory]
    [InlineData("Jeudi soir, des éleveurs ont pris d'assaut le village d'Ukohol, à huit kilomètres de la capitale de l'État, Makurdi, et abattu 18 personnes sur un marché.", "fr")]
    [InlineData("Herders stormed the village of Ukohol, eight kilometres from Makurdi, on Thursday evening and killed 18 people.", "en")]
    public void ATownADistanceInWordsAway_IsNoPlaceOfTheEvent(string text, string lang)
    {
        var r = Run(text, lang, "2019-03-02");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Makurdi");
    }

    [Fact]
    public void AnEventADistanceInWordsFromATown_IsNearThatTown()
    {
        var r = Run("Herders attacked a market eight kilometres from Makurdi on Thursday evening and killed 18 people.", "en", "2019-03-02");
        var e = Assert.Single(r.Events);
        Assert.Equal("Makurdi", e.Location?.Name);
        Assert.Equal(2, e.Location?.Precision);
    }

    [Fact]
    public void APlaceRestatedOnlyByItsDistanceFromATown_DoesNotReplaceTheVillage()
    {
        const string text = "At least 20 people were killed by gunmen in central Nigeria early Thursday, survivors said.\n"
                            + "Dozens of gunmen arrived in Plateau state's Heipang village after midnight and opened fire on villagers, residents said.\n"
                            + "Police confirmed the attack occurred but gave no details of casualties in the area, which is 15 miles from Jos, the state capital.";
        var r = Run(text, "en", "2023-08-04");
        var e = Assert.Single(r.Events);
        Assert.Equal("Heipang", e.Location?.Name);
    }
}

