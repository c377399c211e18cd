using Vigie.Composition;
using Vigie.Model;

namespace Vigie.Tests.Assembly;

/// <summary>
/// Rules that need the whole pipeline (finders, gazetteer, assembly), checked on short texts written for these tests: where
/// an event happened (persons are not places, a headline joins the lede's event, a place detailed in the next sentence or
/// named inside another one is the event's), which events a sentence tells, whose soldiers died, whose army speaks.
/// </summary>
public class PipelineRuleTests
{
    private static readonly Vigie.Pipeline.Pipeline Pipeline = PipelineFactory.Create();

    private static ExtractionResult Run(string text, string lang, string published)
    {
        var doc = new Document("t", text) { Language = lang, Published = PartialDate.Parse(published) };
        Pipeline.Run(doc);
        return ExtractionResult.For(doc);
    }

    [Theory]
    [InlineData("en", "Air strikes killed eight civilians in the town of Saada on Saturday, medics said. The coalition has carried out thousands of air strikes in the war and has often hit civilians, but denies doing so on purpose.", "2019-05-12")]
    [InlineData("fr", "Des frappes aériennes ont tué huit civils samedi dans la ville de Saada, selon des médecins. La coalition a mené des milliers de frappes aériennes depuis 2015 et dément viser les civils.", "2019-05-12")]
    public void ADenialOfManyEventsCountedAtOnce_DoesNotDenyTheDaysEvent(string lang, string text, string published)
    {
        var r = Run(text, lang, published);
        var strike = Assert.Single(r.Events, e => e.Subtype == EventSubtype.AirDroneStrike);
        Assert.Equal(Modality.Asserted, strike.Modality);
    }

    [Theory]
    [InlineData("fr", "Des avions de la coalition ont tué mardi onze jihadistes près de Deir ez-Zor, selon l'OSDH.", "avions")]
    [InlineData("fr", "Neuf combattants ont été tués mardi par l'armée de l'air irakienne près de Mossoul, selon l'armée.", "armée de l'air")]
    [InlineData("en", "Government warplanes killed nine fighters near Mosul on Tuesday, the army said.", "warplanes")]
    public void AircraftAsTheDoerOfAKillingToldByNoEventWord_MakeAnAirStrike(string lang, string text, string aircraft)
    {
        var r = Run(text, lang, "2020-03-12");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.AirDroneStrike, e.Subtype);
        Assert.Contains(e.FieldEvidence!["type"], span => text[span.Start..span.End].Contains(aircraft, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fr", "Les forces du régime se sont emparées mardi de la localité de Kafr Sajna, dans la province d'Idleb, avec l'appui de l'aviation russe. Les avions russes ont pilonné les positions rebelles dans toute la province, selon l'OSDH.")]
    [InlineData("en", "Government forces captured the town of Kafr Sajna in Idlib province on Tuesday, backed by Russian air power. Russian warplanes pounded rebel positions across the province, a war monitor said.")]
    public void ForcesNamedOnlyByTheirAircraft_DoNotMoveTheNewsToTheirCountry(string lang, string text)
    {
        var r = Run(text, lang, "2020-03-12");
        Assert.NotEmpty(r.Events);
        Assert.All(r.Events, e => Assert.Equal("SY", e.Location?.Country));
        var taking = Assert.Single(r.Events, e => e.Subtype == EventSubtype.GovernmentRegainsTerritory);
        Assert.NotEqual("RU", taking.Actor1?.Country);
    }

    [Theory]
    [InlineData("fr", "Appuyées par l'aviation, les forces du régime se sont emparées mardi de la localité de Kafr Nabudah, dans la province de Hama.")]
    [InlineData("en", "Backed by air strikes, government forces captured the town of Kafr Nabudah in Hama province on Tuesday.")]
    public void AircraftSupportingAnOffensive_TellNoStrikeOfTheirOwn(string lang, string text)
    {
        var r = Run(text, lang, "2020-03-12");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.GovernmentRegainsTerritory, e.Subtype);
    }

    [Theory]
    [InlineData("en", "A mob lynched two men accused of kidnapping children in the town of Kasese on Tuesday, police said.", EventSubtype.MobViolence)]
    [InlineData("fr", "Deux hommes accusés d'enlèvement d'enfants ont été lynchés mardi par la foule à Kasese.", EventSubtype.MobViolence)]
    [InlineData("en", "Police arrested 35 people suspected of links to al-Shabaab in raids across Mombasa on Tuesday.", EventSubtype.Arrests)]
    public void WhatSomeoneIsAccusedOf_AndTheRaidsOfAnArrest_AreNoEventsOfTheirOwn(string lang, string text, EventSubtype expected)
    {
        var e = Assert.Single(Run(text, lang, "2020-03-12").Events);
        Assert.Equal(expected, e.Subtype);
    }

    [Theory]
    [InlineData("en", "Gunmen stormed a police headquarters in Farah on Thursday, killing 12 policemen, officials said. All five attackers were killed in the fighting, they said.", 17)]
    [InlineData("fr", "Des assaillants ont attaqué jeudi le siège de la police à Farah, tuant 12 policiers, selon des responsables. Les cinq assaillants ont été tués dans les combats, selon la même source.", 17)]
    public void TollsOfDifferentGroupsToldInDifferentSentences_AddUpToTheEventsFatalities(string lang, string text, int expected)
    {
        var e = Assert.Single(Run(text, lang, "2019-08-02").Events);
        Assert.Equal(expected, e.Fatalities);
    }

    [Theory]
    [InlineData("fr", "L'armée russe a revendiqué mardi la prise du village de Novomykhaïlivka, dans la région de Donetsk, dans l'est de l'Ukraine.", EventSubtype.NonStateActorOvertakesTerritory, "Novomykhaïlivka")]
    [InlineData("fr", "Des drones ukrainiens ont attaqué mardi une raffinerie dans la région russe de Briansk.", EventSubtype.AirDroneStrike, "Briansk")]
    [InlineData("en", "Ukrainian drones attacked an oil refinery in Russia's Bryansk region overnight, the local governor said.", EventSubtype.AirDroneStrike, "Bryansk region")]
    [InlineData("en", "A Russian missile strike on Odesa killed five people and wounded 12 on Tuesday, Ukrainian officials said.", EventSubtype.ShellingArtilleryMissileAttack, "Odesa")]
    public void TakingsAndStrikesToldByTheirNouns_AndDronesAsTheAttackers(string lang, string text, EventSubtype expected, string place)
    {
        var e = Assert.Single(Run(text, lang, "2024-03-12").Events);
        Assert.Equal(expected, e.Subtype);
        Assert.Equal(place, e.Location?.Name);
    }

    [Theory]
    [InlineData("fr", "Lundi, des hommes armés ont enlevé trois enseignants dans le village de Toulfé, dans la province du Loroum. Le nord du pays est la cible d'attaques jihadistes depuis 2015. Ces violences ont fait plus de 400 morts.")]
    [InlineData("en", "On Monday, gunmen abducted three teachers in the village of Toulfe in Loroum province. The north of the country has been the target of jihadist attacks since 2015. These attacks have killed more than 400 people.")]
    public void TheTollOfManyEventsNamedTogether_CountsSinceTheStartTheSentenceBeforeGives(string lang, string text)
    {
        var r = Run(text, lang, "2019-05-14");
        var e = Assert.Single(r.Events);
        Assert.Null(e.Fatalities);
        var total = Assert.Single(r.CasualtyReports, c => c.Figures.Any(f => f.Count == 400));
        Assert.Equal(ReportScope.ConflictTotal, total.Scope);
        Assert.Equal("2015", total.Period?.Start.ToString());
    }

    [Theory]
    [InlineData("fr", "Six personnes ont été tuées dimanche lors de l'attaque d'une église à Dablo, a indiqué le maire.\n\nLes assaillants ont incendié l'église et plusieurs commerces, a précisé le maire.\n\nLe même jour, deux soldats ont été tués dans l'explosion d'un engin artisanal près de Djibo.")]
    [InlineData("en", "Six people were killed on Sunday in an attack on a church in Dablo, the mayor said.\n\nThe attackers burned the church and several shops, the mayor said.\n\nOn the same day, two soldiers were killed by a roadside bomb near Djibo.")]
    public void TheSameDay_IsTheLastDayNamed(string lang, string text)
    {
        var r = Run(text, lang, "2019-05-14");
        var bomb = Assert.Single(r.Events, e => e.Subtype == EventSubtype.RemoteExplosiveLandmineIed);
        Assert.Equal("2019-05-12", bomb.Date?.Start.ToString());
        Assert.Equal(2, bomb.Fatalities);
    }

    [Theory]
    [InlineData("en", "Bandits killed 23 people and abducted dozens more in raids on three villages in Maru on Sunday.", EventSubtype.Attack)]
    [InlineData("fr", "Dimanche, des bandits ont tué 23 personnes et enlevé des dizaines d'autres lors de raids contre trois villages de Maru.", EventSubtype.Attack)]
    [InlineData("en", "Gunmen abducted 80 students from a secondary school in Kuriga on Thursday morning.", EventSubtype.AbductionForcedDisappearance)]
    public void PeopleKilledInAnAbductionsSentence_MakeItAnAttack(string lang, string text, EventSubtype expected)
    {
        var e = Assert.Single(Run(text, lang, "2024-03-12").Events);
        Assert.Equal(expected, e.Subtype);
    }

    [Theory]
    [InlineData("en", "A Hezbollah commander was killed in an Israeli strike on his car in Nabatieh on Tuesday.")]
    [InlineData("en", "A senior Islamic State leader was killed in a US raid in northwest Syria overnight.")]
    [InlineData("fr", "Un commandant du Hezbollah a été tué mardi dans une frappe israélienne à Nabatiyé.")]
    public void ASingleCommanderOfAnArmedGroupKilled_CountsOne(string lang, string text)
    {
        var r = Run(text, lang, "2024-03-13");
        var f = Assert.Single(r.CasualtyReports.SelectMany(c => c.Figures));
        Assert.Equal((Outcome.Killed, VictimGroup.NonStateArmed, 1L), (f.Outcome, f.Group, f.Count));
        Assert.Equal(1, Assert.Single(r.Events).Fatalities);
    }

    [Theory]
    [InlineData("fr", "L'aviation a visé mardi un rassemblement de talibans près de Kunduz.")]
    [InlineData("fr", "Des frappes ont visé mardi un rassemblement d'insurgés près de Kunduz.")]
    public void AGatheringOfFighters_IsATargetNotAProtest(string lang, string text)
    {
        var r = Run(text, lang, "2020-03-12");
        Assert.DoesNotContain(r.Events, e => e.Type == EventType.Protests);
    }

    [Theory]
    [InlineData("fr", "Une attaque a eu lieu mercredi près du village de Porga, dans le nord du Bénin. L'attaque a fait sept morts parmi les militaires.", EventSubtype.ArmedClash)]
    [InlineData("fr", "Une attaque a eu lieu mercredi près du village de Porga, dans le nord du Bénin. L'attaque a fait sept morts parmi les villageois.", EventSubtype.Attack)]
    public void AnAttackToldWithNoOneItHit_ThenRestatedWithTheForcesItKilled_IsAFight(string lang, string text, EventSubtype expected)
    {
        var r = Run(text, lang, "2024-07-26");
        var e = Assert.Single(r.Events);
        Assert.Equal(expected, e.Subtype);
    }

    [Theory]
    [InlineData("fr", "Les forces russes ont pris dans la nuit le contrôle de la gare de Melitopol, dans le sud de l'Ukraine, selon le maire de la ville Ivan Fedorov.")]
    [InlineData("en", "Russian forces took control of the railway station of Melitopol in southern Ukraine overnight, said the mayor of the city Ivan Fedorov.")]
    public void AForeignStatesForcesTakingAPlace_OvertakeIt_AtTheSiteNamedByItsTown_NotAtTheTitleHolder(string lang, string text)
    {
        var r = Run(text, lang, "2022-03-02");
        var taking = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.NonStateActorOvertakesTerritory, taking.Subtype);
        Assert.Equal(ActorKind.ExternalForces, taking.Actor1?.Kind);
        Assert.Equal("UA", taking.Location?.Country);
        Assert.DoesNotContain("Fedorov", taking.Location?.Name ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void AnAlliedForeignForceRetakingATownFromInsurgents_RegainsIt()
    {
        var r = Run("Rwandan troops recaptured the port town of Mocimboa da Praia from Islamic State-linked insurgents on Sunday.", "en", "2021-08-09");
        Assert.Contains(r.Events, e => e.Subtype == EventSubtype.GovernmentRegainsTerritory);
    }

    [Fact]
    public void NameAfterATitle_IsAPersonNotAPlace()
    {
        const string text = "Le Premier ministre Paul Verlaine a promis une enquête. Deux manifestants ont été tués mardi à Jacmel "
                            + "lors d'une manifestation contre le gouvernement, selon un organisateur proche de l'opposant à Paul Verlaine.";
        var r = Run(text, "fr", "2022-08-17");
        Assert.NotEmpty(r.Events);
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Paul Verlaine");
    }

    [Fact]
    public void EnglishMonthAbbreviation_IsNoPlace()
    {
        const string text = "Gunmen killed 40 villagers in the Aug. 18 attack on Gida, officials said on Thursday.";
        var r = Run(text, "en", "2021-08-26");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Aug");
    }

    [Fact]
    public void HeadlineWithoutTime_JoinsTheLedesDatedEvent()
    {
        const string text = "Double attentat-suicide à Maroua\n\n"
                            + "Un double attentat-suicide a frappé dimanche la ville de Maroua, tuant quatre personnes, selon une source sécuritaire.\n\n"
                            + "Vers 7H00, il y a eu deux explosions à Maroua, près du marché central.";
        var r = Run(text, "fr", "2015-07-27");
        var e = Assert.Single(r.Events, x => x.Location?.Name == "Maroua");
        Assert.Equal("2015-07-26", e.Date!.Start.ToString());
    }

    [Fact]
    public void PlaceOfTheNextSentence_DetailsAnEventToldForACounty()
    {
        const string text = "Suspected militants killed two teachers in an attack on Tuesday in the northern county of Mandera, officials said.\n"
                            + "Gunmen attacked Kalicha secondary school and shot the teachers, a regional commissioner said.";
        var r = Run(text, "en", "2019-03-13");
        var attacks = r.Events.Where(e => e.Type == EventType.ViolenceAgainstCivilians).ToList();
        var e = Assert.Single(attacks);
        Assert.Equal("Kalicha", e.Location!.Name);
        Assert.Equal("2019-03-12", e.Date!.Start.ToString());
    }

    [Fact]
    public void PlaceNamedInsideAnother_IsTheEventsPlace()
    {
        const string text = "Residents of Nyabururu in Kisii County set fire to a police station on Sunday after an officer shot a trader, police said.";
        var r = Run(text, "en", "2020-07-06");
        var e = Assert.Single(r.Events);
        Assert.Equal("Nyabururu", e.Location!.Name);
    }

    [Fact]
    public void TownsListedByTheNextSentence_AreWhereAnEventToldForARegionHappened()
    {
        const string text = "Des séparatistes ont attaqué mardi trois postes militaires dans la région du Sud-Ouest, a affirmé le gouverneur. "
                            + "Il s'agit des localités de Mamfe, Kumba et Buea, a-t-il précisé.";
        var r = Run(text, "fr", "2021-09-15");
        Assert.Equal(["Buea", "Kumba", "Mamfe"], r.Events.Where(e => e.Type == EventType.Battles).Select(e => e.Location!.Name).Order());
    }

    [Fact]
    public void FiringOnACrowd_AtTheProtestsPlace_IsAnAttackThere()
    {
        const string text = "Un manifestant a été tué lundi à Jacmel par des individus non identifiés qui ont ouvert le feu sur la foule, "
                            + "selon un organisateur du rassemblement.";
        var r = Run(text, "fr", "2022-08-30");
        var attack = Assert.Single(r.Events, e => e.Type == EventType.ViolenceAgainstCivilians);
        Assert.Equal("Jacmel", attack.Location!.Name);
        Assert.Equal(ActorKind.PoliticalMilitia, attack.Actor1!.Kind);
    }

    [Fact]
    public void CrowdStormingAStation_AfterAnOfficerKilledAMan_IsARiotAndAnAttack()
    {
        const string text = "On Sunday, residents of Nyamira stormed the local police station after an officer shot and killed a trader, police said.";
        var r = Run(text, "en", "2020-07-06");
        Assert.Contains(r.Events, e => e.Type == EventType.Riots && e.Location?.Name == "Nyamira");
        Assert.Contains(r.Events, e => e.Type == EventType.ViolenceAgainstCivilians && e.Location?.Name == "Nyamira");
    }

    [Theory]
    [InlineData("Two Israeli soldiers were killed on Sunday in Khan Younis, in the Gaza Strip, a military statement said.", "foreign_forces")]
    [InlineData("Two Malian soldiers were killed on Sunday in Gao, a military statement said.", "government_forces")]
    public void SoldiersOfAnotherCountryThanThePlace_AreForeignForces(string text, string group)
    {
        var r = Run(text, "en", "2014-07-21");
        var f = Assert.Single(Assert.Single(r.CasualtyReports).Figures);
        Assert.Equal(group, Vigie.Extraction.Finders.FinderData.SnakeCase(f.Group.ToString()));
    }

    [Theory]
    [InlineData("fr", "L'armée israélienne a mené lundi un raid à Jénine, en Cisjordanie. Deux Palestiniens ont été tués lundi à Jénine, selon l'armée.", "armée")]
    [InlineData("fr", "Deux Palestiniens ont été tués lundi à Jénine, selon l'armée israélienne.", "armée israélienne")]
    [InlineData("en", "Pakistani troops raided a compound on Monday. Five militants were killed in Bannu, the military said.", "military")]
    [InlineData("en", "Five militants were killed in Bannu on Monday, the Pakistani military said.", "Pakistani military")]
    public void ArmyAsSource_IsNamedAsTheTextNamesIt(string lang, string text, string source)
    {
        // the country of a bare "l'armée" is not written into its name: no span supports it
        var r = Run(text, lang, "2023-06-20");
        Assert.Contains(r.CasualtyReports, x => x.Source == source);
    }

    [Theory]
    [InlineData("Douze jihadistes ont été neutralisés lundi à Djibo, a indiqué l'état-major.", 12)]
    [InlineData("« On dénombre 14 militaires tombés au cours des combats », a indiqué le général.", 14)]
    public void MilitaryWordsForKilling_GiveAKilledFigure(string text, int count)
    {
        var r = Run(text, "fr", "2019-04-02");
        var f = Assert.Single(Assert.Single(r.CasualtyReports).Figures);
        Assert.Equal((Outcome.Killed, count), (f.Outcome, (int)f.Count));
    }

    [Theory]
    [InlineData("fr", "Les forces loyalistes ont perdu 13 hommes, ont affirmé des sources médicales à Aden et Mokha.", "Aden")]
    [InlineData("en", "Government forces lost 13 men, hospital sources in Aden said.", "Aden")]
    public void APlaceRightAfterTheSourcesWords_IsWhereTheSourceIs_NotAnEventPlace(string lang, string text, string place)
    {
        var r = Run(text, lang, "2018-11-20");
        Assert.Contains(r.CasualtyReports.SelectMany(x => x.Figures), f => f.Count == 13 && f.Group == VictimGroup.GovernmentForces);
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == place);
    }

    [Theory]
    [InlineData("\"We have lost five soldiers in this attack,\" Somali military official Mohamed Abdi said.", "Mohamed Abdi")]
    [InlineData("Five soldiers were killed on Monday, Kenyan police spokesman Bruno Shioso said.", "Bruno Shioso")]
    public void APersonNamedBetweenABodysWordsAndTheSpeechVerb_Speaks(string text, string source)
    {
        var r = Run(text, "en", "2023-06-20");
        Assert.Equal(source, Assert.Single(r.CasualtyReports).Source);
    }

    [Fact]
    public void MediumThatQuotesTheArmy_IsNotTheSource()
    {
        var r = Run("Citée par la télévision publique, l'armée a évoqué un bilan de neuf soldats tués lundi à Yirgou.", "fr", "2019-04-02");
        Assert.StartsWith("armée", Assert.Single(r.CasualtyReports).Source);
    }

    [Fact]
    public void VillageNamedInsideADistrict_IsTheOnlyPlaceOfTheEvent()
    {
        const string text = "Bandits raided Tudun village in the Maru local government area of Zamfara state on Tuesday, killing nine farmers, police said.";
        var r = Run(text, "en", "2021-06-09");
        var e = Assert.Single(r.Events);
        Assert.Equal("Tudun", e.Location!.Name);
    }

    [Fact]
    public void ClashesAtADemonstration_WithNoArmedGroup_AreNoBattle()
    {
        const string text = "La manifestation de jeudi contre la junte a donné lieu à des heurts entre jeunes et forces de sécurité "
                            + "dans plusieurs quartiers de Conakry, a indiqué le collectif organisateur.";
        var r = Run(text, "fr", "2022-10-21");
        Assert.NotEmpty(r.Events);
        Assert.DoesNotContain(r.Events, e => e.Type == EventType.Battles);
        Assert.Contains(r.Events, e => e.Type is EventType.Protests or EventType.Riots && e.Location?.Name == "Conakry");
    }

    [Fact]
    public void DatelineDate_IsNotTheEventsDay()
    {
        var r = Run("GAO, Mali, March 5 (Reuters) - Two soldiers were killed on Thursday in an attack on an army post in Gao, the army said.", "en", "2021-03");
        var e = Assert.Single(r.Events);
        Assert.Equal("2021-03-04", e.Date!.Start.ToString());
    }

    [Fact]
    public void EventPlacedAtTheMainCountry_HasTheCountrysMentionsAsEvidence()
    {
        const string text = "Des jihadistes ont attaqué lundi un convoi de l'armée burkinabè, tuant douze soldats burkinabè, selon une source sécuritaire.";
        var r = Run(text, "fr", "2024-05-07");
        var e = Assert.Single(r.Events);
        Assert.Equal((3, "BF"), (e.Location!.Precision, e.Location.Country));
        Assert.NotNull(e.Location.Evidence);
        Assert.All(e.Location.Evidence!, span => Assert.Equal("burkinabè", text[span.Start..span.End]));
    }

    [Fact]
    public void BackReferenceInTheLede_WithNothingBeforeIt_IsTheNews()
    {
        const string text = "Au moins 22 civils ont été tués dans la nuit de samedi à dimanche dans l'attaque de leur village par des miliciens en Ituri, "
                            + "a indiqué un responsable local.";
        var r = Run(text, "fr", "2023-05-08");
        var e = Assert.Single(r.Events);
        Assert.Equal((EventType.ViolenceAgainstCivilians, "Ituri", 3), (e.Type, e.Location!.Name, e.Location.Precision));
    }

    [Fact]
    public void KillingWithItsArmedDoer_IsAnEventEvenWithoutAnEventWord()
    {
        var r = Run("Gunmen killed 12 people in Nigeria's Plateau state on Sunday, officials said.", "en", "2024-06-10");
        var e = Assert.Single(r.Events);
        Assert.Equal((EventType.ViolenceAgainstCivilians, "Plateau state", 3), (e.Type, e.Location!.Name, e.Location.Precision));
    }

    [Fact]
    public void LaterUmbrellaWord_WithNothingOfItsTarget_IsTheAttackAlreadyTold()
    {
        const string text = "Au moins neuf soldats ont été tués mardi soir lors d'une attaque de jihadistes présumés dans le nord du Burkina Faso, "
                            + "ont indiqué mercredi des sources sécuritaires.\n"
                            + "\"Mardi soir, le détachement de Sebba a été la cible d'une violente attaque\", a précisé une source sécuritaire. "
                            + "Une autre source a confirmé cette attaque, évoquant un bilan de 12 morts.";
        var r = Run(text, "fr", "2021-06-09");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
        Assert.Equal("Sebba", e.Location!.Name);
        Assert.Equal("2021-06-08", e.Date!.Start.ToString());
    }

    [Fact]
    public void TollInTheHeadline_AndTheEventWordOfTheLede_AreOneEventWithTheLedesDoers()
    {
        const string text = "Gunmen kill 6 villagers in Katsina state - police\n"
                            + "A group of gunmen, suspected to be herdsmen, attacked a village in northwest Nigeria's Katsina state on Sunday, "
                            + "killing six villagers, police said on Monday.";
        var r = Run(text, "en", "2021-03-15");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.Attack, e.Subtype);
        Assert.Equal(3, e.Location!.Precision);
        Assert.Equal(ActorKind.PoliticalMilitia, e.Actor1!.Kind);
        Assert.Equal(ActorKind.Civilians, e.Actor2!.Kind);
        Assert.Equal("2021-03-14", e.Date!.Start.ToString());
    }

    [Theory]
    [InlineData("en", "Police fired tear gas at hundreds of demonstrators in the Malian capital on Tuesday, witnesses said.", "Bamako")]
    [InlineData("fr", "La police a dispersé mardi à coups de gaz lacrymogène des centaines de manifestants dans la capitale sénégalaise, selon des témoins.", "Dakar")]
    [InlineData("en", "Tear gas was fired at protesters in the capital on Tuesday as Kenyan police broke up a march against new taxes.", "Nairobi")]
    public void CapitalNamedByTheWord_IsTheCountrysCapitalCity(string lang, string text, string capital)
    {
        var r = Run(text, lang, "2023-06-14");
        var e = Assert.Single(r.Events);
        Assert.Equal(capital, e.Location!.Name);
        Assert.Equal(1, e.Location.Precision);
        Assert.NotNull(e.Location.Lat);
    }

    [Fact]
    public void DatelineTown_PlacesTheEventsOfATextThatNamesNoOtherPlace()
    {
        const string text = "NIAMEY (AFP) - La police a dispersé samedi à coups de gaz lacrymogène une manifestation de commerçants "
                            + "qui protestaient contre une nouvelle taxe, selon des témoins.";
        var r = Run(text, "fr", "2022-03-06");
        var e = Assert.Single(r.Events);
        Assert.Equal("Niamey", e.Location!.Name);
        Assert.Equal("2022-03-05", e.Date!.Start.ToString());
    }

    [Theory]
    [InlineData("fr", "Au moins douze soldats ont été tués vendredi dans une attaque jihadiste dans l'est du pays, a annoncé l'armée burkinabè.")]
    [InlineData("en", "Suspected jihadists killed at least 12 soldiers on Friday in an attack in the country's east, Burkina Faso's army said.")]
    public void DirectionOfTheCountry_IsTheDocumentsCountry(string lang, string text)
    {
        var r = Run(text, lang, "2023-03-18");
        var e = Assert.Single(r.Events);
        Assert.Equal("BF", e.Location!.Country);
        Assert.Equal(3, e.Location.Precision);
    }

    [Fact]
    public void WordOfADate_IsNoEventWord()
    {
        const string text = "PORT-AU-PRINCE, Haiti, March 9, 2023 (AP) — Gangs killed at least 12 people in two neighbourhoods of Port-au-Prince on Monday, police said.";
        var r = Run(text, "en", "2023-03-09");
        Assert.DoesNotContain(r.Events, e => e.Type == EventType.Protests);
    }

    [Fact]
    public void DemonstrativeBeforeAnEventWord_RefersBackEvenAtAPlace()
    {
        const string text = "Trois soldats ont été tués lundi dans l'explosion d'une bombe artisanale au passage de leur véhicule près de Djibo, "
                            + "selon des sources sécuritaires.\n"
                            + "\"Un véhicule du détachement de Djibo a sauté sur un engin explosif\", a déclaré une source sécuritaire. "
                            + "\"Trois militaires sont décédés suite à cette embuscade\", a précisé la même source.";
        var r = Run(text, "fr", "2020-03-03");
        Assert.DoesNotContain(r.Events, e => e.Type == EventType.Battles);
        Assert.Contains(r.Events, e => e.Subtype == EventSubtype.RemoteExplosiveLandmineIed);
    }

    [Fact]
    public void CityAndItsCapitalApposition_AreOnePlace()
    {
        const string text = "Au moins quatre personnes ont été tuées mardi dans une explosion près d'une mosquée de Kaboul, la capitale afghane, selon la police.";
        var r = Run(text, "fr", "2022-05-25");
        var e = Assert.Single(r.Events);
        Assert.Equal(4, e.Fatalities);
    }

    [Fact]
    public void PlaceBeforeAPossessive_OnlySaysWhereTheNextLies_AndAClauseKeepsItsOwnTime()
    {
        const string text = "Bodies of two farmers were recovered on Tuesday in Nigeria's Borno state, in Bama's Kashimri village, where gunmen "
                            + "attacked farmers on Monday, police said.";
        var r = Run(text, "en", "2024-11-12");
        var e = Assert.Single(r.Events);
        Assert.Equal("2024-11-11", e.Date!.Start.ToString());
        Assert.NotEqual("Bama", e.Location!.Name);
    }

    [Theory]
    [InlineData("fr", "Plusieurs dizaines de soldats et de supplétifs civils de l'armée ont été tués vendredi dans une attaque jihadiste près de Djibo, selon des sources sécuritaires.")]
    [InlineData("en", "Suspected jihadists killed at least 20 soldiers on Friday in an attack near Djibo, the army said.")]
    public void VictimsOfTheAttack_AreItsTarget_AndItsDoerIsTheArmedGroup(string lang, string text)
    {
        var r = Run(text, lang, "2023-03-18");
        var e = Assert.Single(r.Events);
        Assert.Equal(ActorKind.RebelGroup, e.Actor1!.Kind);
        Assert.Equal(ActorKind.StateForces, e.Actor2!.Kind);
    }

    [Theory]
    [InlineData("en", "Houthi drones struck a residential area of Marib on Thursday, killing eight people.")]
    [InlineData("fr", "Des drones houthis ont frappé jeudi un quartier résidentiel de Marib, tuant huit personnes.")]
    public void AnArmedGroupsDrones_AreItsOwnStrike(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2021-06-11").Events);
        Assert.Equal("Houthis: Ansar Allah", e.Actor1!.Name);
    }

    [Theory]
    [InlineData("fr", "Des avions militaires ont largué des bombes sur une cérémonie dans le village de Moe Tarr Lay tard mercredi.")]
    [InlineData("en", "Army artillery shelled a crowded market in Katha on Wednesday.")]
    public void BombsDroppedOrShellsFiredOnAPlaceWhereCiviliansGather_TargetCivilians(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2022-10-27").Events);
        Assert.Equal(ActorKind.Civilians, e.Actor2!.Kind);
    }

    [Theory]
    [InlineData("fr", "Un attentat-suicide contre une mosquée chiite de Pul-i-Khumri a tué au moins 17 personnes vendredi, ont indiqué des responsables talibans.")]
    public void AnArmedGroupNamedOnlyAsASpeaker_IsNotTheDoer(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2023-10-14").Events);
        Assert.Null(e.Actor1);
    }

    [Theory]
    [InlineData("fr", "Un convoi de l'armée nigérienne a fait l'objet d'une embuscade mercredi dans la région de Tillabéri.")]
    [InlineData("fr", "Les soldats de l'armée nigérienne ont essuyé une attaque mercredi près de Tillabéri.")]
    [InlineData("en", "A Nigerien army convoy came under attack on Wednesday in the Tillaberi region.")]
    public void ForcesThatUnderwentAnAttack_AreItsTarget(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2019-12-26").Events);
        Assert.Null(e.Actor1);
        Assert.Equal(ActorKind.StateForces, e.Actor2!.Kind);
    }

    [Theory]
    [InlineData("fr", "Des bandits sont entrés dans le collège gouvernemental de Kagara mardi et ont enlevé des centaines d'élèves.")]
    public void ACivilianBuildingEnteredWithAnAbduction_IsTheAbductionNotATaking(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2021-02-18").Events);
        Assert.Equal(EventSubtype.AbductionForcedDisappearance, e.Subtype);
        Assert.Equal("Kagara", e.Location!.Name);
    }

    [Fact]
    public void ATownEntered_IsStillATaking() =>
        Assert.Equal(EventSubtype.NonStateActorOvertakesTerritory, Assert.Single(Run("Les jihadistes sont entrés mardi dans la ville de Kagara.", "fr", "2021-02-18").Events).Subtype);

    [Theory]
    [InlineData("fr", "Les rebelles du Mouvement du 23 mars ont attaqué lundi le village de Nturo.")]
    [InlineData("en", "Fighters of the March 23 Movement attacked the village of Nturo on Monday.")]
    public void ADateInsideAnActorsName_IsNeitherTheEventsDayNorAnEventWord(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2023-07-12").Events);
        Assert.Equal("M23: March 23 Movement", e.Actor1!.Name);
        Assert.Equal(EventType.ViolenceAgainstCivilians, e.Type);
        Assert.Equal("2023-07-10", e.Date!.Start.ToString());
    }

    [Theory]
    [InlineData("en", "The rebel front, which operates in the country's southern states, has clashed frequently with government forces.")]
    [InlineData("fr", "Le front rebelle, actif dans le sud du pays, affronte régulièrement les forces gouvernementales.")]
    // the cue further on in the event word's clause, the year in a later clause
    [InlineData("fr", "Des embuscades rebelles dans l'est de la région de Diffa visent presque chaque jour les soldats depuis que le pacte a été rompu en 2019.")]
    [InlineData("en", "Bombings by the militants in the north of the Kidal region target the troops almost every day since the accord collapsed in 2019.")]
    // the adverb written with a hyphen
    [InlineData("fr", "Des embuscades rebelles dans l'est de la région de Diffa visent quasi-quotidiennement les soldats depuis que le pacte a été rompu en 2019.")]
    [InlineData("en", "Militant bombings in the north of the Kidal region have hit the troops near-daily since the accord collapsed in 2019.")]
    public void RepeatedFighting_IsNotOneDaysNews(string lang, string text)
    {
        var r = Run(text, lang, "2020-10-14");
        Assert.Empty(r.Events);
    }

    [Theory]
    [InlineData("fr", "Cinq combattants ont été tués mardi dans une frappe israélienne sur Aïta al-Chaab. Un sixième a été tué dans une frappe sur Yaroun, autre village du sud du Liban.")]
    public void AStrikeWithNoAircraftRightAfterAnAirStrike_IsOneMoreOfThem(string lang, string text)
    {
        var r = Run(text, lang, "2024-08-14");
        Assert.Equal(EventSubtype.AirDroneStrike, Assert.Single(r.Events, e => e.Location?.Name == "Yaroun").Subtype);
    }

    [Theory]
    [InlineData("fr", "Au Yémen, la coalition a bombardé mercredi le port de Salif, tuant dix rebelles.", "Military Forces of Saudi Arabia (coalition)")]
    [InlineData("en", "In Yemen, coalition jets bombed the port of Salif on Wednesday, killing ten rebels.", "Military Forces of Saudi Arabia (coalition)")]
    [InlineData("fr", "En Syrie, la coalition a bombardé mercredi la ville de Hajin, tuant dix jihadistes.", "Military Forces of the United States (coalition)")]
    public void ABareCoalition_IsTheOneOfTheTextsWar(string lang, string text, string name)
    {
        var r = Run(text, lang, "2018-10-31");
        Assert.Contains(r.Events, e => e.Actor1?.Name == name);
    }

    [Theory]
    [InlineData("fr", "Le 30 octobre, la coalition a envoyé des renforts vers Hodeida en vue d'un nouvel assaut contre le port, selon des responsables militaires.")]
    [InlineData("en", "On October 30, the coalition sent reinforcements to Hodeidah in preparation for a new assault on the port, military officials said.")]
    public void AnAssaultPrepared_IsNoEvent(string lang, string text)
    {
        var r = Run(text, lang, "2018-11-05");
        Assert.DoesNotContain(r.Events, e => e.Type == EventType.Battles);
    }

    [Theory]
    [InlineData("fr", "Un poste de l'armée a été la cible, très tôt le jeudi 11 juin, d'une attaque attribuée à des jihadistes, à Kafolo, faisant dix morts parmi les soldats.")]
    [InlineData("en", "Ten soldiers were killed on Thursday in Kafolo in an attack blamed on jihadists, the army said.")]
    // an attack fought off: the attackers first, also when the forces that fought it off are named
    [InlineData("fr", "Jeudi, une tentative d'attaque des jihadistes à Quissanga a été repoussée par l'armée, ce qui a entraîné la mort de huit assaillants.")]
    [InlineData("fr", "Plus tôt jeudi, une tentative d'attaque à Quissanga a été repoussée, ce qui a entraîné la mort de huit autres jihadistes, a ajouté le ministre.")]
    public void TheDoerOfAnAttributedOrRepelledAttack_IsActorOne(string lang, string text)
    {
        var r = Run(text, lang, "2020-06-12");
        var e = Assert.Single(r.Events);
        Assert.Equal(ActorKind.RebelGroup, e.Actor1?.Kind);
        Assert.Equal(ActorKind.StateForces, e.Actor2?.Kind);
    }

    [Theory]
    [InlineData("fr", "Jeudi, une vingtaine de personnes ont été tuées par des jihadistes dans le nord du pays, selon le gouverneur. Ces groupes armés ont attaqué les civils dans les villages de Sebba et Titao, a-t-il précisé.")]
    [InlineData("en", "On Thursday, some twenty people were killed by jihadists in the north of the country, the governor said. These gunmen attacked civilians in the villages of Sebba and Titao, he added.")]
    public void UnnamedAttackersAfterADemonstrative_AreTheGroupNamedBefore(string lang, string text)
    {
        var r = Run(text, lang, "2020-10-16");
        Assert.NotEmpty(r.Events);
        Assert.All(r.Events, e => Assert.Equal(ActorKind.RebelGroup, e.Actor1?.Kind));
    }

    [Theory]
    [InlineData("fr", "Des hommes armés ont attaqué mardi un poste de police à Garissa. Des centaines de policiers ont péri dans les attentats des rebelles, qui frappent aussi parfois la capitale Nairobi.", "Garissa")]
    [InlineData("en", "Gunmen attacked a police post in Garissa on Tuesday. Hundreds of police officers have died in bombings by the rebels, who also sometimes strike the capital Nairobi.", "Garissa")]
    public void ATownOfARepeatedEvent_IsNoPlaceOfTheNews(string lang, string text, string place)
    {
        var r = Run(text, lang, "2016-10-15");
        Assert.Contains(r.Events, e => e.Location?.Name == place);
        Assert.DoesNotContain(r.Events, e => e.Location?.Name is "Nairobi");
    }

    [Theory]
    [InlineData("fr", "Six combattants ont été tués mardi dans une frappe israélienne sur le village de Mayfadoun, dans le sud du Liban, selon une source de sécurité.", "IL")]
    [InlineData("en", "An Israeli airstrike killed five people in Rafah on Tuesday, health officials said.", "IL")]
    [InlineData("en", "Russian missiles hit central Kharkiv on Saturday, killing six people, the governor said.", "RU")]
    public void DemonymOfAWeapon_NamesTheForcesThatUsedIt(string lang, string text, string country)
    {
        var r = Run(text, lang, "2024-08-14");
        var e = Assert.Single(r.Events);
        Assert.Equal(country, e.Actor1!.Country);
        Assert.True(e.Actor1.Kind is ActorKind.StateForces or ActorKind.ExternalForces);
    }

    [Fact]
    public void EnteringABuilding_IsNoTerritory()
    {
        const string text = "Un individu est entré dimanche dans un bar de Cuernavaca et a ouvert le feu, tuant deux personnes, selon la police.";
        var r = Run(text, "fr", "2024-03-12");
        Assert.DoesNotContain(r.Events, e => e.Subtype is EventSubtype.GovernmentRegainsTerritory or EventSubtype.NonStateActorOvertakesTerritory);
    }

    [Fact]
    public void ForceOnAProtest_KeepsTheTownTheProtestWordClaimed()
    {
        const string text = "Indian troops fired pellets at protesters in Srinagar on Friday, blinding a teenage boy, doctors said.";
        var r = Run(text, "en", "2024-03-12");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.ExcessiveForceAgainstProtesters, e.Subtype);
        Assert.Equal("Srinagar", e.Location!.Name);
    }

    [Fact]
    public void CapitalAbroad_BeatsAHamletOfTheSoldiersCountry()
    {
        const string text = "Five US soldiers were killed in a roadside bomb attack near Baghdad on Sunday, the military said.";
        var r = Run(text, "en", "2005-08-14");
        var e = Assert.Single(r.Events);
        Assert.Equal("IQ", e.Location!.Country);
        Assert.Equal(ActorKind.ExternalForces, e.Actor2!.Kind);
    }

    [Fact]
    public void AirRaidOnARegion_BesideRocketsOnATownOfAnotherCountry_StaysItsOwnEvent()
    {
        const string text = "Dans la nuit de samedi à dimanche, l'aviation israélienne a mené des raids contre la bande de Gaza, tuant 12 Palestiniens.\n\n"
                            + "En riposte, le mouvement islamiste a tiré des roquettes sur Ashkelon, dans le sud d'Israël.";
        var r = Run(text, "fr", "2021-05-16");
        var air = Assert.Single(r.Events, e => e.Subtype == EventSubtype.AirDroneStrike);
        Assert.Equal("PS", air.Location!.Country);
        Assert.Equal(3, air.Location.Precision);
        var rockets = Assert.Single(r.Events, e => e.Subtype == EventSubtype.ShellingArtilleryMissileAttack);
        Assert.Equal("Ashkelon", rockets.Location!.Name);
    }

    [Theory]
    [InlineData("Le Hezbollah a annoncé lundi avoir pris pour cible une caserne de l'armée israélienne près de la ville de Safed avec des drones.", "fr")]
    [InlineData("Hezbollah said on Monday it had attacked an Israeli army barracks near the town of Safed with drones.", "en")]
    public void ATargetingWithDrones_IsOneDroneStrike(string text, string lang)
    {
        var r = Run(text, lang, "2024-08-12");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.AirDroneStrike, e.Subtype);
        Assert.Equal("Hezbollah", e.Actor1?.Name);
    }

    [Fact]
    public void ArmySupportedByAircraft_IsNoAirStrike()
    {
        const string text = "Les soldats, appuyés par l'aviation, ont repris mardi le contrôle de la ville de Palmyre, selon l'armée.";
        var r = Run(text, "fr", "2016-03-29");
        Assert.DoesNotContain(r.Events, e => e.Subtype == EventSubtype.AirDroneStrike);
    }

    [Theory]
    [InlineData("Six combattants du Hezbollah ont été tués mardi dans une frappe israélienne sur le village de Khiam, au Liban.", "fr", "Hezbollah")]
    [InlineData("Des combattants du TPLF ont attaqué lundi la ville de Dessie, selon le gouvernement éthiopien.", "fr", "TPLF: Tigray People's Liberation Front")]
    [InlineData("Les talibans pakistanais ont attaqué dimanche un poste de police à Bannu, selon la police.", "fr", "TTP: Tehreek-e-Taliban Pakistan")]
    [InlineData("Kachin Independence Army fighters attacked a junta outpost near Bhamo on Sunday, local media said.", "en", "KIA: Kachin Independence Army")]
    public void NamedGroups_AreKnownInBothLanguages(string text, string lang, string group)
    {
        var r = Run(text, lang, "2024-08-12");
        Assert.Contains(r.Events, e => e.Actor1?.Name == group || e.Actor2?.Name == group);
    }

    [Fact]
    public void ARegionBorderingACountry_IsNotInThatCountry()
    {
        const string text = "Deux kamikazes se sont fait exploser dimanche à Kolofata, dans l'Extrême-Nord du Cameroun, tuant cinq personnes, selon une source sécuritaire.\n\n"
                            + "C'est le troisième attentat-suicide depuis début septembre dans cette région frontalière du Nigeria.";
        var r = Run(text, "fr", "2015-09-21");
        Assert.DoesNotContain(r.Events, e => e.Location?.Country == "NG");
    }

    [Theory]
    [InlineData("Lundi, cinq policiers ont été tués par des hommes armés à Al Arich, selon une source sécuritaire.", "fr")]
    [InlineData("On Monday, five policemen were killed by gunmen in El Arish, a security source said.", "en")]
    public void ForcesKilledByGunmen_AreABattleWithTheirToll(string text, string lang)
    {
        var r = Run(text, lang, "2016-10-25");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
        Assert.Equal(ActorKind.StateForces, e.Actor2?.Kind);
        Assert.Equal(5, e.Fatalities);
    }

    [Fact]
    public void CiviliansKilledByGunmen_StayAnAttack()
    {
        var r = Run("Lundi, cinq villageois ont été tués par des hommes armés à Gao, selon une source locale.", "fr", "2016-10-25");
        Assert.Equal(EventSubtype.Attack, Assert.Single(r.Events).Subtype);
    }

    [Theory]
    [InlineData("Début octobre, des hommes armés ont attaqué le village de Kerawa, tuant quatre civils.", "fr", "2016-10-01", "2016-10-10")]
    [InlineData("Fin octobre, des hommes armés ont attaqué le village de Kerawa, tuant quatre civils.", "fr", "2016-10-21", "2016-10-31")]
    [InlineData("In early October, gunmen attacked the village of Kerawa, killing four civilians.", "en", "2016-10-01", "2016-10-10")]
    [InlineData("In late October, gunmen attacked the village of Kerawa, killing four civilians.", "en", "2016-10-21", "2016-10-31")]
    public void ThirdOfAMonth_DatesTheEvent(string text, string lang, string start, string end)
    {
        var r = Run(text, lang, "2016-11-20");
        var e = Assert.Single(r.Events);
        Assert.Equal(start, e.Date!.Start.ToString());
        Assert.Equal(end, e.Date.End.ToString());
    }

    [Theory]
    [InlineData("Des jihadistes ont mené mardi un raid contre le village de Kerawa, tuant six civils, selon un élu local.", EventSubtype.Attack)]
    [InlineData("L'aviation a mené mardi un raid contre le village de Kerawa, tuant six civils, selon un élu local.", EventSubtype.AirDroneStrike)]
    public void ARaid_IsFromTheAirOnlyWhenAircraftAreNamed(string text, EventSubtype subtype)
    {
        var r = Run(text, "fr", "2016-10-25");
        Assert.Equal(subtype, Assert.Single(r.Events).Subtype);
    }

    [Theory]
    [InlineData("Two bodies were recovered on Tuesday in Jiribam, where a gunfight between militants and security forces broke out a day before, police said.", "en")]
    [InlineData("Deux corps ont été retrouvés mardi à Jiribam. Le jour précédent, des combats avaient opposé des militants aux forces de sécurité à Jiribam.", "fr")]
    public void TheDayBefore_IsTheDayBeforeTheLastDayNamed(string text, string lang)
    {
        var r = Run(text, lang, "2024-11-13");
        var e = Assert.Single(r.Events, x => x.Subtype == EventSubtype.ArmedClash);
        Assert.Equal("2024-11-11", e.Date!.Start.ToString());
    }

    [Theory]
    [InlineData("At least 1,000 bullets, 36 grenades and five rifles were recovered in Merti on Thursday, the official said.", "en")]
    [InlineData("Des fusils et des grenades ont été saisis jeudi à Gao, selon l'armée.", "fr")]
    public void WeaponsSeized_AreDisruptedWeaponsUseNotAnExplosion(string text, string lang)
    {
        var r = Run(text, lang, "2018-02-16");
        Assert.Equal(EventSubtype.DisruptedWeaponsUse, Assert.Single(r.Events).Subtype);
    }

    [Fact]
    public void BodiesRecovered_AreNoSeizure()
    {
        var r = Run("The bodies were recovered in Merti on Thursday, the official said.", "en", "2018-02-16");
        Assert.DoesNotContain(r.Events, e => e.Subtype == EventSubtype.DisruptedWeaponsUse);
    }

    [Theory]
    [InlineData("Le ministre a dit aux journalistes à Maputo que des insurgés avaient attaqué jeudi le village de Chinga, tuant six civils.", "fr")]
    [InlineData("The minister told reporters in Maputo that insurgents had attacked the village of Chinga on Thursday, killing six civilians.", "en")]
    public void WhereItWasSaid_IsNotWhereItHappened(string text, string lang)
    {
        var r = Run(text, lang, "2020-05-15");
        Assert.NotEmpty(r.Events);
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Maputo");
    }

    [Theory]
    [InlineData("Jeudi, une tentative d'attaque contre le village de Chinga a été repoussée, ce qui a entraîné la mort de huit terroristes, selon le ministre.", "fr")]
    [InlineData("On Thursday an attack on the village of Chinga was repelled and eight militants were killed, the minister said.", "en")]
    public void AnAttackWhoseAttackersFell_IsABattle(string text, string lang)
    {
        var r = Run(text, lang, "2020-05-15");
        Assert.Equal(EventSubtype.ArmedClash, Assert.Single(r.Events).Subtype);
    }

    [Fact]
    public void ABackReferenceWithItsOwnDay_DatesAnEventToldWithoutOne()
    {
        const string text = "Douze soldats ont été tués hier dans l'attaque d'un poste de contrôle dans le nord du Sinaï, selon l'armée.\n\n"
                            + "«Des terroristes ont attaqué un poste de contrôle dans le nord du Sinaï», a indiqué le porte-parole de l'armée.";
        var r = Run(text, "fr", "2016-10-15");
        var e = Assert.Single(r.Events);
        Assert.Equal("2016-10-14", e.Date!.Start.ToString());
        Assert.Equal(12, e.Fatalities);
    }

    [Theory]
    [InlineData("Le Premier ministre a annoncé vendredi que les troupes fédérales s'étaient emparées de la ville de Humera.", "fr")]
    [InlineData("The prime minister said on Friday that federal troops had captured the town of Humera.", "en")]
    public void AnEventWithoutItsOwnDay_HappenedByTheDayItWasAnnounced(string text, string lang)
    {
        var r = Run(text, lang, "2020-11-09");
        var e = Assert.Single(r.Events);
        Assert.Equal("2020-11-06", e.Date!.End.ToString());
    }

    [Theory]
    [InlineData("Sept personnes ont été tuées samedi dans des bombardements sur la ville de Gandja, suivis d'une dizaine d'explosions, selon les autorités.", "fr", EventSubtype.ShellingArtilleryMissileAttack)]
    [InlineData("Seven people were killed on Saturday when rockets hit the town of Ganja, and several blasts were heard, officials said.", "en", EventSubtype.ShellingArtilleryMissileAttack)]
    [InlineData("Une explosion a tué sept personnes samedi sur le marché de Gandja, selon les autorités.", "fr", EventSubtype.RemoteExplosiveLandmineIed)]
    public void Explosions_AreTheImpactOfTheStrikesTheSentenceNames(string text, string lang, EventSubtype subtype)
    {
        var r = Run(text, lang, "2020-10-11");
        Assert.Equal(subtype, Assert.Single(r.Events).Subtype);
    }

    [Theory]
    [InlineData("Stepanakert a été la cible de frappes pendant la nuit de samedi à dimanche, selon des journalistes.", "fr")]
    [InlineData("Stepanakert was shelled overnight on Saturday, journalists said.", "en")]
    public void ATownAsTheSubjectOfAStrike_IsItsPlace(string text, string lang)
    {
        var r = Run(text, lang, "2020-10-11");
        var e = Assert.Single(r.Events);
        Assert.Equal("Stepanakert", e.Location?.Name);
    }

    [Fact]
    public void AVehicleHit_IsNoPlace()
    {
        var r = Run("A Bradley Fighting Vehicle was hit by a roadside bomb on Saturday near Fallujah, killing two soldiers.", "en", "2003-11-02");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name?.Contains("Bradley") == true);
    }

    [Theory]
    [InlineData("Gunmen killed 150 people in East Wollega on Monday, a rights group said.", "en", "East Wollega")]
    [InlineData("Rebels attacked a village in North Kivu on Monday, killing ten civilians, the army said.", "en", "North Kivu")]
    public void ACapitalisedDirectionBeforeAName_IsPartOfTheName(string text, string lang, string place)
    {
        var r = Run(text, lang, "2021-08-24");
        Assert.Equal(place, Assert.Single(r.Events).Location?.Name);
    }

    [Theory]
    [InlineData("Soldiers raided the village of Kilo on Tuesday, arresting eleven men, the army said.", "en")]
    [InlineData("Des militaires ont attaqué mardi le village de Kilo et ont arrêté onze hommes, selon l'armée.", "fr")]
    public void ARaidThatOnlyArrests_IsTheArrestsAtTheRaidsTown(string text, string lang)
    {
        var r = Run(text, lang, "2023-05-10");
        var e = Assert.Single(r.Events, x => !x.Optional);
        Assert.Equal(EventSubtype.Arrests, e.Subtype);
        Assert.Equal("Kilo", e.Location?.Name);
    }

    [Fact]
    public void ARaidThatKills_IsNotOnlyArrests()
    {
        var r = Run("Soldiers raided the village of Kilo on Tuesday, killing two men and arresting eleven others, the army said.", "en", "2023-05-10");
        Assert.NotEmpty(r.Events);
        Assert.NotEqual(EventSubtype.Arrests, r.Events[0].Subtype);
    }

    [Theory]
    [InlineData("A mob attacked a wedding party in the village of Dumri on Sunday night and beat the guests, police said.", "en", true)]
    [InlineData("A crowd attacked a police post in the village of Dumri on Sunday during a march against the mine, police said.", "en", false)]
    public void ViolenceByACrowd_IsMobViolenceUnlessAProtestIsTold(string text, string lang, bool mob)
    {
        var r = Run(text, lang, "2023-05-08");
        Assert.NotEmpty(r.Events);
        Assert.Equal(mob, r.Events[0].Subtype == EventSubtype.MobViolence);
    }

    [Theory]
    [InlineData("A suspected thief was burnt to death by residents in Ikot Ekpene on Saturday, police said.", "en", EventSubtype.MobViolence)]
    [InlineData("Gunmen stormed the village of Kwatas on Saturday and five farmers were burnt to death in their homes, police said.", "en", EventSubtype.Attack)]
    [InlineData("Un présumé voleur a été brûlé à mort samedi par des habitants à Bouaké, selon la police.", "fr", EventSubtype.MobViolence)]
    public void PeopleBurntToDeath_AreAMobsViolenceWhenASuspectOfTheCrowdIsNamed(string text, string lang, EventSubtype subtype)
    {
        var r = Run(text, lang, "2023-05-08");
        Assert.NotEmpty(r.Events);
        Assert.Equal(subtype, r.Events[0].Subtype);
    }

    [Theory]
    [InlineData("The army announced the death penalty on Tuesday for six militants linked to attacks on schools in Swat.", "en")]
    [InlineData("Five militants were sentenced to death by a court in Lahore on Thursday.", "en")]
    [InlineData("Cinq jihadistes ont été condamnés à mort jeudi par un tribunal de Niamey pour l'attaque d'un convoi.", "fr")]
    public void ADeathSentence_RecallsTheAttacksItPunishes(string text, string lang)
    {
        var r = Run(text, lang, "2023-05-12");
        Assert.All(r.Events, e => Assert.True(e.Optional));
    }

    [Fact]
    public void ANameAndAColonOpeningTheText_PlacesItsEvents()
    {
        var r = Run("Kohima: Forty-two cadres of two banned outfits laid down their arms before officials today.", "en", "2023-05-12");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.Agreement, e.Subtype);
        Assert.Equal("Kohima", e.Location?.Name);
    }

    [Fact]
    public void Downtown_IsTheTownNamedAfterIt()
    {
        var r = Run("Police arrested twenty protesters in downtown Nairobi on Tuesday.", "en", "2023-05-12");
        Assert.Equal("Nairobi", Assert.Single(r.Events).Location?.Name);
    }

    [Theory]
    [InlineData("The Malian government and Tuareg rebels signed a peace agreement.", "en", true)]
    [InlineData("Le gouvernement malien et les rebelles touareg ont signé un accord de paix.", "fr", true)]
    [InlineData("The European Union and Morocco signed a fisheries agreement.", "en", false)]
    public void AnOpeningSentenceDeal_IsNewsWhenAnArmedGroupIsAParty(string text, string lang, bool news)
    {
        var r = Run(text, lang, "2023-05-12");
        Assert.Equal(news, r.Events.Any(e => e.Subtype == EventSubtype.Agreement && !e.Optional));
    }

    [Fact]
    public void BreakingDownADoor_DeniesNothing()
    {
        var r = Run("A mob broke down the doors of a house in Patna on Friday and lynched a trader, police said.", "en", "2023-05-12");
        Assert.NotEmpty(r.Events);
        Assert.NotEqual(Modality.Denied, r.Events[0].Modality);
    }

    [Fact]
    public void ANationalityWord_PointsToItsCountry()
    {
        var r = Run("Kenyan police fired tear gas at traders protesting against new market fees on Monday.", "en", "2023-05-12");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.ProtestWithIntervention, e.Subtype);
        Assert.Equal("KE", e.Location?.Country);
    }

    [Theory]
    [InlineData("Lagos police arrested twelve protesters on Monday for blocking the expressway.", "Lagos")]
    [InlineData("Riot police fired tear gas at protesters in Nairobi on Monday.", "Nairobi")]
    [InlineData("Federal police arrested five protesters in Brasilia on Monday.", "Brasilia")]
    public void ATownBeforePolice_IsWhereThePoliceActed_AKindOfPoliceIsNot(string text, string place)
    {
        var r = Run(text, "en", "2024-03-12");
        Assert.Equal(place, Assert.Single(r.Events).Location?.Name);
    }

    [Theory]
    [InlineData("Insurgents captured a strategic district in Ghazni province on Monday after two days of fighting, officials said.", "en", EventSubtype.NonStateActorOvertakesTerritory)]
    [InlineData("Taliban fighters captured the control of Nawa district on Sunday, a provincial official said.", "en", EventSubtype.NonStateActorOvertakesTerritory)]
    [InlineData("Police captured three suspected militants in the town of Kohat on Monday.", "en", EventSubtype.Arrests)]
    [InlineData("Des jihadistes ont capturé la localité de Tessit dimanche après de violents combats, selon des sources locales.", "fr", EventSubtype.NonStateActorOvertakesTerritory)]
    [InlineData("Les gendarmes ont capturé deux bandits armés dimanche à Diffa.", "fr", EventSubtype.Arrests)]
    public void ACapture_IsATakingWhenItsObjectIsLand(string text, string lang, EventSubtype subtype)
    {
        var r = Run(text, lang, "2021-08-17");
        Assert.Equal(subtype, Assert.Single(r.Events).Subtype);
    }

    [Theory]
    [InlineData("Iraqi forces backed by Shiite militias retook the town of Baiji on Friday, officials said.", "en")]
    [InlineData("Les forces irakiennes appuyées par des milices chiites ont repris vendredi la ville de Baïji, selon des responsables.", "fr")]
    [InlineData("Government forces recaptured the town of Rutba, which had been held by Islamic State fighters since 2014, the army said on Sunday.", "en")]
    [InlineData("Nigerian troops retook the town of Marte on Tuesday, a town seized by jihadists a week earlier, the army said.", "en")]
    [InlineData("Rwandan and Mozambican forces killed dozens of insurgents while recapturing the port town of Mocimboa da Praia on Sunday, the army said.", "en")]
    [InlineData("Les forces rwandaises ont tué des dizaines d'insurgés dimanche en reprenant la ville portuaire de Mocimboa da Praia, selon l'armée.", "fr")]
    public void TheStateRegains_WhenTheOtherActorsAreItsBackersOrTheFormerHolders(string text, string lang)
    {
        var r = Run(text, lang, "2021-08-17");
        Assert.Equal(EventSubtype.GovernmentRegainsTerritory, Assert.Single(r.Events).Subtype);
    }

    [Theory]
    [InlineData("The paramilitary Rapid Support Forces attacked a village in Gezira on Wednesday, killing dozens of people, residents said.", "en", EventSubtype.Attack)]
    [InlineData("Jihadists stormed an army barracks in Nassoumbou on Friday, killing twelve soldiers, the army said.", "en", EventSubtype.ArmedClash)]
    [InlineData("A gunbattle between troops and militants in Kulgam on Thursday left three militants dead, police said.", "en", EventSubtype.ArmedClash)]
    [InlineData("Five civilians were killed by machete in Mbau on Monday, a local administrator said.", "en", EventSubtype.Attack)]
    [InlineData("Gunmen burst into a bar in Irapuato on Saturday and started shooting the customers, killing twelve people, police said.", "en", EventSubtype.Attack)]
    [InlineData("Maoists blew up a bus carrying policemen in Dantewada district on Tuesday, killing five, police said.", "en", EventSubtype.RemoteExplosiveLandmineIed)]
    [InlineData("A parked car exploded near a market in Kirkuk on Sunday, killing four people, police said.", "en", EventSubtype.RemoteExplosiveLandmineIed)]
    [InlineData("A grenade exploded at a bus stop in Bujumbura on Thursday, wounding six people, police said.", "en", EventSubtype.Grenade)]
    [InlineData("Two fighters were killed after an armed confrontation with the army in the department of Arauca on Sunday, officials said.", "en", EventSubtype.ArmedClash)]
    [InlineData("Une bombe a explosé dimanche près d'un marché de Kirkouk, tuant quatre personnes, selon la police.", "fr", EventSubtype.RemoteExplosiveLandmineIed)]
    [InlineData("Une grenade a explosé jeudi près d'un marché de Bujumbura, blessant six personnes, selon la police.", "fr", EventSubtype.Grenade)]
    public void RealWordingsOfViolence_TakeTheirSubtype(string text, string lang, EventSubtype subtype)
    {
        var r = Run(text, lang, "2021-08-17");
        Assert.Equal(subtype, Assert.Single(r.Events).Subtype);
    }
    [Theory]
    [InlineData("During an attack on a village in Koch on Saturday, at least ten soldiers tied a woman to a tree and raped her daughter, a UN report said.", "en")]
    [InlineData("Lors d'une attaque contre le village de Koch samedi, dix soldats ont attaché une femme à un arbre et violé sa fille, selon un rapport de l'ONU.", "fr")]
    public void ARaidToldWithARape_IsTheSexualViolenceAtTheRaidsPlace(string text, string lang)
    {
        var r = Run(text, lang, "2021-08-17");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.SexualViolence, e.Subtype);
        Assert.Equal("Koch", e.Location?.Name);
    }
}
