using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text;

namespace Vigie.Extraction.Finders;

/// <summary>
/// Finds words and phrases that signal an event (<see cref="TriggerMention"/>) with lang/&lt;code&gt;/triggers.tsv
/// (role <c>trigger</c>: phrase → ACLED subtype). A trigger row may carry a condition <c>SET:subtype</c>: when the
/// condition holds in the sentence, the trigger takes the other subtype, and the mention keeps the row's subtype, the set
/// and the words that made it hold (<see cref="TriggerMention.RowSubtype"/>, <see cref="TriggerMention.ConditionSet"/>,
/// <see cref="TriggerMention.ConditionSpan"/>): the evidence of the assembly's subtype decision. Sets are the <c>context</c> rows of the
/// same file ("air": aviation, avions… turns "bombardements" into air_drone_strike; "suicide": kamikaze… turns
/// "voiture piégée" into suicide_bomb), plus two sets read from the actors:
/// <list type="bullet">
/// <item><c>non_state_actor</c>: the actor doing it is not a state's forces ("ont repris", "se sont emparés":
/// government_regains_territory → non_state_actor_overtakes_territory). The actor is the nearest one before the
/// trigger in the sentence, else one after "par"/"by", else the last one of the previous sentence.
/// The mention is marked <see cref="TriggerMention.ActorDependent"/>.</item>
/// <item><c>armed_target</c>: the target after the trigger is armed (state or foreign forces, or a word of the
/// <c>armed_target</c> context set: camp, base, convoi…) — "attaque" attack → armed_clash.
/// Marked <see cref="TriggerMention.TargetDependent"/>.</item>
/// <item><c>territory</c>: the object of the word is land (a word of the <c>territory</c> context set in its own clause,
/// before any person it names: "captured a strategic district", "ont capturé la localité") — a capture is then a taking of
/// territory, not an arrest, and the taker decides which one (as for <c>non_state_actor</c>).</item>
/// </list>
/// An actor named after "backed by", "appuyés par" (function words <c>ally</c> then <c>agent</c>) supports the actor
/// before it: that one is the doer ("Iraqi soldiers backed by Shiite militiamen retook the town").
/// Requires <see cref="ActorMention"/> and <see cref="VictimMention"/>.
/// </summary>
public sealed class TriggerFinder : IComponent
{
    public string Name => "triggers";
    public IReadOnlyList<Type> Requires => [typeof(Token), typeof(Sentence), typeof(ActorMention), typeof(VictimMention)];
    public IReadOnlyList<Type> Assigns => [typeof(TriggerMention)];

    /// <summary>The place finder's names, when it ran: a place named right after a capture is the land taken ("captured Janaale").</summary>
    public IReadOnlyList<Type> MayRead => [typeof(PlaceMention)];

    private const int TargetWindow = 8;
    /// <summary>Words after a capture within which its object names the land taken ("captured the strategic northern Mozambique port town").</summary>
    private const int TerritoryWindow = 6;

    /// <param name="NotEvent">a phrase that holds an event word but tells no event (role <c>not_event</c>: "the occupied West Bank",
    /// "to end the violence"); matched like a trigger so that it takes the word, then dropped.</param>
    /// <param name="Conditions">the row's conditions <c>SET:subtype</c>, in the order they are tried (a row may carry several,
    /// separated by ',': "suicide:suicide_bomb,air:air_drone_strike"); the first that holds decides.</param>
    public sealed record Row(EventSubtype Subtype, IReadOnlyList<(string Set, EventSubtype Otherwise)> Conditions, string Rule, bool NotEvent = false);

    public sealed class Lexicon
    {
        public static readonly PerLanguage<Lexicon> Cache = new(l => new Lexicon(l));

        public PhraseMatcher<Row> Triggers { get; } = new();
        public Dictionary<string, PhraseMatcher<bool>> Context { get; } = new(StringComparer.Ordinal);

        private Lexicon(string lang)
        {
            var tsv = FinderData.Load(lang, "triggers.tsv");
            foreach (var r in FinderData.Rows(tsv))
            {
                var role = r["role"];
                var forms = FinderData.Forms(r["forms"]);
                if (role == "context")
                {
                    var set = r["subtype"];
                    if (!Context.TryGetValue(set, out var m)) Context[set] = m = new PhraseMatcher<bool>();
                    foreach (var f in forms) m.Add(f, true);
                    continue;
                }
                if (role == "not_event")
                {
                    var none = new Row(default, [], FinderData.RuleOf(tsv!, r), NotEvent: true);
                    foreach (var f in forms) Triggers.Add(f, none);
                    continue;
                }
                if (role != "trigger") throw new FormatException($"{tsv!.Path}:{r.Line}: unknown role '{role}' (trigger, context, not_event)");
                var subtype = FinderData.ParseEnum<EventSubtype>(tsv!, r, "subtype");
                var conditions = new List<(string, EventSubtype)>();
                if (r.Get("condition") is { } conds)
                    foreach (var cond in conds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        var colon = cond.IndexOf(':');
                        if (colon <= 0 || !Enum.TryParse<EventSubtype>(cond[(colon + 1)..].Replace("_", ""), true, out var o))
                            throw new FormatException($"{tsv!.Path}:{r.Line}: condition '{cond}' must be SET:subtype");
                        conditions.Add((cond[..colon], o));
                    }
                var row = new Row(subtype, conditions, FinderData.RuleOf(tsv!, r));
                foreach (var f in forms) Triggers.Add(f, row);
            }
        }

        public bool InSentence(string set, List<Token> tokens, int first, int end) => FirstInSentence(set, tokens, first, end) != null;

        /// <summary>The first words of the context set in tokens [first, end), or null.</summary>
        public TextSpan? FirstInSentence(string set, List<Token> tokens, int first, int end)
        {
            if (!Context.TryGetValue(set, out var m)) return null;
            for (var i = first; i < end; i++)
                if (m.Match(tokens, i, end, out var len, out _)) return new TextSpan(tokens[i].Start, tokens[i + len - 1].End);
            return null;
        }
    }

    public void Process(Document doc) =>
        doc.Layers.Set(Find(doc.Text, Tokens.AsList(doc.Layers.Get<Token>()), doc.Layers.Get<Sentence>(), doc.Layers.Get<ActorMention>(), doc.Layers.Get<VictimMention>(), FinderData.LangOf(doc),
            doc.Layers.Has<PlaceMention>() ? doc.Layers.Get<PlaceMention>() : null));

    /// <summary>Sentences after an air strike within which a strike with no aircraft of its own is one more of them.</summary>
    private const int AirCarry = 1;

    /// <summary>The context set of protest words (lang/*/triggers.tsv).</summary>
    private const string ProtestSet = "protest";

    public static List<TriggerMention> Find(string text, List<Token> tokens, IReadOnlyList<Sentence> sentences,
        IReadOnlyList<ActorMention> actors, IReadOnlyList<VictimMention> victims, string lang, IReadOnlyList<PlaceMention>? places = null)
    {
        var lex = Lexicon.Cache.For(lang);
        var fw = FunctionWords.Lexicon.For(lang);
        var result = new List<TriggerMention>();
        ActorMention? lastOfPrevious = null;
        // the last air strike told, for a strike with no aircraft of its own in the sentences right after it
        (int Sentence, TextSpan Span)? lastAir = null;
        // a protest told anywhere in the text (computed on first need): clashes with no armed group in a story of protests are riots
        TextSpan? protestInText = null;
        var protestRead = false;
        // each sentence reads only its own actors and victims: linear time on long documents
        var actorsBySentence = SentenceBuckets.Of(actors, a => a.Span, sentences);
        var victimsBySentence = SentenceBuckets.Of(victims, v => v.Span, sentences);
        for (var si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            var sentenceSpan = s.Span;
            var inSentence = actorsBySentence[si];
            foreach (var (st, l, row) in lex.Triggers.FindAll(tokens, s.FirstToken, s.EndToken, text))
            {
                if (row.NotEvent) continue;
                // "the Saudi-led coalition fighting the Houthi group", "les forces combattant l'EI": a fight word right after the
                // name of an armed actor describes who that actor is, no event of the day (function role describing_fight)
                if (l == 1 && fw.Is("describing_fight", tokens[st].Folded) && st > s.FirstToken
                    && ArmedActorEndsAt(inSentence, tokens[st - 1].End)) continue;
                // "17 Villagers Killed In Fresh ISWAP Attacks": a crowd's word counted by a number is the dead of a headline, not a
                // crowd that kills
                if (row.Subtype == EventSubtype.MobViolence && st > s.FirstToken && tokens[st - 1].Kind == TokenKind.Number) continue;
                var span = new TextSpan(tokens[st].Start, tokens[st + l - 1].End);
                var subtype = row.Subtype;
                bool actorDependent = false, targetDependent = false;
                if (row.Conditions.Count > 0)
                {
                    TextSpan? cue = null;
                    string set = row.Conditions[0].Set;
                    var other = row.Conditions[0].Otherwise;
                    var skip = false;
                    foreach (var (condSet, condOther) in row.Conditions)
                    {
                        (set, other) = (condSet, condOther);
                        switch (set)
                        {
                            case "non_state_actor":
                                // a taking needs land as the object of its word (NoLandTaken)
                                if (row.Subtype is EventSubtype.GovernmentRegainsTerritory or EventSubtype.NonStateActorOvertakesTerritory
                                    && NoLandTaken(lex, fw, text, tokens, st, l, s.FirstToken, s.EndToken, inSentence)) { skip = true; break; }
                                actorDependent = true;
                                var actor = ActorOf(span, sentenceSpan, inSentence, tokens, s.FirstToken, st + l, s.EndToken, fw) ?? lastOfPrevious;
                                cue = actor != null && !actor.IsState && actor.Kind is not (ActorKind.ExternalForces or ActorKind.Civilians or ActorKind.Protesters) ? actor.Span : null;
                                break;
                            case "armed_target":
                                targetDependent = true;
                                var window = Math.Min(s.EndToken, st + l + TargetWindow);
                                // armed words count in the event word's own clause ("an attack on Kofa community in Bakura, state police said")
                                for (var k = st + l; k < window; k++)
                                    if (tokens[k].Folded is "," or ";" or ":") { window = k; break; }
                                // armed words count up to the first civilian named after the event word
                                foreach (var vm in victimsBySentence[si])
                                    if (vm.Span.Start >= span.End && vm.Group == VictimGroup.Civilians)
                                    {
                                        var k = st + l;
                                        while (k < window && tokens[k].Start < vm.Span.Start) k++;
                                        window = k;
                                        break;
                                    }
                                cue = TargetBefore(st, s.FirstToken, inSentence, tokens, fw) ?? ArmedTarget(span, sentenceSpan, inSentence, victimsBySentence[si], tokens, fw)
                                      ?? (lex.Context.TryGetValue(set, out var m) ? AnyAfter(m, tokens, st + l, window) ?? AimedAt(lex, m, tokens, st + l, s.EndToken)
                                          ?? PassiveSubject(m, tokens, st, s.FirstToken, fw) : null);
                                break;
                            case "territory":
                                cue = TerritoryObject(lex, set, tokens, st + l, s.EndToken, span, inSentence, victimsBySentence[si])
                                      ?? PlaceObject(places, tokens, st + l, s.EndToken);
                                if (cue != null)
                                {
                                    actorDependent = true;
                                    var taker = ActorOf(span, sentenceSpan, inSentence, tokens, s.FirstToken, st + l, s.EndToken, fw) ?? lastOfPrevious;
                                    if (taker != null && !taker.IsState && taker.Kind is not (ActorKind.ExternalForces or ActorKind.Civilians or ActorKind.Protesters))
                                        other = EventSubtype.NonStateActorOvertakesTerritory;
                                }
                                break;
                            // a crowd clashing makes a riot, not when the sentence names an armed group: "les affrontements entre
                            // milices ont éclaté après qu'une milice a tiré sur des manifestants" is a battle
                            // (nor, for clashes with the state's forces, when the text tells of protests and the sentence names no armed
                            // group: "un jeune a été tué lors de heurts avec les forces de l'ordre" in a report of demonstrations)
                            case "crowd":
                                if (inSentence.Any(a => a.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia && !a.FromContext)) { cue = null; break; }
                                cue = lex.FirstInSentence(set, tokens, s.FirstToken, s.EndToken);
                                // (… or with no side named at all: "Celle-ci s'est soldée par de nouveaux heurts violents" after a march;
                                // not clashes said to be armed: "armed clashes in Tripoli", function role armed)
                                if (cue == null && subtype == EventSubtype.ArmedClash
                                    && (inSentence.Any(a => a.IsState && !a.FromContext)
                                        || inSentence.All(a => a.Kind is ActorKind.Civilians or ActorKind.Protesters) && !ArmedBeside(fw, tokens, st, l, s.FirstToken, s.EndToken)))
                                {
                                    if (!protestRead) { protestInText = lex.FirstInSentence(ProtestSet, tokens, 0, tokens.Count); protestRead = true; }
                                    cue = protestInText;
                                }
                                break;
                            // "cinq combattants ont été tués dans une frappe israélienne … Un sixième a été tué dans une frappe sur
                            // Adaïssé": a strike with no aircraft of its own, right after an air strike, is one more of them
                            case "air":
                                cue = lex.FirstInSentence(set, tokens, s.FirstToken, s.EndToken);
                                if (cue == null && lastAir is { } la && si - la.Sentence <= AirCarry) cue = la.Span;
                                break;
                            default:
                                cue = lex.FirstInSentence(set, tokens, s.FirstToken, s.EndToken);
                                break;
                        }
                        if (skip || cue != null) break;
                    }
                    if (skip) continue;
                    if (cue == null) (set, other) = row.Conditions[0];
                    result.Add(new TriggerMention(span, cue != null ? other : subtype)
                    {
                        Rule = row.Rule, ActorDependent = actorDependent, TargetDependent = targetDependent,
                        RowSubtype = subtype, ConditionSet = cue != null ? set : null, ConditionSpan = cue,
                    });
                    if (result[^1].Subtype == EventSubtype.AirDroneStrike) lastAir = (si, span);
                    continue;
                }
                result.Add(new TriggerMention(span, subtype) { Rule = row.Rule, ActorDependent = actorDependent, TargetDependent = targetDependent });
                if (subtype == EventSubtype.AirDroneStrike) lastAir = (si, span);
            }
            foreach (var a in inSentence)
                if (sentenceSpan.Contains(a.Span) && a.Kind is not (ActorKind.Civilians or ActorKind.Protesters)) lastOfPrevious = a;
        }
        return result;
    }

    /// <summary>
    /// The taking word at token <paramref name="st"/> (<paramref name="l"/> tokens) takes no land: it has no object ("les combats
    /// ont repris."), its object after an inserted phrase is missing, or it seizes goods; or it is a participle telling how
    /// something was held or seized before — after the land itself, goods, people set off by a dash, or the land's name with its
    /// agent after it.
    /// </summary>
    private static bool NoLandTaken(Lexicon lex, FunctionWords fw, string text, List<Token> tokens, int st, int l, int first, int end,
        IReadOnlyList<ActorMention> inSentence)
    {
        if (st + l >= end || tokens[st + l].Folded is "." or ";" or ":" or "!" or "?" or ")") return true;
        // "alors qu'ils progressent vers Nyala", "advancing towards the city": moving on a place is not holding it
        if (fw.Is("toward", tokens[st + l].Folded)) return true;
        // "les combats avaient repris au nord de Sanaa": fighting (function role resumed_subject) that starts again, auxiliaries aside
        var subject = st - 1;
        while (subject > first && fw.Is("aux", tokens[subject].Folded)) subject--;
        if (subject >= first && subject < st && fw.Is("resumed_subject", tokens[subject].Folded)) return true;
        // "se sont emparés, mardi, de la ville": an object after an inserted phrase
        if (tokens[st + l].Folded == "," && !ObjectAfterInsert(fw, tokens, st + l, end)) return true;
        // "ont tenté de s'emparer du poste et de prendre le contrôle du district", "in a bid to retake the town": tried, not done
        if (RoleInClause(fw, tokens, "attempt", st - 1, -1, AttemptReach, first, end)) return true;
        // "captured the base briefly", "ont occupé brièvement la ville": a place held for a while is a raid, not land taken
        if (RoleInClause(fw, tokens, "briefly", st + l, 1, BrieflyReach, first, end)) return true;
        // "s'emparer d'armes", "pris le butin": things seized, not territory
        if (SeizesGoods(lex, fw, tokens, st + l, end)) return true;
        // "retook a town seized previously by militants", "la ville prise par les rebelles": a participle right after the land it
        // names tells how that land was held before, not a taking of its own
        if (st > first && lex.Context.TryGetValue("territory", out var land) && land.Match(tokens, st - 1, st, out _, out _)) return true;
        // (… or of people, set off by a dash or a comma, with no object: "the workers – seized last month in Patikul town –")
        if (l == 1 && st > first && tokens[st - 1].Kind == TokenKind.Punct && tokens[st - 1].Folded is "-" or "–" or "—" or "," or "("
            && st + 1 < end && !fw.IsDeterminer(tokens[st + 1].Folded) && !FinderData.IsCapitalized(text, tokens[st + 1])) return true;
        // (… or goods: "their ammunition seized by secessionists", "des armes saisies")
        if (st > first && lex.Context.TryGetValue("goods", out var goods) && goods.Match(tokens, st - 1, st, out _, out _)) return true;
        // (… or the name of that land: "recaptured the town of Marte seized last week by jihadists")
        return l == 1 && st > first + 1 && PlaceNameBefore(text, tokens, st, inSentence) && AgentAfter(fw, tokens, st + l, end);
    }

    /// <summary>An armed actor of the sentence (not civilians, protesters or rioters) whose name ends at offset <paramref name="end"/>.</summary>
    internal static bool ArmedActorEndsAt(IReadOnlyList<ActorMention> actors, int end)
    {
        foreach (var a in actors)
            if (a.Span.End == end && a.Kind is not (ActorKind.Civilians or ActorKind.Protesters or ActorKind.Rioters)) return true;
        return false;
    }

    /// <summary>A word of function role <c>armed</c> right before or right after the event word ("armed clashes", "affrontements
    /// armés").</summary>
    private static bool ArmedBeside(FunctionWords fw, List<Token> tokens, int st, int l, int first, int end) =>
        st > first && fw.Is("armed", tokens[st - 1].Folded) || st + l < end && fw.Is("armed", tokens[st + l].Folded);

    /// <summary>Tokens after a taking within which a word of a short hold ("briefly", "brièvement") makes it no taking.</summary>
    private const int BrieflyReach = 6;

    /// <summary>Tokens before a taking within which an attempt word of its clause makes it an attempt.</summary>
    private const int AttemptReach = 10;

    /// <summary>
    /// A word of a function role in the clause of a taking, walking from token <paramref name="from"/> by <paramref name="step"/>
    /// (−1 back, +1 forward) over at most <paramref name="reach"/> tokens inside [<paramref name="lo"/>, <paramref name="hi"/>) and
    /// stopping at punctuation other than an apostrophe: an attempt word before it ("ont tenté de s'emparer", "in a bid to
    /// retake", role <c>attempt</c>), a word of a short hold after it ("captured the base briefly", role <c>briefly</c>).
    /// </summary>
    private static bool RoleInClause(FunctionWords fw, List<Token> tokens, string role, int from, int step, int reach, int lo, int hi)
    {
        for (int k = from, n = 0; k >= lo && k < hi && n < reach; k += step, n++)
        {
            if (tokens[k].Kind == TokenKind.Punct && tokens[k].Folded != "'") return false;
            if (fw.Is(role, tokens[k].Folded)) return true;
        }
        return false;
    }

    /// <summary>Words after a participle within which "by"/"par" introduces its agent ("seized last week by jihadists").</summary>
    private const int AgentReach = 4;

    private static bool AgentAfter(FunctionWords fw, List<Token> tokens, int from, int end)
    {
        for (var k = from; k < end && k <= from + AgentReach; k++)
        {
            if (tokens[k].Kind == TokenKind.Punct) return false;
            if (fw.Is("agent", tokens[k].Folded)) return true;
        }
        return false;
    }

    /// <summary>A capitalised word right before token <paramref name="st"/>, inside the sentence and no actor's name ("Marte seized by
    /// jihadists"; not "Boko Haram seized").</summary>
    private static bool PlaceNameBefore(string text, List<Token> tokens, int st, IReadOnlyList<ActorMention> actors)
    {
        var prev = tokens[st - 1];
        if (prev.Kind != TokenKind.Word || !FinderData.IsCapitalized(text, prev)) return false;
        return !actors.Any(a => a.Span.Start <= prev.Start && prev.End <= a.Span.End);
    }

    /// <summary>
    /// The actor doing it: the nearest before the trigger in the sentence; else one right after the trigger introduced
    /// by "de"/"par" ("la progression des troupes du régime", "pris par les shebab").
    /// </summary>
    private static ActorMention? ActorOf(TextSpan trigger, TextSpan sentence, IReadOnlyList<ActorMention> actors, List<Token> tokens, int first, int after, int end, FunctionWords fw)
    {
        // the nearest actor before it that is not a target ("des opérations contre le groupe ADF", "repris aux rebelles")
        ActorMention? before = null;
        var kb = first;
        foreach (var a in actors)
        {
            if (!sentence.Contains(a.Span) || a.Span.End > trigger.Start || a.Kind is ActorKind.Civilians or ActorKind.Protesters) continue;
            while (kb < tokens.Count && tokens[kb].End <= a.Span.Start) kb++;
            var p = kb - 1;
            if (p >= 0 && fw.IsDeterminer(tokens[p].Folded)) p--;
            if (p >= 0 && tokens[p].Start >= sentence.Start && (fw.Is("object", tokens[p].Folded) || fw.Is("from", tokens[p].Folded))) continue;
            // "soldiers backed by militiamen retook": the backer is not the doer, the actor before it is
            if (BackingBefore(fw, tokens, kb, first) != null) continue;
            before = a;
        }
        if (before != null) return before;
        for (var k = after; k < Math.Min(end, after + 3); k++)
        {
            if (!fw.Is("agent", tokens[k].Folded) && !fw.IsOf(tokens[k].Folded)) continue;
            var from = k + 1 < end && fw.IsDeterminer(tokens[k + 1].Folded) ? k + 2 : k + 1;
            if (from >= end) break;
            foreach (var a in actors)
                if (a.Span.Start == tokens[from].Start && a.Kind is not (ActorKind.Civilians or ActorKind.Protesters)) return a;
        }
        // "Après avoir repris aux rebelles la région, ces forces…": the first actor after it that is not an object ("aux rebelles", "de l'armée")
        var k2 = after;
        foreach (var a in actors)
        {
            if (!sentence.Contains(a.Span) || a.Span.Start < trigger.End || a.Kind is ActorKind.Civilians or ActorKind.Protesters) continue;
            while (k2 < end && tokens[k2].End <= a.Span.Start) k2++;
            var p = k2 - 1;
            if (p >= after && fw.IsDeterminer(tokens[p].Folded)) p--;
            if (p >= after && (fw.IsOf(tokens[p].Folded) || fw.Is("from", tokens[p].Folded) || fw.Is("agent", tokens[p].Folded))) continue;
            return a;
        }
        return null;
    }

    /// <summary>The first actor or victim named after the event word (within 60 characters) is armed forces: "killed two soldiers".
    /// A civilian named first is the target even when forces follow ("shot and killed a trader, police said").</summary>
    /// <summary>Words before an event word within which "la cible de", "the target of" makes the subject its target.</summary>
    private const int TargetNounReach = 3;

    /// <summary>
    /// "L'armée malienne annonce être la cible d'attaques", "the base was the target of an attack": the state's forces (or an armed
    /// word) named before "cible"/"target", right before the event word (articles and "of" between), are its target. Null otherwise.
    /// </summary>
    internal static TextSpan? TargetBefore(int st, int sentenceFirst, IReadOnlyList<ActorMention> actors, List<Token> tokens, FunctionWords fw)
    {
        var k = st - 1;
        while (k >= sentenceFirst && st - k <= TargetNounReach && (fw.IsDeterminer(tokens[k].Folded) || fw.IsOf(tokens[k].Folded))) k--;
        // (or the event phrase's own second word: "came under attack", "came under fire")
        if (st + 1 < tokens.Count && fw.Is("target_noun", tokens[st + 1].Folded)) k = st + 1;
        else if (k < sentenceFirst || st - k > TargetNounReach || !fw.Is("target_noun", tokens[k].Folded)) return null;
        var noun = tokens[k].Start;
        ActorMention? subject = null;
        foreach (var a in actors)
            if (a.Span.End <= noun && a.Span.Start >= tokens[sentenceFirst].Start) subject = a;
        return subject is { Kind: ActorKind.StateForces or ActorKind.ExternalForces } ? subject.Span : null;
    }

    private static TextSpan? ArmedTarget(TextSpan trigger, TextSpan sentence, IReadOnlyList<ActorMention> actors, IReadOnlyList<VictimMention> victims,
        List<Token> tokens, FunctionWords fw)
    {
        var nearest = int.MaxValue;
        TextSpan? armed = null;
        foreach (var a in actors)
            if (sentence.Contains(a.Span) && a.Span.Start >= trigger.End && a.Span.Start - trigger.End < 60 && a.Span.Start < nearest)
                (nearest, armed) = (a.Span.Start, a.Kind is ActorKind.StateForces or ActorKind.ExternalForces || ArmedGroupAsObject(a, tokens, fw) ? a.Span : null);
        foreach (var v in victims)
            if (sentence.Contains(v.Span) && v.Span.Start >= trigger.End && v.Span.Start - trigger.End < 60 && v.Span.Start <= nearest)
                (nearest, armed) = (v.Span.Start, v.Group is VictimGroup.GovernmentForces or VictimGroup.ForeignForces
                    || v.Group == VictimGroup.NonStateArmed && AfterObjectWord(v.Span, tokens, fw) ? v.Span : null);
        // "cinq policiers ont été tués par des hommes armés ayant ouvert le feu sur leur véhicule": with no one named after the
        // event word, the forces its sentence counts before it are its target (not when it counts civilians there too)
        if (nearest == int.MaxValue)
            foreach (var v in victims)
            {
                if (!sentence.Contains(v.Span) || v.Span.End > trigger.Start) continue;
                if (v.Group == VictimGroup.Civilians) return null;
                if (v.Group is VictimGroup.GovernmentForces or VictimGroup.ForeignForces) armed ??= v.Span;
            }
        return armed;
    }

    /// <summary>Words before a passive auxiliary within which its subject is read ("une patrouille de l'armée a été attaquée").</summary>
    private const int PassiveSubjectReach = 4;

    /// <summary>The subject of a passive event verb, when a word of <paramref name="set"/> ("Une patrouille a été attaquée", "the
    /// convoy was ambushed"): the target of the event.</summary>
    private static TextSpan? PassiveSubject(PhraseMatcher<bool> set, List<Token> tokens, int st, int first, FunctionWords fw)
    {
        var k = st - 1;
        var passive = false;
        while (k >= first && st - k <= 3 && (fw.Is("passive_aux", tokens[k].Folded) || fw.Is("active_aux", tokens[k].Folded)))
        {
            passive |= fw.Is("passive_aux", tokens[k].Folded);
            k--;
        }
        if (!passive) return null;
        for (var b = k; b >= first && k - b < PassiveSubjectReach; b--)
        {
            if (tokens[b].Kind == TokenKind.Punct) return null;
            if (set.Match(tokens, b, k + 1, out var len, out _)) return new TextSpan(tokens[b].Start, tokens[b + len - 1].End);
        }
        return null;
    }

    /// <summary>An armed group named right after a word that makes it the target ("an attack on the separatist fighters",
    /// "une attaque contre les rebelles"): armed, so the attack met armed men. After "by"/"par" or with no such word the group
    /// is the doer ("an attack by ISIS fighters") and tells nothing of the target.</summary>
    private static bool ArmedGroupAsObject(ActorMention a, List<Token> tokens, FunctionWords fw) =>
        a.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia && AfterObjectWord(a.Span, tokens, fw);

    /// <summary>The words of <paramref name="span"/> follow a target word ("on", "against", "contre"), determiners between.</summary>
    private static bool AfterObjectWord(TextSpan span, List<Token> tokens, FunctionWords fw)
    {
        var k = 0;
        while (k < tokens.Count && tokens[k].Start < span.Start) k++;
        if (k >= tokens.Count || tokens[k].Start != span.Start) return false;
        k--;
        while (k >= 0 && fw.Is("determiner", tokens[k].Folded)) k--;
        return k >= 0 && fw.Is("object", tokens[k].Folded);
    }

    /// <summary>Token <paramref name="agent"/> is "by"/"par" after a word of backing ("backed by", "appuyés par"): the actor after it supports another.</summary>
    internal static bool Backing(FunctionWords fw, List<Token> tokens, int agent) =>
        agent >= 1 && fw.Is("agent", tokens[agent].Folded) && fw.Is("ally", tokens[agent - 1].Folded);

    /// <summary>
    /// The token of "by"/"par" of a backing ("backed by", "appuyées par") within the three words before the actor that starts at
    /// token <paramref name="actorStart"/> ("backed by Shiite militias"), none of them a punctuation mark; else null.
    /// </summary>
    internal static int? BackingBefore(FunctionWords fw, List<Token> tokens, int actorStart, int sentenceFirst)
    {
        for (var k = actorStart - 1; k >= Math.Max(sentenceFirst + 1, actorStart - 3); k--)
        {
            if (tokens[k].Kind == TokenKind.Punct) return null;
            if (Backing(fw, tokens, k)) return k;
        }
        return null;
    }

    /// <summary>
    /// The land a capture takes: the first words of the <paramref name="set"/> context set after it, in its own clause (up to a
    /// punctuation mark) and before any actor or victim named after it ("captured two militants in the village" captures people).
    /// </summary>
    private static TextSpan? TerritoryObject(Lexicon lex, string set, List<Token> tokens, int from, int end, TextSpan trigger,
        IReadOnlyList<ActorMention> actors, IReadOnlyList<VictimMention> victims)
    {
        if (!lex.Context.TryGetValue(set, out var m)) return null;
        var to = Math.Min(end, from + TerritoryWindow);
        for (var k = from; k < to; k++)
            if (tokens[k].Kind == TokenKind.Punct) { to = k; break; }
        var stop = int.MaxValue;
        foreach (var a in actors) if (a.Span.Start >= trigger.End) stop = Math.Min(stop, a.Span.Start);
        foreach (var v in victims) if (v.Span.Start >= trigger.End) stop = Math.Min(stop, v.Span.Start);
        for (var k = from; k < to; k++)
            if (tokens[k].Start >= stop) { to = k; break; }
        return AnyAfter(m, tokens, from, to);
    }

    /// <summary>
    /// "militants captured Janaale", "ont capturé Janaale": a place of one word the place finder named right after the verb
    /// is the land taken. (People captured are named by a count or a noun, or by a name of several words, which the place
    /// finder may take for a place: "captured Abu Bakr al-Masri" stays an arrest.)
    /// </summary>
    private static TextSpan? PlaceObject(IReadOnlyList<PlaceMention>? places, List<Token> tokens, int from, int end)
    {
        if (places == null || from >= end || tokens[from].Kind != TokenKind.Word) return null;
        foreach (var p in places)
            if (p.Span.Start == tokens[from].Start && p.Span.End == tokens[from].End) return p.Span;
        return null;
    }

    /// <summary>"ont repris, samedi, la ville": a second comma within a few words, then "de" or a determiner.</summary>
    private static bool ObjectAfterInsert(FunctionWords fw, List<Token> tokens, int comma, int end)
    {
        for (var k = comma + 1; k < Math.Min(end - 1, comma + 8); k++)
            if (tokens[k].Folded == ",") return fw.IsOf(tokens[k + 1].Folded) || fw.IsDeterminer(tokens[k + 1].Folded);
        return false;
    }

    /// <summary>The object of a taking is a word of the <c>goods</c> context set ("d'armes", "des munitions", "le bétail").</summary>
    private static bool SeizesGoods(Lexicon lex, FunctionWords fw, List<Token> tokens, int from, int end)
    {
        if (!lex.Context.TryGetValue("goods", out var m)) return false;
        var k = from;
        for (var n = 0; n < 2 && k < end && (fw.IsOf(tokens[k].Folded) || fw.IsDeterminer(tokens[k].Folded)); n++) k++;
        if (k < end && m.Match(tokens, k, end, out _, out _)) return true;
        // a count before the things: "de deux tonnes de cannabis", "de 300 kilos"
        return k + 1 < end && m.Match(tokens, k + 1, end, out _, out _);
    }

    /// <summary>
    /// "L'attaque … a débuté dimanche et a visé la base de l'armée": later in the sentence, a verb of aiming (context set
    /// <c>aim</c>) with an armed target right after it.
    /// </summary>
    private static TextSpan? AimedAt(Lexicon lex, PhraseMatcher<bool> armed, List<Token> tokens, int from, int end)
    {
        if (!lex.Context.TryGetValue("aim", out var aim)) return null;
        for (var k = from; k < end; k++)
        {
            if (tokens[k].Folded is ";" or ":") return null;
            if (aim.Match(tokens, k, end, out var al, out _) && AnyAfter(armed, tokens, k + al, Math.Min(end, k + al + 4)) is { } target)
                return new TextSpan(tokens[k].Start, target.End);
        }
        return null;
    }

    /// <summary>The first words of the set in tokens [from, to), or null.</summary>
    private static TextSpan? AnyAfter(PhraseMatcher<bool> m, List<Token> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (m.Match(tokens, i, to, out var len, out _)) return new TextSpan(tokens[i].Start, tokens[i + len - 1].End);
        return null;
    }
}
