using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text;

namespace Vigie.Extraction.Finders;

/// <summary>
/// Finds who says what (<see cref="SourceMention"/>) with lang/&lt;code&gt;/sources.tsv. A source is a phrase of the
/// lexicon (role <c>source</c>: "l'OSDH", "l'agence Sana", "une source militaire") or a person or title after a
/// speech verb ("a déclaré Cheick Harouna Sankaré", "a indiqué le porte-parole de l'armée"), in an attribution:
/// after a cue ("selon l'OSDH", "d'après l'ONU", "according to the UN"), after a speech verb ("a affirmé
/// l'agence Sana", "ont annoncé les médias d'Etat") or before one ("Sana a fait état", "the military said").
/// Rows flagged <c>self</c> are attributions by themselves ("de source militaire"). The name is the row's
/// short name ("OSDH") or, when empty, the words of the text without the determiner, with a demonym after
/// them ("source de sécurité malienne"). Rows flagged <c>partisan</c> are one of the parties (an army, state media).
/// The agency a statement was made to ("a affirmé à l'AFP", "told Reuters") is kept with <see cref="SourceMention.Addressee"/>.
/// A quote right before the verb ("« … », a affirmé X") is linked in <see cref="SourceMention.Quote"/>.
/// </summary>
public sealed class SourceFinder : IComponent
{
    public string Name => "sources";
    public IReadOnlyList<Type> Requires => [typeof(Token), typeof(Sentence), typeof(Quote), typeof(TimeMention)];
    public IReadOnlyList<Type> Assigns => [typeof(SourceMention)];

    /// <summary>Tokens between a cue and the lexicon source it introduces ("selon l'Observatoire syrien …"); on dev and
    /// dev2 no attribution puts more than four words there, and longer gaps join unrelated names.</summary>
    private const int MaxGap = 4;
    /// <summary>The same gap when the words are a report of the source's ("selon le dernier bilan provisoire des Nations unies").</summary>
    private const int MaxReportGap = 7;

    /// <summary>Tokens [a, b) hold a report noun (function role <c>report_noun</c>: "bilan", "décompte", "count", "tally") and end with
    /// "de"/"of" and its determiner: the source right after is whose report it is.</summary>
    private static bool ReportOf(List<Token> tokens, int a, int b, FunctionWords fw)
    {
        var e = b;
        while (e > a && fw.IsDeterminer(tokens[e - 1].Folded)) e--;
        if (e <= a || !fw.IsOf(tokens[e - 1].Folded)) return false;
        var report = false;
        for (var i = a; i < e - 1; i++)
        {
            // (one noun phrase: "Selon ce bilan, onze corps de militaires" is a report, then its figure)
            if (tokens[i].Kind != TokenKind.Word) return false;
            report |= fw.Is("report_noun", tokens[i].Folded);
        }
        return report;
    }
    /// <summary>Longest speaker title read after a verb or a cue ("le porte-parole militaire ukrainien"), in tokens.</summary>
    private const int MaxTitleTokens = 7;

    public sealed record Row(string? Name, bool Partisan, bool Self, bool Addressee, string Rule)
    {
        /// <summary>"de même source", "selon la même source": the previous source again.</summary>
        public bool Same { get; init; }
        /// <summary>"a-t-il ajouté", "he said": a verb whose speaker is a pronoun, i.e. the previous source.</summary>
        public bool Pronoun { get; init; }
    }

    public sealed class Lexicon
    {
        public static readonly PerLanguage<Lexicon> Cache = new(l => new Lexicon(l));

        public PhraseMatcher<Row> Names { get; } = new();
        public PhraseMatcher<Row> Cues { get; } = new();
        public PhraseMatcher<Row> Verbs { get; } = new();
        public PhraseMatcher<Row> Titles { get; } = new();
        public PhraseMatcher<Row> AddresseeWords { get; } = new();
        /// <summary>Words by which a source passes on another's words ("l'AFP citant l'armée"): the one cited is the source.</summary>
        public PhraseMatcher<Row> Relays { get; } = new();
        /// <summary>"joints par l'AFP", "reached by Reuters": the medium that reached the speakers, not a source.</summary>
        public PhraseMatcher<Row> Contacted { get; } = new();
        /// <summary>Nouns for a medium before its name ("l'agence Anadolu", "the broadcaster NHK").</summary>
        public PhraseMatcher<Row> Media { get; } = new();
        /// <summary>Nouns that describe a body before its own name ("l'ONG de défense des droits humains Hengaw", "the rights group X").</summary>
        public PhraseMatcher<Row> Descriptors { get; } = new();
        /// <summary>Words between an inverted speech verb and its speaker that are neither ("a indiqué dans la nuit le collectif").</summary>
        public PhraseMatcher<Row> Fillers { get; } = new();

        private Lexicon(string lang)
        {
            var tsv = FinderData.Load(lang, "sources.tsv");
            // "le sous-préfet", "the vice-governor": a title with a rank prefix joined by a hyphen is that title (role title_prefix)
            var prefixes = new List<string>();
            var titles = new List<(string Form, Row Row)>();
            foreach (var r in FinderData.Rows(tsv))
            {
                if (r["role"] == "title_prefix")
                {
                    prefixes.AddRange(FinderData.Forms(r["forms"]));
                    continue;
                }
                bool partisan = false, self = false, addressee = false, same = false, pronoun = false;
                foreach (var f in FinderData.Forms(r.Get("flags")?.Replace(' ', '|')))
                {
                    if (f == "partisan") partisan = true;
                    else if (f == "self") self = true;
                    else if (f == "addressee") addressee = true;
                    else if (f == "same") same = true;
                    else if (f == "pronoun") pronoun = true;
                    else throw new FormatException($"{tsv!.Path}:{r.Line}: unknown flag '{f}' (partisan, self, addressee, same, pronoun)");
                }
                var row = new Row(r.Get("name"), partisan, self, addressee, FinderData.RuleOf(tsv!, r)) { Same = same, Pronoun = pronoun };
                var role = r["role"];
                var target = role switch
                {
                    "source" => Names,
                    "cue" => Cues,
                    "verb" => Verbs,
                    "title" => Titles,
                    "addressee" => AddresseeWords,
                    "medium" => Media,
                    "relay" => Relays,
                    "contacted" => Contacted,
                    "descriptor" => Descriptors,
                    "filler" => Fillers,
                    _ => throw new FormatException($"{tsv!.Path}:{r.Line}: unknown role '{role}' (source, cue, verb, title, title_prefix, addressee, medium, relay, contacted, descriptor, filler)"),
                };
                foreach (var f in FinderData.Forms(r["forms"]))
                {
                    target.Add(f, row);
                    if (role == "relay") Cues.Add(f, row);
                    // a medium's noun describes a body before its own name too ("selon l'agence Anadolu", "a précisé l'agence")
                    if (role == "medium") Descriptors.Add(f, row);
                    if (role == "title" && !f.Contains(' ') && !f.Contains('-')) titles.Add((f, row));
                }
            }
            foreach (var p in prefixes)
                foreach (var (f, row) in titles) Titles.Add(p + "-" + f, row);
        }
    }

    public void Process(Document doc) =>
        doc.Layers.Set(Find(doc.Text, Tokens.AsList(doc.Layers.Get<Token>()), doc.Layers.Get<Sentence>(), doc.Layers.Get<Quote>(), FinderData.LangOf(doc),
            doc.Layers.Get<TimeMention>()));

    public static List<SourceMention> Find(string text, List<Token> tokens, IReadOnlyList<Sentence> sentences, IReadOnlyList<Quote> quotes, string lang,
        IReadOnlyList<TimeMention>? times = null)
    {
        // tokens inside a time expression: "a annoncé lundi 19 avril des responsables", "said on Monday the ministry"
        var inTime = new HashSet<int>();
        if (times != null)
        {
            var ti = 0;
            foreach (var tm in times.OrderBy(t => t.Span.Start))
            {
                while (ti < tokens.Count && tokens[ti].End <= tm.Span.Start) ti++;
                for (var k = ti; k < tokens.Count && tokens[k].Start < tm.Span.End; k++) inTime.Add(k);
            }
        }
        var places = PlaceFinder.Lexicon.Cache.For(lang);
        var actorNames = ActorFinder.Lexicon.Cache.For(lang).Named;
        var lex = Lexicon.Cache.For(lang);
        var fw = FunctionWords.Lexicon.For(lang);
        var countries = Countries.Lexicon.For(lang);
        var result = new List<SourceMention>();
        var verbs = new List<(int Start, int End, Row Row)>();
        var cues = new List<(int Start, int End)>();
        foreach (var s in sentences)
        {
            int first = s.FirstToken, end = s.EndToken;
            verbs.Clear(); cues.Clear();
            foreach (var (st, l, row) in lex.Verbs.FindAll(tokens, first, end)) verbs.Add((st, st + l, row));
            foreach (var (st, l, _) in lex.Cues.FindAll(tokens, first, end)) cues.Add((st, st + l));
            var taken = new List<(int, int)>();

            // 1. lexicon sources in an attribution
            foreach (var (st, l, row) in lex.Names.FindAll(tokens, first, end, text))
            {
                var e = st + l;
                var b = st;
                while (b > first && fw.IsDeterminer(tokens[b - 1].Folded)) b--;
                // "des habitants joints par l'AFP": the medium reached the speakers
                if (lex.Contacted.EndsAt(tokens, b, first, 3)) continue;
                TextSpan? cue = null;
                var addressee = false;
                if (row.Self) cue = Span(tokens, st, e);
                foreach (var c in cues)
                    if (cue == null && c.End <= b && (b - c.End <= MaxGap || b - c.End <= MaxReportGap && ReportOf(tokens, c.End, b, fw)) && NoBreak(tokens, c.End, b)
                        && !ClauseAfterAttribution(tokens, c.End, b, e, end, fw))
                        cue = Span(tokens, c.Start, c.End);
                foreach (var v in verbs)
                {
                    if (cue != null) break;
                    // inversion: "a affirmé l'agence Sana", "a affirmé à l'AFP une source militaire"
                    if (v.End <= b && b - SkipTime(inTime, v.End, b) <= 3 && NoPunct(tokens, SkipTime(inTime, v.End, b), b) && !HasComplementizer(tokens, v.End, b, fw))
                    {
                        cue = Span(tokens, v.Start, v.End);
                        // "a indiqué à l'AFP une source sécuritaire": only the name right after "à" received the statement
                        addressee = (v.Row.Addressee && b == v.End) || (b > v.End && lex.AddresseeWords.Match(tokens, b - 1, b, out _, out _));
                    }
                    // subject first: "Sana a fait état", "MSF a évoqué", "the military said", "l'armée malienne, qui …, a affirmé"
                    else if (v.Start >= e && SubjectGap(text, tokens, ExtendDemonym(tokens, e, v.Start, countries, text), v.Start, fw, lex)) cue = Span(tokens, v.Start, v.End);
                }
                if (cue == null && b > first && lex.AddresseeWords.Match(tokens, b - 1, b, out _, out _) && HasVerbBefore(verbs, b))
                {
                    cue = Span(tokens, b - 1, b);
                    addressee = true;
                }
                if (cue == null) continue;
                var name = row.Name;
                if (row.Same)
                {
                    if (result.Count == 0) continue;
                    var previous = result[^1];
                    name = previous.Name;
                    result.Add(new SourceMention(Span(tokens, st, e), name)
                    {
                        Full = TextSpan.Cover(Span(tokens, b, e), cue.Value), Partisan = previous.Partisan, Cue = cue, Rule = row.Rule,
                    });
                    taken.Add((st, e));
                    continue;
                }
                else if (name == null)
                {
                    e = ExtendDemonym(tokens, e, end, countries, text);
                    var from = row.Self && fw.IsOf(tokens[st].Folded) && e - st > 1 ? st + 1 : st;
                    // "Ukrainian military spokesman": a demonym right before the words is part of them
                    if (from == st && st > first && countries.At(tokens, st - 1, st, out var db, out var dbl, text) && db.Demonym && dbl == 1) from = st - 1;
                    name = text[tokens[from].Start..tokens[e - 1].End];
                }
                else if (name.Contains('{'))
                {
                    // "armée {dem_fs}", "{dem} military": the demonym after or before the words; without one the name stays
                    // as the text gives it ("l'armée" is "armée", "the military" is "military"), not completed from the
                    // document's country: a value no span supports, and often not the body the text means
                    string? iso = null;
                    if (e < end && countries.At(tokens, e, end, out var ca, out var cal, text) && ca.Demonym) { iso = ca.Iso2; e += cal; }
                    else if (b > first && countries.At(tokens, b - 1, st, out var cb, out var cbl, text) && cb.Demonym && b - 1 + cbl == b) { iso = cb.Iso2; b--; }
                    // "l'Armée nationale somalienne": words between the body and its demonym make a name of its own, kept as written
                    else if (DemonymAfterEpithet(tokens, e, end, countries, text) is var de and > 0)
                    {
                        e = de;
                        var from = fw.IsDeterminer(tokens[st].Folded) || fw.Is("article", tokens[st].Folded) ? st + 1 : st;
                        name = text[tokens[from].Start..tokens[e - 1].End];
                    }
                    // "les autorités locales", "local officials": a word of scope the text gives (function role source_scope) is kept
                    // as written, not replaced by the country
                    else if ((e < end && fw.Is("source_scope", tokens[e].Folded)) is var scopeAfter && (scopeAfter || b > first && fw.Is("source_scope", tokens[b - 1].Folded)))
                    {
                        if (scopeAfter) e++; else b--;
                        var from = Math.Min(b, st);
                        while (from < e && (fw.IsDeterminer(tokens[from].Folded) || fw.Is("article", tokens[from].Folded))) from++;
                        name = text[tokens[from].Start..tokens[e - 1].End];
                    }
                    // "Uganda's military": a country's possessive before the body is kept as written
                    else if (st >= first + 3 && fw.IsPossessiveMark(tokens, st - 2) && countries.At(tokens, st - 3, st - 2, out var cp, out var cpl, text) && !cp.Demonym && cpl == 1)
                    {
                        b = st - 3;
                        name = text[tokens[b].Start..tokens[e - 1].End];
                    }
                    if (name.Contains('{')) name = FillDemonym(name, iso, countries);
                }
                // "selon le porte-parole de l'armée, le colonel Jean Kabila": a ranked person named after the body speaks for it
                if (PersonAfter(text, tokens, e, end, lex, fw, places, rankOnly: true) is var (qb, qe))
                {
                    name = text[tokens[qb].Start..tokens[qe - 1].End];
                    e = qe;
                }
                // "Somali military official Mohamed Abdi said": the person named between the body's words and the speech verb speaks
                else if (PersonBeforeVerb(text, tokens, e, cue.Value, lex, places) is { } pe)
                {
                    name = text[tokens[e].Start..tokens[pe - 1].End];
                    e = pe;
                }
                result.Add(new SourceMention(Span(tokens, st, e), name)
                {
                    Full = TextSpan.Cover(Span(tokens, b, e), cue.Value),
                    Partisan = row.Partisan,
                    Addressee = addressee,
                    Cue = cue,
                    Quote = addressee ? null : QuoteBefore(tokens, quotes, cue.Value, first),
                    Rule = row.Rule,
                });
                taken.Add((st, e));
            }

            // 2. a person or a title after an inverted speech verb: "a déclaré Cheick Harouna Sankaré", "a précisé le procureur militaire"
            foreach (var v in verbs)
            {
                if (v.Row.Pronoun)
                {
                    // "« … », a-t-il ajouté": the speaker is the last source named before (not inside the words quoted: "« … sept
                    // militaires tués … », a-t-il souligné")
                    var vs = Span(tokens, v.Start, v.End);
                    var quoted = QuoteBefore(tokens, quotes, vs, first);
                    SourceMention? previous = null;
                    for (var r = result.Count - 1; r >= 0 && previous == null; r--)
                        if (!result[r].Addressee && result[r].Span.End <= tokens[v.Start].Start && !(quoted is { } q && q.Contains(result[r].Span))) previous = result[r];
                    if (previous == null) continue;
                    result.Add(new SourceMention(vs, previous.Name)
                    {
                        Full = vs, Partisan = previous.Partisan, Cue = vs, Quote = QuoteBefore(tokens, quotes, vs, first), Rule = v.Row.Rule,
                    });
                    continue;
                }
                var b = SkipTime(inTime, v.End, end);
                // "a indiqué à l'AFP un responsable": the speaker comes after the agency the statement was made to
                var skipped = SkipAddressee(text, tokens, b, end, v.Row.Addressee, lex, fw);
                if (v.Row.Addressee && skipped == b) continue;
                b = SkipTime(inTime, skipped, end);
                // "a indiqué dans la nuit le collectif organisateur", "a précisé par ailleurs le ministre"
                while (b < end && lex.Fillers.Match(tokens, b, end, out var fl, out _)) b = SkipTime(inTime, b + fl, end);
                if (b < end && tokens[b].Folded == ",") b++;
                var det = b < end && (fw.IsDeterminer(tokens[b].Folded) || fw.Is("article", tokens[b].Folded));
                if (det) b++;
                if (b >= end || taken.Any(t => t.Item1 <= b + 1 && t.Item2 > b)) continue;
                int e;
                string? name = null;
                // "a indiqué l'ONG Hengaw", "a rapporté la chaîne Al Mayadeen": a body's descriptor with words after it reads as a
                // title; its own name replaces it (NamedAfterDescriptor)
                if (lex.Titles.Match(tokens, b, end, out var tl, out _)
                    || det && lex.Descriptors.Match(tokens, b, end, out tl, out _) && b + tl < end && tokens[b + tl].Kind == TokenKind.Word
                       // ("a déclaré une organisation locale de bénévoles": a body described, not named, after an indefinite article)
                       && (NameSoonAfter(text, tokens, b + tl, end, lex, fw) || fw.Is("indefinite", tokens[b - 1].Folded)))
                {
                    // "le porte-parole militaire ukrainien", "un représentant de la mairie", up to a preposition of place or time
                    e = b + tl;
                    while (e < end && e - b < MaxTitleTokens && tokens[e].Kind == TokenKind.Word && !lex.Verbs.Match(tokens, e, end, out _, out _)
                           && !fw.Is("stop_title", tokens[e].Folded) && !RankAt(tokens, e, end, fw)) e++;
                    while (e > b + tl && (fw.IsOf(tokens[e - 1].Folded) || fw.IsDeterminer(tokens[e - 1].Folded))) e--;
                }
                // "a précisé l'ONG", "a indiqué l'organisation": a body named by a definite article and its descriptor alone (the body
                // named before it, PointBack)
                else if (det && BareDescriptor(tokens, b, end, lex, fw) is var dsl && dsl > 0)
                {
                    e = b + dsl;
                    var dspan = Span(tokens, b - 1, e);
                    var dcue = Span(tokens, v.Start, v.End);
                    result.Add(new SourceMention(dspan, dspan.Of(text)) { Full = TextSpan.Cover(dspan, dcue), Cue = dcue, Rule = v.Row.Rule });
                    taken.Add((b, e));
                    continue;
                }
                // "a affirmé le M23", "said the ADF": a named armed group after the verb speaks for itself
                else if (FinderData.IsCapitalized(text, tokens[b]) && actorNames.Match(tokens, b, end, out var gl, out var grow, text) && SpeaksForItself(grow))
                {
                    e = b + gl;
                    if (taken.Any(t => t.Item1 < e && t.Item2 > b)) continue;
                    var gspan = Span(tokens, b, e);
                    var gcue = Span(tokens, v.Start, v.End);
                    result.Add(new SourceMention(gspan, gspan.Of(text)) { Full = TextSpan.Cover(gspan, gcue), Cue = gcue, Partisan = true, Rule = v.Row.Rule });
                    taken.Add((b, e));
                    continue;
                }
                else if (!det && FinderData.IsCapitalized(text, tokens[b]))
                {
                    // "a déclaré Cheick Harouna Sankaré", "a déclaré M. Kolo" (the honorific is dropped)
                    var named = AfterHonorific(fw, tokens, b, end);
                    var honorific = named > b;
                    b = named;
                    e = b;
                    while (e < end && e - b < 4 && FinderData.IsCapitalized(text, tokens[e]) && !places.Stop.Contains(tokens[e].Folded)) e++;
                    if (e - b < (honorific ? 1 : 2)) continue; // without an honorific, a person is named with at least two words
                }
                else continue;
                // a lexicon source inside the title ("le directeur de l'OSDH") was found already
                if (taken.Any(t => t.Item1 < e && t.Item2 > b)) continue;
                for (var k = b; k < e && name == null; k++)
                    if (lex.Names.Match(tokens, k, e, out var il, out var inner, text) && inner.Name != null)
                        // "le service de presse de l'armée irakienne": a body's template filled with the demonym after it, if any
                        name = inner.Name.Contains('{')
                            ? FillDemonym(inner.Name, k + il < e && countries.At(tokens, k + il, e, out var ic, out _, text) && ic.Demonym ? ic.Iso2 : null, countries)
                            : inner.Name;
                var span = Span(tokens, b, e);
                var cue = Span(tokens, v.Start, v.End);
                // "un représentant de la mairie" → "mairie", "le porte-parole des Services d'urgence" → "Services d'urgence":
                // the body the title belongs to, up to its next "de"
                if (name == null && lex.Titles.Match(tokens, b, e, out var tl2, out _))
                {
                    var o = b + tl2;
                    while (o < e && !fw.IsOf(tokens[o].Folded)) o++;
                    if (o < e)
                    {
                        var r0 = o + 1;
                        if (r0 < e && fw.IsDeterminer(tokens[r0].Folded)) r0++;
                        var r1 = r0;
                        while (r1 < e && !fw.IsOf(tokens[r1].Folded)) r1++;
                        // (not a kind of place, "le maire de la commune", "the governor of the province": the title is who speaks)
                        var placeKind = r1 - r0 == 1 && fw.Is("place_kind", tokens[r0].Folded);
                        if (r1 > r0 && !placeKind) name = text[tokens[r0].Start..tokens[r1 - 1].End];
                    }
                }
                // "a affirmé le gouverneur de la région, Paul Atanga Nji": the person the title names speaks
                if (lex.Titles.Match(tokens, b, e, out _, out _) && PersonAfter(text, tokens, e, end, lex, fw, places) is var (qb, qe))
                {
                    name = text[tokens[qb].Start..tokens[qe - 1].End];
                    span = Span(tokens, b, qe);
                    e = qe;
                }
                result.Add(new SourceMention(span, name ?? span.Of(text))
                {
                    Full = TextSpan.Cover(span, cue),
                    Cue = cue,
                    Quote = QuoteBefore(tokens, quotes, cue, first),
                    Rule = v.Row.Rule,
                });
                taken.Add((b, e));
            }
            // 3. a person right before a speech verb: "…, Lysenko said", "Capt. Mohamed Hussein told"
            foreach (var v in verbs)
            {
                var e = v.Start;
                // ("The Amhara Association of America this week alleged": a time between the name and its verb)
                while (e > first && inTime.Contains(e - 1)) e--;
                var b = e;
                while (b > first && e - b < 3 && FinderData.IsCapitalized(text, tokens[b - 1]) && !places.Stop.Contains(tokens[b - 1].Folded)
                       && !fw.Is("honorific", tokens[b - 1].Folded)) b--;
                if (b == e || taken.Any(t => t.Item1 < e && t.Item2 > b)) continue;
                // "The Amhara Association of America alleged": a body's capitalised name, "of" inside it, after "the" at the start of
                // a clause
                var body = b;
                while (body - 2 >= first && fw.IsOf(tokens[body - 1].Folded) && FinderData.IsCapitalized(text, tokens[body - 2]) && e - body < MaxTitleTokens)
                {
                    body -= 2;
                    while (body > first && e - body < MaxTitleTokens && FinderData.IsCapitalized(text, tokens[body - 1]) && !places.Stop.Contains(tokens[body - 1].Folded)) body--;
                }
                if (e - body >= 2 && body - 1 >= first && fw.IsDeterminer(tokens[body - 1].Folded) && (body - 1 == first || tokens[body - 2].Folded is "," or ";")
                    && !countries.At(tokens, body, e, out _, out _, text) && !actorNames.Match(tokens, body, e, out _, out _, text)
                    && !taken.Any(t => t.Item1 < e && t.Item2 > body))
                {
                    var bodySpan = Span(tokens, body, e);
                    var verbSpan = Span(tokens, v.Start, v.End);
                    result.Add(new SourceMention(bodySpan, bodySpan.Of(text)) { Full = TextSpan.Cover(bodySpan, verbSpan), Cue = verbSpan, Rule = "body+verb" });
                    taken.Add((body, e));
                    continue;
                }
                // the name starts a sentence or follows a comma or a quote, with an honorific or a rank before it or not
                // ("…, Col Akiiki added", "Capt. Mohamed Hussein told"); "the military's Western Mindanao Command said":
                // the body's own name after the possessive of a lexicon source
                var p = b - 1;
                var titledName = false;
                if (p > first && tokens[p].Folded == "." && fw.Is("honorific", tokens[p - 1].Folded)) { p -= 2; titledName = true; }
                else if (p >= first && (fw.Is("honorific", tokens[p].Folded) || fw.Is("rank", tokens[p].Folded))) { p--; titledName = true; }
                while (p >= first && fw.IsDeterminer(tokens[p].Folded) && titledName) p--;
                var owned = !titledName && p - 1 > first && e - b >= 2 && fw.IsPossessiveMark(tokens, p - 1) && lex.Names.EndsAt(tokens, p - 1, first, 3);
                // "Kurdish news agency Rudaw reported", "l'agence de presse Anadolu a rapporté": a medium's own name after the noun for it
                var medium = !titledName && p >= first && lex.Media.EndsAt(tokens, p + 1, first, 3);
                var startsClause = owned || medium || p < first || tokens[p].Folded is "," or "\"" or "»" or "”" or ":" or ")";
                if (!startsClause) continue;
                // one capitalised word at the start of a sentence is any word, unless it is the surname of a speaker named before
                // ("…, John Yakubu, confirmed the attacks. Yakubu said that …")
                string? named = null;
                if (e - b == 1 && p < first && !titledName)
                {
                    var word = text[tokens[b].Start..tokens[b].End];
                    for (var r = result.Count - 1; r >= 0 && named == null; r--)
                        if (result[r].Name.EndsWith(" " + word, StringComparison.Ordinal) && result[r].Name.Length > word.Length + 1) named = result[r].Name;
                    if (named == null) continue;
                }
                // a named armed group speaks for itself ("Al Shabaab claimed", "the ADF said"): a partisan source under the text's
                // name; other actors (armies, countries) are read by the lexicon
                var groupSpeaks = false;
                if (actorNames.Match(tokens, b, e, out var anl, out var arow, text))
                {
                    if (anl != e - b || !SpeaksForItself(arow)) continue;
                    groupSpeaks = true;
                }
                if (countries.At(tokens, b, e, out _, out _, text)) continue;
                var span = Span(tokens, b, e);
                var cue = Span(tokens, v.Start, v.End);
                result.Add(new SourceMention(span, named ?? span.Of(text))
                {
                    Partisan = groupSpeaks,
                    Full = TextSpan.Cover(span, cue),
                    Cue = cue,
                    Quote = QuoteBefore(tokens, quotes, span, first),
                    Rule = v.Row.Rule,
                });
                taken.Add((b, e));
            }
            // 4. a titled subject before a speech verb: "Le procureur général de Conakry Yamoussa Conté a fait état",
            //    "the interior ministry spokesman said"
            bool Conjunction(string f) => f != "," && (fw.Is("coordinator", f) || fw.Is("contrast", f));
            foreach (var v in verbs)
            {
                if (v.Row.Pronoun) continue;
                var e = v.Start;
                while (e > first && fw.Is("aux", tokens[e - 1].Folded)) e--;
                while (e > first && tokens[e - 1].Folded == ",") e--;
                if (e <= first || taken.Any(t => t.Item1 < e && t.Item2 >= e)) continue;
                var b = -1;
                (int, int)? person = null;
                for (var k = e - 1; k >= Math.Max(first, e - 12); k--)
                {
                    var f = tokens[k].Folded;
                    if (f is "." or ";" or ":" or "«" or "»" or "\"" or "“" or "”" || lex.Verbs.Match(tokens, k, e, out _, out _)) break;
                    if (fw.Is("complementizer", f) || fw.Is("relative", f) || fw.Is("aux", f) || tokens[k].Kind == TokenKind.Number) break;
                    // ", Endale Haile," — a name in apposition to the title before it
                    if (f == "," && !AllCapitalized(text, tokens, k + 1, e)) break;
                    if (!lex.Titles.Match(tokens, k, e, out _, out _)) continue;
                    // the words of the phrase start after its determiner: "le procureur", "a police official"
                    var d = k;
                    // (never back over a conjunction: "…, but one doctor said")
                    while (d > first && d > k - 3 && tokens[d - 1].Kind == TokenKind.Word && !fw.IsDeterminer(tokens[d - 1].Folded)
                           && !Conjunction(tokens[d - 1].Folded)) d--;
                    var hasDet = d > first && fw.IsDeterminer(tokens[d - 1].Folded);
                    // "…, provincial governor Abdul Sattar told": without a determiner, the words before the title start the phrase
                    // only when a comma or the sentence start is right before them
                    if (!hasDet && !(d == first || tokens[d - 1].Folded == "," || Conjunction(tokens[d - 1].Folded))) d = k;
                    var p = hasDet ? d - 2 : d - 1;
                    while (p >= first && fw.IsDeterminer(tokens[p].Folded)) p--;
                    if (p < first || tokens[p].Folded is "," or "\"" or "«" or "“") { b = d; person = PersonBefore(text, tokens, p, first, places); }
                    else if (Conjunction(tokens[p].Folded)) b = d;
                }
                if (b < 0 || taken.Any(t => t.Item1 < e && t.Item2 > b)) continue;
                // "Ashraf al-Qudra, a Gaza emergency services spokesman, said": the person the title describes speaks
                if (person is var (pb, pe) && !taken.Any(t => t.Item1 < pe && t.Item2 > pb))
                {
                    var pspan = Span(tokens, pb, pe);
                    var pcue = Span(tokens, v.Start, v.End);
                    result.Add(new SourceMention(pspan, pspan.Of(text)) { Full = TextSpan.Cover(pspan, pcue), Cue = pcue, Rule = v.Row.Rule });
                    taken.Add((pb, e));
                    continue;
                }
                var span = Span(tokens, b, e);
                string? name = null;
                // "inspector general of police (operations) IK Singh said": the person the title names, right before the verb
                var q = e;
                while (q > b && e - q < 4 && FinderData.IsCapitalized(text, tokens[q - 1]) && tokens[q - 1].Kind == TokenKind.Word && !places.Stop.Contains(tokens[q - 1].Folded)
                       && !RankAt(tokens, q - 1, e, fw)) q--;
                if (q > b && e - q >= (RankAt(tokens, q - 1, e, fw) ? 1 : 2) && (!FinderData.IsCapitalized(text, tokens[q - 1]) || RankAt(tokens, q - 1, e, fw)))
                    name = text[tokens[q].Start..tokens[e - 1].End];
                for (var k = b; k < e && name == null; k++)
                    if (lex.Names.Match(tokens, k, e, out _, out var inner, text) && inner.Name != null && !inner.Name.Contains('{')) name = inner.Name;
                var cue = Span(tokens, v.Start, v.End);
                result.Add(new SourceMention(span, name ?? span.Of(text))
                {
                    Full = TextSpan.Cover(span, cue), Cue = cue, Quote = QuoteBefore(tokens, quotes, span, first), Rule = v.Row.Rule,
                });
                taken.Add((b, e));
            }
            // 5. "selon Serge Jean Louis", "d'après le haut-commissaire de la République": a name or a title after a cue
            foreach (var c in cues)
            {
                var b = c.End;
                while (b < end && (fw.IsDeterminer(tokens[b].Folded) || fw.Is("article", tokens[b].Folded))) b++;
                // "selon M. Molano": the honorific is dropped, as after a speech verb
                if (b < end && AfterHonorific(fw, tokens, b, end) is var n && n > b && n < end && tokens[n].Kind == TokenKind.Word
                    && FinderData.IsCapitalized(text, tokens[n])) b = n;
                if (b >= end || taken.Any(t => t.Item1 <= b + 1 && t.Item2 > c.End)) continue;
                // "selon le dernier bilan communiqué par l'Élysée": the body that gave the figures
                if (ProvidedBy(text, tokens, b, end, lex, fw, inTime) is var (pb, pe, pname) && pe > pb)
                {
                    var pspan = Span(tokens, pb, pe);
                    var pcue = Span(tokens, c.Start, c.End);
                    result.Add(new SourceMention(pspan, pname ?? pspan.Of(text)) { Full = TextSpan.Cover(pspan, pcue), Cue = pcue, Rule = "cue+provided-by" });
                    taken.Add((pb, pe));
                    continue;
                }
                var e = b;
                // "selon l'organisation OVD-Info": a noun that describes a body reads as a title; its own name replaces it below
                var titled = lex.Titles.Match(tokens, b, end, out var tl, out _);
                var described = false;
                if (!titled && lex.Descriptors.Match(tokens, b, end, out tl, out _))
                {
                    // "selon une ONG locale", "d'après des ONG" are sources; not "selon les chiffres de l'organisation": a bare noun
                    // after a definite article only points back
                    var bare = b + tl >= end || tokens[b + tl].Kind != TokenKind.Word;
                    if (bare && !(b > c.End && fw.Is("indefinite", tokens[b - 1].Folded))) continue;
                    titled = described = true;
                }
                // "according to local elder Ahmed Nur": a lower-case word or two before the title
                for (var skip = 1; !titled && skip <= 2 && b + skip < end && tokens[b + skip - 1].Kind == TokenKind.Word
                                   && !FinderData.IsCapitalized(text, tokens[b + skip - 1]); skip++)
                    if (lex.Titles.Match(tokens, b + skip, end, out tl, out _) && PersonAfter(text, tokens, b + skip + tl, end, lex, fw, places) != null)
                    {
                        titled = true;
                        e = b + skip + tl;
                    }
                if (titled) { if (e == b) e = b + tl; }
                else if (!FinderData.IsCapitalized(text, tokens[b]) || places.Stop.Contains(tokens[b].Folded)) continue;
                // the title's words, up to a verb, a stop word, a rank or the person it names ("elder Ahmed Nur")
                while (e < end && e - b < MaxTitleTokens && tokens[e].Kind == TokenKind.Word && !lex.Verbs.Match(tokens, e, end, out _, out _)
                       && !fw.Is("stop_title", tokens[e].Folded) && !(titled && RankAt(tokens, e, end, fw))
                       && !(titled && FinderData.IsCapitalized(text, tokens[e]) && PersonAfter(text, tokens, e, end, lex, fw, places) != null)
                       && (titled || FinderData.IsCapitalized(text, tokens[e]) || fw.IsOf(tokens[e].Folded) || fw.IsDeterminer(tokens[e].Folded) || fw.IsParticle(tokens[e].Folded)))
                    e++;
                while (e > b + 1 && (fw.IsOf(tokens[e - 1].Folded) || fw.IsDeterminer(tokens[e - 1].Folded))) e--;
                if (e <= b) continue; // a capital that starts a verb or a stop word: no name
                // "selon la chaîne kurde Rudaw": the body's name after its descriptor is a lexicon source found already
                if (described && taken.Any(t => t.Item1 < e && t.Item2 > b)) continue;
                // "le Comité national pour la libération des détenus (CNLD)": the acronym in brackets is the short name
                string? name = null;
                for (var k = e; k < Math.Min(end, e + 8) && name == null; k++)
                {
                    if (tokens[k].Folded is "," or "." or ";") break;
                    if (tokens[k].Folded == "(" && k + 2 < end && tokens[k + 2].Folded == ")" && text.AsSpan(tokens[k + 1].Start, tokens[k + 1].End - tokens[k + 1].Start) is var acr
                        && acr.Length >= 2 && IsAllUpper(acr)) name = acr.ToString();
                }
                // "selon le porte-parole de l'armée, le colonel Jean Kabila": the person the title names
                if (name == null && titled && PersonAfter(text, tokens, e, end, lex, fw, places) is var (qb, qe))
                {
                    name = text[tokens[qb].Start..tokens[qe - 1].End];
                    e = qe;
                }
                var span = Span(tokens, b, e);
                var cue = Span(tokens, c.Start, c.End);
                result.Add(new SourceMention(span, name ?? span.Of(text)) { Full = TextSpan.Cover(span, cue), Cue = cue, Rule = "cue+name" });
                taken.Add((b, e));
            }
        }
        result.Sort((a, b) => a.Span.CompareTo(b.Span));
        // "inspector general of police (operations) IK Muivah said": an office, an aside in brackets, then the person who holds it
        // and speaks: one speaker, named by the person (as "le gouverneur de la région, Paul Atanga Nji")
        for (var r = result.Count - 2; r >= 0; r--)
        {
            var office = result[r];
            var person = result[r + 1];
            var between = text.AsSpan(office.Span.End, Math.Max(0, person.Span.Start - office.Span.End)).Trim();
            if (between.Length < 3 || between[0] != '(' || between[^1] != ')' || between[1..^1].IndexOfAny('(', ')') >= 0) continue;
            var t0 = 0;
            while (t0 < tokens.Count && tokens[t0].End <= office.Span.Start) t0++;
            if (!lex.Titles.Match(tokens, t0, tokens.Count, out _, out _) && !(t0 + 1 < tokens.Count && fw.IsDeterminer(tokens[t0].Folded) && lex.Titles.Match(tokens, t0 + 1, tokens.Count, out _, out _))) continue;
            if (person.Name.Length == 0 || !char.IsUpper(person.Name[0]) || !person.Name.Contains(' ')) continue;
            result[r] = person with { Span = TextSpan.Cover(office.Span, person.Span), Full = TextSpan.Cover(office.Full.Length > 0 ? office.Full : office.Span, person.Full.Length > 0 ? person.Full : person.Span) };
            result.RemoveAt(r + 1);
        }
        DropRelays(tokens, result, lex);
        PointBack(tokens, result, lex, fw);
        BareTitles(text, tokens, result, lex, fw);
        NamedAfterDescriptor(text, tokens, result, lex, fw, countries);
        for (var r = 0; r < result.Count; r++)
        {
            var m = result[r];
            // "le colonel Philip Aguer": the person, without the rank
            var words = m.Name.Split(' ', 2);
            if (words.Length == 2 && fw.Is("rank", Fold.String(words[0])) && words[1].Length > 0 && char.IsUpper(words[1][0]))
                result[r] = m = m with { Name = words[1] };
        }
        return result;
    }


    /// <summary>
    /// "le dernier bilan communiqué par l'Élysée", "figures released by the ministry": a report noun, a participle of
    /// giving (function role <c>provided</c>) and the agent after it; the agent's tokens and its lexicon name if any.
    /// </summary>
    private static (int, int, string?)? ProvidedBy(string text, List<Token> tokens, int b, int end, Lexicon lex, FunctionWords fw, HashSet<int> inTime)
    {
        for (var k = b; k < Math.Min(end, b + 5); k++)
        {
            if (tokens[k].Kind != TokenKind.Word) return null;
            if (!fw.Is("provided", tokens[k].Folded)) continue;
            // "le bilan communiqué mercredi par l'ONU": a time between the participle and its agent
            var a = SkipTime(inTime, k + 1, end);
            if (a >= end || !fw.Is("agent", tokens[a].Folded)) return null;
            a++;
            while (a < end && fw.IsDeterminer(tokens[a].Folded)) a++;
            if (a >= end) return null;
            if (lex.Names.Match(tokens, a, end, out var l, out var row, text)) return (a, a + l, row.Name != null && !row.Name.Contains('{') ? row.Name : null);
            var e = a;
            while (e < end && e - a < 5 && FinderData.IsCapitalized(text, tokens[e])) e++;
            return e > a ? (a, e, null) : null;
        }
        return null;
    }

    /// <summary>
    /// "a rapporté l'ONG de défense des droits humains Hengaw", "the Norway-based rights group Hengaw said": a source read as the
    /// noun that describes a body takes the body's own name written after it (up to six lower-case words in between, then one to
    /// four capitalised words, not past a preposition of place or time).
    /// </summary>
    private static void NamedAfterDescriptor(string text, List<Token> tokens, List<SourceMention> result, Lexicon lex, FunctionWords fw, Countries countries)
    {
        var t = 0;
        for (var r = 0; r < result.Count; r++)
        {
            var m = result[r];
            while (t < tokens.Count && tokens[t].End <= m.Span.Start) t++;
            var d = -1;
            for (var k = t; k < tokens.Count && tokens[k].Start < m.Span.End && d < 0; k++)
                if (lex.Descriptors.Match(tokens, k, Math.Min(tokens.Count, k + 8), out var dl, out _)
                    && Fold.String(m.Name).StartsWith(Fold.String(new TextSpan(tokens[k].Start, tokens[k + dl - 1].End).Of(text)), StringComparison.Ordinal))
                    d = k + dl;
            // (a name of its own, "OSDH" for "l'Observatoire syrien des droits de l'Homme", is kept)
            if (d < 0) continue;
            var q = d;
            while (q < tokens.Count && q - d < 6 && tokens[q].Kind == TokenKind.Word && !FinderData.IsCapitalized(text, tokens[q])
                   && !fw.Is("stop_title", tokens[q].Folded) && !lex.Verbs.Match(tokens, q, tokens.Count, out _, out _)
                   && !TargetOrPlaceWord(fw, tokens[q].Folded)) q++;
            if (q < tokens.Count && TargetOrPlaceWord(fw, tokens[q].Folded)) continue;
            var e = q;
            while (e < tokens.Count && e - q < 4 && tokens[e].Kind == TokenKind.Word && FinderData.IsCapitalized(text, tokens[e])) e++;
            if (e == q || q < tokens.Count && fw.Is("stop_title", tokens[q].Folded)) continue;
            // ("the News Agency of Nigeria": a country after the words is part of the body's name)
            if (countries.At(tokens, q, e, out _, out var cl, text) && cl == e - q) continue;
            // "l'ONG de défense des Kurdes d'Iran Hengaw": a capitalised word after "de" belongs to the description; the body's own
            // name is the next capitalised word no "de" introduces, when the phrase goes on to one
            for (var k = e; q > 0 && fw.IsOf(tokens[q - 1].Folded) && k < tokens.Count && k - d < 10 && tokens[k].Kind == TokenKind.Word; k++)
            {
                if (fw.Is("stop_title", tokens[k].Folded)) break;
                if (!FinderData.IsCapitalized(text, tokens[k]) || fw.IsOf(tokens[k - 1].Folded)) continue;
                var ke = k;
                while (ke < tokens.Count && ke - k < 4 && tokens[ke].Kind == TokenKind.Word && FinderData.IsCapitalized(text, tokens[ke])) ke++;
                (q, e) = (k, ke);
                break;
            }
            var name = new TextSpan(tokens[q].Start, tokens[e - 1].End);
            result[r] = m with { Name = name.Of(text), Span = TextSpan.Cover(m.Span, name), Full = m.Full.Length > 0 ? TextSpan.Cover(m.Full, name) : m.Full };
        }
    }

    /// <summary>A word that introduces a target or a place (function roles <c>object</c>, <c>list_breaker</c>): a name after it is
    /// not the name of the body described before it ("la coalition militaire contre Al-Hayjah").</summary>
    private static bool TargetOrPlaceWord(FunctionWords fw, string folded) => fw.Is("object", folded) || fw.Is("list_breaker", folded);

    /// <summary>A capitalised word among the few words from token <paramref name="k"/>, before any punctuation or speech verb: the
    /// body's own name after its descriptor ("l'ONG de défense des droits humains Hengaw"), not "his organisation had removed …".</summary>
    private static bool NameSoonAfter(string text, List<Token> tokens, int k, int end, Lexicon lex, FunctionWords fw)
    {
        for (var i = k; i < Math.Min(end, k + 7); i++)
        {
            if (tokens[i].Kind != TokenKind.Word || lex.Verbs.Match(tokens, i, end, out _, out _)) return false;
            if (TargetOrPlaceWord(fw, tokens[i].Folded)) return false;
            if (FinderData.IsCapitalized(text, tokens[i])) return true;
        }
        return false;
    }

    /// <summary>
    /// "…, a ajouté le ministre", "the spokesman said": a source named by a bare title is the speaker introduced before with that
    /// title ("le ministre de l'Intérieur, Amade Miquidade, a annoncé…"); it takes that speaker's name.
    /// </summary>
    private static void BareTitles(string text, List<Token> tokens, List<SourceMention> result, Lexicon lex, FunctionWords fw)
    {
        var t = 0;
        var headlineEnd = FirstLineEnd(text);
        for (var r = 1; r < result.Count; r++)
        {
            var m = result[r];
            while (t < tokens.Count && tokens[t].Start < m.Span.Start) t++;
            var b = t;
            while (b < tokens.Count && tokens[b].Start < m.Span.End && fw.IsDeterminer(tokens[b].Folded)) b++;
            var e = b;
            while (e < tokens.Count && tokens[e].Start < m.Span.End) e++;
            if (e <= b || !lex.Titles.Match(tokens, b, e, out var tl, out _) || tl != e - b) continue;
            var title = " " + Fold.String(new TextSpan(tokens[b].Start, tokens[e - 1].End).Of(text)) + " ";
            // the speaker introduced before with that title; else, for a headline's bare title ("… kills three - governor"), the
            // one the text introduces after it
            var found = false;
            for (var p = r - 1; p >= 0 && !found; p--) found = TakeNameOf(p);
            if (!found && m.Span.Start < headlineEnd)
                for (var p = r + 1; p < result.Count && !found; p++) found = TakeNameOf(p);

            bool TakeNameOf(int p)
            {
                var o = result[p];
                if (o.Name == m.Name || o.Addressee) return false;
                var said = o.Full.Length > 0 ? o.Full : o.Span;
                if (!(" " + Fold.String(said.Of(text)) + " ").Contains(title, StringComparison.Ordinal)) return false;
                // (a later mention counts only when it names the speaker: not "the regional governor said" again)
                if (p > r && Fold.String(o.Name).Contains(title.Trim(), StringComparison.Ordinal)) return false;
                result[r] = m with { Name = o.Name, Partisan = o.Partisan };
                return true;
            }
        }
    }

    /// <summary>A named armed group (not a generic word for one): it speaks for itself, as a partisan source.</summary>
    private static bool SpeaksForItself(ActorFinder.Row r) =>
        !r.Generic && r.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia;

    /// <summary>The offset where the text's first line ends (its headline, when it has one).</summary>
    private static int FirstLineEnd(string text) => text.IndexOf('\n') is var n and >= 0 ? n : text.Length;

    /// <summary>"rapporte l'AFP citant l'armée": the source right before a relay word only passes on the one named after it.</summary>
    private static void DropRelays(List<Token> tokens, List<SourceMention> result, Lexicon lex)
    {
        if (result.Count < 2) return;
        var ids = Vocabulary.IdsOf(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            // (the tokens whose word starts no relay are passed over without a look-up each)
            i = lex.Relays.NextStart(ids, i, tokens.Count);
            if (i >= tokens.Count) break;
            if (!lex.Relays.Match(tokens, i, tokens.Count, out var l, out _)) continue;
            var relayStart = tokens[i].Start;
            var relayEnd = tokens[i + l - 1].End;
            // (loops, not lambdas: a closure over these two would be allocated for every token of the text)
            var before = -1;
            for (var r = result.Count - 1; r >= 0 && before < 0; r--)
                if (result[r].Span.End <= relayStart && relayStart - result[r].Span.End <= 3) before = r;
            var after = -1;
            for (var r = 0; r < result.Count && after < 0; r++)
                if (result[r].Span.Start >= relayEnd && result[r].Span.Start - relayEnd <= 12) after = r;
            if (before < 0 || after < 0) continue;
            // "L'AFP, citant une source militaire, fait état de …": an inserted phrase; the subject still speaks
            var inserted = i > 0 && tokens[i - 1].Folded == ",";
            if (inserted)
            {
                var k = i + l;
                while (k < tokens.Count && tokens[k].Start < result[after].Span.End) k++;
                inserted = Enumerable.Range(k, Math.Max(0, Math.Min(tokens.Count, k + 10) - k)).Any(j => tokens[j].Folded == ",")
                           && !Enumerable.Range(k, Math.Max(0, Math.Min(tokens.Count, k + 10) - k)).TakeWhile(j => tokens[j].Folded != ",").Any(j => tokens[j].Folded == ".");
            }
            if (!inserted) result.RemoveAt(before);
        }
    }

    /// <summary>The token after an honorific at <paramref name="b"/> and its full stop ("M. Kolo": "Kolo"), or <paramref name="b"/> when there is none.</summary>
    private static int AfterHonorific(FunctionWords fw, List<Token> tokens, int b, int end)
    {
        if (!fw.Is("honorific", tokens[b].Folded)) return b;
        return b + 1 < end && tokens[b + 1].Folded == "." ? b + 2 : b + 1;
    }

    /// <summary>A rank or an honorific at token e, after an optional determiner: "le colonel", "Colonel", "M.".</summary>
    private static bool RankAt(List<Token> tokens, int e, int end, FunctionWords fw)
    {
        if (e < end && fw.IsDeterminer(tokens[e].Folded)) e++;
        return e < end && (fw.Is("rank", tokens[e].Folded) || fw.Is("honorific", tokens[e].Folded));
    }

    /// <summary>The length of a descriptor of bodies at token <paramref name="b"/> (role <c>descriptor</c> of sources.tsv, or one word
    /// of function role <c>monitor</c>) that ends the phrase, no word after it ("a précisé l'ONG."); 0 otherwise.</summary>
    private static int BareDescriptor(List<Token> tokens, int b, int end, Lexicon lex, FunctionWords fw)
    {
        var len = lex.Descriptors.Match(tokens, b, end, out var dl, out _) ? dl : fw.Is("monitor", tokens[b].Folded) ? 1 : 0;
        return len > 0 && (b + len >= end || tokens[b + len].Kind != TokenKind.Word) ? len : 0;
    }

    /// <summary>
    /// "a précisé l'ONG", "the monitor said": a body named only by a definite article and a word that describes bodies (role
    /// <c>descriptor</c> of sources.tsv, or function role <c>monitor</c>) is the body of the source lexicon named last before it
    /// ("l'Observatoire syrien des droits de l'homme (OSDH)" → OSDH).
    /// </summary>
    private static void PointBack(List<Token> tokens, List<SourceMention> result, Lexicon lex, FunctionWords fw)
    {
        for (var r = 1; r < result.Count; r++)
        {
            var m = result[r];
            var b = Vigie.Text.Tokens.IndexAt(tokens, m.Span.Start);
            var e = b;
            while (e < tokens.Count && tokens[e].End <= m.Span.End) e++;
            if (b < e && fw.IsDeterminer(tokens[b].Folded)) b++;
            else if (b == 0 || !fw.IsDeterminer(tokens[b - 1].Folded)) continue;
            if (b >= e || !(lex.Descriptors.Match(tokens, b, e, out var dl, out _) && b + dl == e || e - b == 1 && fw.Is("monitor", tokens[b].Folded))) continue;
            for (var p = r - 1; p >= 0; p--)
                if (result[p].Rule.Contains("sources.tsv", StringComparison.Ordinal) && result[p].Name != m.Name && result[p].Name.Length > 0 && char.IsUpper(result[p].Name[0]))
                {
                    result[r] = m with { Name = result[p].Name, Partisan = result[p].Partisan };
                    break;
                }
        }
    }

    /// <summary>
    /// A person named in apposition right after a title ending at token <paramref name="e"/>: "le gouverneur de la région, Paul
    /// Atanga Nji", "le porte-parole de l'armée le colonel Jean Kabila", "inspector general of police (operations) IK Singh".
    /// Two to four capitalised words, or one after a rank or an honorific, ending the clause (punctuation, a verb or the sentence end).
    /// </summary>
    private static (int, int)? PersonAfter(string text, List<Token> tokens, int e, int end, Lexicon lex, FunctionWords fw, PlaceFinder.Lexicon places,
        bool rankOnly = false)
    {
        var a = e;
        // "(operations)": a bracketed precision of the title
        if (a + 2 < end && tokens[a].Folded == "(" && tokens[a + 2].Folded == ")") a += 3;
        if (a < end && tokens[a].Folded == ",") a++;
        if (a < end && fw.IsDeterminer(tokens[a].Folded)) a++;
        var titled = false;
        while (a < end && (fw.Is("rank", tokens[a].Folded) || fw.Is("honorific", tokens[a].Folded)))
        {
            titled = true;
            a++;
            if (a < end && tokens[a].Folded == ".") a++;
        }
        var b = a;
        while (b < end && b - a < 4 && FinderData.IsCapitalized(text, tokens[b]) && tokens[b].Kind == TokenKind.Word && !places.Stop.Contains(tokens[b].Folded)) b++;
        if (b - a < (titled ? 1 : 2) || (rankOnly && !titled)) return null;
        if (b < end && tokens[b].Kind == TokenKind.Word && !lex.Verbs.Match(tokens, b, end, out _, out _)) return null;
        return (a, b);
    }

    /// <summary>A name of two to four capitalised words that ends with the comma at <paramref name="comma"/> and starts a clause.</summary>
    private static (int, int)? PersonBefore(string text, List<Token> tokens, int comma, int first, PlaceFinder.Lexicon places)
    {
        if (comma <= first || tokens[comma].Folded != ",") return null;
        var a = comma;
        while (a > first && comma - a < 4 && FinderData.IsCapitalized(text, tokens[a - 1]) && !places.Stop.Contains(tokens[a - 1].Folded)) a--;
        if (comma - a < 2) return null;
        var before = a - 1;
        return before < first || tokens[before].Folded is "," or "\"" or "«" or "“" or "»" or "”" ? (a, comma) : null;
    }

    private static bool AllCapitalized(string text, List<Token> tokens, int a, int b)
    {
        if (a >= b) return false;
        for (var i = a; i < b; i++)
            if (tokens[i].Folded is not ("," or ".") && !FinderData.IsCapitalized(text, tokens[i])) return false;
        return true;
    }

    private static bool IsAllUpper(ReadOnlySpan<char> s)
    {
        foreach (var ch in s) if (char.IsLetter(ch) && !char.IsUpper(ch)) return false;
        return true;
    }

    /// <summary>The first token at or after <paramref name="i"/> that is not inside a time expression.</summary>
    private static int SkipTime(HashSet<int> inTime, int i, int end)
    {
        while (i < end && inTime.Contains(i)) i++;
        return i;
    }

    /// <summary>
    /// Past the agency or person a statement was made to: "à l'AFP", "told Reuters" (the verb's own addressee word
    /// when <paramref name="verbTakesAddressee"/>), else "à"/"au" + a lexicon source or a capitalised name.
    /// Returns <paramref name="b"/> when there is none.
    /// </summary>
    private static int SkipAddressee(string text, List<Token> tokens, int b, int end, bool verbTakesAddressee, Lexicon lex, FunctionWords fw)
    {
        var i = b;
        if (!verbTakesAddressee)
        {
            if (i >= end || !lex.AddresseeWords.Match(tokens, i, i + 1, out _, out _)) return b;
            i++;
        }
        while (i < end && fw.IsDeterminer(tokens[i].Folded)) i++;
        // "à l'agence Anadolu", "to the broadcaster NHK"
        if (i < end && lex.Media.Match(tokens, i, end, out var ml, out _) && i + ml < end && FinderData.IsCapitalized(text, tokens[i + ml])) i += ml;
        if (i < end && lex.Names.Match(tokens, i, end, out var l, out _, text)) return i + l;
        var k = i;
        while (k < end && k - i < 4 && FinderData.IsCapitalized(text, tokens[k])) k++;
        return k > i ? k : b;
    }

    /// <summary>
    /// Two to four capitalised words from token <paramref name="e"/> up to the speech verb <paramref name="cue"/> (a title word may
    /// come first: "official Mohamed Abdi said"): the end of the person's name, or null.
    /// </summary>
    private static int? PersonBeforeVerb(string text, List<Token> tokens, int e, TextSpan cue, Lexicon lex, PlaceFinder.Lexicon places)
    {
        if (e >= tokens.Count || tokens[e].Start >= cue.Start) return null;
        var k = e;
        while (k < tokens.Count && tokens[k].End <= cue.Start && FinderData.IsCapitalized(text, tokens[k]) && tokens[k].Kind == TokenKind.Word
               && !places.Stop.Contains(tokens[k].Folded) && !lex.Titles.Match(tokens, k, k + 1, out _, out _)) k++;
        return k - e is >= 2 and <= 4 && k < tokens.Count && tokens[k].Start == cue.Start ? k : null;
    }

    private static string FillDemonym(string template, string? iso, Countries countries)
    {
        var open = template.IndexOf('{');
        var close = template.IndexOf('}', open + 1);
        if (close < 0) return template;
        var type = template[(open + 1)..close];
        var dem = iso == null ? null : countries.DemonymOf(iso, type);
        var filled = template[..open] + (dem ?? "") + template[(close + 1)..];
        return string.Join(' ', filled.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// "According to the army, separatist fighters attacked the convoy": a comma between the cue and the name [b, e) closes the
    /// attribution, and the name opens the clause it introduces; only a list of sources goes on past it ("selon l'armée, la
    /// police et des habitants": a coordinator right before or right after the name).
    /// </summary>
    private static bool ClauseAfterAttribution(List<Token> tokens, int from, int b, int e, int end, FunctionWords fw)
    {
        var comma = false;
        for (var i = from; i < b; i++) comma |= tokens[i].Folded == ",";
        if (!comma) return false;
        var listed = (b > from && fw.Is("coordinator", tokens[b - 1].Folded) && tokens[b - 1].Folded != ",")
                     || (e < end && (fw.Is("coordinator", tokens[e].Folded) || tokens[e].Folded == ","));
        return !listed;
    }

    private static bool NoPunct(List<Token> tokens, int a, int b)
    {
        for (var i = a; i < b; i++) if (tokens[i].Kind == TokenKind.Punct) return false;
        return true;
    }

    private static TextSpan Span(List<Token> tokens, int s, int e) => new(tokens[s].Start, tokens[e - 1].End);

    /// <summary>No sentence-internal break (a period, a semicolon, a closing quote) between tokens a and b.</summary>
    private static bool NoBreak(List<Token> tokens, int a, int b)
    {
        for (var i = a; i < b; i++)
            if (tokens[i].Folded is "." or ";" or "»" or "\"" or "”") return false;
        return true;
    }

    private static bool HasComplementizer(List<Token> tokens, int a, int b, FunctionWords fw)
    {
        for (var i = a; i < b; i++) if (fw.Is("complementizer", tokens[i].Folded)) return true;
        return false;
    }

    /// <summary>
    /// Between a subject and its verb: up to three words, a bracketed acronym ("la Minusca (…) a fait état"),
    /// an apposition in commas ("le président de la Croix-Rouge, Antoine Mbao Bogo, a affirmé"),
    /// or a comma glued to the verb (a typo of the page: "Reuters,évoque").
    /// </summary>
    private static bool SubjectGap(string text, List<Token> tokens, int a, int b, FunctionWords fw, Lexicon lex)
    {
        var words = 0;
        // "des habitants joints par l'AFP ont affirmé": the medium that reached them sits between the subject and its verb
        if (a < b && lex.Contacted.Match(tokens, a, b, out var cl, out _))
        {
            a += cl;
            while (a < b && fw.IsDeterminer(tokens[a].Folded)) a++;
            while (a < b && FinderData.IsCapitalized(text, tokens[a])) a++;
        }
        for (var i = a; i < b; i++)
        {
            var f = tokens[i].Folded;
            if (f is "(" or ")") continue;
            if (f == "," && i + 1 < tokens.Count && tokens[i + 1].Start == tokens[i].End && i + 1 == b) continue;
            if (f == "," && i == a && i + 1 < b && fw.Is("relative", tokens[i + 1].Folded))
            {
                // ", qui mène des opérations contre le groupe ADF depuis le 30 octobre," before the verb
                if (b - a > 24 || tokens[b - 1].Folded != ",") return false;
                for (var k = a + 1; k < b - 1; k++) if (tokens[k].Folded is "." or ";" or ":" or "\"" or "«" or "»") return false;
                return true;
            }
            if (f == "," && i == a)
            {
                // ", Antoine Mbao Bogo," or ", M. Musa,"
                var j = i + 1;
                if (j < b && fw.Is("honorific", tokens[j].Folded)) { j++; if (j < b && tokens[j].Folded == ".") j++; }
                var n = j;
                while (n < b && n - j < 4 && FinderData.IsCapitalized(text, tokens[n])) n++;
                if (n > j && n < b && tokens[n].Folded == "," && n + 1 == b) return true;
                return false;
            }
            if (tokens[i].Kind == TokenKind.Punct) return false;
            if (++words > 3) return false;
        }
        return true;
    }

    private static bool HasVerbBefore(List<(int Start, int End, Row Row)> verbs, int b)
    {
        foreach (var v in verbs) if (v.End <= b && b - v.End <= 6) return true;
        return false;
    }

    /// <summary>Words of an official body's name between it and its demonym: one or two lower-case or capitalised epithets
    /// ("Armée nationale somalienne", "forces armées maliennes"); the token after the demonym, or 0.</summary>
    private static int DemonymAfterEpithet(List<Token> tokens, int e, int end, Countries countries, string text)
    {
        for (var k = e; k < end && k < e + 2 && tokens[k].Kind == TokenKind.Word; k++)
            if (k + 1 < end && countries.At(tokens, k + 1, end, out var c, out var l, text) && c.Demonym) return k + 1 + l;
        return 0;
    }

    private static int ExtendDemonym(List<Token> tokens, int e, int end, Countries countries, string text) =>
        e < end && countries.At(tokens, e, end, out var c, out var l, text) && c.Demonym ? e + l : e;

    /// <summary>The quote that ends right before the cue ("« … », a affirmé") or starts right after it ("a déclaré : « … »").</summary>
    private static TextSpan? QuoteBefore(List<Token> tokens, IReadOnlyList<Quote> quotes, TextSpan cue, int first)
    {
        foreach (var q in quotes)
        {
            if (q.Span.End <= cue.Start && q.Span.Start >= tokens[first].Start)
            {
                // only punctuation between the quote and the cue
                var ok = true;
                for (var i = first; i < tokens.Count && tokens[i].Start < cue.Start; i++)
                    if (tokens[i].Start >= q.Span.End && tokens[i].Kind != TokenKind.Punct) { ok = false; break; }
                if (ok) return q.Span;
            }
        }
        return null;
    }
}
