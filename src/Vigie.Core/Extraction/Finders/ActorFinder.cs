using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text;

namespace Vigie.Extraction.Finders;

/// <summary>
/// Finds actors (<see cref="ActorMention"/>) from lang/&lt;code&gt;/actors.tsv: each row maps aliases to an
/// ACLED-style name, a kind and a country. Two kinds of rows depend on the document:
/// <list type="bullet">
/// <item><c>generic</c> rows ("l'armée", "les soldats", "the military") name a state's forces through a template
/// ("Military Forces of {country}"): the country is the demonym or country name next to the words
/// ("l'armée malienne", "Malian soldiers", "l'armée du Mali"), else the document's main country
/// (<see cref="Countries.MainCountry"/>) and the mention is marked <see cref="ActorMention.Generic"/>.</item>
/// <item><c>context=FAMILY</c> rows ("les jihadistes") become the group of that family the document names
/// (a row flagged <c>family=FAMILY</c>: "l'Etat islamique" → Islamic State) and are marked
/// <see cref="ActorMention.FromContext"/>; with no such group they keep their own name ("Unidentified jihadists").</item>
/// </list>
/// Requires <see cref="CountryMention"/> (from <see cref="PlaceFinder"/>).
/// </summary>
public sealed class ActorFinder : IComponent
{
    /// <summary>Tokens after unnamed attackers within which a group named for the first time is still the one suspected.</summary>
    private const int SuspectedReach = 40;

    public string Name => "actors";
    public IReadOnlyList<Type> Requires => [typeof(Token), typeof(Sentence), typeof(CountryMention)];
    public IReadOnlyList<Type> Assigns => [typeof(ActorMention)];

    public sealed record Row(string Name, ActorKind Kind, string? Country, bool Generic, string? Context, string? Family, string Rule)
    {
        /// <summary>Unidentified attackers that take the name of a group linked right after them.</summary>
        public bool Unnamed { get; init; }
        /// <summary>A weapon or strike word: an actor only with a demonym right next to it ("Israeli strike", "frappe israélienne"), the forces of that country.</summary>
        public bool Wielder { get; init; }
        /// <summary>The government of the text's own country ("les forces du régime", "government forces"): it never stands for the
        /// forces of a country named only by its weapons ("l'aviation russe", "Israeli strikes"), which strike from elsewhere.</summary>
        public bool Home { get; init; }
        /// <summary>The country whose war this family's group is the one a bare context word means when the text names none of the
        /// family ("theatre=YE": "la coalition" in a text about Yemen is the Saudi-led one).</summary>
        public string? Theatre { get; init; }
    }

    public sealed class Lexicon
    {
        public static readonly PerLanguage<Lexicon> Cache = new(l => new Lexicon(l));

        /// <summary>All aliases.</summary>
        public PhraseMatcher<Row> All { get; } = new();
        /// <summary>Aliases of named groups only (not generic or context words): used to tell names of actors from place names.</summary>
        public PhraseMatcher<Row> Named { get; } = new();
        /// <summary>The folded weapon and strike words that take a demonym ("strike", "frappe", "shelling"; the first and last words of a phrase, "air power").</summary>
        public HashSet<string> WielderWords { get; } = new(StringComparer.Ordinal);
        /// <summary>The group of a family that stands for the family's context words in a text about a country (flag <c>theatre=</c>).</summary>
        public Dictionary<(string Family, string Country), Row> Theatres { get; } = new();

        private Lexicon(string lang)
        {
            var tsv = FinderData.Load(lang, "actors.tsv");
            foreach (var r in FinderData.Rows(tsv))
            {
                var flags = FinderData.Forms(r.Get("flags")?.Replace(' ', '|'));
                string? context = null, family = null, theatre = null;
                bool generic = false, unnamed = false, wielder = false, home = false;
                foreach (var f in flags)
                {
                    if (f == "generic") generic = true;
                    else if (f == "unnamed") unnamed = true;
                    else if (f == "home") { home = true; generic = true; }
                    else if (f == "wielder") { wielder = true; generic = true; }
                    else if (f.StartsWith("context=", StringComparison.Ordinal)) context = f[8..];
                    else if (f.StartsWith("family=", StringComparison.Ordinal)) family = f[7..];
                    else if (f.StartsWith("theatre=", StringComparison.Ordinal)) theatre = f[8..].ToUpperInvariant();
                    else throw new FormatException($"{tsv!.Path}:{r.Line}: unknown flag '{f}' (generic, home, unnamed, wielder, context=FAMILY, family=FAMILY, theatre=ISO)");
                }
                var row = new Row(r["name"], FinderData.ParseEnum<ActorKind>(tsv!, r, "kind"), r.Get("country")?.ToUpperInvariant(), generic, context, family, FinderData.RuleOf(tsv!, r)) { Unnamed = unnamed, Wielder = wielder, Home = home, Theatre = theatre };
                if (row.Name.Length == 0) throw new FormatException($"{tsv!.Path}:{r.Line}: empty name");
                if (theatre != null)
                {
                    if (family == null) throw new FormatException($"{tsv!.Path}:{r.Line}: theatre= needs family=");
                    Theatres[(family, theatre)] = row;
                }
                foreach (var form in WithArticleVariants(FinderData.Forms(r["forms"])))
                {
                    All.Add(form, row);
                    // (of a phrase, its first and last words: "Russian air power", "l'appui aérien russe")
                    if (wielder && form.Split(' ') is var words) { WielderWords.Add(Vigie.Text.Fold.String(words[0])); WielderWords.Add(Vigie.Text.Fold.String(words[^1])); }
                    if (!generic && context == null) Named.Add(form, row);
                }
            }
        }
    }

    /// <summary>
    /// The forms of a row, and for each form with an Arabic article joined by a hyphen ("al-Qaeda in the Arabian Peninsula",
    /// "Ahrar al-Sham") the same form with the article written apart ("al Qaeda in the Arabian Peninsula", "Ahrar al Sham"): wire copy
    /// spells it both ways.
    /// </summary>
    internal static IEnumerable<string> WithArticleVariants(IEnumerable<string> forms)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            if (seen.Add(form)) yield return form;
            var spaced = System.Text.RegularExpressions.Regex.Replace(form, @"\b([Aa]l|[Ee]l)-(?=\p{L})", "$1 ");
            if (spaced != form && seen.Add(spaced)) yield return spaced;
        }
    }

    public void Process(Document doc) =>
        doc.Layers.Set(Find(doc.Text, Tokens.AsList(doc.Layers.Get<Token>()), doc.Layers.Get<Sentence>(), doc.Layers.Get<CountryMention>(), FinderData.LangOf(doc), Countries.MainCountry(doc)));

    /// <summary>
    /// "l'Armée de libération nationale de la Papouasie occidentale", "the National Liberation Army of West Papua": a
    /// descriptive name of one country's group that goes on with "of" and a land that is no country is the longer name of
    /// another body (a country after it, "… of Uganda", keeps the group: some cross borders).
    /// </summary>
    private static bool NamesAnotherLand(string text, List<Token> tokens, int end, int sentenceEnd, FunctionWords fw, Countries countries)
    {
        if (end >= sentenceEnd || !fw.IsOf(tokens[end].Folded)) return false;
        var k = end + 1;
        if (k < sentenceEnd && fw.IsDeterminer(tokens[k].Folded)) k++;
        return k < sentenceEnd && FinderData.IsCapitalized(text, tokens[k]) && !countries.At(tokens, k, sentenceEnd, out _, out _, text);
    }

    public static List<ActorMention> Find(string text, List<Token> tokens, IReadOnlyList<Sentence> sentences,
        IReadOnlyList<CountryMention> countryMentions, string lang, string? mainCountry)
    {
        var lex = Lexicon.Cache.For(lang);
        var countries = Countries.Lexicon.For(lang);
        var english = Countries.Lexicon.For(Languages.ActorNames);
        var fw = FunctionWords.Lexicon.For(lang);
        var found = new List<(TextSpan Span, Row Row, string? Country, bool FromDoc)>();
        var ends = new List<(int Start, int End)>();
        foreach (var s in sentences)
        {
            foreach (var (start, len, row) in lex.All.FindAll(tokens, s.FirstToken, s.EndToken, text))
            {
                var end = start + len;
                var spanStart = start;
                string? country = row.Country;
                var fromDoc = false;
                var demonymAt = -1;
                if (row.Generic && country == null)
                {
                    // "l'armée malienne", "l'armée nationale somalienne", "l'armée du Mali", "Malian soldiers"
                    // (not past "of": "Russian shelling of Ukrainian cities" names what was shelled)
                    for (var k = end; k < Math.Min(end + 2, s.EndToken) && country == null; k++)
                    {
                        if (countries.At(tokens, k, s.EndToken, out var c, out var cl, text) && c.Demonym) { country = c.Iso2; demonymAt = k; end = k + cl; }
                        else if (tokens[k].Kind != TokenKind.Word || FinderData.IsCapitalized(text, tokens[k]) || fw.IsOf(tokens[k].Folded)) break;
                    }
                    if (country == null && end < s.EndToken && fw.IsOf(tokens[end].Folded))
                    {
                        var k = end + 1;
                        if (k < s.EndToken && fw.IsDeterminer(tokens[k].Folded)) k++;
                        if (countries.At(tokens, k, s.EndToken, out var c, out var cl, text) && !c.Demonym) { country = c.Iso2; end = k + cl; }
                    }
                    if (country == null && start > s.FirstToken)
                    {
                        for (var b = Math.Max(s.FirstToken, start - 3); b < start; b++)
                            // "Malian soldiers", and a country's acronym used as its adjective ("US soldiers", "UK troops")
                            if (countries.At(tokens, b, start, out var c, out var cl, text) && b + cl == start
                                && (c.Demonym || IsUpperAcronym(text, tokens, b, start))) { country = c.Iso2; spanStart = b; break; }
                    }
                    // "Israeli strike", "frappe israélienne": a weapon is an actor only through the demonym next to it, and the
                    // mention is the demonym alone (the weapon word stays the event word)
                    if (row.Wielder)
                    {
                        if (country == null) continue;
                        if (spanStart < start) end = start; else if (demonymAt >= 0) spanStart = demonymAt; else continue;
                        found.Add((new TextSpan(tokens[spanStart].Start, tokens[end - 1].End), row, country, false));
                        ends.Add((spanStart, end));
                        continue;
                    }
                    if (country == null) { country = mainCountry; fromDoc = true; }
                }
                else if (country != null && len >= 3 && NamesAnotherLand(text, tokens, end, s.EndToken, fw, countries)) continue;
                found.Add((new TextSpan(tokens[spanStart].Start, tokens[end - 1].End), row, country, fromDoc));
                ends.Add((start, end));
            }
        }

        ApplyAcronyms(text, tokens, found, ends);

        // "l'armée israélienne … l'armée a indiqué": a state's forces named with their country elsewhere in the document are
        // the forces a bare "l'armée" stands for, when only one country's forces are named so
        // (the text's own government, "les forces du régime", only by forces named otherwise than by their weapons)
        List<string> ForcesOf(bool weapons) => found.Where(f => !f.FromDoc && f.Country != null && f.Row.Generic && f.Row.Kind == ActorKind.StateForces
                                                              && (weapons || !f.Row.Wielder)).Select(f => f.Country!).Distinct().ToList();
        var forces = ForcesOf(weapons: true);
        var ground = ForcesOf(weapons: false);
        for (var i = 0; i < found.Count; i++)
        {
            if (!found[i].FromDoc || found[i].Row.Kind != ActorKind.StateForces) continue;
            var by = found[i].Row.Home ? ground : forces;
            if (by.Count == 1 && by[0] != mainCountry) found[i] = (found[i].Span, found[i].Row, by[0], true);
        }

        // the named group of each family ("jihadist" → Islamic State), the most mentioned one
        var counts = new Dictionary<(string Family, string Name), int>();
        var families = new Dictionary<string, (Row Row, int Count)>(StringComparer.Ordinal);
        foreach (var f in found)
        {
            if (f.Row.Family is not { } fam) continue;
            var c = counts[(fam, f.Row.Name)] = counts.GetValueOrDefault((fam, f.Row.Name)) + 1;
            if (!families.TryGetValue(fam, out var best) || c > best.Count) families[fam] = (f.Row, c);
        }
        // ("des groupes terroristes armés … les groupes militants liés à al-Qaïda et à l'EIIL": two groups of the family named as
        // often, and side by side as the two of a pair, the words stand for neither; not "HTS, led by Syria's former Al Qaeda
        // affiliate", where the second names what the first was)
        // (the second joined to the first by a coordinator right before it, in the same sentence: "à al-Qaïda et à l'EIIL",
        // "to Ansarul Islam, which emerged in 2016, and to the JNIM")
        var paired = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < found.Count; i++)
        {
            if (found[i].Row.Family is not { } fi || found[i + 1].Row.Family != fi || found[i + 1].Row.Name == found[i].Row.Name) continue;
            var from = ends[i].End;
            var to = ends[i + 1].Start;
            if (to - from > PairReach || sentences.Any(x => x.FirstToken <= from && from < x.EndToken && to >= x.EndToken)) continue;
            for (var k = Math.Max(from, to - 3); k < to; k++)
                if (fw.IsCoordinator(tokens[k].Folded) && tokens[k].Folded != ",") { paired.Add(fi); break; }
        }
        foreach (var ((fam, name), c) in counts)
            if (paired.Contains(fam) && families.TryGetValue(fam, out var best) && best.Count == c && best.Row.Name != name) families.Remove(fam);

        // "trois kamikazes suspectés d'appartenir à Boko Haram", "des hommes armés du groupe ADF": the group named right after
        for (var i = 0; i < found.Count; i++)
        {
            if (!found[i].Row.Unnamed || i + 1 >= found.Count) continue;
            var next = found[i + 1];
            if (next.Row.Generic || next.Row.Context != null || next.Row.Unnamed || next.Row.Kind is not (ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia)) continue;
            var linked = ends[i + 1].Start - ends[i].End <= 6;
            for (var k = ends[i].End; k < ends[i + 1].Start && linked; k++) linked = fw.Is("link", tokens[k].Folded);
            if (linked) found[i] = (found[i].Span, next.Row with { Rule = found[i].Row.Rule, Context = "linked" }, next.Row.Country, false);
        }
        // the same words later in the document stand for the same group ("les kamikazes étaient des hommes")
        var linkedWords = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < found.Count; i++)
        {
            var key = FoldedWords(tokens, ends[i].Start, ends[i].End);
            if (found[i].Row.Context == "linked") linkedWords.TryAdd(key, i);
            else if (found[i].Row.Unnamed && linkedWords.TryGetValue(key, out var j)) found[i] = (found[i].Span, found[j].Row, found[j].Country, false);
        }

        // "Des terroristes ont tué vingt personnes … Ces groupes armés ont attaqué les villages de A et B": unnamed attackers after a
        // demonstrative are the armed group named last before them
        for (var i = 1; i < found.Count; i++)
        {
            if (!found[i].Row.Unnamed || found[i].Row.Context != null || ends[i].Start == 0 || !fw.Is("demonstrative", tokens[ends[i].Start - 1].Folded)) continue;
            for (var j = i - 1; j >= 0; j--)
            {
                var r = found[j].Row;
                if (r.Generic || r.Kind is not (ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia)) continue;
                if (!(r.Unnamed && r.Context == null)) found[i] = (found[i].Span, r, found[j].Country, found[j].FromDoc);
                break;
            }
        }

        // unnamed attackers ("des hommes armés", "gunmen") in a document that names one rebel group are taken for that group,
        // as suspected: the article's frame ("l'attaque … dont l'une revendiquée par les talibans") attributes them
        var rebels = found.Where(f => !f.Row.Unnamed && !f.Row.Generic && f.Row.Context == null && f.Row.Kind == ActorKind.RebelGroup)
            .Select(f => f.Row.Name).Distinct().ToList();
        var others = found.Any(f => !f.Row.Unnamed && f.Row.Context == null && f.Row.Kind is ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia);
        if (rebels.Count == 1 && !others)
        {
            var group = found.First(f => f.Row.Name == rebels[0] && !f.Row.Unnamed && f.Row.Context == null).Row;
            // the group's mentions in text order (found is in text order), walked once alongside the unnamed ones
            var groupStarts = Enumerable.Range(0, found.Count).Where(j => found[j].Row.Name == rebels[0]).Select(j => ends[j].Start).ToList();
            var g = 0;
            for (var i = 0; i < found.Count; i++)
            {
                if (!found[i].Row.Unnamed || found[i].Row.Context != null) continue;
                // "des hommes armés ont attaqué Boko Haram": the group right after them is their target, not them
                var end = ends[i].End;
                while (g < groupStarts.Count && groupStarts[g] < end) g++;
                if (g < groupStarts.Count && groupStarts[g] - end <= 4) continue;
                // (not a group the text names only further on, past what the attackers did: "… assassiné par des inconnus" and, two
                // paragraphs down, "la lutte contre le groupe jihadiste Boko Haram dans le nord du pays")
                if (g == 0 && (g >= groupStarts.Count || groupStarts[g] - end > SuspectedReach)) continue;
                found[i] = (found[i].Span, group with { Rule = found[i].Row.Rule, Context = "suspected" }, group.Country, false);
            }
        }

        var result = new List<ActorMention>(found.Count);
        foreach (var (span, row, country, fromDoc) in found)
        {
            if (row.Context == "suspected")
            {
                result.Add(new ActorMention(span, row.Name + " (suspected)", row.Kind) { Country = country, FromContext = true, Rule = row.Rule });
                continue;
            }
            if (row.Context == "linked")
            {
                result.Add(new ActorMention(span, row.Name, row.Kind) { Country = country, FromContext = true, Rule = row.Rule });
                continue;
            }
            if (row.Context is { } ctx && families.TryGetValue(ctx, out var named))
            {
                result.Add(new ActorMention(span, named.Row.Name, named.Row.Kind) { Country = named.Row.Country, FromContext = true, Rule = row.Rule });
                continue;
            }
            // none of the family named: the family's group of the text's country ("la coalition" in a text about Yemen)
            if (row.Context is { } tctx && mainCountry != null && lex.Theatres.TryGetValue((tctx, mainCountry), out var theatreRow))
            {
                result.Add(new ActorMention(span, theatreRow.Name, theatreRow.Kind) { Country = theatreRow.Country, FromContext = true, Rule = row.Rule });
                continue;
            }
            result.Add(new ActorMention(span, NameWith(row.Name, country, english), row.Kind) { Country = country, Generic = fromDoc && country != null, Rule = row.Rule, Wielder = row.Wielder });
        }
        return result;
    }

    /// <summary>How many tokens may stand between two groups named as a pair ("Ansarul Islam, which emerged near the Mali border
    /// in December 2016, and to the JNIM").</summary>
    private const int PairReach = 16;

    /// <summary>The tokens spell a short upper-case acronym ("US", "U.S.", "UK").</summary>
    private static bool IsUpperAcronym(string text, List<Token> tokens, int from, int to)
    {
        var letters = 0;
        for (var k = from; k < to; k++)
            foreach (var ch in text.AsSpan(tokens[k].Start, tokens[k].Span.Length))
            {
                if (char.IsLetter(ch)) { if (!char.IsUpper(ch)) return false; letters++; }
                else if (ch != '.') return false;
            }
        return letters is >= 2 and <= 4;
    }

    /// <summary>A lexicon name with its country filled in ("Military Forces of {country}"), or the placeholder dropped.</summary>
    private static string NameWith(string name, string? country, Countries english) =>
        !name.Contains("{country}", StringComparison.Ordinal) ? name
        : country != null ? name.Replace("{country}", english.NameOf(country))
        : name.Replace(" of {country}", "").Replace(" ({country})", "").Replace("{country} ", "").Replace("{country}", "").Trim();

    /// <summary>
    /// Acronyms the text defines: "les Forces démocratiques syriennes (FDS)" makes every "FDS" of this document that
    /// group, even where the lexicon reads "FDS" otherwise (the security forces of the Sahel), and finds acronyms the
    /// lexicon lacks ("les Forces armées nigériennes (FAN)").
    /// </summary>
    private static void ApplyAcronyms(string text, List<Token> tokens, List<(TextSpan Span, Row Row, string? Country, bool FromDoc)> found, List<(int Start, int End)> ends)
    {
        Dictionary<string, (Row Row, string? Country)>? defined = null;
        var definitions = new HashSet<int>();
        for (var i = 0; i < found.Count; i++)
        {
            var e = ends[i].End;
            if (e + 2 >= tokens.Count || tokens[e].Folded != "(" || tokens[e + 2].Folded != ")" || found[i].Row.Unnamed || found[i].Row.Context != null) continue;
            var acronym = tokens[e + 1];
            var letters = text.AsSpan(acronym.Start, acronym.Span.Length);
            if (letters.Length is < 2 or > 6 || !char.IsUpper(letters[0]) || letters.Length - 1 > CountUpper(letters) + 1) continue;
            if (ends[i].End - ends[i].Start < 2) continue; // "EI (Daech)": a name, not a definition
            defined ??= new Dictionary<string, (Row, string?)>(StringComparer.Ordinal);
            defined.TryAdd(acronym.Folded, (found[i].Row, found[i].Country));
            definitions.Add(e + 1);
        }
        if (defined == null) return;
        // the acronym inside its definition belongs to the name before it
        for (var i = found.Count - 1; i >= 0; i--)
            if (ends[i].End - ends[i].Start == 1 && definitions.Contains(ends[i].Start)) { found.RemoveAt(i); ends.RemoveAt(i); }
        for (var i = 0; i < found.Count; i++)
            if (ends[i].End - ends[i].Start == 1 && defined.TryGetValue(tokens[ends[i].Start].Folded, out var d) && d.Row != found[i].Row)
                found[i] = (found[i].Span, d.Row, d.Country, false);
        // acronyms the lexicon does not know
        var k = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            if (definitions.Contains(t) || !defined.TryGetValue(tokens[t].Folded, out var d) || !char.IsUpper(text[tokens[t].Start])) continue;
            while (k < ends.Count && ends[k].End <= t) k++;
            if (k < ends.Count && ends[k].Start <= t) continue; // inside a mention already
            found.Insert(k, (tokens[t].Span, d.Row, d.Country, false));
            ends.Insert(k, (t, t + 1));
        }
    }

    private static int CountUpper(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s) if (char.IsUpper(c)) n++;
        return n;
    }

    private static string FoldedWords(List<Token> tokens, int s, int e) =>
        e - s == 1 ? tokens[s].Folded : string.Join(' ', Enumerable.Range(s, e - s).Select(k => tokens[k].Folded));
}
