using Vigie.Model;

namespace Vigie.Tests.Assembly;

/// <summary>
/// Sentences of the classes the twenty-sixth accuracy pass fixed (docs/ACCURACY.md): each class failed on the build before it.
/// </summary>
public class TwentySixthPassTests
{
    private static ExtractionResult Run(string text, string lang, string published) => PipelineRun.Of(text, lang, published);

    [Theory]
    [InlineData("fr", "Mardi, les talibans ont pris le contrôle de la base de Chenaya, dans la province de Faryab, a indiqué l'armée. « C'est une tragédie que la base soit tombée aux mains des ennemis », a-t-il dit.")]
    [InlineData("en", "On Tuesday the Taliban took control of the Chenaya base in Faryab province, the army said. \"It is a tragedy that the base fell into enemy hands,\" he said.")]
    public void TakingRestatedWithNoTaker_KeepsTheSubtypeItsTakerDecided(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2018-08").Events);
        Assert.Equal(EventSubtype.NonStateActorOvertakesTerritory, e.Subtype);
        Assert.Equal("Taliban", e.Actor1?.Name);
    }

    [Theory]
    [InlineData("fr", "La base de Chenaya est tombée aux mains des talibans mardi, dans la province de Faryab.")]
    [InlineData("en", "The district of Ghormach fell to the Taliban on Tuesday.")]
    [InlineData("en", "The town of Ghormach fell into the hands of the Taliban on Tuesday.")]
    public void PlaceFallenIntoTheHandsOfAGroup_HasThatGroupForTaker(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2018-08").Events);
        Assert.Equal(EventSubtype.NonStateActorOvertakesTerritory, e.Subtype);
        Assert.Equal("Taliban", e.Actor1?.Name);
    }

    [Theory]
    [InlineData("en", "A ballistic missile launched by Houthi rebels struck a house in Marib on Thursday, killing at least 13 civilians. The missile attack came after the coalition announced that 95 Houthi rebels had been killed in operations carried out on Thursday in Marib.", 13)]
    [InlineData("fr", "Un missile balistique tiré par les rebelles houthis a frappé une maison à Marib jeudi, tuant au moins 13 civils. La coalition a annoncé que 95 rebelles houthis avaient été tués jeudi lors d'opérations à Marib.", 13)]
    public void StrikeByAGroup_DoesNotCountThatGroupsDeadToldForItsPlace(string lang, string text, int fatalities)
    {
        var r = Run(text, lang, "2021-10");
        var e = Assert.Single(r.Events, e => e.Type == EventType.ExplosionsRemoteViolence);
        Assert.Equal(fatalities, e.Fatalities);
    }

    [Theory]
    [InlineData("fr", "Quatorze soldats ont été tués lundi dans une attaque contre le détachement militaire de Yirgou, a indiqué le ministère de la Défense dans un nouveau bilan. L'armée avait dans un premier temps évoqué un bilan de neuf soldats tués et cinq blessés.")]
    [InlineData("en", "Fourteen soldiers were killed on Monday in an attack on the army post of Yirgou, the defence ministry said in a new toll. The army had at first reported a toll of nine soldiers killed and five wounded.")]
    public void TollGivenAtFirst_GivesWayToTheNewOne(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2019-01").Events);
        Assert.Equal("Yirgou", e.Location?.Name);
        Assert.Equal(14, e.Fatalities);
    }

    [Theory]
    [InlineData("en", "Ten troops and 11 enemy fighters were killed in the operation launched against gangs in the Maradi region on Saturday.")]
    [InlineData("fr", "Dix soldats et onze assaillants ont été tués samedi lors de l'opération contre des bandits dans la région de Maradi.")]
    public void DeadOfTheOperation_AreABattle(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2018-12").Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
        Assert.Equal(21, e.Fatalities);
    }

    [Theory]
    [InlineData("en", "Report: IS attack on Iraqi village leaves 12 dead")]
    public void NewsroomLabelBeforeAHeadlinesColon_IsNoPlace(string lang, string text)
    {
        var r = Run(text, lang, "2020-05");
        Assert.DoesNotContain(r.Events, e => e.Location?.Name == "Report");
        Assert.DoesNotContain(r.CasualtyReports, c => c.Area?.Name == "Report");
    }

    [Theory]
    [InlineData("en", "Five civilians in the village of Kulias in Bokkos local government area were on Sunday killed by gunmen.")]
    [InlineData("fr", "Cinq civils du village de Kulias, dans la zone de gouvernement local de Bokkos, dans l'Etat du Plateau, ont été tués dimanche soir par des hommes armés.")]
    public void PlaceWordsBetweenTheCountedPeopleAndTheirVerb_DoNotPartThem(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2022-10").Events);
        Assert.Equal(5, e.Fatalities);
    }

    [Fact]
    public void VillageHeadsCountedBesideVillagers_AddUp()
    {
        var e = Assert.Single(Run("Two village heads and four villagers were killed by gunmen on Sunday night in Bokkos, Plateau State.", "en", "2022-10").Events);
        Assert.Equal(6, e.Fatalities);
    }

    [Theory]
    [InlineData("en", "Two Armenian soldiers died early on Friday amid continuing ceasefire violations reported from the line of contact around Nagorno-Karabakh.")]
    [InlineData("fr", "Deux soldats arméniens sont morts vendredi lors de violations du cessez-le-feu sur la ligne de contact au Nagorny Karabakh.")]
    public void CeasefireViolations_AreFightingNotAnAgreement(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2016-06").Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
    }

    [Theory]
    [InlineData("en", "Gunmen kill 100 villagers during raids across Burkina Faso. No fewer than 100 villagers have been killed during gunmen attacks across Seytenga village. The assault happened in borderlands where militants linked to al Qaeda and Islamic State are waging an insurgency.")]
    [InlineData("fr", "Au moins 100 villageois ont été tués lors d'attaques d'hommes armés à Seytenga. L'attaque a eu lieu dans une zone frontalière où des jihadistes liés à Al-Qaïda et à l'Etat islamique mènent une insurrection.")]
    public void ArmedGroupOfAClauseAboutThePlace_IsNoTargetOfTheEvent(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2022-06").Events);
        Assert.Equal(EventSubtype.Attack, e.Subtype);
        Assert.Equal(ActorKind.Civilians, e.Actor2?.Kind);
        Assert.Equal(100, e.Fatalities);
    }

    [Theory]
    [InlineData("fr", "Nouvelle attaque au Niger où douze civils sont morts dans le village de Nguigmi.")]
    [InlineData("en", "A massacre of nine civilians, where Russian warplanes bombed Kafr Noran town in the western countryside of Aleppo.")]
    public void ClauseAfterWhereThatTellsTheEvent_KeepsItsPeople(string lang, string text)
    {
        var r = Run(text, lang, "2022-06");
        Assert.Contains(r.Events, e => e.Actor1?.Kind == ActorKind.StateForces || e.Actor2?.Kind == ActorKind.Civilians);
    }

    [Theory]
    [InlineData("fr", "Trois soldats et deux civils ont été tués vendredi aux Philippines lors d'une attaque menée contre une unité antiterroriste sur l'île de Jolo.")]
    [InlineData("en", "The attack on five army checkpoints along the Arish-Rafah road in North Sinai has left 22 dead, including 18 soldiers and four civilians, a medical source said.")]
    public void CiviliansCountedAmongTheDeadOfAFightWithForces_AreNotItsDoer(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2019-06").Events);
        Assert.Equal(EventType.Battles, e.Type);
        Assert.NotEqual(ActorKind.Civilians, e.Actor1?.Kind);
        Assert.Equal(ActorKind.StateForces, e.Actor2?.Kind);
    }

    [Theory]
    [InlineData("Two Armenian and two Azerbaijani soldiers were killed on Friday in Nagorno-Karabakh.", 4)]
    [InlineData("Five Nigerien and five Nigerian troops were killed in the operation against gangs in the Maradi region on Saturday.", 10)]
    public void PeoplesAdjectivesSharingOneNoun_CountTogether(string text, int fatalities)
    {
        var e = Assert.Single(Run(text, "en", "2018-12").Events);
        Assert.Equal(fatalities, e.Fatalities);
    }

    [Fact]
    public void CountOfAPeoplesAdjectiveAfterACountedNoun_SharesThatNoun()
    {
        var e = Assert.Single(Run("Deux soldats arméniens et deux azerbaïdjanais ont été tués vendredi au Nagorny Karabakh.", "fr", "2016-06").Events);
        Assert.Equal(4, e.Fatalities);
    }

    [Theory]
    [InlineData("Five Turkish soldiers were killed on Monday in the southeastern province of Hakkari, Turkey.", VictimGroup.GovernmentForces)]
    [InlineData("Three Turkish soldiers were killed on Monday in an attack near Afrin, in northern Syria.", VictimGroup.ForeignForces)]
    [InlineData("Five Russian soldiers were killed on Monday in the Belgorod region.", VictimGroup.GovernmentForces)]
    [InlineData("Five Russian soldiers were killed on Monday near Bakhmut, in eastern Ukraine.", VictimGroup.ForeignForces)]
    public void SoldiersOfAState_AreForcesAbroadOnlyWhereTheTextPlacesThemAbroad(string text, VictimGroup group)
    {
        var r = Run(text, "en", "2019-06");
        var figure = Assert.Single(r.CasualtyReports.SelectMany(c => c.Figures));
        Assert.Equal(group, figure.Group);
    }

    [Theory]
    [InlineData("fr", "Au moins huit personnes, dont des policiers, ont été tuées vendredi soir dans l'attaque d'un bus par des shebab dans le comté de Wajir. Les comtés de Wajir et Mandera, frontaliers de la Somalie, sont souvent le théâtre d'attaques surprise des shebab, notamment contre les forces de sécurité.")]
    [InlineData("en", "At least eight people, including police officers, were killed on Friday evening in an attack on a bus by al-Shabaab in Wajir county. The counties of Wajir and Mandera, on the Somali border, are often the scene of surprise attacks by al-Shabaab, mostly against the security forces.")]
    public void HabitualAttacksInAListOfPlaces_DoNotTakeTheTollOfTheDaysAttack(string lang, string text)
    {
        var e = Assert.Single(Run(text, lang, "2019-02").Events, e => e.Location?.Name == "Wajir");
        Assert.Equal(8, e.Fatalities);
    }
}
