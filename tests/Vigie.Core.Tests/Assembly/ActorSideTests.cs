using Vigie.Model;

namespace Vigie.Tests.Assembly;

/// <summary>
/// Which side is actor1 and which actor2, on sentences written for these tests: a fight's sides in the order they are named,
/// a clash with no side named, protesters as the target of an attack, an actor named as another's support.
/// </summary>
public class ActorSideTests
{
    private static ExtractionResult Run(string text, string lang, string published) => PipelineRun.Of(text, lang, published);

    [Theory]
    [InlineData("en", "A gunfight between suspected militants and security forces broke out on Monday near Maiduguri, the police said.",
        ActorKind.RebelGroup, ActorKind.StateForces)]
    [InlineData("en", "Fighting between soldiers and Boko Haram fighters raged on Monday near Maiduguri, residents said.",
        ActorKind.StateForces, ActorKind.RebelGroup)]
    [InlineData("fr", "Des combats entre des jihadistes et l'armée ont éclaté lundi près de Maiduguri, selon des habitants.",
        ActorKind.RebelGroup, ActorKind.StateForces)]
    [InlineData("fr", "Trois soldats ont été tués lundi dans des combats avec des jihadistes près de Maiduguri, selon l'armée.",
        ActorKind.StateForces, ActorKind.RebelGroup)]
    public void FightSides_AreTakenInTheOrderTheSentenceNamesThem(string lang, string text, ActorKind first, ActorKind second)
    {
        var r = Run(text, lang, "2024-03-12");
        var e = Assert.Single(r.Events, x => x.Subtype == EventSubtype.ArmedClash);
        Assert.Equal(first, e.Actor1!.Kind);
        Assert.Equal(second, e.Actor2!.Kind);
    }

    [Theory]
    [InlineData("fr", "Des hommes armés ont attaqué lundi le village de Duk Panyang et volé plusieurs troupeaux. La région est le théâtre de violences inter-ethniques.", ActorKind.IdentityMilitia)]
    [InlineData("en", "Gunmen attacked the village of Duk Panyang on Monday and stole hundreds of cattle. The area has seen years of inter-ethnic violence.", ActorKind.IdentityMilitia)]
    [InlineData("en", "Gunmen attacked the village of Duk Panyang on Monday and stole hundreds of cattle.", ActorKind.PoliticalMilitia)]
    public void CattleRaidersInATextOfEthnicViolence_AreACommunalMilitia(string lang, string text, ActorKind kind)
    {
        var r = Run(text, lang, "2024-03-12");
        Assert.Contains(r.Events, e => e.Actor1?.Kind == kind);
    }

    [Theory]
    [InlineData("fr", "L'attaque jihadiste de Boko Haram a visé dimanche la base de l'armée tchadienne à Bol.", "Boko Haram")]
    [InlineData("fr", "Une attaque jihadiste a visé dimanche la base de l'armée tchadienne à Bol.", null)]
    public void ArmedGroupsWordRightAfterTheEventNoun_IsItsDoer(string lang, string text, string? doer)
    {
        var e = Assert.Single(Run(text, lang, "2024-10-28").Events);
        Assert.Equal(ActorKind.RebelGroup, e.Actor1?.Kind);
        if (doer != null) Assert.Equal(doer, e.Actor1?.Name);
        Assert.Equal(ActorKind.StateForces, e.Actor2?.Kind);
    }

    [Theory]
    [InlineData("fr", "Neuf combattants progouvernementaux et 40 rebelles houthis ont été tués dans de nouveaux combats autour de la ville de Marib, selon des sources médicales.")]
    [InlineData("en", "Nine pro-government fighters and 40 Houthi rebels were killed in new fighting around the city of Marib, medical sources said.")]
    public void AFightsSides_FollowTheOrderTheSentenceNamesThem_TheStatesSideNamedByItsDead(string lang, string text)
    {
        var r = Run(text, lang, "2021-02-14");
        var clash = Assert.Single(r.Events);
        Assert.Equal(ActorKind.StateForces, clash.Actor1?.Kind);
        Assert.Equal(ActorKind.RebelGroup, clash.Actor2?.Kind);
    }

    [Theory]
    [InlineData("fr", "Le sous-préfet a indiqué que les rebelles ont attaqué dimanche les positions des forces centrafricaines et sont entrés dans la ville de Bozoum.")]
    [InlineData("en", "The prefect said that the rebels attacked army positions on Sunday and entered the town of Bozoum, in the Central African Republic.")]
    public void ATakingCoordinatedInAReportedClause_IsDoneByThatClausesSubject(string lang, string text)
    {
        var r = Run(text, lang, "2021-12-20");
        var taking = Assert.Single(r.Events, e => e.Type == EventType.Battles);
        Assert.Equal(EventSubtype.NonStateActorOvertakesTerritory, taking.Subtype);
        Assert.Equal(ActorKind.RebelGroup, taking.Actor1?.Kind);
    }

    [Fact]
    public void TheFoeInTheWordsDescribingAnActor_IsNotTheDoer()
    {
        const string text = "Air strikes by the Saudi-led coalition fighting the Houthi group in Yemen killed seven civilians in Hajjah province on Sunday, medics said.";
        var r = Run(text, "en", "2019-03-11");
        var strike = Assert.Single(r.Events);
        Assert.Equal(ActorKind.ExternalForces, strike.Actor1?.Kind);
        Assert.DoesNotContain("Houthi", strike.Actor1?.Name ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void AttackTheForcesFoughtOff_WasTheArmedGroups()
    {
        var r = Run("Une tentative d'attaque des jihadistes a été repoussée lundi près de Mocímboa da Praia, et huit terroristes ont été tués.", "fr", "2020-05-15");
        var e = Assert.Single(r.Events, e => e.Subtype == EventSubtype.ArmedClash && e.Actor1?.Kind == ActorKind.RebelGroup && e.Actor2?.Kind == ActorKind.StateForces);
        // (the forces the text does not name stand on the words of their fighting the attack off)
        Assert.True(e.FieldEvidence?.ContainsKey("actor2"));
    }

    [Theory]
    [InlineData("fr", "Trois militaires et cinq assaillants ont été tués lundi près de la base de Ngagara.")]
    [InlineData("en", "Three soldiers and five attackers were killed on Monday near the Ngagara base.")]
    public void FightWhoseOneSideIsNamedAsTheAttackers_PutsThemFirst(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2024-03-12").Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
        Assert.NotEqual(ActorKind.StateForces, e.Actor1?.Kind);
        Assert.Equal(ActorKind.StateForces, e.Actor2?.Kind);
    }

    [Fact]
    public void FightBetweenArmedGroups_WithNoStateInTheText_HasThatKindOnBothSides()
    {
        const string text = "Au moins douze personnes ont été tuées lundi à Bria dans des heurts entre groupes armés, selon une source humanitaire.";
        var r = Run(text, "fr", "2017-09-12");
        var e = Assert.Single(r.Events, x => x.Subtype == EventSubtype.ArmedClash);
        Assert.Equal(ActorKind.PoliticalMilitia, e.Actor1!.Kind);
        Assert.Equal(ActorKind.PoliticalMilitia, e.Actor2!.Kind);
    }

    [Fact]
    public void ClashWithoutANamedSide_PutsTheArticlesArmedGroupFirst()
    {
        const string text = "Boko Haram a multiplié ses attaques contre l'armée dans l'Etat de Borno ces derniers mois.\n\n"
                            + "Des combats ont eu lieu lundi aux abords de Damboa, a indiqué un habitant.";
        var r = Run(text, "fr", "2024-03-12");
        var e = Assert.Single(r.Events, x => x.Subtype == EventSubtype.ArmedClash && x.Location?.Name == "Damboa");
        Assert.Equal(ActorKind.RebelGroup, e.Actor1!.Kind);
        Assert.Equal(ActorKind.StateForces, e.Actor2!.Kind);
    }

    [Fact]
    public void ProtesterKilledByGunmen_IsAnAttackOnProtesters()
    {
        const string text = "Un manifestant a été tué lundi à Jacmel par des individus non identifiés, qui ont ouvert le feu sur la foule, "
                            + "selon un organisateur.";
        var r = Run(text, "fr", "2022-08-17");
        var e = Assert.Single(r.Events, x => x.Subtype == EventSubtype.Attack);
        Assert.Equal(ActorKind.PoliticalMilitia, e.Actor1!.Kind);
        Assert.Equal(ActorKind.Protesters, e.Actor2!.Kind);
    }

    [Theory]
    [InlineData("fr", "L'armée nigériane, appuyée par des soldats tchadiens, a attaqué lundi une base de Boko Haram près de Damboa, a indiqué l'armée.")]
    [InlineData("en", "Nigerian troops, backed by Chadian soldiers, attacked a Boko Haram base near Damboa on Monday, the army said.")]
    public void SupportOfAnActor_IsNotItsTarget(string lang, string text)
    {
        var r = Run(text, lang, "2024-03-12");
        var e = Assert.Single(r.Events, x => x.Type == EventType.Battles);
        Assert.Equal(ActorKind.StateForces, e.Actor1!.Kind);
        Assert.Equal(ActorKind.RebelGroup, e.Actor2!.Kind);
    }

    [Fact]
    public void PostTargetedByTerroristGroups_IsAClashTheyStarted()
    {
        const string text = "The military detachment of the Koutougou department was the target of a major attack by armed terrorist groups on Monday, the army said.";
        var e = Assert.Single(Run(text, "en", "2024-03-12").Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
        Assert.Equal(ActorKind.RebelGroup, e.Actor1!.Kind);
        Assert.Equal(ActorKind.StateForces, e.Actor2!.Kind);
        Assert.Equal("Koutougou", e.Location!.Name);
    }

    [Theory]
    [InlineData("fr", "Le ministère de la Défense arménien a accusé lundi la partie azerbaïdjanaise d'avoir bombardé Stepanakert pendant la nuit.",
        "Military Forces of Azerbaijan")]
    [InlineData("en", "Armenia's defence ministry accused the Azerbaijani side on Monday of shelling Stepanakert overnight.",
        "Military Forces of Azerbaijan")]
    public void SideNamedByItsDemonym_IsThatCountrysForces(string lang, string text, string doer)
    {
        var r = Run(text, lang, "2020-10-12");
        var e = Assert.Single(r.Events, x => x.Subtype == EventSubtype.ShellingArtilleryMissileAttack);
        Assert.Equal(doer, e.Actor1!.Name);
    }

    [Theory]
    [InlineData("fr", "Des frappes ont visé lundi le centre de Stepanakert, selon des journalistes sur place.", EventSubtype.ShellingArtilleryMissileAttack)]
    [InlineData("fr", "Des frappes de l'aviation ont visé lundi le centre de Stepanakert, selon des journalistes sur place.", EventSubtype.AirDroneStrike)]
    [InlineData("en", "Strikes hit the centre of Stepanakert on Monday, journalists there said.", EventSubtype.ShellingArtilleryMissileAttack)]
    [InlineData("en", "Strikes by warplanes hit the centre of Stepanakert on Monday, journalists there said.", EventSubtype.AirDroneStrike)]
    public void StrikeWithNoWeaponNamed_IsGroundFire_UnlessAircraftAreNamed(string lang, string text, EventSubtype subtype)
    {
        var r = Run(text, lang, "2020-10-12");
        var e = Assert.Single(r.Events);
        Assert.Equal(subtype, e.Subtype);
    }

    [Theory]
    [InlineData("en", "Myanmar's army has fought rebels since the coup. A military jet dropped three bombs on Nyaung Kone village on Tuesday, "
                      + "according to a fighter of the local resistance.")]
    [InlineData("fr", "L'armée birmane combat des rebelles depuis le coup d'Etat. Un avion militaire a largué mardi trois bombes sur le village "
                      + "de Nyaung Kone, selon un combattant de la résistance locale.")]
    public void AircraftOfTheArmyDroppingBombs_IsTheArmysAirStrike(string lang, string text)
    {
        var r = Run(text, lang, "2022-03-02");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.AirDroneStrike, e.Subtype);
        Assert.Equal(ActorKind.StateForces, e.Actor1!.Kind);
    }

    [Theory]
    [InlineData("fr", "Des soldats ont tué mardi au moins douze personnes à Sobane, selon des habitants.")]
    [InlineData("en", "Soldiers killed at least twelve people in Sobane on Tuesday, residents said.")]
    public void ForcesAsSubjectOfAnActiveKilling_AreTheDoerNotTheTarget(string lang, string text)
    {
        var r = Run(text, lang, "2019-03-08");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.Attack, e.Subtype);
        Assert.Equal(ActorKind.StateForces, e.Actor1!.Kind);
        Assert.Equal(ActorKind.Civilians, e.Actor2!.Kind);
    }

    [Fact]
    public void VictimsOfAVerbFollowedByAPreposition_AreNotItsSubject()
    {
        // "22 others kidnapped in two attacks": "two" follows a preposition, it is no object of the verb
        const string text = "Seven soldiers were killed and 22 others kidnapped in two separate attacks near Banki on Monday, the army said.";
        var r = Run(text, "en", "2021-05-12");
        Assert.DoesNotContain(r.Events, e => e.Actor1?.Kind == ActorKind.StateForces && e.Actor2?.Kind == ActorKind.Civilians);
    }

    [Fact]
    public void AReportDayClosingAnAttribution_IsNotTheEventsDay()
    {
        const string text = "Des hommes armés ont attaqué le village de Sobane, selon des habitants et des élus locaux vendredi.\n\n"
                            + "L'attaque a eu lieu mercredi soir, a précisé un élu.";
        var r = Run(text, "fr", "2019-03-08");
        var e = Assert.Single(r.Events, x => x.Location?.Name == "Sobane");
        Assert.NotEqual("2019-03-08", e.Date!.Start.ToString());
    }

    [Fact]
    public void CountryInsideALongerCountryName_IsNotNamed()
    {
        // a wrong dateline country and "South Sudan" twice: the words "Sudan" inside "South Sudan" do not vote for Sudan
        const string text = "Juba [Sudan], July 22: At least 12 soldiers were killed in South Sudan's Unity State in a rebel attack in Mayom County on Friday.\n\n"
                            + "South Sudan's army said the rebels had attacked the county headquarters.";
        var r = Run(text, "en", "2022-07-23");
        var e = Assert.Single(r.Events);
        Assert.Equal("SS", e.Actor2?.Country ?? e.Actor1?.Country);
        Assert.DoesNotContain(r.Events, x => x.Actor1?.Kind == ActorKind.ExternalForces || x.Actor2?.Kind == ActorKind.ExternalForces);
    }

    [Fact]
    public void WeaponsDemonym_NamesTheAttacker_NotTheCountryOfThePlace()
    {
        var r = Run("Russian shelling killed three civilians on Saturday in Beryslav, officials said.", "en", "2024-07-14");
        var e = Assert.Single(r.Events);
        Assert.Equal("UA", e.Location!.Country);
        Assert.Equal(ActorKind.ExternalForces, e.Actor1!.Kind);
    }

    [Fact]
    public void ForceAgainstProtesters_IsTheStatesOnTheProtesters()
    {
        var r = Run("Des manifestants ont été tués mercredi à Goma lorsque la police a ouvert le feu, selon des témoins.", "fr", "2023-08-31");
        var e = Assert.Single(r.Events, x => x.Subtype == EventSubtype.ExcessiveForceAgainstProtesters);
        Assert.Equal(ActorKind.StateForces, e.Actor1!.Kind);
        Assert.Equal(ActorKind.Protesters, e.Actor2!.Kind);
    }

    [Theory]
    [InlineData("fr", "L'armée a repoussé lundi une attaque de la CPC contre son poste de Bakouma, six rebelles tués.")]
    [InlineData("fr", "Deux soldats ont été tués lundi à Bakouma dans une attaque de la CPC.")]
    [InlineData("en", "Troops repelled an attack by Boko Haram fighters on their base in Monguno on Monday.")]
    public void AttackFoughtOffOrNamedWithItsDoer_PutsTheAttackersFirst(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2024-03-12").Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
        Assert.Equal(ActorKind.RebelGroup, e.Actor1?.Kind);
        Assert.Equal(ActorKind.StateForces, e.Actor2?.Kind);
    }

    [Theory]
    [InlineData("fr", "L'armée a attaqué des jihadistes lundi près de Gao.")]
    [InlineData("en", "Soldiers attacked Boko Haram fighters on Monday near Monguno.")]
    public void ArmedGroupAsTheTargetOfAnAttack_IsABattle(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2024-03-12").Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
        Assert.Equal(ActorKind.StateForces, e.Actor1?.Kind);
        Assert.Equal(ActorKind.RebelGroup, e.Actor2?.Kind);
    }

    [Theory]
    [InlineData("fr", "Un kamikaze s'est fait exploser dimanche dans une église copte d'Alexandrie, selon le ministère.")]
    [InlineData("en", "A bomb went off in a crowded market in Maiduguri on Sunday, police said.")]
    public void BombWhereCiviliansGather_TargetsCivilians(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2017-04-10").Events);
        Assert.Equal(EventType.ExplosionsRemoteViolence, e.Type);
        Assert.Equal(ActorKind.Civilians, e.Actor2?.Kind);
        // the place where civilians gather is the evidence of the target
        var site = Assert.Single(e.FieldEvidence!["actor2"]);
        Assert.Contains(text[site.Start..site.End], lang == "fr" ? ["église"] : new[] { "crowded", "market" });
    }

    [Theory]
    [InlineData("en", "A car bomb killed six people at a market in Gao on Monday, the police said. There was no immediate claim of responsibility, though such bombings are often the work of the Islamic State.", null)]
    [InlineData("en", "A car bomb killed six people at a market in Gao on Monday, the police said. No group has claimed the attack. The Islamic State has carried out many attacks in the region.", null)]
    [InlineData("fr", "Une voiture piégée a tué six personnes lundi sur un marché de Gao, selon la police. L'attentat n'a pas été revendiqué, mais l'Etat islamique commet souvent de tels attentats dans la région.", null)]
    [InlineData("fr", "Une voiture piégée a tué six personnes lundi sur un marché de Gao, a indiqué la police sans donner de détails sur les assaillants. L'Etat islamique mène de nombreuses attaques dans la région.", null)]
    [InlineData("en", "A car bomb killed six people at a market in Gao on Monday, the police said. It was not clear who carried out the attack; the Islamic State has carried out many attacks in the region.", null)]
    [InlineData("en", "A car bomb killed six people at a market in Gao on Monday, the police said. The Islamic State has carried out many attacks in the region.", "Islamic State")]
    public void AnEventNobodyClaimed_HasAnUnidentifiedDoer_NotTheGroupTheTextNamesElsewhere(string lang, string text, string? doer)
    {
        var e = Assert.Single(Run(text, lang, "2024-03-12").Events, x => x.Type == EventType.ExplosionsRemoteViolence);
        Assert.Equal(doer ?? "Unidentified armed group", e.Actor1?.Name);
        Assert.Equal(ActorKind.Civilians, e.Actor2?.Kind);
    }

    [Theory]
    [InlineData("en", "Suspected jihadists attacked a police post in Gao on Monday, killing four officers. Nobody immediately claimed responsibility for the attack.")]
    [InlineData("fr", "Des jihadistes présumés ont attaqué lundi un poste de police à Gao, tuant quatre policiers. L'attaque n'a pas été revendiquée.")]
    public void AttackersTheTextNamesOnlyAsUnidentified_KeepTheirName_AndAPostInTheEventsWordsIsItsTarget(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2024-03-12").Events);
        Assert.Equal("Unidentified jihadist militants", e.Actor1?.Name);
        Assert.Equal(ActorKind.StateForces, e.Actor2?.Kind);
    }

    [Theory]
    [InlineData("en", "The army recaptured the town of Bahri last week. On Sunday, RSF shells hit a residential neighbourhood of Omdurman, killing four civilians, local authorities said.")]
    [InlineData("fr", "L'armée a repris la semaine dernière la ville de Bahri. Dimanche, des obus des FSR se sont abattus sur un quartier d'Omdourman, tuant quatre civils, selon les autorités locales.")]
    [InlineData("fr", "L'armée a repris la semaine dernière la ville de Bahri. Dimanche, les FSR ont bombardé un marché d'Omdourman, selon les autorités locales.")]
    public void ShellingThatKillsCivilians_TargetsCivilians_NotTheDocumentsOtherSide(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2025-02-03").Events, x => x.Type == EventType.ExplosionsRemoteViolence);
        Assert.Equal(ActorKind.RebelGroup, e.Actor1?.Kind);
        Assert.Equal(ActorKind.Civilians, e.Actor2?.Kind);
    }

    [Theory]
    [InlineData("en", "Russian shelling of Ukrainian towns in the Sumy region killed three people on Friday, the regional governor said.", "Military Forces of Russia")]
    [InlineData("en", "Two villagers were wounded by Turkish shelling of Syrian villages near Afrin on Sunday, the monitor said.", "Military Forces of Turkey")]
    public void TheDemonymAfterAWeaponAndOf_NamesWhatWasHit_NotWhoFired(string lang, string text, string doer)
    {
        var e = Assert.Single(Run(text, lang, "2024-09-14").Events);
        Assert.Equal(doer, e.Actor1?.Name);
    }

    [Theory]
    [InlineData("fr", "Quinze soldats ont été tués samedi dans une embuscade tendue par des groupes terroristes armés près de Torodi, a annoncé le ministère. "
        + "Le Niger est une cible régulière pour les groupes liés à al-Qaïda et à l'EIIL.", "Al Qaeda")]
    [InlineData("en", "Fifteen soldiers were killed on Saturday in an ambush by terrorist groups near Torodi, the ministry said. "
        + "Niger is a regular target of groups linked to al Qaeda and Islamic State.", "Al Qaeda")]
    public void WordsForAFamilysGroup_InATextNamingTwoOfItsGroupsAsOften_StandForNeither(string lang, string text, string notThem)
    {
        var e = Assert.Single(Run(text, lang, "2023-06-10").Events);
        Assert.NotNull(e.Actor1);
        Assert.DoesNotContain(notThem, e.Actor1!.Name);
        Assert.DoesNotContain("Islamic State", e.Actor1.Name);
    }

    [Fact]
    public void AGroupNamedAsWhatAnotherWas_IsNoPairThatMakesTheWordsStandForNeither()
    {
        const string text = "Government air strikes killed twelve jihadists near Maarat al-Numan on Friday, the monitor said. "
            + "The Hayat Tahrir al-Sham alliance, led by Syria's former Al Qaeda affiliate, controls most of Idlib province.";
        var e = Assert.Single(Run(text, "en", "2019-05-20").Events);
        Assert.Equal("HTS: Hayat Tahrir al-Sham", e.Actor2?.Name);
    }

    [Fact]
    public void UnarmedPeople_AreNeverTheDoerOfAnAirStrike()
    {
        const string text = "Residents of Khartoum woke to artillery fire on Sunday, hours after an airstrike in the south of the city killed at least 20 civilians, according to Sudanese activists.";
        var e = Assert.Single(Run(text, "en", "2023-09-03").Events);
        Assert.Equal(EventSubtype.AirDroneStrike, e.Subtype);
        Assert.NotEqual(ActorKind.Civilians, e.Actor1?.Kind);
        Assert.Equal(ActorKind.Civilians, e.Actor2?.Kind);
    }

    [Fact]
    public void CommunitiesNamedAsPlaces_AreNoMilitia()
    {
        const string text = "Suspected bandits on Saturday blocked the highway between Kucheri and Magazu communities in Tsafe and abducted 20 travellers, police said.";
        var e = Assert.Single(Run(text, "en", "2024-10-13").Events);
        Assert.NotEqual(ActorKind.IdentityMilitia, e.Actor1?.Kind);
    }

    [Theory]
    [InlineData("fr", "Les forces de Khalifa Haftar ont tiré une centaine de roquettes sur les quartiers de Zaouiet Eddahmani à Tripoli. Des frappes aériennes ont aussi visé l'aéroport.")]
    [InlineData("en", "Khalifa Haftar's forces fired dozens of rockets at the Zawiyat al-Dahmani district of Tripoli. Air strikes also hit the airport.")]
    public void AMentionThatRestatesAnEvent_NeverGivesItTheSameActorOnBothSides(string lang, string text)
    {
        var events = Run(text, lang, "2020-05-10").Events;
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(e.Actor1 == null || e.Actor2 == null || e.Actor1.Name != e.Actor2.Name, $"{e.Actor1?.Name} on both sides"));
    }

    [Fact]
    public void UnnamedAttackers_AreNotTheGroupTheTextNamesOnlyParagraphsLater()
    {
        const string text = "Un policier a été assassiné mardi à son domicile à Buea par des inconnus, selon des témoins. L'information a été "
                            + "confirmée par la presse locale. La sécurité dans les deux régions anglophones s'est considérablement dégradée depuis "
                            + "fin 2017 et les habitants fuient vers les villes. Les écoles restent fermées dans de nombreuses localités.\n"
                            + "Ce conflit et la lutte contre le groupe jihadiste Boko Haram dans le nord du pays pèsent sur l'économie.";
        var e = Assert.Single(Run(text, "fr", "2018-08-14").Events);
        Assert.DoesNotContain("Boko Haram", e.Actor1?.Name ?? "");
    }
}
