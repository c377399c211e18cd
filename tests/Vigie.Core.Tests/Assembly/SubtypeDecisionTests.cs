using Vigie.Composition;
using Vigie.Extraction.Assembly;
using Vigie.Model;

namespace Vigie.Tests.Assembly;

/// <summary>
/// The subtype of an event as one scored decision (<see cref="SubtypeDecision"/>): each event records its candidates, their
/// evidence and the rule that made the winner win; a suicide bombing followed by a gun battle is two events. Sentences written
/// for these tests.
/// </summary>
public class SubtypeDecisionTests
{
    private static readonly Vigie.Pipeline.Pipeline Pipeline = PipelineFactory.Create();

    private static (Document Doc, ExtractionResult Result) Run(string text, string lang, string published = "2024-03-05")
    {
        var doc = new Document("t", text) { Language = lang, Published = PartialDate.Parse(published) };
        Pipeline.Run(doc);
        return (doc, ExtractionResult.For(doc));
    }

    private static string At(Document doc, TextSpan s) => doc.Text[s.Start..s.End];

    private static SubtypeChoice ChoiceOf(ExtractionResult r, EventSubtype subtype)
    {
        Assert.Equal(r.Events.Count, r.SubtypeChoices.Count);
        var i = r.Events.FindIndex(e => e.Subtype == subtype);
        Assert.True(i >= 0, $"no {subtype} event among {string.Join(", ", r.Events.Select(e => e.Subtype))}");
        return r.SubtypeChoices[i];
    }

    [Theory]
    [InlineData("fr", "Dimanche, les forces mozambicaines ont attaqué une base terroriste dans le district de Macomia et abattu dix terroristes.")]
    [InlineData("en", "On Sunday Mozambican forces raided a militant hideout near Macomia and shot dead ten insurgents.")]
    public void ForcesKillingFightersOfAnArmedGroup_IsOneArmedClash(string lang, string text)
    {
        var (_, r) = Run(text, lang, "2021-12-07");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
    }

    [Theory]
    [InlineData("fr", "Des avions de combat ont bombardé lundi le marché de Maarat al-Numan, tuant neuf civils.")]
    [InlineData("fr", "Des hommes armés ont attaqué lundi des soldats à Ménaka, tuant trois militaires.")]
    [InlineData("fr", "Des centaines de manifestants ont défilé samedi à Dakar contre la vie chère et la police a arrêté douze personnes.")]
    [InlineData("en", "Police fired tear gas on Saturday at hundreds of protesters marching in Nairobi against new taxes.")]
    [InlineData("en", "Soldiers defused a roadside bomb on Monday near Marka, the army said.")]
    public void EveryEvent_RecordsAWinnerEqualToItsSubtype_WithEvidenceInTheText(string lang, string text)
    {
        var (doc, r) = Run(text, lang);
        Assert.NotEmpty(r.Events);
        Assert.Equal(r.Events.Count, r.SubtypeChoices.Count);
        for (var i = 0; i < r.Events.Count; i++)
        {
            var c = r.SubtypeChoices[i];
            Assert.Equal(r.Events[i].Subtype, c.Winner);
            Assert.Contains(c.Candidates, k => k.Subtype == c.Winner && k.Rule == c.Rule);
            // the winner has the highest weight of all candidates
            Assert.Equal(c.Candidates.Max(k => k.Weight), c.Weight);
            Assert.All(c.Candidates, k => Assert.All(k.Evidence, s => Assert.InRange(s.End, s.Start + 1, doc.Text.Length)));
        }
    }

    [Fact]
    public void AircraftInTheSentence_TurnsShellingIntoAnAirStrike_ByTheLexiconsCondition()
    {
        var (doc, r) = Run("Des avions de combat ont bombardé lundi le marché de Maarat al-Numan, tuant neuf civils.", "fr");
        var c = ChoiceOf(r, EventSubtype.AirDroneStrike);
        Assert.Equal(SubtypeDecision.ConditionPrefix + "air", c.Rule);
        var lost = Assert.Single(c.Candidates, k => k.Subtype == EventSubtype.ShellingArtilleryMissileAttack);
        Assert.StartsWith(SubtypeDecision.TriggerWord, lost.Rule);
        Assert.Equal("bombardé", At(doc, lost.Evidence[0]));
        var won = Assert.Single(c.Candidates, k => k.Rule == c.Rule);
        Assert.Equal("avions", At(doc, won.Evidence[0]));
    }

    [Fact]
    public void UmbrellaWordOnSoldiers_IsAnArmedClash_ByItsTarget()
    {
        var (doc, r) = Run("Des hommes armés ont attaqué lundi des soldats à Ménaka, tuant trois militaires.", "fr");
        var c = ChoiceOf(r, EventSubtype.ArmedClash);
        Assert.Equal(SubtypeDecision.TargetForces, c.Rule);
        Assert.Contains(c.Candidates, k => k.Subtype == EventSubtype.Attack && k.Rule.StartsWith(SubtypeDecision.TriggerWord));
        var won = Assert.Single(c.Candidates, k => k.Rule == c.Rule);
        Assert.Contains(won.Evidence, s => At(doc, s) == "trois militaires");
        // the lexicon's condition (an armed target after the word) is recorded with the words that made it hold
        var condition = Assert.Single(c.Candidates, k => k.Rule == SubtypeDecision.ConditionPrefix + "armed_target");
        Assert.Equal("soldats", At(doc, condition.Evidence[0]));
    }

    [Fact]
    public void UmbrellaWordWithNothingOfItsTargetOrDoers_KeepsItsDefault_ByANamedRule()
    {
        var (_, r) = Run("Une violente attaque a eu lieu mardi soir à Ménaka, selon une source locale.", "fr");
        var c = ChoiceOf(r, EventSubtype.Attack);
        Assert.Equal(SubtypeDecision.UmbrellaDefault, c.Rule);
        Assert.DoesNotContain(c.Candidates, k => k.Rule is SubtypeDecision.TargetForces or SubtypeDecision.TargetCivilians);
    }

    [Fact]
    public void ArrestsToldWithAPeacefulProtest_MakeItAProtestWithIntervention_AndNoArrestEvent()
    {
        var (doc, r) = Run("Des centaines de manifestants ont défilé samedi à Dakar contre la vie chère et la police a arrêté douze personnes.", "fr");
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.ProtestWithIntervention, e.Subtype);
        var c = r.SubtypeChoices[0];
        Assert.Equal(SubtypeDecision.ProtestWithArrests, c.Rule);
        Assert.Contains(c.Candidates, k => k.Subtype == EventSubtype.PeacefulProtest && k.Weight < c.Weight);
        Assert.Contains(c.Candidates.Single(k => k.Rule == c.Rule).Evidence, s => At(doc, s) == "arrêté");
    }

    [Fact]
    public void ForcesKillingProtesters_IsExcessiveForce_WithForcesAndProtestersAsEvidence()
    {
        var (doc, r) = Run("Les forces de sécurité ont tué deux manifestants mardi lors d'une manifestation à Conakry.", "fr");
        var c = ChoiceOf(r, EventSubtype.ExcessiveForceAgainstProtesters);
        Assert.Equal(SubtypeDecision.ForceOnProtesters, c.Rule);
        var spans = c.Candidates.Single(k => k.Rule == c.Rule).Evidence.Select(s => At(doc, s)).ToList();
        Assert.Contains("forces de sécurité", spans);
        Assert.Contains("manifestants", spans);
    }

    [Theory]
    [InlineData("fr", "Des manifestations contre le pouvoir ont eu lieu mardi dans plusieurs villes. À Bouaflé, un jeune homme a été tué mardi lors de heurts avec les forces de l'ordre, selon le maire.")]
    [InlineData("en", "Protests against the fuel price rise spread on Tuesday. In Kisumu, one man died on Tuesday in clashes with police, the governor said.")]
    public void ClashWithTheStatesForces_InAStoryOfProtests_IsAViolentDemonstration(string lang, string text)
    {
        var (_, r) = Run(text, lang);
        Assert.Contains(r.Events, e => e.Subtype == EventSubtype.ViolentDemonstration);
        Assert.DoesNotContain(r.Events, e => e.Subtype == EventSubtype.ArmedClash);
    }

    [Theory]
    [InlineData("fr", "Des manifestations ont eu lieu mardi dans la capitale. Dans le nord, des affrontements ont opposé mardi l'armée aux rebelles du M23 près de Rutshuru.")]
    [InlineData("fr", "Des manifestants ont défilé mardi à Tripoli. Des heurts ont éclaté mardi soir entre deux milices dans le centre de Tripoli.")]
    public void ClashWithAnArmedGroupOrWithoutTheStatesForces_StaysABattle(string lang, string text)
    {
        var (_, r) = Run(text, lang);
        Assert.Contains(r.Events, e => e.Subtype == EventSubtype.ArmedClash);
    }

    [Fact]
    public void DefusedBomb_IsDisruptedWeaponsUse_AndTheBombIsALosingCandidate()
    {
        var (doc, r) = Run("Les soldats ont désamorcé mardi une bombe artisanale sur la route de Gao.", "fr");
        Assert.DoesNotContain(r.Events, e => e.Type == EventType.ExplosionsRemoteViolence);
        var c = ChoiceOf(r, EventSubtype.DisruptedWeaponsUse);
        var lost = Assert.Single(c.Candidates, k => k.Rule == SubtypeDecision.DisruptedAbsorbsExplosion);
        Assert.Equal(EventSubtype.RemoteExplosiveLandmineIed, lost.Subtype);
        Assert.True(lost.Weight < c.Weight);
        Assert.Equal("bombe artisanale", At(doc, lost.Evidence[0]));
    }

    [Theory]
    [InlineData("fr", "Un kamikaze s'est fait exploser mardi à l'entrée du camp militaire de Gao, puis des hommes armés ont attaqué les soldats.", "Gao", "puis")]
    [InlineData("en", "A suicide bomber blew himself up at the gate of an army base in Marka on Tuesday before gunmen attacked the soldiers guarding it.", "Marka", "before")]
    [InlineData("fr", "Un kamikaze a fait exploser sa voiture piégée mardi devant la base militaire de Kidal. Des assaillants ont ensuite attaqué les soldats pendant plusieurs heures.", "Kidal", "ensuite")]
    [InlineData("en", "A suicide bomber rammed a car packed with explosives into the gate of an army base in Marka on Tuesday. Gunmen then attacked the soldiers inside.", "Marka", "then")]
    public void SuicideBombingFollowedByAnAttackOnSoldiers_IsASuicideBombAndAnArmedClash(string lang, string text, string place, string sequel)
    {
        var (doc, r) = Run(text, lang);
        var bomb = Assert.Single(r.Events, e => e.Subtype == EventSubtype.SuicideBomb);
        var clash = Assert.Single(r.Events, e => e.Subtype == EventSubtype.ArmedClash);
        Assert.Equal(place, bomb.Location?.Name);
        Assert.Equal(place, clash.Location?.Name);
        Assert.Equal(bomb.Date, clash.Date);
        var also = Assert.Single(ChoiceOf(r, EventSubtype.ArmedClash).AlsoCoded);
        Assert.Equal(EventSubtype.SuicideBomb, also.Subtype);
        Assert.Equal(SubtypeDecision.SuicideBombThenClash, also.Rule);
        Assert.Contains(also.Evidence, s => At(doc, s) == sequel);
    }

    [Theory]
    [InlineData("fr", "Un kamikaze a attaqué mardi le camp militaire de Gao en se faisant exploser.")]
    [InlineData("en", "A suicide bomber attacked an army base in Marka on Tuesday, blowing himself up at the gate.")]
    public void SuicideBomberWhoseAttackIsTheBombing_IsOneEvent(string lang, string text)
    {
        var (_, r) = Run(text, lang);
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.SuicideBomb, e.Subtype);
        Assert.Empty(r.SubtypeChoices[0].AlsoCoded);
    }

    [Fact]
    public void Explain_NamesEachEventsWinnerRuleAndQuotesItsEvidence()
    {
        var (doc, _) = Run("Des avions de combat ont bombardé lundi le marché de Maarat al-Numan, tuant neuf civils.", "fr");
        var block = Assert.Single(SubtypeDecision.Explain(doc));
        Assert.StartsWith("t event 1: air_drone_strike (", block);
        Assert.Contains("chosen by condition:air", block);
        Assert.Contains("* air_drone_strike <- condition:air", block);
        Assert.Contains("- shelling_artillery_missile_attack <- trigger-word", block);
        Assert.Contains("\"avions\" [4,10]", block);
    }
    [Theory]
    [InlineData("en", "Al-Shabaab fighters took control of Bardere on Friday with no resistance, residents said.", "with no resistance")]
    [InlineData("fr", "Les rebelles ont pris jeudi le contrôle de Bunia sans rencontrer aucune résistance, selon des habitants.", "sans rencontrer aucune résistance")]
    public void TakingToldAsMadeWithoutFighting_IsANonViolentTransfer(string lang, string text, string calm)
    {
        var (doc, r) = Run(text, lang);
        var e = Assert.Single(r.Events);
        Assert.Equal(EventSubtype.NonViolentTransferOfTerritory, e.Subtype);
        var c = r.SubtypeChoices[0];
        Assert.Equal(SubtypeDecision.TakenWithoutFight, c.Rule);
        Assert.Contains(c.Candidates, k => k.Rule == SubtypeDecision.TakenWithoutFight && k.Evidence.Any(s => At(doc, s) == calm));
        // the taking word lost to it
        Assert.Contains(c.Candidates, k => k.Subtype is EventSubtype.NonStateActorOvertakesTerritory or EventSubtype.GovernmentRegainsTerritory);
    }

    [Fact]
    public void TakingAfterAWithdrawal_IsANonViolentTransfer()
    {
        // ACLED: control acquired without a violent interaction, as when the other side pulled out first
        var (_, r) = Run("Al-Shabaab fighters took control of Bardere on Friday after the army withdrew, residents said.", "en");
        Assert.Contains(r.Events, e => e.Subtype == EventSubtype.NonViolentTransferOfTerritory);
        Assert.DoesNotContain(r.Events, e => e.Subtype == EventSubtype.NonStateActorOvertakesTerritory);
    }

    [Fact]
    public void TakingWonByFighting_StaysATaking()
    {
        var (_, r) = Run("Al-Shabaab fighters overran Bardere on Friday after hours of heavy fighting with the army, residents said.", "en");
        Assert.Contains(r.Events, e => e.Subtype == EventSubtype.NonStateActorOvertakesTerritory);
        Assert.DoesNotContain(r.Events, e => e.Subtype == EventSubtype.NonViolentTransferOfTerritory);
    }

    [Fact]
    public void RaidFollowedByAFightWord_IsAnArmedClash()
    {
        var (doc, r) = Run("Police raided a house in Quetta on Monday, triggering a shootout with the gunmen hiding inside.", "en");
        var c = ChoiceOf(r, EventSubtype.ArmedClash);
        Assert.Equal(SubtypeDecision.RaidMetByFight, c.Rule);
        Assert.Contains(c.Candidates, k => k.Rule == SubtypeDecision.RaidMetByFight && k.Evidence.Any(s => At(doc, s) == "shootout"));
        Assert.DoesNotContain(r.Events, e => e.Subtype == EventSubtype.Attack);
    }

    [Theory]
    [InlineData("en", "Soldiers and rebels clashed on Saturday in northern Mali, the army said.")]
    [InlineData("fr", "Des soldats et des rebelles se sont affrontés samedi dans le nord du Mali, selon l'armée.")]
    public void DocumentWithNoPublicationDay_KeepsTheAreaLevelNewsOfItsLede_Undated(string lang, string text)
    {
        var undated = new Document("t", text) { Language = lang };
        Pipeline.Run(undated);
        var e = Assert.Single(ExtractionResult.For(undated).Events);
        Assert.Equal(EventSubtype.ArmedClash, e.Subtype);
        Assert.Equal(3, e.Location!.Precision);
        Assert.Null(e.Date);
        // with a publication day the same text dates it
        var (_, dated) = Run(text, lang);
        Assert.NotNull(Assert.Single(dated.Events).Date);
    }
    [Theory]
    [InlineData("en", "The Colombian government and the ELN guerrilla signed a ceasefire on Friday, the negotiators said.", EventSubtype.Agreement)]
    [InlineData("fr", "Le gouvernement colombien et la guérilla de l'ELN ont signé vendredi un cessez-le-feu, selon les négociateurs.", EventSubtype.Agreement)]
    [InlineData("en", "Militiamen in Ituri announced on Friday the creation of a new armed group.", EventSubtype.ChangeToGroupActivity)]
    public void DevelopmentInADocumentWithNoPublicationDay_IsDatedByItsOwnWeekday_AndKept(string lang, string text, EventSubtype subtype)
    {
        var undated = new Document("t", text) { Language = lang };
        Pipeline.Run(undated);
        var e = Assert.Single(ExtractionResult.For(undated).Events);
        Assert.Equal(subtype, e.Subtype);
        Assert.Null(e.Date);
    }
    [Theory]
    [InlineData("fr", "Des bandits armés ont tué dimanche dix-huit villageois dans l'État de Kaduna, dans le nord-ouest du Nigeria.", true)]
    [InlineData("fr", "Des hommes armés ont tué onze villageois dans la région de Ségou.", false)]
    [InlineData("en", "Bandits killed nine villagers in Katsina state on Sunday.", true)]
    public void CiviliansKilledByANamedArmedGroup_InAnUndatedText_AreAnAttack(string lang, string text, bool undated)
    {
        var doc = new Document("t", text) { Language = lang, Published = undated ? null : PartialDate.Parse("2024-03-05") };
        Pipeline.Run(doc);
        var e = Assert.Single(ExtractionResult.For(doc).Events);
        Assert.Equal(EventSubtype.Attack, e.Subtype);
        Assert.Equal(3, e.Location!.Precision);
        Assert.True(e.Fatalities > 0);
    }

    [Theory]
    [InlineData("en", "Russian shelling kills eight in Sumy: governor\nEight people were killed in new Russian shelling of Sumy on Friday, the regional governor said.\n"
        + "A five-month-old girl and her father were among the dead, he added. Nineteen civilians were injured.\n"
        + "The governor said the strikes hit three districts of the city near the border.\n"
        + "A reporter in the city saw smoke rising over a residential district and several wounded people near a closed shopping centre.\n"
        + "The mayor urged people to find shelter after the attack.\n"
        + "\"We will keep the trams running in Sumy, but we will open special areas where people can stay and shelter from bombing,\" the mayor said.",
        EventSubtype.ShellingArtilleryMissileAttack)]
    [InlineData("en", "A car bomb killed four people near the parliament in Mogadishu on Saturday, police said. The suicide bomber drove into a checkpoint.",
        EventSubtype.SuicideBomb)]
    public void AWordForAKindOfViolence_TellingNoEventOfItsOwn_RefinesOnlyANearbyEvent(string lang, string text, EventSubtype subtype)
    {
        var (_, r) = Run(text, lang);
        Assert.Equal(subtype, Assert.Single(r.Events).Subtype);
    }
}
