using Vigie.Model;

namespace Vigie.Tests.Assembly;

/// <summary>
/// Shapes of casualty figures as wire copy writes them, on sentences written for these tests: a headline without its
/// auxiliary, a time between the verb and its count, a count repeated in brackets, a preposition after a bare count,
/// people named by their function ("membres du", "agents des", rescuers), and a people's adjective that is no count.
/// </summary>
public class FigureShapeTests
{
    private static List<Figure> Figures(string text, string lang) =>
        PipelineRun.Of(text, lang, "2024-10-22").CasualtyReports.SelectMany(r => r.Figures).ToList();

    [Theory]
    [InlineData("en", "Militants ambush soldiers in Niger, 17 killed", 17, VictimGroup.All)]
    [InlineData("en", "At least 9 killed after an attack on a military base in Somalia", 9, VictimGroup.All)]
    [InlineData("en", "Five soldiers, the army said, were killed near the border.", 5, VictimGroup.GovernmentForces)]
    [InlineData("fr", "Cinq soldats, a indiqué l'armée, ont été tués près de la frontière.", 5, VictimGroup.GovernmentForces)]
    [InlineData("fr", "Au Mali, des frappes de drones ont tué, lundi 21 octobre, cinq civils à Inadjatafane.", 5, VictimGroup.Civilians)]
    [InlineData("fr", "Au total, sept (7) civils ont été tués lundi au village d'Idohu.", 7, VictimGroup.Civilians)]
    [InlineData("en", "An Israeli strike kills two in southern Lebanon, the health ministry said.", 2, VictimGroup.All)]
    [InlineData("fr", "Deux membres du Hezbollah ont été tués lundi dans des frappes au Liban-Sud.", 2, VictimGroup.NonStateArmed)]
    [InlineData("en", "Troops killed 15 al-Qaeda fighters on Saturday near Mukalla.", 15, VictimGroup.NonStateArmed)]
    [InlineData("en", "Gunmen killed 19 government soldiers on Monday near Dori.", 19, VictimGroup.GovernmentForces)]
    [InlineData("en", "Four security officers were killed on Monday in a shootout.", 4, VictimGroup.GovernmentForces)]
    [InlineData("en", "Some 25 anti-junta fighters were killed on Monday.", 25, VictimGroup.NonStateArmed)]
    [InlineData("fr", "Treize agents des forces de l'ordre ont été tués jeudi dans le centre du Mexique.", 13, VictimGroup.GovernmentForces)]
    [InlineData("fr", "Trois secouristes ont été tués la nuit dernière à Kharkiv.", 3, VictimGroup.Civilians)]
    [InlineData("en", "Four rescuers were killed overnight in Kharkiv.", 4, VictimGroup.Civilians)]
    [InlineData("en", "At least nine Nigerien Army soldiers were killed on Monday during a terrorist assault on a checkpoint near Diffa.", 9, VictimGroup.GovernmentForces)]
    [InlineData("fr", "Huit gendarmes ont été tués lundi lors d'une attaque terroriste contre leur poste près de Dori.", 8, VictimGroup.GovernmentForces)]
    [InlineData("fr", "Environ quarante autres déplacés ont été tués mardi dans le camp de Kalo.", 40, VictimGroup.Civilians)]
    [InlineData("en", "At least 14 refugees were killed on Tuesday when the camp was shelled.", 14, VictimGroup.Civilians)]
    [InlineData("fr", "L'explosion a tué douze déplacés dans le camp de Kalo.", 12, VictimGroup.Civilians)]
    // one person named by "a", a lower-case word and a victim noun
    [InlineData("en", "A military ranger died on Tuesday when a roadside bomb exploded near a school.", 1, VictimGroup.GovernmentForces)]
    [InlineData("en", "A young soldier was killed on Monday when a mine exploded under his truck.", 1, VictimGroup.GovernmentForces)]
    // the words of a time between the outcome noun and its count do not part them
    [InlineData("fr", "Le pays observe un deuil national après la mort ce lundi 15 mars de 41 villageois près de Koro.", 41, VictimGroup.Civilians)]
    public void KilledCount_IsRead(string lang, string text, int count, VictimGroup group)
    {
        var f = Assert.Single(Figures(text, lang), x => x.Outcome == Outcome.Killed);
        Assert.Equal(count, f.Count);
        Assert.Equal(group, f.Group);
    }

    [Theory]
    [InlineData("en", "The death toll from Tuesday's car bombing outside the governor's office rose to 27.", Outcome.Killed, 27)]
    [InlineData("en", "The injury toll of the drone strikes on the port has climbed to 140.", Outcome.Injured, 140)]
    [InlineData("en", "The number of dead in the assault on the prison now stands at 16, officials said.", Outcome.Killed, 16)]
    [InlineData("fr", "Le bilan de l'attaque de samedi contre le poste de gendarmerie s'est alourdi à 23.", Outcome.Killed, 23)]
    [InlineData("fr", "Le nombre de blessés dans les frappes sur le quartier est passé à 85.", Outcome.Injured, 85)]
    public void BareNumber_AfterAVerbOfReaching_IsTheTollOfItsSubject(string lang, string text, Outcome outcome, int count)
    {
        var f = Assert.Single(Figures(text, lang));
        Assert.Equal(outcome, f.Outcome);
        Assert.Equal(count, f.Count);
    }

    [Theory]
    [InlineData("en", "The cost of the damage from the attack on the depot rose to 30 million dollars.")]
    [InlineData("en", "The number of displaced people in the province rose to 30,000 in March.")]
    [InlineData("fr", "Le montant des dégâts de l'attaque contre le dépôt s'élève à 30 millions d'euros.")]
    [InlineData("en", "The convoy from the capital to the front reached 12 on Monday.")]
    public void NumberAfterAVerbOfReaching_WithNoTollBeforeIt_IsNoToll(string lang, string text)
    {
        Assert.DoesNotContain(Figures(text, lang), f => f.Outcome is Outcome.Killed or Outcome.Injured);
    }

    [Theory]
    [InlineData("fr", "Le groupe a fait état de 32 morts et blessés parmi les gardes du poste.")]
    [InlineData("fr", "Quelque 45 soldats ont été tués ou blessés dans l'embuscade de mardi.")]
    [InlineData("en", "The rebels claimed 32 dead and wounded among the guards of the post.")]
    [InlineData("en", "Some 45 soldiers were killed or injured in Tuesday's ambush.")]
    public void OneCountOfTwoOutcomesJoined_IsACountOfNeither(string lang, string text)
    {
        Assert.DoesNotContain(Figures(text, lang), f => f.Outcome is Outcome.Killed or Outcome.Injured);
    }

    [Theory]
    [InlineData("fr", "Au moins 31 personnes, toutes civiles, ont été tuées mardi dans les bombardements du marché.", VictimGroup.Civilians)]
    [InlineData("en", "At least 31 people, all of them civilians, were killed on Tuesday in the shelling of the market.", VictimGroup.Civilians)]
    [InlineData("en", "At least 31 people, all civilians, were killed on Tuesday in the shelling of the market.", VictimGroup.Civilians)]
    [InlineData("en", "Nine people were killed, all of them soldiers, when the convoy was ambushed on Tuesday.", VictimGroup.GovernmentForces)]
    public void PeopleCounted_ThenAllOfOneGroupSetOff_AreThatGroup(string lang, string text, VictimGroup group)
    {
        var f = Assert.Single(Figures(text, lang));
        Assert.Equal(group, f.Group);
    }

    [Theory]
    [InlineData("fr", "Trois soldats ont été tués et cinq blessés dans l'embuscade de mardi.")]
    [InlineData("en", "Three soldiers were killed and five wounded in Tuesday's ambush.")]
    [InlineData("en", "The shelling of the market left three soldiers dead and wounded 5, officials said.")]
    public void TwoCountsOfTwoOutcomes_AreBothKept(string lang, string text)
    {
        var figs = Figures(text, lang);
        Assert.Contains(figs, f => f.Outcome == Outcome.Killed && f.Count == 3);
        Assert.Contains(figs, f => f.Outcome == Outcome.Injured && f.Count == 5);
    }

    [Theory]
    [InlineData("en", "Rebels wounded five of the president's military bodyguards on Monday.", 5)]
    public void PartOfAGroupQualifiedByAPossessive_IsCounted(string lang, string text, int count)
    {
        var f = Assert.Single(Figures(text, lang));
        Assert.Equal(Outcome.Injured, f.Outcome);
        Assert.Equal(count, f.Count);
        Assert.Equal(VictimGroup.GovernmentForces, f.Group);
    }

    [Fact]
    public void BareTollAfterASentenceCountingOneGroup_IsAnotherCountOfThatGroup()
    {
        var figs = Figures("The police said 10 suspected militants were killed in the gunfight on Monday. However, a senior officer put the toll at 11.", "en");
        Assert.Contains(figs, f => f.Count == 11 && f.Outcome == Outcome.Killed && f.Group == VictimGroup.NonStateArmed);
    }

    [Theory]
    [InlineData("en", "Eleven soldiers, including an Army captain, and a civilian were killed in an ambush.")]
    [InlineData("fr", "Onze soldats, dont un capitaine, et un civil ont été tués dans une embuscade.")]
    public void CountsJoinedPastAPartBetweenCommas_ShareTheOutcome(string lang, string text)
    {
        var figs = Figures(text, lang);
        Assert.Contains(figs, f => f.Count == 11 && f.Group == VictimGroup.GovernmentForces && f.Outcome == Outcome.Killed);
        Assert.Contains(figs, f => f.Count == 1 && f.Group == VictimGroup.Civilians && f.Outcome == Outcome.Killed);
    }

    [Fact]
    public void EqualCountsOfTwoKindsOfPeopleInOneClause_AreTwoFigures()
    {
        var figs = Figures("Three women and three children have been reported missing since Monday, police said.", "en");
        Assert.Equal(2, figs.Count(f => f.Count == 3 && f.Outcome == Outcome.Missing));
    }

    [Theory]
    [InlineData("en", "Police shot and killed a taxi driver on Monday.")]
    [InlineData("en", "Gunmen killed a motorcycle taxi rider on Monday.")]
    [InlineData("en", "A university student was killed on Monday during the protests.")]
    [InlineData("en", "A teenager was shot dead on Monday in the western city.")]
    public void OnePersonNamedByANounWithModifiers_IsCounted(string lang, string text)
    {
        var f = Assert.Single(Figures(text, lang));
        Assert.Equal(Outcome.Killed, f.Outcome);
        Assert.Equal(1, f.Count);
        Assert.Equal(VictimGroup.Civilians, f.Group);
    }

    [Theory]
    [InlineData("en", "The injury toll rose to 3,000 on Sunday, health officials said.", 3000)]
    [InlineData("en", "The injury toll stood at 45 on Monday.", 45)]
    public void InjuryToll_CountsTheWounded_NotTheDead(string lang, string text, int count)
    {
        var f = Assert.Single(Figures(text, lang));
        Assert.Equal(Outcome.Injured, f.Outcome);
        Assert.Equal(count, f.Count);
    }

    [Theory]
    [InlineData("fr", "Quatorze orpailleurs ont été enlevés mardi près de la frontière.", 14, Outcome.Abducted)]
    [InlineData("fr", "Neuf opposants ont été interpellés samedi dans la capitale.", 9, Outcome.Arrested)]
    [InlineData("en", "Twenty-two miners were kidnapped on Tuesday near the border.", 22, Outcome.Abducted)]
    [InlineData("en", "Eleven suspects have been arrested since Friday.", 11, Outcome.Arrested)]
    public void CountOfANounNoLexiconKnows_BeforeAPassiveOutcome_IsAFigure(string lang, string text, int count, Outcome outcome)
    {
        var f = Assert.Single(Figures(text, lang));
        Assert.Equal(count, f.Count);
        Assert.Equal(outcome, f.Outcome);
    }

    [Theory]
    [InlineData("fr", "Douze assaillants ont tué trois commerçants sur la route.", 12)]
    [InlineData("fr", "Les deux drones avaient été abattus avant d'atteindre la ville.", 2)]
    [InlineData("en", "Three missiles were shot down over the capital.", 3)]
    [InlineData("en", "Forty gunmen have abducted the chief of the village.", 40)]
    [InlineData("en", "Two doctors in the city said they could not confirm the toll.", 2)]
    [InlineData("fr", "Deux médecins ont affirmé que le bilan s'alourdissait.", 2)]
    [InlineData("en", "Three civilians were killed and 30 others were taken to hospital.", 30)]
    [InlineData("fr", "Trois civils ont été tués et 30 autres ont été transportés à l'hôpital.", 30)]
    public void CountOfThingsOrOfTheDoersOrOfTheSpeakers_IsNoFigure(string lang, string text, int count) =>
        Assert.DoesNotContain(Figures(text, lang), f => f.Count == count);

    [Theory]
    [InlineData("en", "Gunmen on Monday night killed the village head of Kaduna Gari community.", Outcome.Killed)]
    [InlineData("en", "Bandits kidnapped the district commissioner on Sunday near Gusau.", Outcome.Abducted)]
    [InlineData("fr", "Des hommes armés ont tué le chef du village lundi soir près de Beni.", Outcome.Killed)]
    [InlineData("fr", "Des individus armés ont tué lundi soir le chef du village de Komboro.", Outcome.Killed)]
    [InlineData("fr", "Des hommes armés ont enlevé dimanche le chef du village de Gorom.", Outcome.Abducted)]
    public void OnePersonNamedByADefiniteArticle_AfterWhatBefellHim_IsAFigureOfOne(string lang, string text, Outcome outcome)
    {
        var f = Assert.Single(Figures(text, lang));
        Assert.Equal(1, f.Count);
        Assert.Equal(outcome, f.Outcome);
    }

    [Theory]
    [InlineData("Rebels attacked the county headquarters on Friday, killing the County Commissioner James Deng and two guards.", VictimGroup.Civilians)]
    [InlineData("Militants ambushed the convoy on Friday, killing the colonel who led it.", VictimGroup.GovernmentForces)]
    public void OnePersonNamedByATitle_IsACivilianUnlessOfRank(string text, VictimGroup group) =>
        Assert.Contains(Figures(text, "en"), f => f.Count == 1 && f.Outcome == Outcome.Killed && f.Group == group);

    [Theory]
    [InlineData("en", "Gunmen killed the soldiers guarding the bridge on Monday.")]
    [InlineData("en", "Gunmen burned the village market on Monday, the police said.")]
    [InlineData("fr", "Le chef du village a annoncé lundi que les attaquants avaient fui.")]
    public void DefiniteArticleOfAPluralOrOfALongerPhraseOrWithNoOutcome_IsNoFigureOfOne(string lang, string text) =>
        Assert.DoesNotContain(Figures(text, lang), f => f.Count == 1);

    [Theory]
    [InlineData("fr", "Les soldats ont riposté même si six d'entre eux ont perdu la vie à Sévaré.", 6, VictimGroup.All)]
    [InlineData("en", "Twelve miners were trapped in the raid; five of them were killed.", 5, VictimGroup.All)]
    [InlineData("fr", "L'armée a annoncé vendredi la mort de quatre dissidents des Farc lors d'une opération.", 4, VictimGroup.NonStateArmed)]
    [InlineData("en", "A roadside bomb killed three rangers on Monday in Narathiwat.", 3, VictimGroup.GovernmentForces)]
    public void PeopleOfAGroupNamedBeforeOrByTheirSide_AreCounted(string lang, string text, int count, VictimGroup group)
    {
        var f = Assert.Single(Figures(text, lang), x => x.Outcome == Outcome.Killed);
        Assert.Equal(count, f.Count);
        Assert.Equal(group, f.Group);
    }

    [Theory]
    [InlineData("fr", "Les violences ont déjà fait près de 4.000 morts, selon Acled.")]
    [InlineData("en", "The fighting has so far killed more than 4,000 people, according to Acled.")]
    [InlineData("en", "Clashes have already left 300 people dead in the region, a rights group said.")]
    [InlineData("fr", "Ce conflit a fait plus de 3000 morts, selon des ONG.")]
    [InlineData("en", "The insurgency has killed more than 7,000 people, a monitoring group says.")]
    [InlineData("en", "The crackdown has killed more than 400 people, a rights group said.")]
    [InlineData("fr", "La répression du mouvement de contestation a fait plus de 400 morts, selon une ONG.")]
    [InlineData("en", "Police raids have killed at least 45 people across several states in about a week.")]
    [InlineData("fr", "Les raids de la police ont fait au moins 45 morts dans plusieurs États en moins d'une semaine.")]
    public void TollThatAddsUp_IsNoEventsToll(string lang, string text)
    {
        var r = PipelineRun.Of(text, lang, "2024-10-22");
        Assert.Contains(r.CasualtyReports, x => x.Scope != ReportScope.Event);
        Assert.DoesNotContain(r.CasualtyReports, x => x.Scope == ReportScope.Event);
    }

    [Theory]
    [InlineData("en", "The country has so far recorded 164 deaths from 8,067 COVID-19 cases.")]
    [InlineData("fr", "L'épidémie de choléra a fait 37 morts dans la province depuis janvier.")]
    public void TollOfADiseaseInASentenceOfNoViolence_IsNoFigure(string lang, string text) =>
        Assert.Empty(Figures(text, lang));

    [Fact]
    public void CountInBrackets_IsNotASecondFigure()
    {
        var figures = Figures("Au total, sept (7) civils ont été tués lundi au village d'Idohu.", "fr");
        Assert.DoesNotContain(figures, f => f.Count == 1 || f.Outcome != Outcome.Killed);
    }

    [Fact]
    public void PeoplesAdjectiveBeforeANoun_CountsNoOne()
    {
        var figures = Figures("Two people were killed on Monday in an Israeli strike in southern Lebanon, the health ministry said.", "en");
        var f = Assert.Single(figures);
        Assert.Equal(2, f.Count);
    }

    [Fact]
    public void VictimWordBeforeAnEventWord_CountsNoOne()
    {
        var figures = Figures("Ten soldiers were killed on Friday in an insurgent ambush near Banibangou, the defence ministry said.", "en");
        var f = Assert.Single(figures);
        Assert.Equal(10, f.Count);
        Assert.Equal(VictimGroup.GovernmentForces, f.Group);
    }

    [Theory]
    [InlineData("fr", "Neuf personnes ont été tuées samedi dans un attentat à Baidoa. Deux femmes et un enfant font partie des personnes qui ont trouvé la mort.")]
    [InlineData("fr", "Neuf personnes ont été tuées samedi dans un attentat à Baidoa. Deux femmes et des enfants figurent parmi les victimes.")]
    [InlineData("en", "Nine people were killed on Saturday in a bombing in Baidoa. Two women and a child were among the dead.")]
    public void PeopleToldAmongVictimsAlreadyCounted_AreNoFigureOfTheirOwn(string lang, string text)
    {
        var f = Assert.Single(Figures(text, lang));
        Assert.Equal(9, f.Count);
    }

    [Fact]
    public void SharesOfDifferentGroupsInOneSentence_AddUpToTheEventsToll()
    {
        var r = PipelineRun.Of("Ten police personnel and a driver were killed in a landmine blast in Chhattisgarh's Dantewada district on Wednesday.", "en", "2024-03-08");
        var e = Assert.Single(r.Events);
        Assert.Equal(11, e.Fatalities);
    }

    [Theory]
    [InlineData("fr", "Au moins un militaire a été tué vendredi dans une embuscade près de Boni, a indiqué l'armée.", Outcome.Killed, VictimGroup.GovernmentForces, 1)]
    [InlineData("fr", "Une trentaine de migrants ont été tués dans une frappe sur un centre de détention près de Tripoli.", Outcome.Killed, VictimGroup.Civilians, 30)]
    [InlineData("en", "At least 30 migrants were killed in a strike on a detention centre near Tripoli.", Outcome.Killed, VictimGroup.Civilians, 30)]
    public void VictimNounsOfOneSoldierAndOfMigrants_AreCounted(string lang, string text, Outcome outcome, VictimGroup group, long count)
    {
        Assert.Contains(Figures(text, lang), f => f.Outcome == outcome && f.Group == group && f.Count == count);
    }

    [Theory]
    [InlineData("fr", "Trois soldats ont été blessés dans l'attaque de Boni ; les assaillants sont repartis avec deux autres véhicules.", 3)]
    [InlineData("fr", "Trois soldats ont été tués et quatre autres grièvement blessés dans l'attaque de Boni.", 4)]
    public void OthersBeforeANounOfThings_CountsNoPeople(string lang, string text, long injured)
    {
        var hurt = Figures(text, lang).Where(f => f.Outcome == Outcome.Injured).ToList();
        Assert.Equal(injured, Assert.Single(hurt).Count);
    }

    [Theory]
    [InlineData("fr", "Le groupe a fait plus de 20.000 morts et 2,5 millions de déplacés en dix ans d'insurrection.")]
    [InlineData("en", "The group has killed more than 20,000 people and displaced 2.5 million in ten years of insurgency.")]
    public void CountsJoinedBeforeASpanOfYears_AreNoOneEvents(string lang, string text)
    {
        var r = PipelineRun.Of(text, lang, "2019-03-10");
        var killed = r.CasualtyReports.Where(c => c.Figures.Any(f => f.Outcome == Outcome.Killed)).ToList();
        Assert.NotEmpty(killed);
        Assert.All(killed, c => Assert.NotEqual(ReportScope.Event, c.Scope));
    }

    [Theory]
    [InlineData("fr", "Un policier, qui n'a pas été blessé, a été évacué de l'immeuble en feu.")]
    [InlineData("fr", "Un soldat a pu quitter le véhicule sans être blessé.")]
    public void AnOutcomeDenied_CountsNobody(string lang, string text)
    {
        Assert.Empty(Figures(text, lang));
    }

    [Theory]
    [InlineData("fr", "Des hommes armés ont attaqué lundi un poste à Garoua, tuant trois gendarmes et deux policiers, selon une source sécuritaire.", 5)]
    [InlineData("en", "Rebels attacked a convoy near Tame on Monday, killing seven soldiers and one police officer, officials said.", 8)]
    public void CountsOfOneGroupJoinedAsAList_AddUpToTheEventsToll(string lang, string text, int toll)
    {
        var r = PipelineRun.Of(text, lang, "2019-05-14");
        var e = Assert.Single(r.Events);
        Assert.Equal(toll, e.Fatalities);
    }

    [Theory]
    [InlineData("fr", "Des hommes armés ont tué lundi 17 personnes à Djugu – sept femmes, huit hommes et deux enfants, selon un élu.", 17)]
    [InlineData("en", "Gunmen killed eight people in Djugu on Monday, two women and six men, a local official said.", 8)]
    public void CountsThatAddUpToTheFigureBeforeThem_AreItsBreakdown(string lang, string text, int total)
    {
        var killed = Figures(text, lang).Where(f => f.Outcome == Outcome.Killed).ToList();
        var only = Assert.Single(killed);
        Assert.Equal(total, only.Count);
    }

    [Theory]
    [InlineData("fr", "Une voiture piégée a explosé jeudi à Bagdad, faisant parmi les civils au moins 15 morts et 35 blessés, selon les autorités.", VictimGroup.Civilians)]
    [InlineData("fr", "Les combats ont fait jeudi à Syrte plus de 450 morts au sein des forces loyalistes, selon un hôpital.", VictimGroup.GovernmentForces)]
    [InlineData("en", "A car bomb went off in Baghdad on Thursday, causing among civilians at least 15 deaths, officials said.", VictimGroup.Civilians)]
    public void AGroupNamedBeforeTheFigure_OrWithinItsRanks_IsItsGroup(string lang, string text, VictimGroup group)
    {
        Assert.All(Figures(text, lang), f => Assert.Equal(group, f.Group));
        Assert.NotEmpty(Figures(text, lang));
    }

    [Theory]
    [InlineData("fr", "Le bilan est de six morts : quatre soldats et deux gendarmes, selon l'armée.", VictimGroup.GovernmentForces)]
    [InlineData("en", "The toll is six dead: four soldiers and two policemen, the army said.", VictimGroup.GovernmentForces)]
    [InlineData("en", "The toll is six dead: four soldiers and two civilians, the army said.", VictimGroup.All)]
    public void PartsAfterAColon_AllOfOneGroup_GiveTheTotalsGroup(string lang, string text, VictimGroup group)
    {
        var f = Assert.Single(Figures(text, lang), x => x.Count == 6);
        Assert.Equal(group, f.Group);
    }

    [Theory]
    [InlineData("fr", "Les forces de sécurité ont ouvert le feu dimanche sur des manifestants à Bagdad, faisant deux morts et 26 blessés, selon des responsables.")]
    [InlineData("en", "Security forces opened live fire on anti-government protesters in Baghdad on Sunday, leaving two dead and 26 injured, officials said.")]
    public void TheTollOfForceUsedOnADemonstration_CountsProtesters(string lang, string text)
    {
        var figs = Figures(text, lang);
        Assert.Equal(2, figs.Count);
        Assert.All(figs, f => Assert.Equal(VictimGroup.Civilians, f.Group));
    }

    [Theory]
    [InlineData("fr", "Le préfet a donné un bilan de neuf morts dont un gendarme.", 9, 1, VictimGroup.GovernmentForces)]
    [InlineData("fr", "Sept personnes, dont trois civils, ont été tuées mardi dans l'explosion, a indiqué la police.", 7, 3, VictimGroup.Civilians)]
    [InlineData("fr", "Les combats ont fait 16 morts dont 11 rebelles, selon l'armée.", 16, 11, VictimGroup.NonStateArmed)]
    [InlineData("en", "A bomb hit a bus in Peshawar, killing eight people, including two police officers, and wounding 15 others, police said.", 8, 2, VictimGroup.GovernmentForces)]
    [InlineData("en", "At least ten people, including four civilians, died in the fighting on Friday.", 10, 4, VictimGroup.Civilians)]
    public void APartAfterASubcountWord_ThatNamesASide_SplitsTheTotal(string lang, string text, int total, int part, VictimGroup group)
    {
        var figs = Figures(text, lang);
        var all = Assert.Single(figs, f => f.Count == total);
        Assert.Equal((Outcome.Killed, VictimGroup.All), (all.Outcome, all.Group));
        var split = Assert.Single(figs, f => f.Count == part);
        Assert.Equal((Outcome.Killed, group), (split.Outcome, split.Group));
        // the others of the total are no part of the split's side
        Assert.All(figs.Where(f => f.Outcome == Outcome.Injured), f => Assert.Equal(VictimGroup.All, f.Group));
    }

    [Theory]
    [InlineData("fr", "L'attaque a fait 31 morts, dont 20 enfants.")]
    [InlineData("fr", "Le bilan est de 14 morts dont cinq femmes et deux enfants.")]
    [InlineData("en", "The strike killed 27 people, including 12 children.")]
    public void APartOfOneKindOfPeople_IsNoFigure(string lang, string text)
    {
        Assert.Single(Figures(text, lang));
    }

    [Theory]
    [InlineData("fr", "L'armée malienne a perdu dix hommes dans l'attaque du camp de Boni.", 10, Outcome.Killed, VictimGroup.GovernmentForces)]
    [InlineData("fr", "Les jihadistes ont perdu une vingtaine de combattants, selon l'armée.", 20, Outcome.Killed, VictimGroup.NonStateArmed)]
    [InlineData("en", "The Somali army has lost seven men in the fighting near Jowhar.", 7, Outcome.Killed, VictimGroup.GovernmentForces)]
    // the subject's fighters, whatever armed group is named after them
    [InlineData("fr", "Les forces libyennes ont perdu jeudi 13 combattants lors d'affrontements avec le groupe Etat islamique à Syrte.", 13, Outcome.Killed, VictimGroup.GovernmentForces)]
    [InlineData("en", "Libyan forces lost 13 fighters on Thursday in clashes with the Islamic State group in Sirte.", 13, Outcome.Killed, VictimGroup.GovernmentForces)]
    [InlineData("en", "The army lost contact with 4 soldiers after the ambush.", 4, Outcome.Missing, VictimGroup.GovernmentForces)]
    [InlineData("en", "Gunmen stormed the village of Kuta on Tuesday, murdering at least six people.", 6, Outcome.Killed, VictimGroup.All)]
    [InlineData("fr", "Trois commerçants ont été assassinés mardi à Beni.", 3, Outcome.Killed, VictimGroup.Civilians)]
    [InlineData("en", "Police confirmed that four people were taken away by gunmen on the highway.", 4, Outcome.Abducted, VictimGroup.All)]
    // an outcome noun with its adjective, a single body, a rank
    [InlineData("fr", "L'explosion a fait quatre morts civils lundi à Kidal.", 4, Outcome.Killed, VictimGroup.Civilians)]
    [InlineData("fr", "Un cadavre a été découvert mardi près du puits.", 1, Outcome.Killed, VictimGroup.All)]
    [InlineData("fr", "Un capitaine de l'armée a été tué lundi à Djibo.", 1, Outcome.Killed, VictimGroup.GovernmentForces)]
    // an armed group or a state's forces named right after a count: their members
    [InlineData("en", "Twelve Houthis were killed in the fighting near Marib.", 12, Outcome.Killed, VictimGroup.NonStateArmed)]
    [InlineData("fr", "Trois shebab ont été tués mardi par l'armée près de Kismayo.", 3, Outcome.Killed, VictimGroup.NonStateArmed)]
    [InlineData("en", "Four Yemeni forces were killed in the clashes near Marib.", 4, Outcome.Killed, VictimGroup.GovernmentForces)]
    public void VerbsOfLosingAndOfMurder_OutcomeNounsWithAnAdjective_SingleBodies_Ranks_GroupsAfterACount_GiveTheirFigure(string lang, string text, int count, Outcome outcome, VictimGroup group)
    {
        var f = Assert.Single(Figures(text, lang));
        Assert.Equal((count, outcome, group), ((int)f.Count, f.Outcome, f.Group));
    }

    [Theory]
    [InlineData("fr", "Le parti a perdu 40 sièges aux élections.")]
    [InlineData("fr", "L'armée a perdu le contrôle de 3 villages.")]
    [InlineData("en", "The party lost 12 seats in the vote.")]
    public void ALossOfThings_IsNoFigure(string lang, string text)
    {
        Assert.Empty(Figures(text, lang));
    }

    [Fact]
    public void TheAdjectiveOfAnOutcomeNoun_IsNotTheGroupOfTheNextFigure()
    {
        var figs = Figures("L'attentat a fait deux morts civils et une dizaine de blessés.", "fr");
        Assert.Contains(figs, f => f is { Count: 2, Outcome: Outcome.Killed, Group: VictimGroup.Civilians });
        Assert.Contains(figs, f => f is { Count: 10, Outcome: Outcome.Injured, Group: VictimGroup.All });
    }

    [Fact]
    public void AnOutcomeAdjectiveBeforeItsNoun_InEnglish_IsNoToll()
    {
        // "five wounded men were transferred": people moved, counted already
        Assert.Empty(Figures("The official said five wounded men were transferred to the town for treatment.", "en"));
    }

    [Theory]
    [InlineData("fr", "Ce nouvel assaut porte à sept le nombre de soldats tués dans la région.", 7, Bound.Exact, VictimGroup.GovernmentForces)]
    [InlineData("fr", "Le syndicat chiffre à 22 le nombre d'étudiants tués depuis le début du mouvement.", 22, Bound.Exact, VictimGroup.Civilians)]
    [InlineData("en", "The attack raised to 12 the number of soldiers killed in the region.", 12, Bound.Exact, VictimGroup.GovernmentForces)]
    [InlineData("fr", "Le conflit a fait plus d'un demi-million de morts depuis 2012.", 500000, Bound.MoreThan, VictimGroup.All)]
    public void ACountGivenToTheNumberOfPeople_OrAHalfMillion_IsAFigure(string lang, string text, int count, Bound bound, VictimGroup group)
    {
        var f = Assert.Single(Figures(text, lang));
        Assert.Equal((count, bound, Outcome.Killed, group), ((int)f.Count, f.Bound, f.Outcome, f.Group));
    }

    [Theory]
    [InlineData("en", "The number of people killed in clashes in the capital has risen to 16 while 34 people have been injured.", 16)]
    [InlineData("fr", "Le nombre de personnes tuées dans les affrontements s'élève désormais à 32, selon la Croix-Rouge.", 32)]
    public void TheNumberOfPeopleKilled_IsATollNoun(string lang, string text, int count)
    {
        Assert.Contains(Figures(text, lang), f => f.Outcome == Outcome.Killed && f.Count == count);
    }

    [Theory]
    [InlineData("en", "Gunmen abducted at least 80 people, mostly women and children, in Zamfara state, residents said.", 80, VictimGroup.Civilians)]
    [InlineData("fr", "Une vingtaine de personnes, en majorité des femmes et des enfants, ont été enlevées lundi.", 20, VictimGroup.Civilians)]
    [InlineData("fr", "Les assaillants ont tué 14 personnes, dont des femmes et des enfants.", 14, VictimGroup.Civilians)]
    [InlineData("en", "The blast killed 12 people, including soldiers and civilians.", 12, VictimGroup.All)]
    [InlineData("fr", "Sept personnes, dont une femme et deux enfants, ont été tuées par des tirs.", 7, VictimGroup.All)]
    public void NonCombatantsNamedWithoutACount_AfterMostlyOrIncluding_MakeTheTotalCivilians(string lang, string text, int count, VictimGroup group)
    {
        var f = Assert.Single(Figures(text, lang), x => x.Count == count);
        Assert.Equal(group, f.Group);
    }

    [Fact]
    public void AnArticleBeforeAGroupsName_CountsNoOne()
    {
        var figs = Figures("Trois membres du Hachd, une coalition de paramilitaires, ont été tués vendredi dans le nord de l'Irak.", "fr");
        Assert.DoesNotContain(figs, f => f.Count == 1);
    }

    [Fact]
    public void MostlyCivilians_SaysSomeAreNot()
    {
        var f = Assert.Single(Figures("Le conflit a fait quelque 10.000 morts, en majorité des civils, selon l'ONU.", "fr"));
        Assert.Equal(VictimGroup.All, f.Group);
    }

    [Theory]
    [InlineData("Côté assaillants, cinq corps ont été retrouvés après les combats.", 5, VictimGroup.NonStateArmed)]
    [InlineData("Du côté de l'armée, on compte deux morts.", 2, VictimGroup.GovernmentForces)]
    [InlineData("Côté victimes militaires, la gendarmerie a publié un bilan de 15 hommes tués.", 15, VictimGroup.GovernmentForces)]
    public void ASentenceOpeningWithASide_GivesItsFiguresThatSide(string text, int count, VictimGroup group)
    {
        var f = Assert.Single(Figures(text, "fr"));
        Assert.Equal((count, group), ((int)f.Count, f.Group));
    }

    [Fact]
    public void ATotalSplitIntoSides_ThatAddUpToIt_KeepsItsParts()
    {
        // (parts of one side that add up to a total stay a breakdown: "six morts : quatre soldats et deux gendarmes")
        var figs = Figures("Treize personnes ont été tuées lundi, dont dix gendarmes et trois civils.", "fr");
        Assert.Contains(figs, f => f is { Count: 13, Group: VictimGroup.All });
        Assert.Contains(figs, f => f is { Count: 10, Group: VictimGroup.GovernmentForces });
        Assert.Contains(figs, f => f is { Count: 3, Group: VictimGroup.Civilians });
        Assert.DoesNotContain(Figures("Le bilan est de six morts, dont quatre soldats et deux gendarmes.", "fr"), f => f.Count == 4);
    }

    [Theory]
    [InlineData("Huit gendarmes béninois et six assaillants ont été tués mardi près de Banikoara.", 8, 6)]
    [InlineData("Trois soldats maliens et deux civils ont été tués lundi près de Gao.", 3, 2)]
    public void ACountWithItsNationality_ThenAnotherJoinedToIt_AreBothCounted(string text, int first, int second)
    {
        // the people's nationality after their noun ("gendarmes béninois") does not cut the list the outcome word closes
        var killed = Figures(text, "fr").Where(f => f.Outcome == Outcome.Killed).Select(f => f.Count).ToList();
        Assert.Contains(first, killed);
        Assert.Contains(second, killed);
    }
}

