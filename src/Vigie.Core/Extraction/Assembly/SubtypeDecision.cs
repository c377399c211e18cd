using Vigie.Model;
using Vigie.Text;

namespace Vigie.Extraction.Assembly;

/// <summary>
/// What the assembly knows about one event mention when it chooses the subtype: its event word and the lexicon's
/// condition (read by <see cref="Finders.TriggerFinder"/> from the language's words), the target of an umbrella word,
/// the actors' kinds, a protest or a crowd met by force in the clause, and the neighbouring event words of its sentence.
/// Every fact carries the spans that support it.
/// </summary>
internal sealed class SubtypeFacts
{
    public required TriggerMention Trigger { get; init; }
    /// <summary>The event word is an umbrella word whose subtype follows its target ("attaque", "attack").</summary>
    public bool Generic { get; init; }
    /// <summary>Victims or tolls of the sentence that are state or foreign forces.</summary>
    public TextSpan? ForcesHit { get; init; }
    /// <summary>Victims or tolls of the sentence that are civilians.</summary>
    public TextSpan? CiviliansHit { get; init; }
    /// <summary>Armed men of no state killed in the sentence (the attackers fell: someone fought back).</summary>
    public TextSpan? AttackersHit { get; init; }
    public ActorKind? Actor1Kind { get; init; }
    public TextSpan? Actor1Span { get; init; }
    public ActorKind? Actor2Kind { get; init; }
    public TextSpan? Actor2Span { get; init; }
    /// <summary>A protest or riot word of the sentence when no armed group is named in it.</summary>
    public TextSpan? ProtestBeside { get; init; }
    /// <summary>State forces killing or wounding protesters in one clause: the forces and the protesters.</summary>
    public (TextSpan Force, TextSpan Crowd)? ForceOnProtesters { get; init; }
    /// <summary>What the sentence says happened to people (killed, injured, abducted, arrested…).</summary>
    public IReadOnlyList<OutcomeMention> Outcomes { get; init; } = [];
    /// <summary>The other event words of the sentence.</summary>
    public IReadOnlyList<TriggerMention> Neighbours { get; init; } = [];
    /// <summary>A civilian building the event word names as its place ("sont entrés dans le collège de Kagara"), if any.</summary>
    public TextSpan? EnteredBuilding { get; init; }
    /// <summary>The neighbours told in a contrasting clause after this event word ("… lors d'un raid, alors que les combats font
    /// rage dans la région"): background, not what the event met.</summary>
    public IReadOnlyList<TriggerMention> InContrastClause { get; init; } = [];
    /// <summary>Looting or destruction told in the same sentence as this protest (set by the sentence stage).</summary>
    public List<TextSpan> Looting { get; } = [];
    /// <summary>Arrests told in the same sentence as this protest (set by the sentence stage).</summary>
    public List<TextSpan> Arrests { get; } = [];
}

/// <summary>
/// The one decision of an event's ACLED subtype. Every rule that may speak proposes a candidate with its weight and
/// evidence; the candidate of highest weight wins and its rule is recorded as the reason (<see cref="SubtypeChoice"/>).
/// Rules are tried from the weakest to the strongest, and each reads the subtype the weaker ones left (the leader):
/// <list type="table">
/// <item><term>trigger-word (10)</term><description>the subtype of the lexicon row of the event word (lang/xx/triggers.tsv);
/// toll-at-place (10) for a killing at a place no event word took: the sentence's violent event word, else an attack
/// (civilians or people of no stated side) or an armed clash (forces).</description></item>
/// <item><term>condition:SET (20)</term><description>the row's condition held: a word of the context set SET in the sentence
/// (aircraft → air strike, a suicide bomber → suicide bomb, missiles → shelling, tear gas → protest with intervention, a
/// crowd → violent demonstration), an armed target after the word (attack → armed clash) or a non-state doer (a taking
/// by a group → non-state actor overtakes territory).</description></item>
/// <item><term>clash-at-protest (30)</term><description>an armed clash word in a sentence that tells a protest or riot and
/// names no armed group: the demonstration met by the forces (protest with intervention).</description></item>
/// <item><term>target-forces / target-civilians / actor2-forces (40)</term><description>an umbrella word ("attaque") is an
/// armed clash when forces are hit, an attack when civilians are, an armed clash when attackers of no state fell (attackers-killed),
/// else an armed clash when a fight word follows it in the sentence ("raided a hideout, triggering a shootout":
/// raid-met-by-fight) or when its second actor is armed forces;
/// umbrella-default (40) when nothing is told of its target or doers (the word's own subtype, a default).</description></item>
/// <item><term>force-on-protesters (50)</term><description>a protest word with state forces killing or wounding protesters in
/// the clause: excessive force against protesters.</description></item>
/// <item><term>territory-by-actor1 (60)</term><description>a territory change follows the kind of the one who takes it:
/// state forces regain, anyone else overtakes.</description></item>
/// <item><term>building-entered (61)</term><description>a taking whose place is a civilian building (function role
/// <c>civilian_building</c>: "sont entrés dans le collège de Kagara") with an attack, an abduction or a fight told in the sentence:
/// that act.</description></item>
/// <item><term>taken-without-fight (70)</term><description>a taking of territory told in a sentence that also says it was made
/// without fighting ("with no resistance", "sans rencontrer de résistance"): non-violent transfer of territory (a taking after a
/// withdrawal stays a taking).</description></item>
/// <item><term>protest-with-looting (70)</term><description>looting or property destruction told with a protest: violent
/// demonstration (the looting is that demonstration, not an event of its own).</description></item>
/// <item><term>protest-with-arrests (70)</term><description>arrests told with a peaceful protest: protest with intervention.</description></item>
/// </list>
/// Rules that work on the events of one sentence rather than on one mention (<see cref="Settle"/>): a weapon defused,
/// intercepted or seized is disrupted weapons use and the sentence's explosion words, or the umbrella word of the raid,
/// are that weapon (disrupted-weapon-absorbs-explosion); the umbrella word of a raid told with a rape is that sexual
/// violence (sexual-violence-absorbs-umbrella); a handover is the deal it follows (handover-absorbs-deal); a
/// mob's killing is not also an attack (mob-absorbs-killing) and, with no protest told, the crowd's arson is the mob's
/// (mob-arson, 70); state forces' shooting or killing told with a protest is excessive force (forces-shooting-at-protest,
/// 70); excessive force replaces the protest it met (force-absorbs-protest); a violent demonstration told with a protest
/// is that protest (protest-turned-violent, 70). The mentions so taken are recorded as losing candidates (weight 0) of
/// the event that took them. Also the forces' shooting that is the excessive force of its sentence (force-absorbs-shooting).
/// One incident is two events where the ACLED codebook says so: a suicide bombing followed by a gun battle is a suicide
/// bomb and an armed clash (two-events:suicide-bomb-then-clash, recorded in <see cref="SubtypeChoice.AlsoCoded"/>).
/// An umbrella word left at its default takes the subtype of the battle or attack an earlier sentence told that day at
/// that place (umbrella-is-earlier-event, 75, in <see cref="EventAssembler"/>'s merging). After merging, a more specific
/// mention of the same event wins (merge:more-specific, 80) and a subtype only a hedged mention gives yields to a reported
/// one (merge:reported-over-hedged, 90).
/// </summary>
public static class SubtypeDecision
{
    public const string TriggerWord = "trigger-word";
    public const string TollAtPlace = "toll-at-place";
    public const string ConditionPrefix = "condition:";
    public const string ClashAtProtest = "clash-at-protest";
    public const string TargetForces = "target-forces";
    public const string TargetCivilians = "target-civilians";
    public const string Actor2Forces = "actor2-forces";
    public const string UmbrellaDefault = "umbrella-default";
    public const string UmbrellaIsEarlierEvent = "umbrella-is-earlier-event";
    public const string AttackRestatedOnForces = "attack-restated-on-forces";
    public const string ForeignForcesTakeTerritory = "foreign-forces-take-territory";
    public const string ForceOnProtesters = "force-on-protesters";
    public const string TerritoryByActor1 = "territory-by-actor1";
    public const string BuildingEntered = "building-entered";
    public const string ProtestWithLooting = "protest-with-looting";
    public const string ProtestWithArrests = "protest-with-arrests";
    public const string DisruptedAbsorbsExplosion = "disrupted-weapon-absorbs-explosion";
    public const string ForceAbsorbsProtest = "force-absorbs-protest";
    public const string ForceAbsorbsShooting = "force-absorbs-shooting";
    public const string ViolenceAbsorbsProtest = "violent-demonstration-absorbs-protest";
    public const string ForcesShootingAtProtest = "forces-shooting-at-protest";
    public const string ProtestTurnedViolent = "protest-turned-violent";
    public const string ForceOnRioters = "force-on-rioters";
    public const string MobAbsorbsKilling = "mob-absorbs-killing";
    public const string MobArson = "mob-arson";
    public const string HandoverAbsorbsDeal = "handover-absorbs-deal";
    public const string StrikeAbsorbsUmbrella = "strike-absorbs-umbrella";
    public const string RapeAbsorbsUmbrella = "sexual-violence-absorbs-umbrella";
    public const string AttackersKilled = "attackers-killed";
    public const string ForcesKilledFighters = "forces-killed-fighters";
    public const string TakenWithoutFight = "taken-without-fight";
    public const string RaidMetByFight = "raid-met-by-fight";
    public const string RiotersAttack = "rioters-attack";
    public const string RaidForArrests = "raid-for-arrests";
    public const string ArrestsInBattle = "arrests-in-battle";
    public const string KilledWithDestruction = "civilians-killed-with-destruction";
    public const string KilledWithAbduction = "people-killed-with-abduction";
    public const string MergeMoreSpecific = "merge:more-specific";
    public const string MergeReportedOverHedged = "merge:reported-over-hedged";
    public const string SuicideBombThenClash = "two-events:suicide-bomb-then-clash";

    /// <summary>A mention of the sentence taken into another event (the explosion words of a disrupted weapon, the protest met by force): a candidate that loses.</summary>
    public const int AbsorbedWeight = 0;
    public const int TriggerWeight = 10, ConditionWeight = 20, ProtestClashWeight = 30, TargetWeight = 40, ForceWeight = 50,
        TerritoryWeight = 60, NeighbourWeight = 70, EarlierEventWeight = 75, MergeWeight = 80, HedgeWeight = 90;

    /// <summary>The subtype of one event mention from its facts, with every candidate and the winning rule.</summary>
    internal static SubtypeChoice Decide(SubtypeFacts f)
    {
        var t = f.Trigger;
        var c = new SubtypeChoice();
        RecordFacts(f, c.Facts);
        // a toll at a place with no event word of its own takes the sentence's event word, else the victims' side
        var first = t.Rule is EventAssembler.FigureRule or EventAssembler.DoerRule ? TollAtPlace + " (" + t.Rule + ")"
            : TriggerWord + (t.Rule.Length > 0 ? " (" + t.Rule + ")" : "");
        c.Propose(t.RowSubtype ?? t.Subtype, first, TriggerWeight, [t.Span]);
        if (t.ConditionSet is { } set)
            c.Propose(t.Subtype, ConditionPrefix + set, ConditionWeight, t.ConditionSpan is { } cs ? [cs] : [t.Span]);
        // "la manifestation a donné lieu à des heurts entre jeunes et forces de sécurité": clashes at a demonstration, with no
        // armed group named, are the demonstration meeting the forces, not a battle
        if (c.Winner == EventSubtype.ArmedClash && f.ProtestBeside is { } protest)
            c.Propose(EventSubtype.ProtestWithIntervention, ClashAtProtest, ProtestClashWeight, [t.Span, protest]);
        // "les forces ont attaqué une base et abattu dix terroristes": a killing word whose only victims are fighters of an armed
        // group, done by a state's forces, is the fight between them (ACLED: armed clash), not an attack on civilians
        if (!f.Generic && c.Winner == EventSubtype.Attack && f.AttackersHit is { } fighters && f.CiviliansHit == null && f.ForcesHit == null
            && f.Actor1Kind is ActorKind.StateForces or ActorKind.ExternalForces)
            c.Propose(EventSubtype.ArmedClash, ForcesKilledFighters, TargetWeight, [t.Span, fighters]);
        // "attaque": armed clash when the target is armed forces, attack on civilians otherwise
        if (f.Generic && c.Winner is EventSubtype.Attack or EventSubtype.ArmedClash)
        {
            if (f.ForcesHit is { } forces) c.Propose(EventSubtype.ArmedClash, TargetForces, TargetWeight, [t.Span, forces]);
            else if (f.CiviliansHit is { } civilians) c.Propose(EventSubtype.Attack, TargetCivilians, TargetWeight, [t.Span, civilians]);
            // "une tentative d'attaque a été repoussée, huit terroristes tués": the attackers fell, so it was fought: a battle
            else if (f.AttackersHit is { } attackers) c.Propose(EventSubtype.ArmedClash, AttackersKilled, TargetWeight, [t.Span, attackers]);
            // "raided a hideout, triggering a shootout": a fight word after the raid tells who it met
            else if (f.Neighbours.FirstOrDefault(n => n.Subtype == EventSubtype.ArmedClash && !n.TargetDependent && n.Span.Start > t.Span.Start
                         && !f.InContrastClause.Contains(n)) is { } fight)
                c.Propose(EventSubtype.ArmedClash, RaidMetByFight, TargetWeight, [t.Span, fight.Span]);
            // (an armed group as the target is fought too: "L'armée a attaqué des jihadistes", "troops raided militants")
            else if (f.Actor2Kind is ActorKind.StateForces or ActorKind.ExternalForces
                     || (f.Actor2Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia && f.Actor1Kind is ActorKind.StateForces or ActorKind.ExternalForces))
                c.Propose(EventSubtype.ArmedClash, Actor2Forces, TargetWeight, f.Actor2Span is { } a2 ? [t.Span, a2] : [t.Span]);
            // nothing told of its target or doers: the word's default, which an attack told earlier that day may replace
            else if (f.Actor1Kind == null && f.Actor2Kind == null) c.Propose(c.Winner, UmbrellaDefault, TargetWeight, [t.Span]);
        }
        // "cinq policiers ont été tués par des hommes armés": a killing whose only victims are armed forces is a battle, not
        // violence against civilians (ACLED: civilians are the victims of an attack)
        // (the event word is the killing itself, "tués par des hommes armés", and its victims are told before it)
        else if (c.Winner == EventSubtype.Attack && f.ForcesHit is { } hit && f.CiviliansHit == null && hit.End <= t.Span.Start
                 && f.Outcomes.Any(o => o.Outcome == Outcome.Killed && t.Span.Contains(o.Span)))
            c.Propose(EventSubtype.ArmedClash, TargetForces, TargetWeight, [t.Span, hit]);
        // "ces civils ont été tués dans six villages … et plusieurs maisons brûlées": destruction told with civilians killed and no
        // other event word is an attack on them (ACLED: the killing decides; the burning is part of it)
        if (c.Winner == EventSubtype.LootingPropertyDestruction && f.CiviliansHit is { } killed && f.ForceOnProtesters == null
            && f.Outcomes.FirstOrDefault(o => o.Outcome == Outcome.Killed) is { } death && f.Actor1Kind is not (ActorKind.Rioters or ActorKind.Protesters)
            && !f.Neighbours.Any(n => Taxonomy.TypeOf(n.Subtype) is EventType.Protests or EventType.Riots))
            c.Propose(EventSubtype.Attack, KilledWithDestruction, TargetWeight, [t.Span, killed, death.Span]);
        // "Gunmen killed at least two people and abducted over 100 others", "ont enlevé un berger et tué un autre": people killed in
        // the abduction's sentence make it an attack on them (ACLED: the killing decides; the abductions are part of it)
        if (c.Winner == EventSubtype.AbductionForcedDisappearance && f.ForcesHit == null && f.ForceOnProtesters == null
            && f.Outcomes.FirstOrDefault(o => o.Outcome == Outcome.Killed && !t.Span.Contains(o.Span)) is { } slain
            && f.Actor1Kind is not (ActorKind.Rioters or ActorKind.Protesters or ActorKind.StateForces or ActorKind.ExternalForces))
            c.Propose(EventSubtype.Attack, KilledWithAbduction, TargetWeight, [t.Span, slain.Span]);
        // "a mob gathered and attacked a wedding reception": violence by a crowd with no protest or riot told beside it is mob
        // violence (ACLED: rioters attacking civilians outside a demonstration)
        if (c.Winner == EventSubtype.Attack && f.Actor1Kind == ActorKind.Rioters && f.ProtestBeside == null
            && !f.Neighbours.Any(n => Taxonomy.TypeOf(n.Subtype) == EventType.Protests || n.Subtype == EventSubtype.ViolentDemonstration))
            c.Propose(EventSubtype.MobViolence, RiotersAttack, ForceWeight, f.Actor1Span is { } ra ? [t.Span, ra] : [t.Span]);
        // "les forces de sécurité ont tué deux manifestants": protesters killed or wounded by state forces
        if (Taxonomy.TypeOf(c.Winner) == EventType.Protests && c.Winner != EventSubtype.ExcessiveForceAgainstProtesters
            && f.ForceOnProtesters is var (force, crowd))
            c.Propose(EventSubtype.ExcessiveForceAgainstProtesters, ForceOnProtesters, ForceWeight, [t.Span, force, crowd]);
        if (Taxonomy.IsTerritoryChange(c.Winner) && f.Actor1Kind is { } k1)
            c.Propose(k1 == ActorKind.StateForces ? EventSubtype.GovernmentRegainsTerritory : EventSubtype.NonStateActorOvertakesTerritory,
                TerritoryByActor1, TerritoryWeight, f.Actor1Span is { } a1 ? [t.Span, a1] : [t.Span]);
        // "Des bandits sont entrés dans le collège de Kagara et ont enlevé des centaines d'élèves": a school, a hotel or a house entered
        // is no territory; the act told with the entry is the event (ACLED: the abduction or the attack)
        if (Taxonomy.IsTerritoryChange(c.Winner) && f.EnteredBuilding is { } building
            && f.Neighbours.FirstOrDefault(n => Taxonomy.TypeOf(n.Subtype) is EventType.ViolenceAgainstCivilians or EventType.Battles
                                                && !Taxonomy.IsTerritoryChange(n.Subtype)) is { } act)
            c.Propose(act.Subtype, BuildingEntered, TerritoryWeight + 1, [t.Span, building, act.Span]);
        // "seized the town with no resistance", "a pris la ville sans rencontrer de résistance": a taking the sentence tells
        // as made without fighting is a non-violent transfer of territory (ACLED: territory acquired without violent interaction)
        if (Taxonomy.IsTerritoryChange(c.Winner)
            && f.Neighbours.FirstOrDefault(n => n.Subtype == EventSubtype.NonViolentTransferOfTerritory) is { } calm)
            c.Propose(EventSubtype.NonViolentTransferOfTerritory, TakenWithoutFight, NeighbourWeight, [t.Span, calm.Span]);
        // the sentence's neighbours: looting makes the protest violent, arrests make a peaceful protest one with intervention
        if (f.Looting.Count > 0) c.Propose(EventSubtype.ViolentDemonstration, ProtestWithLooting, NeighbourWeight, [t.Span, .. f.Looting]);
        else if (f.Arrests.Count > 0 && c.Winner == EventSubtype.PeacefulProtest)
            c.Propose(EventSubtype.ProtestWithIntervention, ProtestWithArrests, NeighbourWeight, [t.Span, .. f.Arrests]);
        return c;
    }

    private static void RecordFacts(SubtypeFacts f, List<SubtypeFact> facts)
    {
        if (f.Actor1Kind is { } k1) facts.Add(new SubtypeFact("actor1", Snake(k1), f.Actor1Span));
        if (f.Actor2Kind is { } k2) facts.Add(new SubtypeFact("actor2", Snake(k2), f.Actor2Span));
        if (f.ForcesHit is { } fh) facts.Add(new SubtypeFact("target", "forces", fh));
        if (f.CiviliansHit is { } ch) facts.Add(new SubtypeFact("target", "civilians", ch));
        // each outcome once, at its first mention
        var told = 0;
        for (var i = 0; i < f.Outcomes.Count; i++)
        {
            var o = f.Outcomes[i];
            if ((told & (1 << (int)o.Outcome)) != 0) continue;
            told |= 1 << (int)o.Outcome;
            facts.Add(new SubtypeFact("outcome", Snake(o.Outcome), o.Span));
        }
        if (f.ForceOnProtesters is var (force, crowd))
        {
            facts.Add(new SubtypeFact("force by", "state_forces", force));
            facts.Add(new SubtypeFact("force on", "protesters", crowd));
        }
        foreach (var n in f.Neighbours) facts.Add(new SubtypeFact("sentence also tells", Snake(n.Subtype), n.Span));
    }

    /// <summary>
    /// The events of one sentence that tell one incident with neighbouring subtypes, by the ACLED codebook: a defused,
    /// intercepted or seized weapon is disrupted weapons use (the explosion words are that weapon); excessive force replaces
    /// the protest it met; arrests, looting or destruction told with a protest are its intervention or its violence. Returns
    /// the mentions that remain; the others are recorded as evidence of the event that took them.
    /// </summary>
    internal static List<EventAssembler.Draft> Settle(List<EventAssembler.Draft> drafts)
    {
        var drop = new HashSet<EventAssembler.Draft>();
        foreach (var group in drafts.Where(d => !d.Negated).GroupBy(d => d.Sentences.Min()))
        {
            var ds = group.ToList();
            bool Has(EventSubtype st) => ds.Any(d => d.Subtype == st && !d.Generic);
            if (Has(EventSubtype.DisruptedWeaponsUse))
            {
                // …and so is the umbrella word of the raid it was seized in ("seized a cache of weapons during a raid")
                var explosions = ds.Where(d => (d.Type == EventType.ExplosionsRemoteViolence || (d.Generic && d.Subtype is EventSubtype.Attack or EventSubtype.ArmedClash))
                                               && !d.FigureBased).ToList();
                foreach (var d in explosions) drop.Add(d);
                // the explosion words lose to the disrupted weapon: they are recorded as its candidates
                foreach (var d in ds.Where(d => d.Subtype == EventSubtype.DisruptedWeaponsUse && !d.Generic))
                    foreach (var e in explosions) d.Choice.Propose(e.Subtype, DisruptedAbsorbsExplosion, AbsorbedWeight, e.TypeEvidence);
            }
            // "a pris pour cible une caserne … avec des drones": the umbrella word of a sentence that names the weapon, at the
            // weapon's place (or at none), is that strike, not a battle or an attack of its own (the suicide bombing and the
            // clash that follows it stay two events)
            var strikes = ds.Where(d => d.Type == EventType.ExplosionsRemoteViolence && d.Subtype != EventSubtype.SuicideBomb
                                        && !d.Generic && !d.FigureBased && !drop.Contains(d)).ToList();
            foreach (var strike in strikes)
            {
                // (and so is a killing told by its own words, "Air strikes by the coalition killed 12 civilians": the strike's toll)
                var umbrellas = ds.Where(d => (d.Generic && d.Subtype is EventSubtype.Attack or EventSubtype.ArmedClash
                                               || d.Subtype == EventSubtype.Attack && d.Facts is { } kf && kf.Trigger.Span.Start > strike.TypeEvidence[0].Start
                                                  && kf.Outcomes.Any(o => o.Outcome is Outcome.Killed or Outcome.Injured && kf.Trigger.Span.Contains(o.Span)))
                    && !d.AfterSuicideBomb && !drop.Contains(d)
                    && (d.Location == null || d.Vague || EventAssembler.PlaceKey(d) == EventAssembler.PlaceKey(strike))).ToList();
                Absorb(ds, drop, strike.Subtype, umbrellas, StrikeAbsorbsUmbrella);
                // the verb of the clause says who struck whom ("le Hezbollah a pris pour cible une caserne israélienne avec des
                // drones"): its doer and target, rather than the weapon's guess
                if (umbrellas.FirstOrDefault(u => u.Actor1 != null) is { } verb)
                    (strike.Actor1, strike.Actor1Span, strike.Actor2, strike.Actor2Span) = (verb.Actor1, verb.Actor1Span, verb.Actor2, verb.Actor2Span);
            }
            // "during an attack on the village, soldiers raped two women": the umbrella word of the raid is the sexual violence
            // it tells (ACLED codes the rape), not a battle or an attack of its own
            if (Has(EventSubtype.SexualViolence))
            {
                var raids = ds.Where(d => d.Generic && d.Subtype is EventSubtype.Attack or EventSubtype.ArmedClash && !d.FigureBased && !drop.Contains(d)).ToList();
                Absorb(ds, drop, EventSubtype.SexualViolence, raids, RapeAbsorbsUmbrella);
                // …and keeps the place the raid's words named ("during an attack on a village in Koch, soldiers raped …")
                if (raids.FirstOrDefault(r => r.Location != null && !r.Vague) is { } placed)
                    foreach (var d in ds.Where(d => d.Subtype == EventSubtype.SexualViolence && !d.Generic && (d.Location == null || d.Vague)))
                        (d.Location, d.Place, d.Vague) = (placed.Location, placed.Place, false);
            }
            // "surrendered the town without a fight", "handed over … under the ceasefire deal": the territory changing hands
            if (Has(EventSubtype.NonViolentTransferOfTerritory)) Absorb(ds, drop, EventSubtype.NonViolentTransferOfTerritory,
                ds.Where(d => d.Subtype == EventSubtype.Agreement).ToList(), HandoverAbsorbsDeal);
            var anyProtest = ds.Any(d => d.Type == EventType.Protests);
            // "Israeli forces stormed the town of Silwad …, arresting at least 16 Palestinians": a raid by state forces that
            // kills and wounds no one and arrests people is the arrests (ACLED codes the arrest operation)
            if (Has(EventSubtype.Arrests) && !anyProtest)
            {
                // (or the umbrella word of the raids in which the state's forces made the arrests, whoever the sentence names beside them:
                // "Police arrested 35 people suspected of links to al-Shabaab in raids across Mombasa")
                var stateArrests = ds.Any(d => d.Subtype == EventSubtype.Arrests && d.Actor1?.Kind is ActorKind.StateForces or ActorKind.ExternalForces);
                var raids = ds.Where(d => (d.Subtype == EventSubtype.Attack || (d.Subtype == EventSubtype.ArmedClash && d.Generic)) && !d.FigureBased
                    && (d.Actor1?.Kind is ActorKind.StateForces or ActorKind.ExternalForces || stateArrests && d.Generic)
                    && d.Facts is { } rf && !rf.Outcomes.Any(o => o.Outcome is Outcome.Killed or Outcome.Injured)).ToList();
                Absorb(ds, drop, EventSubtype.Arrests, raids, RaidForArrests);
                // …at the town the raid named, when the arrest word named none of its own
                if (raids.FirstOrDefault(r => r.Location != null && !r.Vague) is { } raid)
                    foreach (var a in ds.Where(d => d.Subtype == EventSubtype.Arrests && (d.Location == null || d.Vague)))
                        (a.Location, a.Place, a.Vague) = (raid.Location, raid.Place, false);
            }
            // "killed two terrorists while two militants were apprehended in the operation": arrests made in a battle are part
            // of it (ACLED codes the battle)
            if (Has(EventSubtype.Arrests) && !anyProtest && ds.FirstOrDefault(d => d.Type == EventType.Battles && d.OwnTime && !d.Optional && !d.Weak && !d.Anaphoric && !drop.Contains(d)) is { } battle)
                Absorb(ds, drop, battle.Subtype, ds.Where(d => d.Subtype == EventSubtype.Arrests).ToList(), ArrestsInBattle);
            if (Has(EventSubtype.MobViolence))
            {
                // a crowd's killing of a person told with the crowd is mob violence, not an attack of its own
                var mob = ds.Where(d => d.Subtype == EventSubtype.MobViolence && !d.Generic).SelectMany(d => d.TypeEvidence).ToList();
                Absorb(ds, drop, EventSubtype.MobViolence, ds.Where(d => d.Subtype == EventSubtype.Attack
                    && d.Actor1?.Kind is not (ActorKind.StateForces or ActorKind.ExternalForces)).ToList(), MobAbsorbsKilling);
                // "a mob killed a student … and burned her body": with no protest told, the crowd's arson is the mob's violence
                if (!anyProtest)
                    foreach (var d in ds.Where(d => d.Subtype == EventSubtype.ViolentDemonstration))
                    {
                        d.Choice.Propose(EventSubtype.MobViolence, MobArson, NeighbourWeight, [.. d.TypeEvidence, .. mob]);
                        d.Subtype = d.Choice.Winner;
                    }
            }
            // a planned or hedged protest ("ahead of a planned march") is not the protest the arrests or the force met
            var protests = ds.Where(d => d.Type == EventType.Protests && d.Modality != Modality.Planned && !d.Hedged).ToList();
            if (protests.Count == 0) continue;
            // "police shot dead a man during a protest": state forces' shooting or killing told with the protest is the force
            // used on it (the forces actor1, the protesters actor2)
            var shooting = ds.Where(d => d.Subtype is EventSubtype.Attack or EventSubtype.ArmedClash
                                         && d.Actor1?.Kind is ActorKind.StateForces or ActorKind.ExternalForces).ToList();
            if (shooting.Count > 0)
            {
                drop.UnionWith(shooting);
                foreach (var p in protests.Where(p => p.Subtype != EventSubtype.ExcessiveForceAgainstProtesters))
                {
                    p.Choice.Propose(EventSubtype.ExcessiveForceAgainstProtesters, ForcesShootingAtProtest, NeighbourWeight,
                        [.. p.TypeEvidence, .. shooting.SelectMany(d => d.TypeEvidence)]);
                    p.Subtype = p.Choice.Winner;
                    (p.Actor2, p.Actor2Span) = (p.Actor1, p.Actor1Span);
                    (p.Actor1, p.Actor1Span) = (shooting[0].Actor1, shooting[0].Actor1Span);
                }
            }
            // "four protesters were shot dead as police struggled to disperse rioters who stormed Parliament": force used on a crowd
            // the sentence tells as violent is a violent demonstration met by force, not excessive force on peaceful protesters
            // (ACLED keeps that subtype for peaceful protesters; the crowd is actor1, the force actor2)
            var violentCrowd = ds.Where(d => d.Subtype == EventSubtype.ViolentDemonstration && !d.Generic && !drop.Contains(d)).ToList();
            if (violentCrowd.Count > 0)
                foreach (var d in ds.Where(d => d.Subtype == EventSubtype.ExcessiveForceAgainstProtesters && !drop.Contains(d)))
                {
                    d.Choice.Propose(EventSubtype.ViolentDemonstration, ForceOnRioters, NeighbourWeight + 1, [.. d.TypeEvidence, .. violentCrowd.SelectMany(x => x.TypeEvidence)]);
                    d.Subtype = d.Choice.Winner;
                    var crowd = new[] { d.Actor1, d.Actor2 }.FirstOrDefault(a => a?.Kind is ActorKind.Protesters or ActorKind.Rioters);
                    var (force, forceSpan) = d.Actor1?.Kind is ActorKind.StateForces or ActorKind.ExternalForces ? (d.Actor1, d.Actor1Span)
                        : d.Actor2?.Kind is ActorKind.StateForces or ActorKind.ExternalForces ? (d.Actor2, d.Actor2Span)
                        : (EventAssembler.CountryPolice(crowd?.Country ?? d.Location?.Country), null);
                    (d.Actor1, d.Actor1Span) = (new Actor { Name = "Rioters", Kind = ActorKind.Rioters, Country = crowd?.Country }, null);
                    (d.Actor2, d.Actor2Span) = (force, forceSpan);
                }
            if (Has(EventSubtype.ExcessiveForceAgainstProtesters))
            {
                var met = protests.Where(p => p.Subtype != EventSubtype.ExcessiveForceAgainstProtesters).ToList();
                drop.UnionWith(met);
                // …and the forces' shooting ("ont abattu deux manifestants") is that force, not an attack or a clash of its own
                var shots = ds.Where(d => d.Subtype is EventSubtype.Attack or EventSubtype.ArmedClash && !d.FigureBased && !drop.Contains(d)).ToList();
                drop.UnionWith(shots);
                foreach (var d in protests.Where(d => d.Subtype == EventSubtype.ExcessiveForceAgainstProtesters && !d.Generic))
                {
                    foreach (var e in met) d.Choice.Propose(e.Subtype, ForceAbsorbsProtest, AbsorbedWeight, e.TypeEvidence);
                    foreach (var e in shots) d.Choice.Propose(e.Subtype, ForceAbsorbsShooting, AbsorbedWeight, e.TypeEvidence);
                }
                continue;
            }
            // stones thrown, barricades burned, a building stormed by the crowd: the protest is that violent demonstration
            var riots = ds.Where(d => d.Subtype == EventSubtype.ViolentDemonstration && !d.Generic).ToList();
            if (riots.Count > 0)
            {
                foreach (var p in protests)
                {
                    p.Choice.Propose(EventSubtype.ViolentDemonstration, ProtestTurnedViolent, NeighbourWeight, [.. p.TypeEvidence, .. riots.SelectMany(d => d.TypeEvidence)]);
                    p.Subtype = p.Choice.Winner;
                }
                continue;
            }
            var looting = ds.Where(d => d.Subtype == EventSubtype.LootingPropertyDestruction).ToList();
            var arrests = ds.Where(d => d.Subtype == EventSubtype.Arrests).ToList();
            if (looting.Count == 0 && arrests.Count == 0) continue;
            drop.UnionWith(looting.Count > 0 ? looting : arrests);
            foreach (var p in protests)
            {
                if (p.Facts == null) continue;
                // the facts are shared by the mentions of one event word at several places
                p.Facts.Looting.Clear();
                p.Facts.Arrests.Clear();
                if (looting.Count > 0) p.Facts.Looting.AddRange(looting.SelectMany(d => d.TypeEvidence));
                else p.Facts.Arrests.AddRange(arrests.SelectMany(d => d.TypeEvidence));
                p.Choice = Decide(p.Facts);
                p.Subtype = p.Choice.Winner;
            }
        }
        if (drop.Count == 0) return drafts;
        // one protest told in one sentence: the event that took the others keeps the town one of them named
        // ("Indian troops fired pellets at protesters in Srinagar": the protest word had claimed the town)
        var kept = drafts.Where(d => !drop.Contains(d)).ToList();
        foreach (var k in kept.Where(k => (k.Location == null || k.Vague) && k.Type is EventType.Protests or EventType.Riots))
            if (drop.FirstOrDefault(d => d.Location != null && !d.Vague && d.Sentences.Min() == k.Sentences.Min() && d.Type is EventType.Protests or EventType.Riots
                    && !kept.Any(o => o != k && o.Sentences.Min() == k.Sentences.Min() && o.Place == d.Place)) is { } placed)
                (k.Location, k.Place, k.Vague) = (placed.Location, placed.Place, false);
        return kept;
    }

    /// <summary>The mentions taken into the sentence's event of subtype <paramref name="into"/> are dropped and recorded as its losing candidates.</summary>
    private static void Absorb(List<EventAssembler.Draft> ds, HashSet<EventAssembler.Draft> drop, EventSubtype into, List<EventAssembler.Draft> taken, string rule)
    {
        if (taken.Count == 0) return;
        drop.UnionWith(taken);
        foreach (var d in ds.Where(d => d.Subtype == into && !d.Generic))
            foreach (var e in taken) d.Choice.Propose(e.Subtype, rule, AbsorbedWeight, e.TypeEvidence);
    }

    /// <summary>A human-readable account of each event's subtype choice, one block per event (for <c>vigie extract --explain</c>).</summary>
    public static IEnumerable<string> Explain(Document doc)
    {
        var result = doc.Layers.GetOne<ExtractionResult>();
        if (result == null) yield break;
        for (var i = 0; i < result.Events.Count; i++)
        {
            var e = result.Events[i];
            var where = e.Location?.Name ?? "no place";
            var when = e.Date == null ? "no date" : e.Date.Start + (e.Date.End == e.Date.Start ? "" : ".." + e.Date.End);
            var head = $"{doc.Id} event {i + 1}: {(e.Subtype is { } st ? Snake(st) : "no subtype")} ({where}, {when})";
            if (i >= result.SubtypeChoices.Count) { yield return head; continue; }
            var c = result.SubtypeChoices[i];
            var lines = new List<string> { head, $"  chosen by {c.Rule} (weight {c.Weight})" };
            foreach (var k in c.Candidates)
            {
                var spans = string.Join(", ", k.Evidence.Select(s => $"\"{Quote(doc.Text, s)}\" [{s.Start},{s.End}]"));
                lines.Add($"  {(k.Subtype == c.Winner && k.Rule == c.Rule ? "*" : "-")} {Snake(k.Subtype)} <- {k.Rule} (weight {k.Weight}): {spans}");
            }
            if (c.Facts.Count > 0)
                lines.Add("  facts: " + string.Join("; ", c.Facts.Select(x => x.Span is { } fs ? $"{x.Name} {x.Value} \"{Quote(doc.Text, fs)}\" [{fs.Start},{fs.End}]" : $"{x.Name} {x.Value}")));
            foreach (var k in c.AlsoCoded)
                lines.Add($"  + also coded as {Snake(k.Subtype)} <- {k.Rule}: {string.Join(", ", k.Evidence.Select(s => $"\"{Quote(doc.Text, s)}\" [{s.Start},{s.End}]"))}");
            yield return string.Join('\n', lines);
        }
    }

    private static string Quote(string text, TextSpan s)
    {
        if (s.Start < 0 || s.End > text.Length || s.End < s.Start) return "";
        var q = text[s.Start..s.End].Replace('\n', ' ');
        return q.Length > 80 ? q[..77] + "…" : q;
    }

    internal static string Snake<T>(T s) where T : struct, Enum => SnakeNames<T>.Of(s);

    /// <summary>The snake_case names of an enum's values, made once each.</summary>
    private static class SnakeNames<T> where T : struct, Enum
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<T, string> Names = new();

        public static string Of(T value) => Names.GetOrAdd(value, static v => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));
    }
}
