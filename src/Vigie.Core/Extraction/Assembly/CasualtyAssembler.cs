using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text;

namespace Vigie.Extraction.Assembly;

/// <summary>
/// Turns numbers that count people into casualty figures (outcome, group, count, bound, source, scope)
/// and groups them into <see cref="CasualtyReport"/>s. One pass over the sentences; every figure keeps
/// the spans of the number, its noun and its outcome word. Reads the number, time, place, victim and
/// source layers when present; the cues are in lang/xx/assembly.tsv.
/// </summary>
public sealed class CasualtyAssembler : IComponent
{
    public string Name => "casualties";
    public IReadOnlyList<Type> Requires => DocView.Layers;
    /// <summary>The geocoder's context (its main country), absent when the pipeline has no geocoding.</summary>
    public IReadOnlyList<Type> MayRead => [typeof(Vigie.Geo.GeoContext)];
    public IReadOnlyList<Type> Assigns => [typeof(FigureMention), typeof(ExtractionResult)];

    /// <summary>Tokens after a counted noun searched for its outcome word ("12 soldats … ont été tués"); an aside
    /// opened by "dont" does not count against it. Any value from 8 to 18 gives the same figures on seed, dev and
    /// dev2 (measured 2026-12); 12 is the middle of that range.</summary>
    private const int ForwardWindow = 12;
    /// <summary>Tokens before a number searched for an outcome that governs it ("ont tué au moins 10 personnes");
    /// measured on dev and dev2: verb phrases before a count are at most five tokens long.</summary>
    private const int BackwardWindow = 5;
    /// <summary>Sentences back in which an earlier figure may be the whole of a smaller one given without a place (dev, 2026-11).</summary>
    private const int SubcountWindow = 3;

    /// <summary>How many words back from a verb of reaching its toll noun may be ("the death toll from Sunday's bombing in Mogadishu rose to 45").</summary>
    private const int TollReach = 15;

    public void Process(Document doc)
    {
        var view = DocView.Of(doc);
        var figures = new List<FigureMention>();
        string? previousSource = null;
        Area? previousArea = null;
        for (var s = 0; s < view.Sentences.Count; s++)
        {
            if (s > 0 && view.Paragraph[s] != view.Paragraph[s - 1]) previousArea = null;
            var found = ReadSentence(view, s, figures, previousSource, ref previousArea);
            foreach (var f in found) if (f.Source != null) previousSource = f.Source;
            // soldiers, fighters or peacekeepers who fled ("seuls trois des soldats ont réussi à fuir"), or counted beside a camp of
            // displaced people, are no displaced population: displacement is of civilians or of people the text does not split
            found.RemoveAll(f => f.Figure.Outcome == Outcome.Displaced && f.Figure.Group is VictimGroup.GovernmentForces or VictimGroup.NonStateArmed or VictimGroup.ForeignForces);
            figures.AddRange(found);
        }
        DropSubcounts(view, figures);
        DropBreakdowns(figures);
        var merged = Merge(figures);
        MarkTotalsOverPlaces(merged);
        doc.Layers.Set(merged);
        var result = view.Result;
        result.CasualtyReports.Clear();
        result.CasualtyReports.AddRange(BuildReports(merged));
    }

    // ---- one sentence -------------------------------------------------------------------------

    private sealed class Cand
    {
        public int First, Last;          // tokens of the number, bound words included
        public long Count; public Bound Bound; public long? Low, High;
        public int HeadFirst = -1, HeadLast = -1;
        public Cue? HeadCue; public VictimMention? Victim; public bool Inherit; public bool IsOne;
        public Outcome? Outcome; public int OutFirst = -1, OutLast = -1;
        public VictimGroup Group = VictimGroup.All; public string? Named;
        public bool Drop;
        /// <summary>The total this count splits by side ("huit morts dont un policier"): a figure of its own after all.</summary>
        public Cand? SplitOf;
        /// <summary>An outcome word between the number and its noun ("five wounded men", "trois morts civils").</summary>
        public (Outcome Outcome, int First, int Last)? Between;
        /// <summary>The counted noun is a status (displaced people, refugees) that a verb after it gives another outcome.</summary>
        public bool StatusHead;
        public bool HasHead => HeadFirst >= 0;
        /// <summary>The last token of the figure: its number, its counted noun or its outcome word, whichever comes last.</summary>
        public int End => Math.Max(OutLast, Math.Max(HeadLast, Last));
    }

    private static List<FigureMention> ReadSentence(DocView v, int s, List<FigureMention> before, string? previousSource, ref Area? previousArea)
    {
        var sent = v.Sentences[s];
        var toks = v.Tokens;
        int start = sent.FirstToken, end = sent.EndToken;
        // a photo caption's figures belong to another story or repeat the text
        if (v.IsCaption(s)) return [];
        // "164 deaths from 8,067 COVID-19 cases", "the bus crash killed 22": an accident's, a disaster's or a disease's toll, in a
        // sentence that tells no violence, counts no casualty of the conflict
        if (v.Has(s, CueKind.Mishap) && v.Triggers[s].Count == 0) return [];
        var cues = v.Cues;
        var cands = new List<Cand>();
        // the sentence's tokens that a number covers
        var covered = new bool[end - start];
        foreach (var n in v.Numbers[s])
        {
            if (n.Vague || (n.Value == null && n.Low == null) || n.Unit != null) continue;
            if (v.Times[s].Any(t => t.Span.Overlaps(n.Span))) continue;
            var from = n.BoundSpan is { } b ? Math.Min(b.Start, n.Span.Start) : n.Span.Start;
            var c = new Cand
            {
                First = v.TokenAt(from), Last = v.LastTokenBefore(n.Span.End),
                Count = n.Value ?? n.Low ?? 0, Bound = n.Bound, Low = n.Low, High = n.High,
            };
            if (c.Last < c.First) continue;
            for (var i = Math.Max(c.First, start); i <= Math.Min(c.Last, end - 1); i++) covered[i - start] = true;
            cands.Add(c);
        }
        // (a sentence with no cue of one person and no outcome word has no word of one person to count)
        var ones = v.Has(s, CueKind.One);
        var outcomes = v.Has(s, CueKind.Outcome);
        for (var i = start; i < end && (ones || outcomes); i++)
        {
            if (covered[i - start] || toks[i].Kind != TokenKind.Word) continue;
            if (ones && cues.Match(toks, i, end, CueKind.One) is { Words.Length: 1 })
                cands.Add(new Cand { First = i, Last = i, Count = 1, Bound = Bound.Exact, IsOne = true });
            // "killed the village head of Nyalun", "ont enlevé le chef du village": one person, named by a definite article and a
            // singular noun of a person (a victim noun or a speaker's title), right after a verb of what befell him
            // (past the day told between them: "ont tué lundi soir le chef du village")
            else if (outcomes && i > start && v.Words.Is("definite", toks[i].Folded) && PastTime(v, s, i - 1, start) is var verbEnd && verbEnd >= start
                     && cues.MatchEndingAt(toks, verbEnd, start, out _, CueKind.Outcome) is { Outcome: Outcome.Killed or Outcome.Abducted or Outcome.Injured }
                     && DefinitePerson(v, s, i, end) is var (head, victim) && head > i)
                cands.Add(new Cand { First = i, Last = i, Count = 1, Bound = Bound.Exact, IsOne = true, HeadFirst = head, HeadLast = head, Victim = victim, HeadCue = PersonCue });
        }
        // (no number and no word of one person: no figure, and none of the steps below has anything to read)
        if (cands.Count == 0) return [];
        cands.Sort((a, b) => a.First.CompareTo(b.First));
        var candAt = new Dictionary<int, Cand>();
        foreach (var c in cands) candAt.TryAdd(c.First, c);
        var victimAt = new Dictionary<int, VictimMention>();
        foreach (var vm in v.Victims[s]) victimAt.TryAdd(v.TokenAt(vm.Span.Start), vm);
        // "Twelve Houthis were killed", "trois Shebab ont été tués", "four Yemeni forces": an armed group or a state's forces named
        // right after a count counts their members
        foreach (var a in v.Actors[s])
        {
            var at = v.TokenAt(a.Span.Start);
            // (not "une coalition": an article before a name names the group, it counts no one)
            if (Finders.VictimFinder.GroupOf(a.Kind) is not { } g || at == 0 || !cands.Any(c => c.Last == at - 1 && !c.IsOne)) continue;
            // (not "two military posts", "three army checkpoints": forces words before a site of theirs count the sites)
            if (SiteAfter(v, v.TokenAt(a.Span.End - 1) + 1, end, victimAt)) continue;
            victimAt.TryAdd(at, new VictimMention(a.Span, g)
            {
                NamedGroup = g == VictimGroup.NonStateArmed ? a.Name : null, Country = g == VictimGroup.NonStateArmed ? null : a.Country, Rule = a.Rule,
            });
        }

        // 1. the counted noun
        var eventWordAt = new HashSet<int>(v.Triggers[s].Select(t => v.TokenAt(t.Span.Start)));
        foreach (var c in cands) FindHead(v, c, end, candAt, victimAt, eventWordAt);
        // "Deux soldats arméniens et deux azerbaïdjanais": a count whose only word is a people's adjective, joined by a list word to a
        // count of a noun with its own people's adjective, counts that noun's people of its own country
        foreach (var c in cands)
        {
            if (c.HasHead || c.IsOne || c.Drop || c.First < 2 || !v.Words.Is("coordinator", toks[c.First - 1].Folded)) continue;
            var own = DemonymLength(v, c.Last + 1, end);
            if (own == 0) continue;
            var prev = cands.LastOrDefault(p => p.Last < c.First && p.HasHead && p.Victim != null);
            if (prev?.Victim is not { } noun || DemonymLength(v, prev.HeadLast + 1, end) is var d1 && (d1 == 0 || prev.HeadLast + d1 + 1 != c.First - 1)) continue;
            var span = new TextSpan(toks[c.Last + 1].Start, toks[c.Last + own].End);
            c.Victim = new VictimMention(span, noun.Group) { NamedGroup = noun.NamedGroup, Country = DemonymCountry(v, c.Last + 1, end), Rule = noun.Rule };
            c.HeadFirst = c.Last + 1; c.HeadLast = c.Last + own;
        }
        // a revised toll: "ramené de 100 morts à 35" — the second number takes the first one's noun
        if (v.Has(s, CueKind.Revision))
        {
            for (var k = 1; k < cands.Count; k++)
            {
                var c = cands[k];
                if (c.HasHead || c.IsOne || c.First == 0 || !v.Words.Is("revised_to", toks[c.First - 1].Folded)) continue;
                var prev = cands.Take(k).LastOrDefault(p => p.HasHead && !p.Drop && !p.IsOne);
                if (prev == null) continue;
                c.HeadFirst = prev.HeadFirst; c.HeadLast = prev.HeadLast; c.HeadCue = prev.HeadCue; c.Victim = prev.Victim;
                prev.Drop = true;
            }
        }
        // a bare number right after an outcome verb: "kills at least 15,"; else after a verb of reaching whose subject is a toll,
        // with words between them: "the death toll from Sunday's bombing in Mogadishu rose to 45"
        foreach (var c in cands)
        {
            if (c.HasHead || c.IsOne || c.Drop) continue;
            var next = c.Last + 1;
            // "kill 13 and wound 9": a list word may follow the bare number
            // "strike kills two in southern Lebanon": a preposition may too, and a contrast that opens the next clause
            // ("has risen to 16 while 34 people have been injured")
            if (next < end && toks[next].Kind is TokenKind.Word or TokenKind.Number && cues.Match(toks, next, end, CueKind.List) == null
                && !v.Words.Is("stop_title", toks[next].Folded) && !v.Words.Is("contrast", toks[next].Folded)) continue;
            var cue = cues.MatchEndingAt(toks, c.First - 1, start, out var f, CueKind.Outcome, CueKind.Head);
            if (cue?.Outcome is { } o) { c.Outcome = o; c.OutFirst = f; c.OutLast = c.First - 1; c.HeadFirst = c.HeadLast = c.Last; }
            else if (cues.MatchEndingAt(toks, c.First - 1, start, out var reach, CueKind.TollReach) != null) TollBefore(c, reach);
        }
        // the toll noun of a verb of reaching in the same clause, a few words back (no punctuation but an apostrophe between)
        void TollBefore(Cand c, int reach)
        {
            for (var i = reach - 1; i >= Math.Max(start, reach - TollReach); i--)
            {
                if (toks[i].Kind == TokenKind.Punct && toks[i].Folded != "'") return;
                if (cues.MatchEndingAt(toks, i, start, out var first, CueKind.Toll) is not { Outcome: { } o }) continue;
                c.Outcome = o; c.OutFirst = first; c.OutLast = i; c.HeadFirst = c.HeadLast = c.Last;
                return;
            }
        }
        // a number with no noun before a verb of outcome: "282 ont été blessées", "plus de 1230 ont été blessés"
        foreach (var c in cands)
        {
            if (c.HasHead || c.Drop) continue;
            var k = c.Last + 1;
            // "douze opposants ont été interpellés", "32 miners were abducted": a common noun that no lexicon knows, right after the
            // number and before the auxiliaries of a passive, names the people counted (no group said)
            var noun = -1;
            // (not "deux drones ont été abattus": a word of an event, a weapon or a place counts things, not people)
            if (!c.IsOne && k + 1 < end && NounOfNoGroup(v, k) && !InMention(v, s, toks[k])
                && v.Words.Is("copula", toks[k + 1].Folded)) noun = k++;
            var copulas = 0;
            while (k < end && v.Words.Is("copula", toks[k].Folded)) { k++; copulas++; }
            if (k >= end) continue;
            var cue = cues.Match(toks, k, end, CueKind.Outcome, CueKind.Head);
            // ("ont commis un massacre": an event word right after "un", whose letters fold to a participle's, counts no one)
            if (c.IsOne && copulas == 0 && eventWordAt.Contains(k)) continue;
            // "Militants ambush soldiers in Niger, 17 killed": a headline drops the auxiliary (a participle right after the number)
            // ("Al Massira TV said 17 died": an intransitive verb of dying needs no auxiliary)
            if (copulas == 0 && !(cue?.Kind == CueKind.Outcome && v.Words.Is("transitive", toks[k].Folded) && k + cue.Words.Length is var after
                                  && (after >= end || toks[after].Kind != TokenKind.Word || v.Words.Is("stop_title", toks[after].Folded)))
                && !(cue?.Kind == CueKind.Outcome && noun < 0 && v.Words.Is("intransitive", toks[k].Folded))) continue;
            // (not "douze assaillants ont tué": with an active auxiliary and a transitive participle, the people did it)
            if (noun >= 0 && (cue?.Kind != CueKind.Outcome || IsActive(v, noun + 1, k + cue.Words.Length))) continue;
            if (cue?.Outcome is { } o) { c.Outcome = o; c.OutFirst = k; c.OutLast = k + cue.Words.Length - 1; c.HeadFirst = c.HeadLast = noun >= 0 ? noun : c.Last; }
        }
        // "seven people were killed in Sakkada; four in Gyadadde; eight in Barin Zare": a bare number right before a place, after a
        // figure of the sentence told at a place, counts the same people at that other place
        foreach (var c in cands)
        {
            if (c.HasHead || c.Drop || c.IsOne) continue;
            var prev = cands.LastOrDefault(p => p.First < c.First && (p.HasHead || p.Inherit) && !p.Drop && !p.IsOne);
            if (prev == null || !PlaceRightAfter(v, s, c.Last + 1, end)
                || !v.Places[s].Any(p => p.Relation != PlaceRelation.Near && p.Span.Start > toks[prev.Last].End && p.Span.End <= toks[c.First].Start)) continue;
            (c.HeadFirst, c.HeadLast, c.HeadCue, c.Victim, c.Inherit) = (c.Last, c.Last, prev.HeadCue, prev.Victim, true);
        }
        var live = cands.Where(c => c.HasHead && !c.Drop).ToList();

        // 2. parts of a figure: "dont 24 enfants", "13 femmes parmi les 22", "Cinq autres - quatre Cambodgiens, un Marocain -"
        for (var k = 1; k < live.Count; k++)
        {
            var p = live[k - 1];
            var open = p.HeadLast + 1;
            if (open >= end || toks[open].Folded is not ("-" or "–" or "—" or "(")) continue;
            var closer = toks[open].Folded == "(" ? ")" : toks[open].Folded;
            var close = open + 1;
            while (close < end && toks[close].Folded != closer) close++;
            for (var m = k; m < live.Count && live[m].First < close; m++) live[m].Drop = true;
        }
        foreach (var c in live)
        {
            for (var i = c.First - 1; i >= Math.Max(start, c.First - 2); i--)
                if (cues.MatchEndingAt(toks, i, start, out _, CueKind.SubcountBefore) != null) { c.Drop = true; c.SplitOf = SplitByGroup(v, c, live); break; }
            // "faisant parmi les civils au moins 15 morts": the group named before the figure, after "parmi" or a ranks word
            if (!c.Drop && c.Victim == null && GroupBefore(v, c.First, start, victimAt) is { } named) c.Victim = named;
            if (c.HeadLast + 1 < end && cues.Match(toks, c.HeadLast + 1, end, CueKind.SubcountAfter) is { } sub)
            {
                // "douze morts parmi les assaillants": the victims' group, not a part of a figure ("13 femmes parmi les 22")
                if (VictimAfter(v, c.HeadLast + 1 + sub.Words.Length, end, victimAt) is { } vm && c.Victim == null) c.Victim = vm;
                else c.Drop = true;
            }
            // "trois femmes et un enfant font partie des personnes tuées", "two children were among the dead": people counted
            // before a verb of belonging are part of a figure already given (after the rest of their list)
            else if (SubsetVerbAfter(v, c.HeadLast + 1, end)) c.Drop = true;
            // "six blessés dans les rangs des forces de sécurité"
            else if (c.Victim == null && RanksAt(v, c.HeadLast + 1, end) is var r && r > 0 && VictimAfter(v, r, end, victimAt) is { } rv) c.Victim = rv;
        }
        // the rest of a list of parts: "dont deux femmes et trois enfants"
        for (var k = 1; k < live.Count; k++)
            if (live[k - 1].Drop && !live[k].Drop && Coordinated(v, live[k - 1].HeadLast + 1, live[k].First, end)
                // (not after a part alone closed by a comma and a coordinator: "Onze soldats, dont un capitaine, et un civil ont été tués")
                && !(ClosesAside(v, live[k - 1].HeadLast + 1, live[k].First) && (k < 2 || !live[k - 2].Drop)))
            {
                live[k].Drop = true;
                if (live[k - 1].SplitOf != null) live[k].SplitOf = SplitByGroup(v, live[k], live);
            }
        var splits = live.Where(c => c.SplitOf != null).ToList();
        live.RemoveAll(c => c.Drop);

        // 3. the outcome: the head itself, else the nearest outcome word of the list the number belongs to
        var speech = v.SpeechVerbs;
        var chains = new List<List<Cand>>();
        foreach (var c in live)
        {
            if (chains.Count > 0 && AfterNationality(v, chains[^1][^1].HeadLast + 1, end) is var past
                && (Coordinated(v, past, c.First, end) || CoordinatedPastAside(v, past, c.First, end)))
                chains[^1].Add(c);
            else chains.Add([c]);
        }
        for (var ci = 0; ci < chains.Count; ci++)
        {
            var chain = chains[ci];
            foreach (var c in chain)
                if (c.HeadCue is { Kind: CueKind.Head, Outcome: { } own } && c.Outcome == null)
                {
                    (c.Outcome, c.OutFirst, c.OutLast) = (own, c.HeadFirst, c.HeadLast);
                    // "60 autres déplacés ont été tués", "12 refugees were killed": people counted by their displacement, then
                    // given another outcome by the passive (or intransitive) verb right after them, are civilians with that outcome
                    // (or the object of such a verb right before them: "l'explosion a tué douze déplacés")
                    if (own == Outcome.Displaced && (StatusVerbAfter(v, cues, c.HeadLast + 1, end) ?? StatusVerbBefore(v, cues, c.First, start)) is var (vo, vf, vl))
                        (c.Outcome, c.OutFirst, c.OutLast, c.StatusHead) = (vo, vf, vl, true);
                }
            // "au moins 74 prorégime, 59 jihadistes et 19 civils": the bound covers the whole list
            if (chain.Count > 1 && chain[0].Bound is Bound.AtLeast or Bound.MoreThan or Bound.About)
                foreach (var c in chain.Skip(1)) if (c.Bound == Bound.Exact && !c.IsOne && c.HeadCue?.Kind != CueKind.Head) c.Bound = chain[0].Bound;
            if (chain.All(c => c.Outcome != null)) continue;
            var limit = ci + 1 < chains.Count ? chains[ci + 1][0].First : end;
            Outcome? fo = null; int ff = -1, fl = -1, fd = int.MaxValue;
            var window = ForwardWindow;
            var aside = false;
            for (var i = chain[^1].HeadLast + 1; i < Math.Min(limit, chain[^1].HeadLast + 1 + window); i++)
            {
                if (toks[i].Folded is ";" or ":") break;
                // "Two doctors said the toll …", "deux médecins ont dit que le bilan …": the people counted speak, and what they
                // say is no outcome of theirs ("have been reported missing" is no speech of theirs; a speech verb after a comma, "cinq soldats, a indiqué l'armée, ont été tués", is an aside)
                if (toks[i].Folded == ",") aside = true;
                else if (!aside && !v.Words.Is("passive_aux", toks[i - 1].Folded) && speech.Match(toks, i, end, out _, out _)) break;
                // "sept personnes, dont une femme et deux enfants, ont été tuées": the aside does not count against the window
                if (SubcountAsideEnd(v, i, end, end) is var close && close > 0) { window += close - i; i = close; limit = Math.Max(limit, close + 1); continue; }
                // "Five civilians in the village of Kulias in Bokkos local government area were on Sunday killed": the words of a
                // place or a time between the counted people and their verb do not count against the window either (up to a window more)
                if (window < 2 * ForwardWindow && (InTime(v, s, toks[i]) || v.Places[s].Any(p => p.Span.Contains(toks[i].Span)))) window++;
                // (…and so does a place set off by commas: "Cinq civils du village de Kulias, dans la zone de Bokkos, dans l'Etat du
                // Plateau, ont été tués")
                if (toks[i].Folded == "," && PlaceAsideEnd(v, cues, s, i, end) is var pe && pe > 0) { window += pe - i; i = pe - 1; continue; }
                var cue = cues.Match(toks, i, end, CueKind.Outcome, CueKind.Head);
                if (cue?.Outcome is { } o)
                {
                    // "un Palestinien a blessé un réserviste": the counted people did it, they are not its victims
                    if (IsActive(v, chain[^1].HeadLast + 1, i + cue.Words.Length)) break;
                    // "two gunmen killed five villagers", "an officer shot and killed a trader": a verb whose object is the next
                    // figure tells what the counted people did, not what happened to them
                    if (cue.Kind == CueKind.Outcome && ci + 1 < chains.Count && ObjectFollows(v, i + cue.Words.Length, limit, end)) break;
                    fo = o; ff = i; fl = i + cue.Words.Length - 1; fd = i - chain[^1].HeadLast - 1; break;
                }
            }
            Outcome? bo = null; int bf = -1, bl = -1, bd = int.MaxValue;
            // "ont tué, lundi 21 octobre, cinq civils": a time between commas does not part the verb from its count
            var shift = 0;
            if (chain[0].First - 1 > start && toks[chain[0].First - 1].Folded == ",")
            {
                var k = chain[0].First - 2;
                while (k >= start && toks[k].Folded != "," && InTime(v, s, toks[k])) k--;
                if (k >= start && k < chain[0].First - 2 && toks[k].Folded == ",") shift = chain[0].First - k;
            }
            // (the words of a time between them count for nothing either: "la mort ce lundi 15 mars de 58 personnes")
            var floor = chain[0].First - shift;
            for (var n = 0; floor > start && n < BackwardWindow; )
            {
                floor--;
                if (!InTime(v, s, toks[floor])) n++;
            }
            if (ci > 0) floor = Math.Max(floor, chains[ci - 1][^1].HeadLast + 1);
            for (var i = chain[0].First - 1 - shift; i >= floor; i--)
            {
                if (toks[i].Folded is "," or ";" or "." or ":" || cues.Match(toks, i, end, CueKind.List) != null) break;
                // (the count right after a passive's agent word did it: "tués vendredi 22 décembre à l'aube par un kamikaze"; not "blessé
                // par balle quatre personnes")
                if (i == chain[0].First - 1 - shift && v.Words.Is("agent", toks[i].Folded)) break;
                var cue = cues.MatchEndingAt(toks, i, floor, out var f, CueKind.Outcome, CueKind.Head);
                if (cue?.Outcome is { } o) { bo = o; bf = f; bl = i; bd = chain[0].First - 1 - shift - i; break; }
            }
            var useForward = fo != null && (bo == null || fd <= bd);
            foreach (var c in chain)
            {
                if (c.Outcome != null) continue;
                if (useForward) { c.Outcome = fo; c.OutFirst = ff; c.OutLast = fl; }
                else if (bo != null) { c.Outcome = bo; c.OutFirst = bf; c.OutLast = bl; }
            }
        }
        foreach (var c in live)
            if (c.Outcome == null && c.Between is var (bo2, bf2, bl2)) (c.Outcome, c.OutFirst, c.OutLast) = (bo2, bf2, bl2);
        // ellipsis: "deux ont été tués près de A, et un autre près de B"
        for (var k = 0; k < live.Count; k++)
        {
            var c = live[k];
            if (c.Outcome != null || !c.Inherit) continue;
            // (not "trois civils ont été tués et 30 autres ont été transportés à l'hôpital", "… and 30 others were taken to
            // hospital": others with a verb of their own that tells no outcome)
            if (c.HeadLast + 1 < end && OwnVerbAfter(v, c.HeadLast + 1)) continue;
            var prev = k > 0 ? live[k - 1] : null;
            if (prev?.Outcome != null) { c.Outcome = prev.Outcome; c.OutFirst = prev.OutFirst; c.OutLast = prev.OutLast; }
        }
        // the parts of a total that split it by side, with the total's outcome ("huit morts dont un policier")
        foreach (var c in splits)
        {
            if (c.SplitOf!.Outcome == null || c.Outcome != null) continue;
            (c.Outcome, c.OutFirst, c.OutLast) = (c.SplitOf.Outcome, c.SplitOf.OutFirst, c.SplitOf.OutLast);
            live.Add(c);
        }
        if (splits.Count > 0) live.Sort((a, b) => a.First.CompareTo(b.First));
        // "32 morts et blessés", "45 were killed or injured": one count of two outcomes joined by a coordinator counts neither
        // (not when the second has a count of its own: "left seven people dead and injured 16")
        foreach (var c in live)
            if (c.Outcome is { } co && c.OutLast >= 0 && c.OutLast + 2 < end && toks[c.OutLast + 1].Kind == TokenKind.Word
                && v.Words.IsCoordinator(toks[c.OutLast + 1].Folded)
                && cues.Match(toks, c.OutLast + 2, end, CueKind.Outcome, CueKind.Head) is { Outcome: { } other } second && other != co
                && !(c.OutLast + 2 + second.Words.Length < end && toks[c.OutLast + 2 + second.Words.Length].Kind == TokenKind.Number))
                c.Outcome = null;
        live.RemoveAll(c => c.Outcome == null);
        if (live.Count == 0) return [];

        // 4. the group
        var objectCivilians = CiviliansAsObject(v, s) || (s > 0 && v.Paragraph[s - 1] == v.Paragraph[s] && CiviliansAsObject(v, s - 1));
        // where the sentence happens: its first place the gazetteer placed, else the document's main country
        // (not a dateline's: "Kabul: Four Pakistani police officers were killed … in the country's northwest" is where the copy was filed)
        var placeCountry = v.Places[s].FirstOrDefault(p => p.Feature != PlaceMention.DatelineFeature && p.Resolved is { Lat: not null, Precision: < 3 })?.Resolved!.Country
                           ?? v.Doc.Layers.GetOne<Vigie.Geo.GeoContext>()?.MainCountry;
        for (var k = 0; k < live.Count; k++)
        {
            var c = live[k];
            // an outcome noun says the group itself ("réfugiés" civilians, "déplacés" no group), whatever the victim words say
            // "douze morts parmi les assaillants": a victim noun after the outcome noun names the group
            // (… or before the number: "faisant parmi les civils au moins 15 morts")
            var victimElsewhere = c.Victim != null && (v.TokenAt(c.Victim.Span.Start) > c.HeadLast || c.Victim.Span.End <= toks[c.First].Start);
            if (c.HeadCue is { Kind: CueKind.Head } hc && !(victimElsewhere && hc.Group == null)) c.Group = hc.Group ?? (c.StatusHead ? VictimGroup.Civilians : VictimGroup.All);
            else if (c.Victim != null)
            {
                c.Group = c.Victim.Group; c.Named = c.Victim.NamedGroup;
                // a state's soldiers where the document's places lie in another country are forces abroad ("soldats israéliens" in Gaza)
                if (c.Group == VictimGroup.GovernmentForces && c.Victim.Country is { } vc && placeCountry is { } pc && !string.Equals(vc, pc, StringComparison.OrdinalIgnoreCase))
                    c.Group = VictimGroup.ForeignForces;
            }
            if (c.Inherit && c.Victim == null)
            {
                // "killing seven people, including three police officers, and wounding 20 others": the others of the total, not of its part
                var prev = k > 0 ? live[k - 1].SplitOf ?? live[k - 1] : null;
                if (prev != null) { c.Group = prev.Group; c.Named = prev.Named; }
                else if (before.Count > 0) { c.Group = before[^1].Figure.Group; c.Named = before[^1].Figure.NamedGroup; }
            }
            // "40 civils ont été tués et au moins 19 blessés", "two soldiers were killed and three wounded": a bare count right after
            // another figure of the clause, joined to it by a coordinator, counts the same people
            // (not after a figure whose group is an adjective of its outcome noun: "deux morts civils et une dizaine de blessés")
            if (c.Group == VictimGroup.All && c.Victim == null && k > 0 && live[k - 1] is { Group: not VictimGroup.All, Between: null } pf && pf.Outcome != c.Outcome
                && pf.End is var pe && c.First - pe is > 1 and <= 3
                && Enumerable.Range(pe + 1, c.First - pe - 1).Any(i => v.Words.IsCoordinator(toks[i].Folded))
                && Enumerable.Range(pe + 1, c.First - pe - 1).All(i => v.Words.IsCoordinator(toks[i].Folded) || toks[i].Kind == TokenKind.Punct))
            {
                c.Group = pf.Group; c.Named = pf.Named;
            }
            // "les forces pro-gouvernementales ont perdu 13 hommes", "the army has lost five men": a verb of losing counts the dead of
            // its subject's side (function role own_loss), the nearest armed actor before it in the clause
            // (whatever side the victim word took from an actor near it: "ont perdu 13 combattants lors d'affrontements avec l'EI"
            // are the subject's fighters, not the Islamic State's)
            if (c.OutFirst >= 0 && c.OutFirst < c.First && v.Words.Role("own_loss").Contains(toks[c.OutFirst].Folded)
                && SideOfSubject(v, s, c.OutFirst) is { } side && (c.Group == VictimGroup.All || c.Group != side && IsArmedSide(c.Group)))
            {
                if (c.Group != VictimGroup.All) c.Named = null;
                c.Group = side;
            }
            if (c.Group == VictimGroup.All && c.Victim == null)
            {
                var after = c.OutLast > c.HeadLast ? c.OutLast + 1 : c.HeadLast + 1;
                if (AllOf(v, after, end) is { } vm) { c.Group = vm.Group; c.Named = vm.NamedGroup; }
                // "six victimes décédées : quatre soldats et deux volontaires": parts after a colon that are all of one group
                else if (PartsAfterColon(v, after, end, victimAt) is { } parts) { c.Group = parts.Group; c.Named = parts.NamedGroup; }
                else if (objectCivilians && c.Outcome == Outcome.Killed) c.Group = VictimGroup.Civilians;
                // "Security forces opened live fire on protesters, leaving two men dead and 26 others injured": the toll of force used
                // on a demonstration counts protesters, civilians (../shared/gold/README.md)
                else if (c.Outcome is Outcome.Killed or Outcome.Injured && v.Triggers[s].Any(t => t.Subtype == EventSubtype.ExcessiveForceAgainstProtesters))
                    c.Group = VictimGroup.Civilians;
            }
            // "Au moins 56 personnes, toutes civiles, ont été tuées", "At least 56 people, all of them civilians, were killed": people
            // counted with no group, then all of one group set off right after them
            // (or after their outcome: "Twelve people were killed, all of them soldiers")
            if (c.Group == VictimGroup.All && c.Victim is null or { Group: VictimGroup.All }
                && (AllOfAfterComma(v, c.HasHead ? c.HeadLast + 1 : -1, end) ?? AllOfAfterComma(v, c.OutLast > c.HeadLast ? c.OutLast + 1 : -1, end)) is { } set)
            {
                c.Group = set.Group; c.Named = set.NamedGroup;
            }
            // "Côté jihadistes, un cadavre a été retrouvé", "Du côté de l'armée, on compte deux morts": the side a sentence opens with
            if (c.Group == VictimGroup.All && c.Victim is null or { Group: VictimGroup.All } && c.HeadCue?.Group == null
                && SideOpening(v, s, toks[c.First].Start, victimAt) is { } opening)
            {
                c.Group = opening.Group; c.Named = opening.NamedGroup;
            }
            // "abducted at least 80 people, mostly women and children": non-combatants named with no count of their own
            if (c.Group == VictimGroup.All && c.Victim is null or { Group: VictimGroup.All }
                && MostlyCivilians(v, Math.Max(c.HeadLast, c.Last) + 1, end)) c.Group = VictimGroup.Civilians;
            // "The police had said 10 suspected militants were killed … However, a senior officer had put the toll at 11": a bare toll
            // right after a sentence that counts one group with the same outcome is another count of those people
            if (c.Group == VictimGroup.All && c.Victim == null && c.HeadCue == null && s > 0
                && before.Where(b => b.Sentence == s - 1 && b.Figure.Outcome == c.Outcome).ToList() is [{ Figure.Group: not VictimGroup.All } other])
            {
                c.Group = other.Figure.Group; c.Named = other.Figure.NamedGroup;
            }
            // (not the group named as the doer right after the outcome: "six combattants ont été tués par des tirs de terroristes de l'EI")
            if (c.Group == VictimGroup.NonStateArmed && c.Named == null && NamedNonState(v) is { } only && !AgentAfter(v, s, c.OutLast, only)) c.Named = only;
        }

        // 5. source, time, area
        var sentenceArea = AreaOf(v, s, null, null) ?? previousArea;
        previousArea = sentenceArea;
        var sameSource = v.Has(s, CueKind.SameSource);
        var result = new List<FigureMention>();
        for (var k = 0; k < live.Count; k++)
        {
            var c = live[k];
            // "a security guard, who was not injured", "survived the blast without any serious injuries": an outcome denied counts nobody
            if (c.OutFirst > c.First && NegatedOutcome(v, c.OutFirst, Math.Max(c.Last, c.HeadLast))) continue;
            var nextStart = k + 1 < live.Count ? toks[live[k + 1].First].Start : int.MaxValue;
            var area = AreaOf(v, s, toks[c.First].Start, nextStart) ?? sentenceArea;
            var numSpan = new TextSpan(toks[c.First].Start, toks[Math.Max(c.Last, c.HeadLast)].End);
            var figSpan = numSpan;
            if (c.OutFirst >= 0) figSpan = TextSpan.Cover(figSpan, new TextSpan(toks[c.OutFirst].Start, toks[c.OutLast].End));
            var (source, sourceSpan) = SourceOf(v, s, numSpan, sameSource ? previousSource : null);
            var (scope, period, timeSpan) = ScopeOf(v, s, figSpan);
            // "plus de 3 000 morts et plus de 6 000 blessés": a count joined to the one before it by a coordinator alone has its scope
            if (k > 0 && result.Count > 0 && result[^1].NumberSpan.Start == toks[live[k - 1].First].Start
                && live[k - 1].End is var je && c.First - je == 2 && v.Words.IsCoordinator(toks[je + 1].Folded))
                (scope, period, timeSpan) = (result[^1].Scope, result[^1].Period, result[^1].TimeSpan);
            var evidence = sourceSpan is { } ss && Math.Abs(ss.Start - figSpan.End) < 200 ? TextSpan.Cover(figSpan, ss) : figSpan;
            var fig = new Figure
            {
                Outcome = c.Outcome!.Value, Group = c.Group, NamedGroup = c.Named, Count = c.Count, Bound = c.Bound,
                Low = c.Bound == Bound.Range ? c.Low : null, High = c.Bound == Bound.Range ? c.High : null,
                Evidence = [figSpan],
            };
            result.Add(new FigureMention(fig, s)
            {
                Source = source, Scope = scope, Period = period, Area = area, Evidence = evidence, TimeSpan = timeSpan, NumberSpan = numSpan,
                HasPlace = v.Places[s].Count > 0, Elaboration = v.Has(s, CueKind.Elaboration),
            });
        }
        return result;
    }

    /// <summary>An outcome other than displacement told by the verb that ends right before the count at <paramref name="first"/>
    /// ("a tué douze déplacés", "killed 12 refugees").</summary>
    private static (Outcome, int, int)? StatusVerbBefore(DocView v, AssemblyCues cues, int first, int start) =>
        first - 1 >= start && cues.MatchEndingAt(v.Tokens, first - 1, start, out var f, CueKind.Outcome) is { Outcome: { } o } && o != Outcome.Displaced
            ? (o, f, first - 1) : null;

    /// <summary>
    /// An outcome other than displacement told of the words before <paramref name="i"/> by a verb right after them: auxiliaries of a
    /// passive then the participle ("ont été tués", "were killed"), or an intransitive verb of dying ("died").
    /// </summary>
    private static (Outcome, int, int)? StatusVerbAfter(DocView v, AssemblyCues cues, int i, int end)
    {
        var toks = v.Tokens;
        var k = i;
        while (k < end && v.Words.Is("copula", toks[k].Folded)) k++;
        if (k >= end || cues.Match(toks, k, end, CueKind.Outcome, CueKind.Head) is not { Outcome: { } o } cue || o == Outcome.Displaced) return null;
        if (k == i && !v.Words.Is("intransitive", toks[k].Folded)) return null;
        return (o, k, k + cue.Words.Length - 1);
    }

    private static void FindHead(DocView v, Cand c, int end, Dictionary<int, Cand> candAt, Dictionary<int, VictimMention> victimAt, HashSet<int> eventWordAt)
    {
        var toks = v.Tokens;
        var cues = v.Cues;
        if (c.First > 0 && cues.Match(toks, c.First - 1, end, CueKind.Other) != null) c.Inherit = true;
        var j = c.Last + 1;
        if (j >= end) return;
        if (cues.Match(toks, j, end, CueKind.Unit) != null) return;
        var gaps = 0;
        // lower-case words that qualify a victim noun right after them, in a language that puts its modifiers first and
        // capitalises none of them: "19 government soldiers", "14 state police officers", "a motorcycle taxi rider"
        var modifiersFirst = Languages.For(Finders.FinderData.LangOf(v.Doc)).Option("capitalized_adjective");
        var mods = 0;
        bool Modifier(int k) => modifiersFirst && mods < MaxModifiers && NounOfNoGroup(v, k, CivilianSiteSet) && !eventWordAt.Contains(k)
                                && VictimNounWithin(v, k + 1, end, MaxModifiers - mods, victimAt);
        // "a young soldier", "a military ranger": any lower-case word right before the victim noun qualifies it, even one of a cue
        // or a context set (in a language whose adjectives come first: in French "un responsable policier" is a person of no group)
        bool WordRightBeforeVictim(int k) => modifiersFirst && mods < MaxModifiers && k + 1 < end && victimAt.ContainsKey(k + 1)
                                             && toks[k].Kind == TokenKind.Word && !char.IsUpper(v.Text[toks[k].Start]) && !eventWordAt.Contains(k)
                                             && cues.Match(toks, k, end, CueKind.Outcome) == null && !v.Words.IsDeterminer(toks[k].Folded);
        // "sept (7) civils": the number repeated in figures between brackets
        if (j + 2 < end && toks[j].Folded == "(" && toks[j + 1].Kind == TokenKind.Number && toks[j + 2].Folded == ")")
        {
            if (candAt.TryGetValue(j + 1, out var repeat)) repeat.Drop = true;
            j += 3;
        }
        // "porte à sept le nombre de soldats tués", "chiffre à 14 le nombre de manifestants tués": the count given to "the number
        // of" right after it is the count of the people that follow (function role number_of)
        if (j + 3 < end && v.Words.IsDeterminer(toks[j].Folded) && v.Words.Role("number_of").Contains(toks[j + 1].Folded) && v.Words.IsOf(toks[j + 2].Folded))
            j += 3;
        while (j < end)
        {
            if (victimAt.TryGetValue(j, out var vm))
            {
                // "in an insurgent ambush", "a rebel attack": a victim word before an event word describes the event, it counts no one
                // (not "un policier abattu": an outcome participle after the noun is what befell it)
                // (nor "un policier à l'arme blanche": an event word opened by a preposition is no noun of the victim word)
                if (c.IsOne && v.LastTokenBefore(vm.Span.End) + 1 is var after && eventWordAt.Contains(after)
                    && cues.Match(toks, after, end, CueKind.Outcome, CueKind.Head) == null
                    && !v.Words.Is("stop_title", toks[after].Folded) && !v.Words.IsOf(toks[after].Folded) && !v.Words.IsDeterminer(toks[after].Folded)) return;
                c.Victim = vm; c.HeadFirst = j; c.HeadLast = v.LastTokenBefore(vm.Span.End);
                // the victim noun may carry an outcome word ("blessés") — also read as the head cue
                c.HeadCue = cues.Match(toks, j, end, CueKind.Head) is { } hc && hc.Words.Length == c.HeadLast - j + 1 ? hc : null;
                return;
            }
            var cue = cues.Match(toks, j, end, CueKind.Head, CueKind.Person, CueKind.Other);
            if (cue != null)
            {
                if (cue.Kind == CueKind.Other)
                {
                    c.Inherit = true;
                    // "15 autres blessés", "d'autres civils": the noun may follow
                    var k = j + cue.Words.Length;
                    if (k < end && (victimAt.ContainsKey(k) || cues.Match(toks, k, end, CueKind.Head, CueKind.Person) != null)) { j = k; continue; }
                    // (not "deux autres voitures": a common noun after it that is no person, with no outcome after it, counts things)
                    if (k < end && toks[k].Kind == TokenKind.Word && char.IsLower(v.Text[toks[k].Start]) && OtherThing(v, cues, k, end, victimAt)) return;
                }
                c.HeadCue = cue; c.HeadFirst = j; c.HeadLast = j + cue.Words.Length - 1;
                // "five wounded men": the adjective is not the noun
                if (cue.Kind == CueKind.Head && c.HeadLast + 1 < end && (victimAt.ContainsKey(c.HeadLast + 1) || cues.Match(toks, c.HeadLast + 1, end, CueKind.Person) != null))
                {
                    // (its outcome is the figure's when no outcome word of the clause gives one: "trois morts civils")
                    // (in a language that puts its adjectives after the noun only: "five wounded men were transferred" is no toll)
                    if (cue.Outcome is { } ao && !modifiersFirst) c.Between = (ao, c.HeadFirst, c.HeadLast);
                    c.HeadCue = null; j = c.HeadLast + 1; c.HeadFirst = -1; c.HeadLast = -1;
                    continue;
                }
                return;
            }
            // "deux Israéliens", "un Palestinien": a people's name counts persons of no stated group
            var tj = toks[j];
            // (…but "Two Armenian and two Azerbaijani soldiers", "Five Nigerien and five Nigerian troops": a people's adjective
            // joined by a list word to another count whose adjective comes with its noun shares that noun)
            if (tj.Kind == TokenKind.Word && char.IsUpper(v.Text[tj.Start]) && IsDemonymNoun(v, j, end) && SharedNoun(v, j, end, candAt, victimAt) is { } shared)
            {
                c.Victim = new VictimMention(new TextSpan(tj.Start, tj.End), shared.Group) { NamedGroup = shared.NamedGroup, Country = DemonymCountry(v, j, end), Rule = shared.Rule };
                c.HeadFirst = j; c.HeadLast = j;
                return;
            }
            // (not "an Israeli strike": a people's name before a common noun is its adjective)
            if (tj.Kind == TokenKind.Word && char.IsUpper(v.Text[tj.Start]) && IsDemonymNoun(v, j, end)
                && !(j + 1 < end && (victimAt.ContainsKey(j + 1) || cues.Match(toks, j + 1, end, CueKind.Head, CueKind.Person) != null))
                // (nor "seven Pakistani Army soldiers": capitalised words between the people's name and a victim noun)
                && !CapitalisedRunBeforeVictim(v, j + 1, end, victimAt)
                && (j + 1 >= end || toks[j + 1].Kind != TokenKind.Word || char.IsUpper(v.Text[toks[j + 1].Start]) || v.Words.Is("stop_title", toks[j + 1].Folded)
                    || v.Words.Is("copula", toks[j + 1].Folded) || v.Words.Is("coordinator", toks[j + 1].Folded) || v.Words.Is("relative", toks[j + 1].Folded)
                    || cues.Match(toks, j + 1, end, CueKind.Outcome) != null))
            {
                c.HeadCue = PersonCue; c.HeadFirst = j; c.HeadLast = j;
                c.Victim = new VictimMention(new TextSpan(tj.Start, tj.End), VictimGroup.All) { Rule = "demonym" };
                return;
            }
            // "une seconde victime", "un autre soldat": an ordinal between the article and its noun
            if (c.IsOne && gaps == 0 && cues.Match(toks, j, end, CueKind.One) is { Words.Length: 1 } && j == c.Last + 1) { gaps++; j++; continue; }
            // "an Israeli soldier": a people's adjective between the article and its noun
            if (c.IsOne && gaps == 0 && j == c.Last + 1 && tj.Kind == TokenKind.Word && char.IsUpper(v.Text[tj.Start]) && IsDemonymNoun(v, j, end)
                && j + 1 < end && victimAt.ContainsKey(j + 1)) { gaps++; j++; continue; }
            // "a taxi driver", "a motorcycle taxi rider": the one person's noun qualified right after the article
            if (c.IsOne && gaps == 0 && j == c.Last + 1 + mods && (Modifier(j) || WordRightBeforeVictim(j))) { mods++; j++; continue; }
            if (c.IsOne || gaps >= 3) return;
            // "cinq de leurs six chefs": the second number is the whole, not a figure
            if (candAt.TryGetValue(j, out var whole) && gaps > 0)
            {
                whole.Drop = true; j = whole.Last + 1; gaps++;
                continue;
            }
            // "five of the president's military bodyguards": the possessive of a word that qualifies the noun
            if (mods > 0 && v.Words.IsPossessiveMark(toks, j) && VictimNounWithin(v, j + 2, end, MaxModifiers, victimAt)) { j += 2; continue; }
            var t = toks[j];
            // « "Une quinzaine" d'assaillants »: a closing quote inside the figure
            var isGap = cues.Match(toks, j, end, CueKind.Gap) is { Words.Length: 1 } || (t.Folded is "\"" or "»" or "”" && j == c.Last + 1)
                        // "three al Shabaab members": the particle of a capitalised name
                        || (v.Words.IsParticle(t.Folded) && j + 1 < end && char.IsUpper(v.Text[toks[j + 1].Start]));
            var isAdjective = Finders.FinderData.IsCapitalized(v.Text, t) && modifiersFirst;
            if (!isAdjective && Modifier(j)) { mods++; j++; continue; }
            if (!isGap && !isAdjective) return;
            gaps++; j++;
        }
    }

    /// <summary>Lower-case words that may qualify a counted victim noun before it ("14 state police officers").</summary>
    private const int MaxModifiers = 2;

    /// <summary>A victim noun starts within <paramref name="reach"/> tokens of <paramref name="k"/>, past lower-case words of no group.</summary>
    /// <summary>
    /// Whether the words at token <paramref name="k"/> name a site forces hold (context set <c>armed_target</c> of triggers.tsv:
    /// "posts", "base", "checkpoints") and no victims ("soldiers" is in the set too).
    /// </summary>
    private static bool SiteAfter(DocView v, int k, int end, Dictionary<int, VictimMention> victimAt) =>
        k < end && !victimAt.ContainsKey(k)
        && EventAssembler.ContextIn(v, "armed_target", k, Math.Min(end, k + 3)) is { } site
        && site.Start == v.Tokens[k].Start;

    private static bool VictimNounWithin(DocView v, int k, int end, int reach, Dictionary<int, VictimMention> victimAt)
    {
        for (var i = k; i < end && i < k + reach; i++)
        {
            if (victimAt.ContainsKey(i)) return true;
            // (past a possessive: "the president's bodyguards")
            if (v.Words.IsPossessiveMark(v.Tokens, i)) { i++; reach += 2; continue; }
            if (!NounOfNoGroup(v, i)) return false;
        }
        return false;
    }

    /// <summary>Tokens after a counted noun within which the rest of its list may run before a verb of belonging ("et des enfants figurent parmi").</summary>
    private const int SubsetVerbReach = 5;

    /// <summary>A verb of belonging (<see cref="CueKind.SubsetOf"/>) at <paramref name="k"/> or after the rest of a list of people
    /// ("et un enfant font partie des"), before any punctuation or number.</summary>
    private static bool SubsetVerbAfter(DocView v, int k, int end)
    {
        for (var i = k; i < end && i < k + SubsetVerbReach; i++)
        {
            if (v.Cues.Match(v.Tokens, i, end, CueKind.SubsetOf) != null) return true;
            // (an outcome word first: the people have their own figure, "deux soldats tués figurent parmi …" aside)
            if (v.Tokens[i].Kind != TokenKind.Word || v.Cues.Match(v.Tokens, i, end, CueKind.Outcome) != null) return false;
        }
        return false;
    }

    /// <summary>The trigger file's context set of places where civilians gather.</summary>
    private const string CivilianSiteSet = "civilian_site";

    /// <summary>A lower-case word at <paramref name="k"/> that is no function word, no cue and no victim noun: a noun of people the
    /// lexicons do not list ("opposants", "miners"); a word of the context set <paramref name="siteSet"/> may be one.</summary>
    private static bool NounOfNoGroup(DocView v, int k, string? siteSet = null)
    {
        var t = v.Tokens[k];
        if (t.Kind != TokenKind.Word || char.IsUpper(v.Text[t.Start])) return false;
        var f = t.Folded;
        var fw = v.Words;
        if (fw.IsDeterminer(f) || fw.IsOf(f) || fw.Is("copula", f) || fw.Is("coordinator", f) || fw.Is("relative", f) || fw.Is("stop_title", f)
            || v.Cues.Match(v.Tokens, k, k + 1, CueKind.Outcome, CueKind.Head, CueKind.Person, CueKind.Unit, CueKind.Other, CueKind.Gap) != null) return false;
        // (nor a word of the trigger file's context sets: aircraft and drones, weapons, sites, goods)
        // (a place where civilians gather may qualify a person: "a university student", "a market trader")
        foreach (var (name, set) in Finders.TriggerFinder.Lexicon.Cache.For(Finders.FinderData.LangOf(v.Doc)).Context)
            if (name != siteSet && set.Match(v.Tokens, k, k + 1, out _, out _)) return false;
        return true;
    }

    /// <summary>Words after a definite article within which its noun of a person stands ("the village head": two).</summary>
    private const int DefinitePersonReach = 3;

    /// <summary>The singular noun of a person after the definite article at <paramref name="i"/> — a victim noun or a speaker's
    /// title, after at most one lower-case word — and the victim it makes; (-1, null) when there is none.</summary>
    private static (int Head, VictimMention? Victim) DefinitePerson(DocView v, int s, int i, int end)
    {
        var titles = Finders.SourceFinder.Lexicon.Cache.For(Finders.FinderData.LangOf(v.Doc)).Titles;
        for (var k = i + 1; k < Math.Min(end, i + DefinitePersonReach); k++)
        {
            var t = v.Tokens[k];
            if (t.Kind != TokenKind.Word || t.Folded.Length < 3 || t.Folded[^1] == 's') return (-1, null);
            // (the noun ends its phrase: "the village head of Nyalun", not "the head of the army's unit")
            // (or a name in apposition: "the County Commissioner James Chuol")
            var ends = k + 1 >= end || v.Tokens[k + 1].Kind != TokenKind.Word || v.Words.IsOf(v.Tokens[k + 1].Folded) || v.Words.Is("stop_title", v.Tokens[k + 1].Folded)
                       || char.IsUpper(v.Text[v.Tokens[k + 1].Start]);
            foreach (var vm in v.Victims[s])
                if (v.TokenAt(vm.Span.Start) == k && vm.Span.End == t.End) return ends ? (k, vm) : (-1, null);
            // a title: an officer of rank is of the forces; a holder of a civil office (a chief, a mayor, a commissioner) is a civilian,
            // as ACLED codes officials who are not in arms
            if (titles.Match(v.Tokens, k, k + 1, out _, out _))
                return ends ? (k, new VictimMention(new TextSpan(v.Tokens[i + 1].Start, t.End), v.Words.Is("rank", t.Folded) ? VictimGroup.GovernmentForces : VictimGroup.Civilians) { Rule = "definite person" }) : (-1, null);
        }
        return (-1, null);
    }

    /// <summary>True when the token lies inside a place, an actor or a weapon or event word of sentence <paramref name="s"/>.</summary>
    private static bool InMention(DocView v, int s, Token t) =>
        v.Places[s].Any(p => p.Span.Contains(t.Span)) || v.Actors[s].Any(a => a.Span.Contains(t.Span)) || InEventWord(v, s, t);

    /// <summary>True when the token lies inside an event word of sentence <paramref name="s"/>.</summary>
    private static bool InEventWord(DocView v, int s, Token t) => v.Triggers[s].Any(g => g.Span.Contains(t.Span));

    /// <summary>Words right after a people's name that are one to two capitalised words followed by a victim noun ("Army soldiers").</summary>
    private static bool CapitalisedRunBeforeVictim(DocView v, int k, int end, Dictionary<int, VictimMention> victimAt)
    {
        var from = k;
        while (k < end && k < from + 2 && v.Tokens[k].Kind == TokenKind.Word && char.IsUpper(v.Text[v.Tokens[k].Start])) k++;
        return k > from && k < end && victimAt.ContainsKey(k);
    }

    private static readonly Cue PersonCue = new(["*"], CueKind.Person, null, null, 0);

    private static bool IsDemonymNoun(DocView v, int j, int end) => DemonymLength(v, j, end) == 1;

    /// <summary>The victim noun a people's adjective at <paramref name="j"/> shares with the next count of its list: a list word,
    /// a number, a people's adjective, then the noun ("Two Armenian and two Azerbaijani soldiers"); null when the words are otherwise.</summary>
    private static VictimMention? SharedNoun(DocView v, int j, int end, Dictionary<int, Cand> candAt, Dictionary<int, VictimMention> victimAt)
    {
        var k = j + 1;
        if (k >= end || !v.Words.Is("coordinator", v.Tokens[k].Folded)) return null;
        k++;
        if (!candAt.TryGetValue(k, out var next)) return null;
        k = next.Last + 1;
        var d = DemonymLength(v, k, end);
        if (d == 0) return null;
        return victimAt.TryGetValue(k + d, out var noun) ? noun : null;
    }

    /// <summary>The country (ISO 3166-1 alpha-2) of the people's name or adjective at token <paramref name="j"/>; null when none.</summary>
    private static string? DemonymCountry(DocView v, int j, int end) =>
        Finders.Countries.Lexicon.For(Finders.FinderData.LangOf(v.Doc)).At(v.Tokens, j, end, out var e, out _, v.Text) && e.Demonym ? e.Iso2 : null;

    /// <summary>The number of tokens of a people's name or adjective at token <paramref name="j"/> ("syriens", "Malians"); 0 when none.</summary>
    private static int DemonymLength(DocView v, int j, int end) =>
        Finders.Countries.Lexicon.For(Finders.FinderData.LangOf(v.Doc)).At(v.Tokens, j, end, out var e, out var l, v.Text) && e.Demonym ? l : 0;

    /// <summary>
    /// An active transitive outcome between tokens [from, to): an active auxiliary ("a", "ont", "have") and a
    /// transitive participle ("tué", "blessé", "killed") with no passive auxiliary ("été", "were") — the subject did it.
    /// </summary>
    private static bool IsActive(DocView v, int from, int to)
    {
        var fw = v.Words;
        bool active = false, passive = false, transitive = false;
        for (var i = from; i < to && i < v.Tokens.Count; i++)
        {
            var f = v.Tokens[i].Folded;
            if (fw.Is("passive_aux", f)) passive = true;
            else if (fw.Is("active_aux", f)) active = true;
            if (fw.Is("transitive", f)) transitive = true;
        }
        return active && transitive && !passive;
    }

    /// <summary>The victim noun at token i, after determiners.</summary>
    private static VictimMention? VictimAfter(DocView v, int i, int end, Dictionary<int, VictimMention> victimAt)
    {
        var fw = v.Words;
        while (i < end && (fw.IsDeterminer(v.Tokens[i].Folded) || fw.IsOf(v.Tokens[i].Folded))) i++;
        if (i >= end) return null;
        if (victimAt.TryGetValue(i, out var vm)) return vm;
        // "un mort côté FAMa", "in the ranks of the Ugandan army": an armed actor named there is the side
        var s = v.SentenceAt(v.Tokens[i].Start);
        if (s < 0) return null;
        foreach (var a in v.Actors[s])
            if (a.Span.Start == v.Tokens[i].Start)
                return Finders.VictimFinder.GroupOf(a.Kind) is { } g
                    ? new VictimMention(a.Span, g) { NamedGroup = g == VictimGroup.NonStateArmed ? a.Name : null, Rule = "side" } : null;
        return null;
    }

    /// <summary>A place preposition at token <paramref name="i"/> (or one word after it) followed by a place mention of the sentence ("in Gyadadde", "à Mamove").</summary>
    private static bool PlaceRightAfter(DocView v, int s, int i, int end)
    {
        return i < end && v.Places[s].Any(p => p.Span.Start > v.Tokens[i].Start && v.TokenAt(p.Span.Start) - i <= 4 && p.Relation != PlaceRelation.Near
                                              && v.Text.AsSpan(v.Tokens[i].Start, p.Span.Start - v.Tokens[i].Start).IndexOfAny(",;.") < 0);
    }

    /// <summary>After a figure, a colon, then the people it counts named by their groups ("six morts : quatre soldats et deux
    /// gendarmes"): their one group when every victim word up to the end of the clause has it, else null.</summary>
    private static VictimMention? PartsAfterColon(DocView v, int after, int end, Dictionary<int, VictimMention> victimAt)
    {
        var k = after;
        if (k < end && v.Tokens[k].Folded is "»" or "\"" or "”") k++;
        if (k >= end || v.Tokens[k].Folded != ":") return null;
        VictimMention? first = null;
        for (k++; k < end && v.Tokens[k].Folded is not (";" or "." or "(" or "»" or "\"" or "”"); k++)
        {
            if (!victimAt.TryGetValue(k, out var vm)) continue;
            if (vm.Group == VictimGroup.All || first != null && vm.Group != first.Group) return null;
            first ??= vm;
        }
        return first;
    }

    /// <summary>Tokens before a figure within which "parmi les civils", "dans les rangs de l'armée" names its group.</summary>
    private const int GroupBeforeReach = 6;

    /// <summary>"faisant parmi les civils au moins 15 morts": a victim or an armed actor after "parmi"/"among" (assembly cue
    /// <c>subcount_after</c>) or a ranks word (function role <c>ranks</c>), ending right before the figure (its bound words
    /// included), or null.</summary>
    private static VictimMention? GroupBefore(DocView v, int first, int start, Dictionary<int, VictimMention> victimAt)
    {
        var fw = v.Words;
        for (var k = first - 2; k >= Math.Max(start, first - GroupBeforeReach); k--)
        {
            if (v.Tokens[k].Kind == TokenKind.Punct) return null;
            // ("parmi", "among": the assembly cue subcount_after, read here before the figure)
            var intro = fw.Is("ranks", v.Tokens[k].Folded) ? 1 : v.Cues.Match(v.Tokens, k, first, CueKind.SubcountAfter)?.Words.Length ?? 0;
            if (intro == 0) continue;
            if (VictimAfter(v, k + intro, first, victimAt) is not { } vm) return null;
            return v.TokenAt(vm.Span.End - 1) == first - 1 ? vm : null;
        }
        return null;
    }

    /// <summary>
    /// A sentence that opens with a side ("Côté jihadistes,", "Du côté de l'armée,": a ranks word, function role ranks, then victim
    /// words or an armed actor, then a comma) before the position <paramref name="before"/>: that side, else null.
    /// </summary>
    private static VictimMention? SideOpening(DocView v, int s, int before, Dictionary<int, VictimMention> victimAt)
    {
        var sent = v.Sentences[s];
        var k = sent.FirstToken;
        if (k < sent.EndToken && v.Words.IsOf(v.Tokens[k].Folded)) k++;
        if (k >= sent.EndToken || !v.Words.Is("ranks", v.Tokens[k].Folded)) return null;
        var comma = k + 1;
        while (comma < sent.EndToken && comma - k <= 6 && v.Tokens[comma].Folded != ",") comma++;
        if (comma >= sent.EndToken || v.Tokens[comma].Folded != "," || v.Tokens[comma].Start >= before) return null;
        // ("Côté victimes militaires,": an outcome noun may come before the side's words)
        var from = k + 1;
        if (from < comma && v.Cues.Match(v.Tokens, from, comma, CueKind.Head) is { } head && from + head.Words.Length < comma) from += head.Words.Length;
        var vm = VictimAfter(v, from, comma, victimAt);
        return vm != null && v.TokenAt(vm.Span.End - 1) == comma - 1 ? vm : null;
    }

    /// <summary>"dans les rangs des …", "in the ranks of …": the token after the phrase, or 0.</summary>
    private static int RanksAt(DocView v, int i, int end)
    {
        var fw = v.Words;
        for (var k = i; k < Math.Min(end, i + 4); k++)
            if (fw.Is("ranks", v.Tokens[k].Folded)) return k + 1;
            else if (v.Tokens[k].Kind != TokenKind.Word && v.Tokens[k].Folded is not ("»" or "\"" or "”")) return 0;
        return 0;
    }

    /// <summary>True when the next figure, at token <paramref name="next"/>, starts right after <paramref name="from"/> (an article or gap word between).</summary>
    private static bool ObjectFollows(DocView v, int from, int next, int end)
    {
        if (from < end && from < next && v.Cues.Match(v.Tokens, from, end, CueKind.Gap) is { Words.Length: 1 }) from++;
        return from == next;
    }

    /// <summary>The token after the people's nationality written right after their noun at <paramref name="at"/> ("Huit soldats
    /// turcs et dix rebelles kurdes": "turcs"), or <paramref name="at"/> when there is none.</summary>
    private static int AfterNationality(DocView v, int at, int end) =>
        at < end && v.Tokens[at].Kind == TokenKind.Word && char.IsLower(v.Text[v.Tokens[at].Start]) && DemonymLength(v, at, end) is > 0 and var l
            ? at + l : at;

    /// <summary>True when tokens [from, to) only join two figures of one list (",", "et", "and").</summary>
    private static bool Coordinated(DocView v, int from, int to, int end)
    {
        if (from > to || to - from > 3) return false;
        for (var i = from; i < to;)
        {
            var cue = v.Cues.Match(v.Tokens, i, end, CueKind.List);
            if (cue == null) return false;
            i += cue.Words.Length;
        }
        return true;
    }

    /// <summary>A comma then a coordinator, and nothing else, between two counts (", et", ", and").</summary>
    private static bool ClosesAside(DocView v, int from, int to) =>
        to - from == 2 && v.Tokens[from].Folded == "," && v.Words.IsCoordinator(v.Tokens[from + 1].Folded) && v.Tokens[from + 1].Folded != ",";

    /// <summary>
    /// "Eleven soldiers, including an Army captain, and a civilian were killed": two counts joined past a part told between commas
    /// (a cue of kind <c>SubcountBefore</c> right after the first comma).
    /// </summary>
    private static bool CoordinatedPastAside(DocView v, int from, int to, int end) =>
        SubcountAsideEnd(v, from, to, end) is var close && close > 0 && Coordinated(v, close + 1, to, end);

    /// <summary>
    /// A part told between commas from the comma at <paramref name="comma"/> ("sept personnes, dont une femme et deux enfants,
    /// ont été tuées": a cue of kind <c>SubcountBefore</c> right after it): the closing comma, before <paramref name="bound"/> and
    /// within 20 tokens; -1 when there is none.
    /// </summary>
    private static int SubcountAsideEnd(DocView v, int comma, int bound, int end)
    {
        var toks = v.Tokens;
        if (toks[comma].Folded != "," || comma + 1 >= end || v.Cues.Match(toks, comma + 1, end, CueKind.SubcountBefore) == null) return -1;
        var close = comma + 1;
        while (close < bound && toks[close].Folded != "," && close - comma < 20) close++;
        return close < bound && toks[close].Folded == "," ? close : -1;
    }

    /// <summary><see cref="AllOf"/> right after a comma at <paramref name="comma"/> (-1: none).</summary>
    private static VictimMention? AllOfAfterComma(DocView v, int comma, int end) =>
        comma >= 0 && comma + 1 < end && v.Tokens[comma].Folded == "," ? AllOf(v, comma, end) : null;

    /// <summary>"douze morts, tous des civils": the group named right after a figure.</summary>
    private static VictimMention? AllOf(DocView v, int from, int end)
    {
        var toks = v.Tokens;
        for (var i = from; i < Math.Min(end, from + 3); i++)
        {
            var cue = v.Cues.Match(toks, i, end, CueKind.AllOf);
            if (cue == null) continue;
            var k = i + cue.Words.Length;
            // the victim word right after the cue, or inside it ("all civilians"), or past one word ("all of whom were civilians")
            if (k <= end)
                foreach (var vm in v.Victims[v.SentenceAt(toks[i].Start)])
                    if (v.TokenAt(vm.Span.Start) is var vt && vt > i && vt <= k + 1 && vt < end) return vm;
        }
        return null;
    }

    /// <summary>
    /// A <see cref="CueKind.MostlyOf"/> cue within three tokens after a figure, then victim words that are all civilians up to the
    /// end of their list, with no number among them ("mostly women and children", "including women and children", "en majorité
    /// des femmes"); soldiers or a count there ("including two soldiers") say nothing of the whole, and neither does the word for
    /// civilians itself ("en majorité des civils": some are not).
    /// </summary>
    private static bool MostlyCivilians(DocView v, int from, int end)
    {
        var toks = v.Tokens;
        for (var i = from; i < Math.Min(end, from + 3); i++)
        {
            if (v.Cues.Match(toks, i, end, CueKind.MostlyOf) is not { } cue) continue;
            var k = i + cue.Words.Length;
            var s = v.SentenceAt(toks[Math.Min(k, end - 1)].Start);
            var found = false;
            while (k < end)
            {
                // a count among them ("dont une femme et deux enfants") counts parts, it says nothing of the whole
                if (toks[k].Kind == TokenKind.Number || v.Cues.Match(toks, k, end, CueKind.One) != null
                    || v.Numbers[s].Any(n => n.Span.Start <= toks[k].Start && toks[k].End <= n.Span.End)) return false;
                var vm = v.Victims[s].FirstOrDefault(x => v.TokenAt(x.Span.Start) == k);
                if (vm != null)
                {
                    // (not "en majorité des civils", "mostly civilians": the word itself says some are not)
                    if (vm.Group != VictimGroup.Civilians || v.Words.Role("civilian_word").Contains(toks[v.LastTokenBefore(vm.Span.End)].Folded)) return false;
                    found = true;
                    k = v.LastTokenBefore(vm.Span.End) + 1;
                    continue;
                }
                if (v.Words.IsCoordinator(toks[k].Folded) || v.Words.IsDeterminer(toks[k].Folded) || v.Words.IsOf(toks[k].Folded)) { k++; continue; }
                break;
            }
            return found;
        }
        return false;
    }

    /// <summary>"des ADF ont tué des civils": a killing verb whose object is civilians, without a number.</summary>
    private static bool CiviliansAsObject(DocView v, int s)
    {
        var toks = v.Tokens;
        var sent = v.Sentences[s];
        foreach (var vm in v.Victims[s])
        {
            if (vm.Group != VictimGroup.Civilians) continue;
            var t = v.TokenAt(vm.Span.Start);
            for (var i = t - 1; i >= Math.Max(sent.FirstToken, t - 3); i--)
            {
                if (toks[i].Kind == TokenKind.Number) break;
                var cue = v.Cues.Match(toks, i, sent.EndToken, CueKind.Outcome);
                if (cue?.Outcome == Outcome.Killed) return true;
            }
        }
        return false;
    }

    /// <summary>The group named <paramref name="name"/> is the passive's doer after the outcome at <paramref name="outLast"/>: an agent word
    /// ("par", "by") within a few words after it, and the group's mention within a few words after that.</summary>
    private static bool AgentAfter(DocView v, int s, int outLast, string name)
    {
        if (outLast < 0) return false;
        var end = Math.Min(v.Sentences[s].EndToken, outLast + 1 + AgentReach);
        for (var k = outLast + 1; k < end; k++)
        {
            if (!v.Words.Is("agent", v.Tokens[k].Folded)) continue;
            var limit = k + 1 + AgentReach < v.Tokens.Count ? v.Tokens[k + 1 + AgentReach].Start : int.MaxValue;
            foreach (var a in v.Actors[s])
                if (a.Name == name && a.Span.Start > v.Tokens[k].Start && a.Span.Start < limit) return true;
            return false;
        }
        return false;
    }

    /// <summary>Words between an outcome and its agent word, and between the agent word and the doer's name.</summary>
    private const int AgentReach = 6;

    /// <summary>The one non-state armed group the document names, for "jihadistes" in an article about it.</summary>
    private static string? NamedNonState(DocView v)
    {
        string? name = null;
        foreach (var a in v.AllActors)
        {
            if (a.Kind != ActorKind.RebelGroup) continue;
            if (name == null) name = a.Name;
            else if (name != a.Name) return null;
        }
        return name;
    }

    private static (string? Name, TextSpan? Span) SourceOf(DocView v, int s, TextSpan fig, string? fallback)
    {
        SourceMention? best = null;
        var bestDist = int.MaxValue;
        // the attribution of the figure's own clause first ("X fait état de 30 morts, alors que Y en compte 25"),
        // a speaker before an agency that only received the statement ("a indiqué à l'AFP un responsable")
        var clause = ClauseOf(v, s, fig.Start);
        var anySpeaker = v.Sources[s].Any(sm => !sm.Addressee);
        foreach (var sm in v.Sources[s])
        {
            if (sm.Addressee && anySpeaker) continue;
            // ("sept militaires tués": the people a figure counts are not who gives it)
            if (sm.Span.Overlaps(fig)) continue;
            var span = sm.Full.Length > 0 ? sm.Full : sm.Span;
            var d = span.GapTo(fig);
            if (ClauseOf(v, s, sm.Span.Start) != clause) d += 100_000;
            if (d < bestDist) { bestDist = d; best = sm; }
        }
        if (best != null) return (best.Name, best.Full.Length > 0 ? best.Full : best.Span);
        // a figure inside a quote: the speaker named right after the quote
        if (v.QuoteAround(fig) is { } q)
        {
            for (var k = s; k < Math.Min(v.Sentences.Count, s + 3); k++)
                foreach (var sm in v.Sources[k])
                    if (sm.Span.Start >= q.Span.End && sm.Span.Start - q.Span.End < 200) return (sm.Name, sm.Full.Length > 0 ? sm.Full : sm.Span);
        }
        return (fallback, null);
    }

    /// <summary>
    /// The clause of a sentence a position falls in: clauses are cut by a contrast ("alors que", "tandis que",
    /// "while", "whereas", "but") and by semicolons (function role <c>contrast</c> in lang/xx/function.tsv).
    /// </summary>
    private static int ClauseOf(DocView v, int s, int pos)
    {
        var sent = v.Sentences[s];
        var contrast = v.Words.Role("contrast");
        var clause = 0;
        for (var i = sent.FirstToken; i < sent.EndToken && v.Tokens[i].Start < pos; i++)
        {
            var f = v.Tokens[i].Folded;
            if (f == ";" || contrast.Contains(f)) clause++;
        }
        return clause;
    }

    /// <summary>An auxiliary right after a count's noun: the count is the subject of a verb of its own ("30 autres ont été transportés").</summary>
    private static bool OwnVerbAfter(DocView v, int k) =>
        (v.Words.Is("active_aux", v.Tokens[k].Folded) || v.Words.Is("passive_aux", v.Tokens[k].Folded))
        // (the auxiliary "a" folded from the preposition "à" is none: "et deux autres à Khost")
        && v.Text[v.Tokens[k].Start] is not ('à' or 'À')
        && k + 1 < v.Tokens.Count && v.Tokens[k + 1].Kind == TokenKind.Word && !char.IsUpper(v.Text[v.Tokens[k + 1].Start]) && !v.Words.IsDeterminer(v.Tokens[k + 1].Folded);

    /// <summary>Tokens after a figure within which the span it was counted over may come ("au moins 45 morts dans plusieurs États en une semaine").</summary>
    private const int SpanReach = 8;

    /// <summary>
    /// A span of time after the figure in its clause: a preposition of span (function role <c>span_preposition</c>: « en une semaine », "in a week"),
    /// at most three words of quantity or approximation ("une", "quelques", "about a", "less than a") or a number, then a unit of
    /// time ("jours", "semaine", "hours").
    /// </summary>
    private static bool SpanAfter(DocView v, int s, TextSpan fig)
    {
        var toks = v.Tokens;
        var end = v.Sentences[s].EndToken;
        var units = Vigie.Time.TimeWords.For(Finders.FinderData.LangOf(v.Doc)).Units;
        var from = v.TokenAt(fig.End - 1) + 1;
        var joined = false;
        for (var i = from; i < Math.Min(end, from + SpanReach); i++)
        {
            if (toks[i].Folded is "," or ";" or ":" && !v.Numbers[s].Any(n => n.Span.Contains(toks[i].Span))) return false;
            // (past a second count joined to this one: "15.000 morts et 1,5 million de déplacés en six ans" counts both over the span)
            if (v.Words.Is("addition", toks[i].Folded)) joined = true;
            if (v.Cues.Match(toks, i, end, CueKind.Outcome) != null && !joined) return false;
            if (!v.Words.Is("span_preposition", toks[i].Folded)) continue;
            var k = i + 1;
            while (k < end && k <= i + 3 && (toks[k].Kind == TokenKind.Number || v.Words.Is("span_quantity", toks[k].Folded) || v.Words.Is("approx", toks[k].Folded))) k++;
            if (k > i + 1 && k < end && units.ContainsKey(toks[k].Folded)) return true;
        }
        return false;
    }

    /// <summary>Tokens before a figure within which a conflict word ("conflit", "war") makes the toll ("ce conflit a fait …").</summary>
    private const int ConflictReach = 6;

    /// <summary>
    /// A conflict word at most <see cref="ConflictReach"/> tokens before the figure, in its clause, and no event word between;
    /// or the antecedent of the relative clause the figure is in ("a devastating conflict between the SAF and the RSF, which has
    /// claimed more than 29,600 lives", "la guerre entre l'armée et les FSR, qui a fait …"): past the comma before the relative
    /// word (function role <c>relative</c>), as far again.
    /// </summary>
    private static bool ConflictIsTheSubject(DocView v, int s, TextSpan fig)
    {
        var f = v.TokenAt(fig.Start);
        var first = v.Sentences[s].FirstToken;
        var reach = f - ConflictReach;
        for (var i = f - 1; i >= Math.Max(first, reach); i--)
        {
            // (", qui …"; ", avec plus de 3 000 morts", ", with more than 3,000 dead": the toll told after a comma as the detail of a
            // count the clause before it names: function role toll_with)
            if (v.Tokens[i].Folded is "," && i + 1 < f && (v.Words.Is("relative", v.Tokens[i + 1].Folded) || v.Words.Is("toll_with", v.Tokens[i + 1].Folded))
                && reach > i - ConflictReach * 2)
            {
                reach = i - ConflictReach * 2;
                continue;
            }
            if (v.Tokens[i].Folded is "," or ";" or ":") return false;
            // (the conflict word first: "the protest movement has claimed …" holds an event word of its own)
            if (v.Cues.Match(v.Tokens, i, f, CueKind.Conflict) != null) return true;
            if (InEventWord(v, s, v.Tokens[i])) return false;
        }
        return false;
    }

    /// <summary>The token lies inside a time expression of sentence <paramref name="s"/>.</summary>
    /// <summary>The comma that closes a place phrase opened by the comma at <paramref name="comma"/> (a place mention inside it, no
    /// outcome word), within <see cref="ForwardWindow"/> tokens; 0 when there is none.</summary>
    private static int PlaceAsideEnd(DocView v, AssemblyCues cues, int s, int comma, int end)
    {
        var toks = v.Tokens;
        var placed = false;
        for (var k = comma + 1; k < Math.Min(end, comma + 1 + ForwardWindow); k++)
        {
            if (toks[k].Folded == ",") return placed ? k : 0;
            if (toks[k].Folded is ";" or ":" or "." || cues.Match(toks, k, end, CueKind.Outcome) != null) return 0;
            if (v.Places[s].Any(p => p.Span.Contains(toks[k].Span))) placed = true;
        }
        return 0;
    }

    private static bool InTime(DocView v, int s, Token t)
    {
        foreach (var tm in v.Times[s]) if (tm.Span.Start <= t.Start && t.End <= tm.Span.End) return true;
        return false;
    }

    /// <summary>The token before a time expression of the sentence that ends at <paramref name="k"/> ("lundi soir" in "ont tué lundi
    /// soir le chef"), else <paramref name="k"/>.</summary>
    private static int PastTime(DocView v, int s, int k, int start)
    {
        foreach (var t in v.Times[s])
            if (k >= start && t.Span.End == v.Tokens[k].End) return v.TokenAt(t.Span.Start) - 1;
        return k;
    }

    /// <summary>
    /// "killing 28 soldiers in an area near the Malian border where extremists killed four U.S. soldiers in 2017": a time told after
    /// the figure in a relative clause or a clause with a time of its own that tells another killing (function roles <c>relative</c>
    /// and <c>time_clause</c>, then an outcome word, before the time) is that killing's, not the figure's.
    /// </summary>
    private static bool InLaterRelativeClause(DocView v, int s, TextSpan fig, TextSpan time)
    {
        if (time.Start < fig.End) return false;
        for (var k = v.TokenAt(fig.End - 1) + 1; k < v.Sentences[s].EndToken && v.Tokens[k].Start < time.Start; k++)
            if (v.Words.Is("relative", v.Tokens[k].Folded) || v.Words.Is("time_clause", v.Tokens[k].Folded))
                return v.Outcomes[s].Any(o => o.Span.Start > v.Tokens[k].End && o.Span.End <= time.Start);
        return false;
    }

    /// <summary>Scope and period of a figure, from the time expression nearest to it in its sentence (not the day of a statement).</summary>
    private static (ReportScope, DateRange?, TextSpan?) ScopeOf(DocView v, int s, TextSpan fig)
    {
        var pub = v.PublicationDate;
        TimeMention? t = null;
        var best = int.MaxValue;
        foreach (var x in v.Times[s])
        {
            if (x.Range == null || EventAssembler.IsReportTime(v, x) || InLaterRelativeClause(v, s, fig, x.Span)) continue;
            var d = x.Span.GapTo(fig);
            if (d < best) { best = d; t = x; }
        }
        // "depuis 2015" in a text with no publication date: a count since a start is never one event's, even unresolved
        if (t == null && v.Times[s].FirstOrDefault(x => x.Kind is TimeKind.ConflictStart or TimeKind.PeriodStart or TimeKind.Duration && !x.Dateline) is { } open)
            // (a start within the year, "depuis mardi", "since the start of January", is a period's whatever else the sentence says)
            return (open.Kind == TimeKind.ConflictStart || open.Kind != TimeKind.PeriodStart && (v.Has(s, CueKind.Since) || v.Has(s, CueKind.Conflict))
                ? ReportScope.ConflictTotal : ReportScope.Period, null, open.Span);
        // "elles ont déjà fait près de 4.000 morts", "20,000 people have been killed so far": a toll that adds up what came
        // before, with no time of its own, is a period's
        if (t == null && v.Has(s, CueKind.Cumulative))
        {
            // (…counted since the start the sentence before gives: "… la cible d'attaques depuis 2015. Ces violences ont fait plus
            // de 400 morts")
            if (s > 0 && v.Paragraph[s] == v.Paragraph[s - 1]
                && v.Times[s - 1].FirstOrDefault(x => x.Range != null && x.Kind is TimeKind.ConflictStart or TimeKind.PeriodStart && !x.Dateline) is { Range: { } since } start)
                return (start.Kind == TimeKind.ConflictStart || v.Has(s - 1, CueKind.Since) && pub is { } pub0 && since.Start.First < pub0.First.AddDays(-365)
                    ? ReportScope.ConflictTotal : ReportScope.Period, Until(since, pub), start.Span);
            return (ReportScope.Period, null, null);
        }
        // "ce conflit a fait plus de 3000 morts": a toll a whole conflict makes, with no time of its own, is the conflict's
        if (t == null && ConflictIsTheSubject(v, s, fig)) return (ReportScope.ConflictTotal, null, null);
        // "45 morts en une semaine", "killed at least 45 people across multiple states in about a week": counted over a span
        if (t == null && SpanAfter(v, s, fig)) return (ReportScope.Period, null, null);
        if (t?.Range is not { } r) return (ReportScope.Event, pub is { } p ? DateRange.Single(p) : null, null);
        if (t.Kind == TimeKind.ConflictStart) return (ReportScope.ConflictTotal, Until(r, pub), t.Span);
        if (v.Has(s, CueKind.Conflict) && r.Start.Precision == DatePrecision.Year) return (ReportScope.ConflictTotal, Until(r, pub), t.Span);
        // "since ... April 2014", "depuis 2009": counted since more than a year ago
        if (v.Has(s, CueKind.Since) && pub is { } pd && t.Kind is TimeKind.PeriodStart or TimeKind.Coarse && r.Start.First < pd.First.AddDays(-365))
            return (ReportScope.ConflictTotal, Until(r, pub), t.Span);
        // "une attaque à Djibo en mai dernier a tué 3 civils": a month is the time of the one event the sentence tells, not a period
        // (or a third of a month: "fin mai")
        if (t.Kind == TimeKind.Coarse && r.Start.First.Year == r.End.Last.Year && r.Start.First.Month == r.End.Last.Month && OneEventWord(v, s))
            return (ReportScope.Event, r, t.Span);
        if (t.Kind is TimeKind.PeriodStart or TimeKind.Duration or TimeKind.Coarse) return (ReportScope.Period, r, t.Span);
        // a day range over three days ("la semaine dernière") is a period; a month only because the day is unknown is not
        var days = r.Start.Precision == DatePrecision.Day && r.End.Precision == DatePrecision.Day ? r.End.Last.DayNumber - r.Start.First.DayNumber : 0;
        return (days > 3 ? ReportScope.Period : ReportScope.Event, r, t.Span);
    }

    /// <summary>The sentence tells one event: its only event word is singular, after an article of one (function role
    /// <c>one_event_article</c>: "une attaque", "the raid"; not "des frappes", "two attacks").</summary>
    private static bool OneEventWord(DocView v, int s)
    {
        // (not the event a count starts from: "500 fighters killed since the military launched an offensive in April")
        if (v.Triggers[s].Count != 1 || v.Has(s, CueKind.ManyEvents) || v.Has(s, CueKind.SinceClause) || v.Has(s, CueKind.Since) || v.Has(s, CueKind.Cumulative)) return false;
        var k = v.TokenAt(v.Triggers[s][0].Span.Start);
        var last = v.TokenAt(v.Triggers[s][0].Span.End - 1);
        return k > 0 && v.Sentences[s].Span.Start < v.Tokens[k - 1].End && v.Words.Is("one_event_article", v.Tokens[k - 1].Folded)
            && !EventAssembler.EndsAsPlural(v.Tokens[last].Folded);
    }

    private static DateRange? Until(DateRange? r, PartialDate? pub) =>
        r == null ? null : pub is { } p ? new DateRange(r.Start, p) : r;

    /// <summary>The place of a figure: the first place after it (before the next figure), else the last one before it, else the sentence's first.</summary>
    private static Area? AreaOf(DocView v, int s, int? from, int? until)
    {
        PlaceMention? pick = null;
        if (from is { } f)
        {
            foreach (var p in v.Places[s])
            {
                if (p.Span.Start >= f && p.Span.Start < until) { pick = p; break; }
                if (p.Span.Start < f) pick = p;
            }
        }
        pick ??= v.Places[s].FirstOrDefault();
        // "in Chhattisgarh's Dantewada district": the place named after the possessive is where it happened
        if (pick != null && v.Places[s].FirstOrDefault(q => q.Span.Start > pick.Span.End) is { } inner
            && EventAssembler.IsPossessiveOf(v, pick, inner))
            pick = inner;
        // the name as the text writes it, like event locations; a place named by a common noun ("l'est du pays", "the country's
        // northwest") by the name it resolved to (the country's)
        if (pick == null) return null;
        var name = pick.Name.Length > 0 && char.IsLower(pick.Name[0]) && pick.Resolved is { Precision: >= 3, Name: { } resolved } ? resolved : pick.Name;
        return new Area { Name = name, Country = pick.Resolved?.Country };
    }

    // ---- the whole document -----------------------------------------------------------------

    /// <summary>
    /// "huit morts dont un policier", "killing seven people, including three police officers", "six personnes, dont deux
    /// civils": a part after a subcount word is a figure of its own when it names a side (forces, an armed group, or the word
    /// for civilians, function role <c>civilian_word</c>) and the total before it counts people of no side. Parts of one
    /// side ("dont 24 enfants", "including two women") stay parts. The total, or null.
    /// </summary>
    private static Cand? SplitByGroup(DocView v, Cand part, List<Cand> live)
    {
        if (part.Victim is not { } vm) return null;
        var side = IsArmedSide(vm.Group)
                   || vm.Group == VictimGroup.Civilians && v.Words.Role("civilian_word").Contains(v.Tokens[v.TokenAt(vm.Span.End - 1)].Folded);
        if (!side) return null;
        Cand? total = null;
        foreach (var c in live) if (c.First < part.First && !c.Drop) total = c;
        return total != null && (total.Victim == null || total.Victim.Group == VictimGroup.All) ? total : null;
    }

    private static bool IsArmedSide(VictimGroup g) => g is VictimGroup.GovernmentForces or VictimGroup.NonStateArmed or VictimGroup.ForeignForces;

    /// <summary>The side of the armed actor nearest before a verb in its clause (no comma between), or null.</summary>
    private static VictimGroup? SideOfSubject(DocView v, int s, int verb)
    {
        ActorMention? subject = null;
        foreach (var a in v.Actors[s])
            if (a.Span.End <= v.Tokens[verb].Start && (subject == null || a.Span.Start > subject.Span.Start)) subject = a;
        if (subject == null) return null;
        for (var i = v.TokenAt(subject.Span.End - 1) + 1; i < verb; i++)
            if (v.Tokens[i].Folded is "," or ";" or ":" or ".") return null;
        return Finders.VictimFinder.GroupOf(subject.Kind);
    }

    /// <summary>
    /// A smaller count given in a statement that details an earlier figure (same outcome and group, no
    /// place of its own, same source or an elaboration cue) is a part of it: "douze dans le bus et un dans une voiture".
    /// </summary>
    private static void DropSubcounts(DocView v, List<FigureMention> figures)
    {
        var keep = new List<FigureMention>(figures.Count);
        foreach (var f in figures)
        {
            var isPart = !f.HasPlace && figures.Any(g => g.Sentence < f.Sentence && f.Sentence - g.Sentence <= SubcountWindow
                && g.Figure.Outcome == f.Figure.Outcome && g.Figure.Group == f.Figure.Group && g.Figure.Count > f.Figure.Count
                && (f.Elaboration || (g.Source != null && g.Source == f.Source)));
            if (!isPart) keep.Add(f);
        }
        figures.Clear();
        figures.AddRange(keep);
        _ = v;
    }

    /// <summary>
    /// "17 personnes tuées – sept femmes, huit hommes et deux enfants", "killed 8 people, two women and six men": counts that
    /// follow a figure in its sentence and add up to it, two or more, are its breakdown, not figures of their own.
    /// </summary>
    private static void DropBreakdowns(List<FigureMention> figures)
    {
        var drop = new HashSet<FigureMention>();
        foreach (var sentence in figures.GroupBy(f => f.Sentence))
        {
            var inOrder = sentence.OrderBy(f => f.NumberSpan.Start).ToList();
            for (var i = 0; i < inOrder.Count; i++)
            {
                var total = inOrder[i];
                long sum = 0;
                for (var k = i + 1; k < inOrder.Count; k++)
                {
                    var part = inOrder[k];
                    if (part.Figure.Outcome != total.Figure.Outcome || part.Figure.Count >= total.Figure.Count) break;
                    sum += part.Figure.Count;
                    if (sum > total.Figure.Count) break;
                    if (sum == total.Figure.Count && k > i + 1)
                    {
                        // (not a split of a total of no side into sides, "13 morts dont 10 gendarmes et 3 civils": a total and its
                        // split into groups are both figures, ../shared/gold/README.md)
                        var parts = inOrder.GetRange(i + 1, k - i);
                        if (total.Figure.Group == VictimGroup.All && parts.All(p => p.Figure.Group != VictimGroup.All)
                            && parts.Select(p => p.Figure.Group).Distinct().Count() >= 2) break;
                        for (var j = i + 1; j <= k; j++) drop.Add(inOrder[j]);
                        break;
                    }
                }
            }
        }
        figures.RemoveAll(drop.Contains);
    }

    /// <summary>
    /// A figure that is the sum of two or more figures at different places (same outcome and group) covers
    /// several events: it is a period figure, never an event toll ("3 soldiers" = 2 near A + 1 near B).
    /// </summary>
    public static void MarkTotalsOverPlaces(List<FigureMention> figures)
    {
        foreach (var f in figures)
        {
            if (f.Scope != ReportScope.Event) continue;
            var parts = figures.Where(g => g != f && g.Scope == ReportScope.Event && g.Area != null && g.Figure.Outcome == f.Figure.Outcome
                                           && g.Figure.Group == f.Figure.Group && g.Figure.Count < f.Figure.Count).ToList();
            var places = parts.Select(g => g.Area!.Name).Distinct().Count();
            if (places >= 2 && parts.GroupBy(g => g.Area!.Name).Sum(g => g.Max(x => x.Figure.Count)) == f.Figure.Count)
                f.Scope = ReportScope.Period;
        }
    }

    /// <summary>A figure repeated in the text is one figure with all its spans (the most specific group, an explicit bound, a named source).</summary>
    public static List<FigureMention> Merge(List<FigureMention> figures)
    {
        var outList = new List<FigureMention>();
        foreach (var f in figures)
        {
            var same = outList.FirstOrDefault(g => g.Figure.Outcome == f.Figure.Outcome && g.Figure.Count == f.Figure.Count
                && (g.Figure.Group == f.Figure.Group || g.Figure.Group == VictimGroup.All || f.Figure.Group == VictimGroup.All)
                && (g.Scope == ReportScope.ConflictTotal) == (f.Scope == ReportScope.ConflictTotal)
                // ("four in Gyadadde; … four in Sabon Gari": one sentence's equal counts at two places are two figures)
                && !(g.Sentence == f.Sentence && g.Area != null && f.Area != null && g.Area.Name != f.Area.Name)
                // ("three women and three children": one clause's equal counts of two kinds of people are two figures)
                && !(g.Sentence == f.Sentence && g.Figure.Group == f.Figure.Group && g.Figure.Group != VictimGroup.All && !g.NumberSpan.Overlaps(f.NumberSpan)));
            if (same == null) { outList.Add(f); continue; }
            var gf = same.Figure;
            if (gf.Group == VictimGroup.All && f.Figure.Group != VictimGroup.All) { gf.Group = f.Figure.Group; gf.NamedGroup = f.Figure.NamedGroup; }
            if (gf.Bound == Bound.Exact && f.Figure.Bound != Bound.Exact) { gf.Bound = f.Figure.Bound; gf.Low = f.Figure.Low; gf.High = f.Figure.High; }
            gf.Evidence = [.. gf.Evidence ?? [], .. f.Figure.Evidence ?? []];
            same.MoreEvidence.Add(f.Evidence);
            if (same.Source == null && f.Source != null)
            {
                same.Source = f.Source;
                if (same.Scope == ReportScope.Event && f.Scope != ReportScope.Event) { same.Scope = f.Scope; same.Period = f.Period; }
                same.Area ??= f.Area;
            }
            if (same.Scope == ReportScope.Event && f.Scope == ReportScope.Period && same.Source == f.Source) { same.Scope = f.Scope; same.Period = f.Period; }
        }
        return outList;
    }

    public static List<CasualtyReport> BuildReports(List<FigureMention> figures)
    {
        var reports = new List<CasualtyReport>();
        var keys = new List<string>();
        foreach (var f in figures)
        {
            var key = $"{f.Source}|{f.Scope}|{f.Period?.Start}|{f.Period?.End}|{f.Area?.Name}";
            var i = keys.IndexOf(key);
            if (i < 0)
            {
                keys.Add(key);
                reports.Add(new CasualtyReport { Source = f.Source, Scope = f.Scope, Period = f.Period, Area = f.Area });
                i = reports.Count - 1;
            }
            var r = reports[i];
            r.Figures.Add(f.Figure);
            foreach (var e in f.MoreEvidence.Prepend(f.Evidence))
                if (!r.Evidence.Contains(e)) r.Evidence.Add(e);
        }
        return reports;
    }

    /// <summary>A negation word (function role <c>negation</c>) among the few words before the outcome word <paramref name="outcome"/>,
    /// after the count and its noun (<paramref name="after"/>).</summary>
    private static bool NegatedOutcome(DocView v, int outcome, int after)
    {
        for (var i = Math.Max(after + 1, outcome - NegationReach); i < outcome; i++)
            if (v.Words.Is("negation", v.Tokens[i].Folded)) return true;
        return false;
    }

    /// <summary>Words before an outcome word within which a negation denies it.</summary>
    private const int NegationReach = 3;

    /// <summary>The word at <paramref name="k"/>, after "autres"/"others", is a noun of things: no outcome, victim or function word, and no
    /// outcome or victim word in the few words after it ("deux autres voitures", not "quatre autres grièvement blessés" nor "deux autres
    /// ont été tués").</summary>
    private static bool OtherThing(DocView v, AssemblyCues cues, int k, int end, Dictionary<int, VictimMention> victimAt)
    {
        var f = v.Tokens[k].Folded;
        if (cues.Match(v.Tokens, k, end, CueKind.Unit) != null) return true;
        if (cues.Match(v.Tokens, k, end, CueKind.Outcome, CueKind.Head, CueKind.Person, CueKind.Gap) != null) return false;
        if (v.Words.Is("copula", f) || v.Words.Is("aux", f) || v.Words.Is("coordinator", f) || v.Words.Is("relative", f) || v.Words.Is("stop_title", f)
            || v.Words.IsOf(f) || v.Words.IsDeterminer(f) || v.Words.Is("complementizer", f) || v.Words.Is("list_breaker", f)
            || v.Words.Is("object", f) || v.Words.Is("agent", f) || v.Words.Is("from", f) || v.Words.Is("source_place", f)) return false;
        // (an outcome a few words on is still this count's: "11 others including children were injured", "two other bank employees
        // were injured")
        for (var i = k + 1; i < Math.Min(end, k + 1 + OtherThingReach); i++)
            if (cues.Match(v.Tokens, i, end, CueKind.Outcome, CueKind.Head, CueKind.Person) != null || victimAt.ContainsKey(i)) return false;
        return true;
    }

    /// <summary>Words after the noun that follows "autres"/"others" within which an outcome still makes it a count of people.</summary>
    private const int OtherThingReach = 5;
}

/// <summary>A casualty figure found in one sentence, with what the report it goes in needs (a layer for the event assembler).</summary>
public sealed class FigureMention(Figure figure, int sentence)
{
    public Figure Figure { get; } = figure;
    /// <summary>The sentence the figure was first read in.</summary>
    public int Sentence { get; } = sentence;
    public string? Source { get; set; }
    public ReportScope Scope { get; set; }
    public DateRange? Period { get; set; }
    public Area? Area { get; set; }
    /// <summary>The figure with its source phrase.</summary>
    public TextSpan Evidence { get; set; }
    public List<TextSpan> MoreEvidence { get; } = [];
    public TextSpan? TimeSpan { get; set; }
    /// <summary>The number and its noun.</summary>
    public TextSpan NumberSpan { get; set; }
    public bool HasPlace { get; set; }
    public bool Elaboration { get; set; }
}
