using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text;

namespace Vigie.Extraction.Finders;

/// <summary>
/// Finds place names (<see cref="PlaceMention"/>) and country names and demonyms (<see cref="CountryMention"/>).
/// A place is a capitalised name in a place context read from lang/&lt;code&gt;/places.tsv:
/// after a preposition ("à Gao", "in Mogadishu"), a feature word ("le camp de Yarmouk", "la province d'Idleb",
/// "le village Yakapi", "Wadajir district"), a relation ("près de Gao", "à 30 km de Mossoul",
/// "dans la périphérie sud de Damas"), or listed after one of those ("les quartiers de Hajar al-Aswad et de Qadam"
/// gives two mentions); also a dateline at the start of a line ("BAMAKO:", "Mogadiscio (AFP)").
/// Names that are actors or sources ("à l'AFP", "Boko Haram") and the stop list are not places.
/// The finder does not geocode: the geocoding component fills <see cref="PlaceMention.Resolved"/>.
/// </summary>
public sealed class PlaceFinder : IComponent
{
    public string Name => "places";
    public IReadOnlyList<Type> Requires => [typeof(Token), typeof(Sentence)];
    public IReadOnlyList<Type> Assigns => [typeof(PlaceMention), typeof(CountryMention)];

    private const int MaxNameTokens = 5;

    /// <summary>The compiled places.tsv of a language.</summary>
    public sealed class Lexicon
    {
        public static readonly PerLanguage<Lexicon> Cache = new(l => new Lexicon(l));

        public readonly record struct Word(PlaceRelation Relation, string Feature);

        public PhraseMatcher<Word> In { get; } = new();
        public PhraseMatcher<Word> Near { get; } = new();
        public PhraseMatcher<Word> Feature { get; } = new();
        public PhraseMatcher<Word> FeatureAfter { get; } = new();
        public PhraseMatcher<Word> Direction { get; } = new();
        public PhraseMatcher<Word> Unit { get; } = new();
        public PhraseMatcher<Word> NameSuffix { get; } = new();
        public PhraseMatcher<Word> AddresseeVerb { get; } = new();
        /// <summary>Words whose object after the place preposition is a person or a body: "les forces loyales à Khalifa Haftar", "a succédé à Robert Mugabe".</summary>
        public PhraseMatcher<Word> PersonObject { get; } = new();
        public PhraseMatcher<Word> DatelineEnd { get; } = new();
        public HashSet<string> Stop { get; } = new(StringComparer.Ordinal);
        /// <summary>Words that are no place alone but may open a longer name: French months, written in lower case as months ("Mai Tsebri", "Mai-Ndombe").</summary>
        public HashSet<string> StopAlone { get; } = new(StringComparer.Ordinal);
        /// <summary>Adjectives of a continent or a world region ("African", "Mediterranean"): they end a place name and start none,
        /// but may start the name of a body ("the African Center for …"), so they are no <see cref="Stop"/> words.</summary>
        public HashSet<string> RegionalAdjectives { get; } = new(StringComparer.Ordinal);
        /// <summary>Nouns that end the name of a body, not of a place ("Western Mindanao Command", "Kano State Police").</summary>
        public HashSet<string> OrganisationEnd { get; } = new(StringComparer.Ordinal);
        /// <summary>The units of distance as single words, folded ("km", "miles"), for a count glued to its unit ("240km").</summary>
        public HashSet<string> UnitWords { get; } = new(StringComparer.Ordinal);

        /// <summary>Ids of the words that can start a place context without a capital (prepositions, feature and direction words), and of countries and demonyms.</summary>
        public HashSet<int> Starters { get; } = [];
        public bool AnyStarter { get; private set; }

        private Lexicon(string lang)
        {
            var tsv = FinderData.Load(lang, "places.tsv");
            foreach (var row in FinderData.Rows(tsv))
            {
                var role = row["role"];
                var rel = row.Get("relation") is { } r ? FinderData.ParseEnum<PlaceRelation>(tsv!, row, "relation") : PlaceRelation.In;
                var forms = FinderData.Forms(row["forms"]);
                if (forms.Length == 0) throw new FormatException($"{tsv!.Path}:{row.Line}: no form");
                var word = new Word(rel, Fold.String(forms[0]));
                var target = role switch
                {
                    "in" => In,
                    "near" => Near,
                    "feature" => Feature,
                    "feature_after" => FeatureAfter,
                    "direction" => Direction,
                    "unit" => Unit,
                    "name_suffix" => NameSuffix,
                    "addressee_verb" => AddresseeVerb,
                    "person_object" => PersonObject,
                    "dateline_end" => DatelineEnd,
                    "stop" or "stop_alone" or "organisation_end" or "regional_adjective" => null,
                    _ => throw new FormatException($"{tsv!.Path}:{row.Line}: unknown role '{role}' (in, near, feature, feature_after, direction, unit, name_suffix, addressee_verb, person_object, dateline_end, stop, stop_alone, organisation_end, regional_adjective)"),
                };
                foreach (var f in forms)
                {
                    if (role == "unit") UnitWords.Add(Fold.String(f));
                    if (target != null) target.Add(f, word);
                    else if (role == "organisation_end") OrganisationEnd.Add(Fold.String(f));
                    else if (role == "stop_alone") StopAlone.Add(Fold.String(f));
                    else if (role == "regional_adjective") RegionalAdjectives.Add(Fold.String(f));
                    else Stop.Add(Fold.String(f));
                }
            }
            // a number word that opens a sentence ("Thirteen policemen were killed", "Seize soldats ont été tués") is never a place:
            // every number word of the language's number lexicon (numbers.tsv) is a stop word
            foreach (var (folded, word) in Vigie.Numbers.NumberLexicon.For(lang).Words)
                if (word.Kind is Vigie.Numbers.NumberWordKind.Unit or Vigie.Numbers.NumberWordKind.Ten or Vigie.Numbers.NumberWordKind.Hundred
                    or Vigie.Numbers.NumberWordKind.Thousand or Vigie.Numbers.NumberWordKind.Multiplier)
                {
                    Stop.Add(folded);
                    // …but it may open a distance ("eight kilometres from Makurdi")
                    if (word.Kind is Vigie.Numbers.NumberWordKind.Unit or Vigie.Numbers.NumberWordKind.Ten) Starters.Add(Vocabulary.Add(folded));
                }
            foreach (var m in new[] { In, Near, Feature, Direction })
            {
                var ids = m.StartIds();
                if (ids == null) AnyStarter = true;
                else Starters.UnionWith(ids);
            }
            _startersById = new bool[Starters.Count == 0 ? 0 : Starters.Max() + 1];
            foreach (var id in Starters) _startersById[id] = true;
        }

        /// <summary><see cref="Starters"/> by word id: one array read per token.</summary>
        private readonly bool[] _startersById;

        /// <summary>Whether the word of id <paramref name="id"/> is one of <see cref="Starters"/> (-1, a word no lexicon has, is not).</summary>
        public bool IsStarter(int id) => (uint)id < (uint)_startersById.Length && _startersById[id];
    }

    public void Process(Document doc)
    {
        var lang = FinderData.LangOf(doc);
        var (places, countries) = Find(doc.Text, Tokens.AsList(doc.Layers.Get<Token>()), doc.Layers.Get<Sentence>(), lang);
        doc.Layers.Set(places);
        doc.Layers.Set(countries);
    }

    public static (List<PlaceMention> Places, List<CountryMention> Countries) Find(string text, List<Token> tokens, IReadOnlyList<Sentence> sentences, string lang)
    {
        var scan = new Scan(text, tokens, lang);
        foreach (var s in sentences) scan.Sentence(s.FirstToken, s.EndToken);
        scan.DropPersons(sentences);
        return (scan.Places, scan.CountryMentions);
    }

    /// <summary>The state of one pass over a document.</summary>
    private sealed class Scan(string text, List<Token> tokens, string lang)
    {
        private readonly Lexicon _lex = Lexicon.Cache.For(lang);
        private IReadOnlySet<int>? _countryStarts;
        private readonly FunctionWords _fw = FunctionWords.Lexicon.For(lang);
        private readonly Countries _countries = Finders.Countries.Lexicon.For(lang);
        private readonly ActorFinder.Lexicon _actors = ActorFinder.Lexicon.Cache.For(lang);
        private readonly SourceFinder.Lexicon _sources = SourceFinder.Lexicon.Cache.For(lang);
        private readonly TriggerFinder.Lexicon _triggers = TriggerFinder.Lexicon.Cache.For(lang);
        // after every lexicon above is loaded, so that their words have ids
        private readonly int[] _ids = Vocabulary.IdsOf(tokens);
        private readonly IReadOnlyCollection<string> _capitalWords = Vigie.Lexicons.Languages.For(lang).Words("feature_capital");
        private readonly IReadOnlyCollection<string> _countryWords = Vigie.Lexicons.Languages.For(lang).Words("country_word");
        public List<PlaceMention> Places { get; } = [];
        public List<CountryMention> CountryMentions { get; } = [];
        private int _end;
        private int _first;

        public void Sentence(int first, int end)
        {
            _end = end;
            _first = first;
            _countryStarts ??= _countries.Matcher.StartIds() ?? new HashSet<int>();
            for (var i = first; i < end; i++)
            {
                if (_countryStarts.Contains(_ids[i]) && _countries.At(tokens, i, end, out var c, out var clen, text) && (c.Demonym || FinderData.IsCapitalized(text, tokens[i])))
                {
                    CountryMentions.Add(new CountryMention(new TextSpan(tokens[i].Start, tokens[i + clen - 1].End), c.Iso2) { Demonym = c.Demonym });
                    // "South Sudan": the words inside a longer country name name no country of their own
                    i += clen - 1;
                }
            }
            var k = first;
            while (k < end)
            {
                var next = TryAt(k, first);
                k = next > k ? next : k + 1;
            }
        }

        /// <summary>
        /// A name written after a title or an honorific anywhere in the document ("le Premier ministre Ariel Henry",
        /// "County Commissioner James Chuol Gatluak", "M. Triana") is a person's: a place mention with that name, or one
        /// that starts with a title, is dropped ("opposant à Ariel Henry" is no place).
        /// </summary>
        public void DropPersons(IReadOnlyList<Sentence> sentences)
        {
            if (Places.Count == 0) return;
            var persons = new HashSet<string>(StringComparer.Ordinal);
            var honorifics = _fw.Role("honorific");
            foreach (var s in sentences)
            {
                _end = s.EndToken;
                for (var i = s.FirstToken; i < s.EndToken; i++)
                {
                    int after;
                    if (_sources.Titles.Match(tokens, i, _end, out var tl, out _)) after = i + tl;
                    else if (honorifics.Contains(tokens[i].Folded)) after = i + 1 < _end && tokens[i + 1].Folded == "." ? i + 2 : i + 1;
                    else continue;
                    // "le maire de la ville Igor Kolykhaïev", "the governor of the region Oleg Synegubov": the title's place word, then its holder
                    if (after < _end && IsOf(after) && SkipDet(after + 1) is var fk && fk < _end && _lex.Feature.Match(tokens, fk, _end, out var fl, out _)
                        && fk + fl < _end && FinderData.IsCapitalized(text, tokens[fk + fl])) after = fk + fl;
                    // "le responsable administratif de cette ville, Usman Ali Khan, a confirmé": the holder set off by commas after the
                    // title's own words
                    if (after < _end && !FinderData.IsCapitalized(text, tokens[after]) && ApposedHolder(after) is var held && held > after) after = held;
                    if (after >= _end || !FinderData.IsCapitalized(text, tokens[after]) || _countries.At(tokens, after, _end, out _, out _, text)) continue;
                    var e = ReadName(after);
                    if (e > after) persons.Add(Folded(after, e));
                }
            }
            Places.RemoveAll(p =>
            {
                var s = Vigie.Text.Tokens.IndexAt(tokens, p.Span.Start);
                var e = s;
                while (e < tokens.Count && tokens[e].End <= p.Span.End) e++;
                if (e <= s) return false;
                if (persons.Contains(Folded(s, e))) return true;
                // "a déclaré le porte-parole … à LANA, à l'agence de presse du gouvernement": a name set off by a comma before its
                // preposition repeated with a medium's noun (sources.tsv role medium) is that medium (not "deux à Deir Billa, l'agence
                // de presse nationale ayant fait état …", where the agency opens the next clause)
                if (e + 3 < tokens.Count && tokens[e].Folded == "," && s > 0 && tokens[s - 1].Folded == tokens[e + 1].Folded
                    && _lex.In.Match(tokens, e + 1, e + 2, out _, out _))
                {
                    var m = e + 2;
                    while (m < tokens.Count && _fw.IsDeterminer(tokens[m].Folded)) m++;
                    if (m < tokens.Count && _sources.Media.Match(tokens, m, Math.Min(tokens.Count, m + 4), out _, out _)) return true;
                }
                // "the villages of Koundjili and Djoumjoum, Mankeur Ndiaye, head of MINUSCA, said": a name of two words or more set off
                // by a comma before a title and its "of" is that title's holder
                if (e - s >= 2 && e + 2 < tokens.Count && tokens[e].Folded == ",")
                {
                    var t = e + 1;
                    while (t < tokens.Count && _fw.IsDeterminer(tokens[t].Folded)) t++;
                    // (IsOf reads up to _end: the title's reach)
                    _end = Math.Min(tokens.Count, t + 6);
                    if (t < tokens.Count && _sources.Titles.Match(tokens, t, _end, out var hl, out _) && t + hl < tokens.Count && IsOf(t + hl)) return true;
                }
                _end = e;
                return e - s > 1 && _sources.Titles.Match(tokens, s, e, out var tl, out _) && tl < e - s;
            });
        }

        /// <summary>Tokens after a title within which the comma before its holder's name may stand ("le responsable administratif de
        /// cette ville, Usman Ali Khan,").</summary>
        private const int HolderCommaReach = 6;

        /// <summary>The first token of a name of two words or more set off by commas at most <see cref="HolderCommaReach"/> words
        /// after a title's own lower-case words (no name among them), else -1.</summary>
        private int ApposedHolder(int after)
        {
            for (var c = after; c < Math.Min(_end - 2, after + HolderCommaReach); c++)
            {
                if (tokens[c].Kind == TokenKind.Punct && tokens[c].Folded != ",") return -1;
                if (FinderData.IsCapitalized(text, tokens[c])) return -1;
                if (tokens[c].Folded != ",") continue;
                var n = c + 1;
                var e = FinderData.IsCapitalized(text, tokens[n]) ? ReadName(n) : n;
                return e - n >= 2 && e < _end && tokens[e].Folded == "," ? n : -1;
            }
            return -1;
        }

        private bool IsDet(int i) => i < _end && _fw.IsDeterminer(tokens[i].Folded);
        /// <summary>Tokens back from a list word within which the plural feature word it lists from may stand.</summary>
        private const int ListFeatureReach = 10;

        /// <summary>The relation of a plural feature word ("localités", "villages", "districts") at most <see cref="ListFeatureReach"/>
        /// tokens before token <paramref name="i"/> in the same clause, or null.</summary>
        private PlaceRelation? PluralFeatureBefore(int i, int first)
        {
            for (var b = i - 1; b >= Math.Max(first, i - ListFeatureReach); b--)
            {
                if (tokens[b].Folded is "." or ";" or ":") return null;
                if (_lex.Feature.Match(tokens, b, i, out _, out var fw) && tokens[b].Folded is { Length: > 3 } w && (w[^1] == 's' || w[^1] == 'x'))
                    return fw.Relation;
            }
            return null;
        }
        private bool IsOf(int i) => i < _end && _fw.IsOf(tokens[i].Folded);
        private int SkipDet(int i) => IsDet(i) ? i + 1 : i;

        /// <summary>Tries the place patterns at token k; returns the token after the last mention, or k when none.</summary>
        private int TryAt(int k, int first)
        {
            // most words start nothing: not capitalised, not a number, not a place word
            // (a count glued to its unit, "240km", may open a distance as a number does)
            if (!_lex.AnyStarter && tokens[k].Kind != TokenKind.Number && !_lex.IsStarter(_ids[k]) && !FinderData.IsCapitalized(text, tokens[k])
                && !GluedDistance(k)) return k;
            // dateline: a name at the start of a line followed by "(AFP)", ":" or ", <date or country>"
            if ((k == first || text.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End).Contains('\n'))
                && !_lex.In.Match(tokens, k, _end, out _, out _))
            {
                var de = ReadName(k);
                // an upper-case name ("BAMAKO:", "LAGOS, 26 mai"), a name before an agency in brackets ("Bangui (AFP)"), or
                // a name and a colon opening the text ("Guwahati: Altogether 644 militants…")
                if (de > k && de < _end && _lex.DatelineEnd.Match(tokens, de, _end, out _, out _)
                    && (tokens[de].Folded == "(" || IsUpperCase(k, de) || (k == 0 && tokens[de].Folded == ":")) && IsPlaceName(k, de))
                {
                    Add(k, de, k, PlaceRelation.In, PlaceMention.DatelineFeature);
                    return de;
                }
            }
            // a named actor or source ("l'Etat islamique", "Médecins sans frontières") is read whole, never as a place
            // …but a place phrase of several words wins at the start of a sentence ("Residents of Rioma")
            if (FinderData.IsCapitalized(text, tokens[k]) && !(_lex.In.Match(tokens, k, _end, out var pl, out _) && pl > 1) && (_actors.Named.Match(tokens, k, _end, out var al, out _, text) || _sources.Names.Match(tokens, k, _end, out al, out _, text))
                && !_countries.At(tokens, k, _end, out _, out _, text))
                return k + al;
            // (not the first word of a longer relation: "à proximité de", "aux abords de" say near)
            if (_lex.In.Match(tokens, k, _end, out var len, out var w) && !(_lex.Near.Match(tokens, k, _end, out var nearLength, out _) && nearLength > len))
            {
                // "a déclaré à X": X is the one spoken to, not a place; "les forces loyales à X": X is whom they follow
                if (k > first && (PrecededByAddresseeVerb(k, first) || _lex.PersonObject.EndsAt(tokens, k, first, 3))) return k + len;
                // "a dit aux journalistes à Maputo que …", "told reporters in Maputo that …": where it was said, not where it happened
                if (k > first && SpeechBefore(k, first) && SaidAt(k + len)) return k + len;
                var r = Target(k + len, PlaceRelation.In, k, true);
                if (r > 0) return r;
                return k;
            }
            // "20 km north of Mosul", "eight kilometres from Makurdi" without a preposition
            if (Distance(k) != null)
            {
                var r = Target(k, PlaceRelation.Near, k, true);
                if (r > 0) return r;
            }
            if (_lex.Near.Match(tokens, k, _end, out len, out _))
            {
                var r = Target(k + len, PlaceRelation.Near, k, false);
                return r > 0 ? r : k + len;
            }
            // without a preposition: a feature word or a direction ("la province d'Idleb", "le sud de Damas")
            // ("south of Baghdad", "just north of Mosul": a direction right before "of" and a name needs nothing before it)
            if (_lex.Feature.Match(tokens, k, _end, out _, out _)
                || (_lex.Direction.Match(tokens, k, _end, out var dirLen, out _)
                    && (k > first && (IsDet(k - 1) || IsOf(k - 1) || AfterPossessive(k, first))
                        || k + dirLen + 1 < _end && IsOf(k + dirLen) && SkipDet(k + dirLen + 1) is var nk && nk < _end && FinderData.IsCapitalized(text, tokens[nk])
                           // (not the side of a thing: "la rive ouest de l'Euphrate")
                           && (k == first || !_fw.Is("side_noun", tokens[k - 1].Folded)))))
            {
                var r = Target(k, PlaceRelation.In, k, false);
                if (r > 0) return r;
            }
            // "plusieurs localités au-delà de la cité, notamment Burungu et Kabalekasha", "several villages, including A and B": the
            // names a plural feature word of the clause counts, after a word that introduces some of them (function role list_intro)
            if (FinderData.IsCapitalized(text, tokens[k]) && k > first && _fw.Is("list_intro", tokens[k - 1].Folded) && PluralFeatureBefore(k - 1, first) is { } listed)
            {
                var r = Target(k, listed, k, true);
                if (r > 0) return r;
            }
            // "in south Kashmir's Kulgam", "Mogadishu's Hodan": a name after the possessive of the place named right before it
            if (FinderData.IsCapitalized(text, tokens[k]) && k - 2 > first && _fw.IsPossessiveMark(tokens, k - 2) && Places.Count > 0
                && Places[^1].Span.End == tokens[k - 2].Start)
            {
                var pe = ReadName(k);
                if (pe > k && IsPlaceName(k, pe) && !(pe < _end && _lex.FeatureAfter.Match(tokens, pe, _end, out _, out _)))
                {
                    Add(k, pe, k, PlaceRelation.In, null);
                    return pe;
                }
            }
            // a name with a feature word after it ("Wadajir district", "Timbuktu region")
            if (FinderData.IsCapitalized(text, tokens[k]))
            {
                var ne = ReadName(k);
                if (ne > k && ne < _end && _lex.FeatureAfter.Match(tokens, ne, _end, out len, out w) && IsPlaceName(k, ne)
                    // (not a country or a division qualifying the place word of a name after it: "the Nigeria town of Zaria", "the
                    // Idlib province town of Maarat al-Numan")
                    // (nor a name after an article before a settlement word and "of": "the West Darfur city of El Geneina")
                    && !((Qualifier(k, ne) || len == 1 && SettlementQualifier(k, ne)) && QualifiesNameAfterOf(ne + len)))
                {
                    Add(k, ne, k, w.Relation, Folded(ne, ne + len), fullEnd: ne + len);
                    return ne + len;
                }
                // "une maison Mayfadoun (sud du Liban)", "Kidal (nord)": a name inside its sentence followed by a bracketed direction
                // is a place, whatever comes before it
                if (ne > k && k > first && BracketedDirection(ne) is var bd && bd > ne && IsPlaceName(k, ne) && !_countries.At(tokens, k, ne, out _, out _, text))
                {
                    Add(k, ne, k, PlaceRelation.In, null, fullEnd: bd);
                    return List(bd, PlaceRelation.In, null);
                }
                return ne > k ? ne : k + 1;
            }
            return k;
        }

        /// <summary>"Afghanistan's northern province of Baghlan": token k follows a name's possessive "'s".</summary>
        private bool AfterPossessive(int k, int first) => k - 2 >= first && _fw.IsPossessiveMark(tokens, k - 2);

        private bool PrecededByAddresseeVerb(int k, int first) => SpeechBefore(k, first, window: 0);

        /// <summary>A speech verb ends at most <paramref name="window"/> tokens before <paramref name="k"/> ("a dit aux journalistes à").</summary>
        private bool SpeechBefore(int k, int first, int window = 4)
        {
            for (var m = k; m > first && m >= k - window; m--)
                if (_lex.AddresseeVerb.EndsAt(tokens, m, first, 3)) return true;
            return false;
        }

        /// <summary>The name at <paramref name="j"/> is followed by a complementizer: the place of a speech act ("… à Maputo que").</summary>
        private bool SaidAt(int j)
        {
            j = SkipDet(j);
            if (j >= _end || !FinderData.IsCapitalized(text, tokens[j])) return false;
            var ne = ReadName(j);
            if (ne < _end && tokens[ne].Folded == ",") ne++;
            return ne > j && ne < _end && _fw.Is("complementizer", tokens[ne].Folded);
        }

        /// <summary>A distance (in the text's unit) from which a named place is only a landmark: the event is not placed there.</summary>
        private const int FarLandmark = 100;

        /// <summary>A count glued to its unit of distance in one token ("240km").</summary>
        private bool GluedDistance(int n) => GluedCount(n) != null;

        /// <summary>The count of a token that is digits glued to a unit of distance ("240km": 240); null for any other token.</summary>
        private long? GluedCount(int n)
        {
            var f = tokens[n].Folded;
            var digits = 0;
            while (digits < f.Length && char.IsAsciiDigit(f[digits])) digits++;
            return digits > 0 && digits < f.Length && _lex.UnitWords.Contains(f[digits..]) && long.TryParse(f.AsSpan(0, digits), out var count) ? count : null;
        }

        /// <summary>A distance at token <paramref name="n"/>: its count and its unit ("30 km", "huit kilomètres", "une trentaine de
        /// kilomètres", "240km"), with the token after the unit; null when none starts there.</summary>
        private (int End, long Value, bool Approximate)? Distance(int n)
        {
            if (n >= _end) return null;
            if (GluedCount(n) is { } glued) return (n + 1, glued, false);
            if (DistanceCount(n) is not { } c || c.Next >= _end || !_lex.Unit.Match(tokens, c.Next, _end, out var ul, out _)) return null;
            return (c.Next + ul, c.Value, c.Approximate);
        }

        /// <summary>
        /// The count of a distance at token <paramref name="n"/>, up to its unit: digits ("30", "1,5"), number words ("huit", "vingt-cinq",
        /// "eight"), or an approximate count ("une trentaine de", "a dozen"); null when none starts there. A value it cannot tell
        /// (a decimal) is 0.
        /// </summary>
        private (int Next, long Value, bool Approximate)? DistanceCount(int n)
        {
            if (n >= _end) return null;
            if (tokens[n].Kind == TokenKind.Number)
            {
                long.TryParse(tokens[n].Folded, out var value);
                n++;
                while (n + 1 < _end && tokens[n].Folded is "." or "," && tokens[n + 1].Kind == TokenKind.Number) { n += 2; value = 0; }
                return (n, value, false);
            }
            var words = Vigie.Numbers.NumberLexicon.For(lang).Words;
            long total = 0;
            var k = n;
            // "une trentaine de", "a dozen": an article and an approximate count, then "de"/"of" when the language writes it
            if (k + 1 < _end && words.TryGetValue(tokens[k].Folded, out var article) && article.Kind == Vigie.Numbers.NumberWordKind.Article
                && words.TryGetValue(tokens[k + 1].Folded, out var approx) && approx.Kind == Vigie.Numbers.NumberWordKind.Approx)
            {
                k += 2;
                if (k < _end && IsOf(k)) k++;
                return (k, approx.Value, true);
            }
            // "huit", "vingt-cinq", "eight", "twenty-five": number words (a hyphenated compound's parts added up)
            while (k < _end && k < n + 4 && NumberWordValue(words, tokens[k].Folded) is { } v) { total += v; k++; }
            return k > n ? (k, total, false) : null;
        }

        private static long? NumberWordValue(Dictionary<string, Vigie.Numbers.NumberWord> words, string folded)
        {
            long sum = 0;
            foreach (var part in folded.Split('-'))
            {
                if (part is "et" or "and") continue;
                if (!words.TryGetValue(part, out var w) || w.Kind is not (Vigie.Numbers.NumberWordKind.Unit or Vigie.Numbers.NumberWordKind.Ten)) return null;
                sum += w.Value;
            }
            return sum > 0 ? sum : null;
        }

        /// <summary>
        /// Reads what follows a place word at token j: [det] [distance] [direction…] [of] [det] [feature [adj] [of] [det]] Name,
        /// then names listed after it. Returns the token after the last mention, or 0 when there is no name.
        /// </summary>
        private int Target(int j, PlaceRelation relation, int fullStart, bool afterPreposition)
        {
            string? feature = null;
            // "dans (le district de) Macomia": words an editor put in brackets inside a quote, all lower case, before the name
            if (j + 2 < _end && tokens[j].Folded == "(")
            {
                var close = j + 1;
                while (close < _end && close < j + 6 && tokens[close].Kind == TokenKind.Word && !FinderData.IsCapitalized(text, tokens[close])) close++;
                if (close > j + 1 && close + 1 < _end && tokens[close].Folded == ")" && FinderData.IsCapitalized(text, tokens[close + 1])) j = close + 1;
            }
            // "683 dans la province de Lattaquié, 433 dans celle de Tartous", "in Latakia province, 433 in that of Tartus": a pronoun that
            // stands for the sentence's last place, not a position near it (function role pronoun_of), names another place of that kind
            if (afterPreposition && j + 2 < _end && _fw.Is("pronoun_of", tokens[j].Folded) && IsOf(j + 1) && FinderData.IsCapitalized(text, tokens[SkipDet(j + 2)])
                && Places.Count > 0 && Places[^1] is { Relation: not PlaceRelation.Near } antecedent && antecedent.Span.Start >= tokens[_first].Start)
            {
                j = SkipDet(j + 2);
                relation = antecedent.Relation;
                feature = antecedent.Feature;
            }
            // (not the article of an approximate distance: "à une trentaine de kilomètres de …")
            else if (!(afterPreposition && Distance(j) != null)) j = SkipDet(j);
            // « d'avoir frappé "Stepanakert, Hadrut et Martouni" »: a quoted name
            j = PastOpeningQuote(j);
            // "in military-run Niger", "in war-torn Sudan": a compound adjective written with a hyphen, in lower case, before the name
            // ("the Houthi-controlled town of Harad", "rebel-held Idlib": a group's name before "-controlled", "-held" (function role
            // held_suffix) is no place either)
            if (afterPreposition || j > 0 && IsDet(j - 1))
                for (var h = 0; h < 2 && j + 1 < _end && tokens[j].Kind == TokenKind.Word && tokens[j].Folded.IndexOf('-') > 0
                                && (!FinderData.IsCapitalized(text, tokens[j]) || HeldSuffix(tokens[j].Folded))
                                && (FinderData.IsCapitalized(text, tokens[j + 1]) || tokens[j + 1].Folded.IndexOf('-') > 0
                                    || HeldSuffix(tokens[j].Folded) && _lex.Feature.Match(tokens, j + 1, _end, out _, out _)); h++)
                    j++;
            // "in the volatile Khyber Pakhtunkhwa province", "dans la très instable région de …": epithets before the name or the place word
            // (right after the preposition too: "in neighbouring Diyala province", "in restive Balochistan")
            if (j > 0 && (IsDet(j - 1) || afterPreposition))
            {
                var e = j;
                while (e < _end && e < j + 2 && _fw.Is("place_epithet", tokens[e].Folded) && !FinderData.IsCapitalized(text, tokens[e])) e++;
                if (e > j && e < _end && (FinderData.IsCapitalized(text, tokens[e]) || _lex.Feature.Match(tokens, e, _end, out _, out _)
                                          || _lex.Direction.Match(tokens, e, _end, out _, out _))) j = e;
            }
            // "in Nigeria's Plateau state", "in Afghanistan's Ghazni province": the place of a country, named after its possessive
            if (j < _end && _countries.At(tokens, j, _end, out var owner, out var ol, text) && !owner.Demonym && j + ol + 2 < _end
                && _fw.IsPossessiveMark(tokens, j + ol) && FinderData.IsCapitalized(text, tokens[j + ol + 2]))
                j += ol + 2;
            // "à 30 km de Mossoul", "à environ 35 kilomètres au sud-est de …"
            if (afterPreposition && j < _end)
            {
                var n = j;
                if (_fw.Is("approx", tokens[n].Folded)) n++;
                if (n < _end && Distance(n) is { } distance)
                {
                    // "à 900 kilomètres à l'est de la capitale Bangui": a place that far is a landmark, not where it happened
                    // (the whole phrase is passed over, up to the end of its clause)
                    // (an approximate count at the threshold, "à une centaine de kilomètres", is not past it)
                    if (distance.Value > FarLandmark || distance.Value == FarLandmark && !distance.Approximate)
                    {
                        var e = distance.End;
                        while (e < _end && tokens[e].Kind != TokenKind.Punct) e++;
                        return e;
                    }
                    j = distance.End;
                    relation = PlaceRelation.Near;
                    feature = PlaceMention.DistanceFeature;
                    if (_lex.In.Match(tokens, j, _end, out var il, out _)) j = SkipDet(j + il);
                }
                // (a number that is no distance: no place)
                else if (n < _end && tokens[n].Kind == TokenKind.Number) return 0;
            }
            // "in the country's north": the document's country, with the direction after its possessive
            if (afterPreposition && j + 3 < _end && IsCountryWord(j) && _fw.IsPossessiveMark(tokens, j + 1)
                && _lex.Direction.Match(tokens, j + 3, _end, out var odl, out _))
            {
                AddOwnCountry(j, j + 3 + odl, fullStart);
                return j + 3 + odl;
            }
            // directions: "le nord du Mali", "la périphérie sud de Damas", "north of Donetsk"
            var directions = 0;
            // "East Wollega", "North Kivu", "West Darfur": a capitalised direction before a capitalised name is part of the
            // name (the geocoder strips it when the gazetteer does not know the whole)
            var inName = j < _end && FinderData.IsCapitalized(text, tokens[j]) && _lex.Direction.Match(tokens, j, _end, out var nameDl, out _)
                         && j + nameDl < _end && FinderData.IsCapitalized(text, tokens[j + nameDl]);
            while (!inName && _lex.Direction.Match(tokens, j, _end, out var dl, out var dw))
            {
                feature ??= Folded(j, j + dl);
                relation = PlaceRelation.Near;
                j += dl;
                directions++;
            }
            if (directions > 0 || feature == PlaceMention.DistanceFeature)
            {
                if (IsOf(j) || feature == PlaceMention.DistanceFeature && directions == 0 && j < _end && _fw.Is("distance_from", tokens[j].Folded)) j++;
                else if (feature == PlaceMention.DistanceFeature && directions == 0) return 0;
                j = SkipDet(j);
            }
            // "the Georgian capital": the capital of the country of the adjective (unless its name follows: "the Malian capital Bamako")
            if (directions == 0 && feature == null && j + 1 < _end && _countries.At(tokens, j, _end, out var dem, out var dl2, text) && dem.Demonym
                && j + dl2 < _end && IsCapitalWord(j + dl2) && !(j + dl2 + 1 < _end && FinderData.IsCapitalized(text, tokens[j + dl2 + 1])
                    && ReadName(j + dl2 + 1) is var cn && cn > j + dl2 + 1 && IsPlaceName(j + dl2 + 1, cn)))
            {
                AddCapital(j, j + dl2 + 1, fullStart, dem.Iso2);
                return j + dl2 + 1;
            }
            var featureStart = j;
            string? firstFeature = null;
            var firstRelation = PlaceRelation.In;
            var roadEnd = false;
            // feature words: "le camp de Yarmouk", "la ville de Khan Cheikhoun", "le village Yakapi", "la capitale de l'Etat de Borno"
            for (var round = 0; round < 2 && _lex.Feature.Match(tokens, j, _end, out var fl, out var fw); round++)
            {
                var matched = Folded(j, j + fl);
                if (round == 0) { firstFeature = matched; firstRelation = fw.Relation; }
                if (directions == 0 && feature == null) { feature = matched; relation = relation == PlaceRelation.Near ? PlaceRelation.Near : fw.Relation; }
                else if (feature == null || round > 0 && directions == 0 && relation != PlaceRelation.Near) { feature = matched; relation = fw.Relation; }
                j += fl;
                // "la route qui relie Chinga à Ambawe", "the road linking A and B": the road's first town names where it happened
                if (_fw.Is("road", tokens[j - 1].Folded) && RoadLink(j) is var rl && rl > j && rl < _end && FinderData.IsCapitalized(text, tokens[rl]))
                {
                    roadEnd = true;
                    j = rl;
                    break;
                }
                // one adjective between the feature and "de": "un camp militaire de Gao", "le quartier musulman de Bangassou"
                if (j + 1 < _end && !IsOf(j) && tokens[j].Kind == TokenKind.Word && !FinderData.IsCapitalized(text, tokens[j]) && IsOf(j + 1))
                {
                    // …unless the adjective says the area is beside the place, not in it ("une région frontalière du Nigeria")
                    if (_lex.Near.Match(tokens, j, _end, out _, out _)) relation = PlaceRelation.Near;
                    j++;
                }
                // (a qualifier of "à" and two words: "un secteur à prédominance chiite de Bagdad", "un quartier à majorité chrétienne
                // de Bangui")
                else if (QualifierBeforeOf(j) is var q && q > 0) j += q;
                // one capitalised qualifier, the unit's or the force's name, between the feature and "de" + the town: "les postes
                // FAMa de Kalumba", "le camp GNM de Sévaré"
                else if (j + 2 < _end && tokens[j].Kind == TokenKind.Word && FinderData.IsCapitalized(text, tokens[j]) && IsOf(j + 1)
                         && SkipDet(j + 2) is var named && named < _end && FinderData.IsCapitalized(text, tokens[named]))
                    j++;
                if (IsOf(j)) j = SkipDet(j + 1);
            }
            // « la province « Sistan-Baloutchistan » »: a feature word's name in quotes
            if (feature != null) j = PastOpeningQuote(j);
            // "tués dans 6 villages : Ndasia, Mayolo, Kilo", "in three villages: A, B and C": the names listed after a colon
            if (feature != null && directions == 0 && j + 1 < _end && tokens[j].Folded == ":" && FinderData.IsCapitalized(text, tokens[j + 1]))
                j++;
            // "l'attaque de leur village, Djibo, par des jihadistes": the name in apposition to the feature word
            if (feature != null && directions == 0 && j + 1 < _end && tokens[j].Folded == "," && FinderData.IsCapitalized(text, tokens[j + 1]))
            {
                var an = ReadName(j + 1);
                if (an > j + 1 && an < _end && tokens[an].Folded == ",")
                {
                    j++;
                    // "le chef-lieu de la province, Kidal,": the town the first feature word names, not the province
                    if (firstFeature != null && firstRelation != PlaceRelation.Region && relation == PlaceRelation.Region) { relation = firstRelation; feature = firstFeature; }
                }
            }
            // "dans l'est du pays", "in the north of the country": the document's own country
            if (directions > 0 && j < _end && IsCountryWord(j))
            {
                AddOwnCountry(j, j + 1, fullStart);
                return j + 1;
            }
            // "la capitale malienne": the capital of the adjective's country; "dans la capitale": the capital of the document's country
            if (directions == 0 && feature != null && featureStart < _end && IsCapitalWord(featureStart) && j == featureStart + 1
                && (j >= _end || !FinderData.IsCapitalized(text, tokens[j]) || _countries.At(tokens, j, _end, out _, out _, text)))
            {
                if (j < _end && _countries.At(tokens, j, _end, out var cd, out var cdl, text) && cd.Demonym)
                {
                    AddCapital(featureStart, j + cdl, fullStart, cd.Iso2);
                    return j + cdl;
                }
                if (afterPreposition && (j >= _end || tokens[j].Kind == TokenKind.Punct || !_countries.At(tokens, j, _end, out _, out _, text)))
                {
                    AddCapital(featureStart, j, fullStart, null);
                    return j;
                }
            }
            // "la capitale du Burundi", "the capital of Burundi": the capital of the country named after it
            if (directions == 0 && feature != null && featureStart < _end && IsCapitalWord(featureStart) && j < _end
                && ((j > featureStart + 1 && IsOf(j - 1)) || (j > featureStart + 2 && IsOf(j - 2) && IsDet(j - 1))))
                if (_countries.At(tokens, j, _end, out var co, out var col, text) && !co.Demonym)
                {
                    AddCapital(featureStart, j + col, fullStart, co.Iso2);
                    return j + col;
                }
            if (j >= _end || !FinderData.IsCapitalized(text, tokens[j])) return 0;
            var ne = CountryOrName(j);
            if (ne <= j || !IsPlaceName(j, ne)) return 0;
            // "hit the Idlib province town of Maarat al-Numan", "the Nigeria town of Zaria": a country or a division named before a
            // place word and "of" qualifies it; the place is the name after "of"
            if (feature == null && directions == 0)
            {
                var at = ne;
                // (any name after an article before a settlement word and "of": "the West Darfur city of El Geneina")
                if (at < _end && (Qualifier(j, ne) || SettlementQualifier(j, at)) && _lex.Feature.Match(tokens, at, _end, out var qf, out _) && QualifiesNameAfterOf(at + qf)
                    && Target(at, relation, fullStart, afterPreposition) is var qualified && qualified > 0)
                    return qualified;
            }
            var isCountry = _countries.At(tokens, j, ne, out var ce, out var cl, text) && cl == ne - j && !ce.Demonym;
            if (isCountry && relation == PlaceRelation.In || isCountry && directions > 0) relation = PlaceRelation.Region;
            var featureOut = isCountry && directions == 0 && feature == null ? "country" : feature;
            var fullEnd = ne;
            if (ne < _end && _lex.FeatureAfter.Match(tokens, ne, _end, out var al, out var aw) && feature == null)
            {
                featureOut = Folded(ne, ne + al);
                if (relation == PlaceRelation.In) relation = aw.Relation;
                fullEnd = ne + al;
            }
            fullEnd = Parenthetical(fullEnd);
            // (the road's other end belongs to the phrase: "… Chinga à Ambawe" is no second place)
            if (roadEnd && fullEnd + 1 < _end && _fw.Is("road_end", tokens[fullEnd].Folded) && FinderData.IsCapitalized(text, tokens[fullEnd + 1])
                && CountryOrName(fullEnd + 1) is var other && other > fullEnd + 1)
                fullEnd = other;
            Add(j, ne, fullStart, relation, featureOut, fullEnd);
            if (roadEnd) return fullEnd;
            // "la capitale de la région du Haut-Karabakh, Stepanakert, a été…", "the capital of Borno state, Maiduguri,": the name in
            // apposition after a region reached through a town's feature word is that town
            if (firstFeature != null && firstRelation != PlaceRelation.Region && relation == PlaceRelation.Region && fullEnd + 1 < _end
                && tokens[fullEnd].Folded == "," && FinderData.IsCapitalized(text, tokens[fullEnd + 1]) && ReadName(fullEnd + 1) is var town && town > fullEnd + 1
                && (town >= _end || tokens[town].Kind == TokenKind.Punct) && IsPlaceName(fullEnd + 1, town)
                && !_countries.At(tokens, fullEnd + 1, town, out _, out _, text))
            {
                Add(fullEnd + 1, town, fullStart, PlaceRelation.In, firstFeature, town);
                return town;
            }
            return List(fullEnd, relation, featureOut);
        }

        /// <summary>"(sud)", "(sud du Liban)", "(north-west)": a bracket opening on a direction word and closing within a few tokens;
        /// the token after it, or e when there is none.</summary>
        private int BracketedDirection(int e)
        {
            if (e + 2 >= _end || tokens[e].Folded != "(" || !_lex.Direction.Match(tokens, e + 1, _end, out _, out _)) return e;
            for (var k = e + 2; k < _end && k <= e + 6; k++)
                if (tokens[k].Folded == ")") return k + 1;
            return e;
        }

        /// <summary>"Bangassou (sud-est)": the bracketed direction belongs to the mention's full span.</summary>
        private int Parenthetical(int e)
        {
            if (e + 2 < _end && tokens[e].Folded == "(" && tokens[e + 2].Folded == ")" && _lex.Direction.Match(tokens, e + 1, e + 2, out _, out _)) return e + 3;
            return e;
        }

        /// <summary>Names listed after a mention: ", Qadam et Yarmouk", "et de Qadam", "and Nevelske".</summary>
        private int List(int e, PlaceRelation relation, string? feature)
        {
            // "entre les localités de Niono et Nampala", "between the towns of A and B": one place between two, near the first
            if (e + 1 < _end && !_fw.Is("between", tokens[e].Folded) && _fw.IsCoordinator(tokens[e].Folded) && tokens[e].Folded != "," && Places.Count > 0
                && AfterBetween(Places[^1].Full.Start))
            {
                var j = SkipDet(e + 1);
                if (j < _end && FinderData.IsCapitalized(text, tokens[j]) && CountryOrName(j) is var other && other > j && IsPlaceName(j, other))
                {
                    Places[^1] = Places[^1] with { Relation = PlaceRelation.Near, Full = new TextSpan(Places[^1].Full.Start, tokens[other - 1].End) };
                    return other;
                }
            }
            while (e < _end && _fw.IsCoordinator(tokens[e].Folded))
            {
                var j = e + 1;
                if (j < _end && _fw.IsCoordinator(tokens[j].Folded)) j++; // ", et"
                if (IsOf(j)) j++;
                j = SkipDet(j);
                if (j >= _end || !FinderData.IsCapitalized(text, tokens[j])) break;
                var ne = CountryOrName(j);
                if (ne <= j || !IsPlaceName(j, ne)) break;
                // a person after a list ("…, Lysenko said") is not a place: the name must not be followed by a speech verb
                // (nor one set off by commas before it, "the governor of North Kivu, Sylvain Ekenge, said"; the last of a list ends on
                // "and": "les villages de Demniol, Bombofa et Péteguersé, a précisé …")
                if (ne < _end && _sources.Verbs.Match(tokens, ne, _end, out _, out _)) break;
                // (nor a name of two words or more set off by commas before a coordinator and a determiner: "le porte-parole de l'hôpital
                // de Quetta, Mohammad Waseem Baig, et le responsable …")
                if (j == e + 1 && tokens[e].Folded == "," && ne - j >= 2 && ne + 2 < _end && tokens[ne].Folded == ","
                    && _fw.IsCoordinator(tokens[ne + 1].Folded) && IsDet(ne + 2)) break;
                // (nor one a relative pronoun of persons follows: "covering the clashes in Sirte, Jeroen Oerlemans who worked for …")
                if (ne < _end && _fw.Is("person_relative", tokens[ne].Folded)) break;
                // (a person's first and last names: two words or more; "la capitale du Helmand, Lashkar-Gah, a rapporté …" is the town)
                if (j == e + 1 && tokens[e].Folded == "," && ne - j >= 2 && ne + 1 < _end && tokens[ne].Folded == "," && _sources.Verbs.Match(tokens, ne + 1, _end, out _, out _)) break;
                var fullEnd = Parenthetical(ne);
                var isCountry = _countries.At(tokens, j, ne, out var ce, out var cl, text) && cl == ne - j && !ce.Demonym;
                Add(j, ne, e + 1, isCountry ? PlaceRelation.Region : relation, isCountry ? "country" : feature, fullEnd);
                e = fullEnd;
            }
            return e;
        }

        /// <summary>A capitalised word joined by a hyphen to a participle in lower case ("French-led", "English-speaking", "Iran-backed",
        /// "Kurdish-controlled"): an adjective, not a name (not "Port-au-Prince", "Aïn-el-Turck", whose last part is capitalised).</summary>
        private bool CompoundAdjective(int i)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word || !FinderData.IsCapitalized(text, t)) return false;
            var word = text.AsSpan(t.Start, t.End - t.Start);
            var dash = word.LastIndexOf('-');
            if (dash <= 0 || dash >= word.Length - 2 || !char.IsLower(word[dash + 1])) return false;
            var last = word[(dash + 1)..];
            return last.EndsWith("ed", StringComparison.Ordinal) || last.EndsWith("ing", StringComparison.Ordinal) || HeldSuffix(tokens[i].Folded)
                   || last is "made" or "born" or "run";
        }

        /// <summary>A compound whose last part says who holds the place ("Houthi-controlled", "rebel-held": function role
        /// <c>held_suffix</c>).</summary>
        private bool HeldSuffix(string folded)
        {
            var dash = folded.LastIndexOf('-');
            return dash > 0 && dash < folded.Length - 1 && _fw.Is("held_suffix", folded[(dash + 1)..]);
        }

        /// <summary>A word of function role <c>between</c> stands right before the phrase starting at <paramref name="start"/> (past
        /// determiners and a feature word: "entre les localités de …").</summary>
        private bool AfterBetween(int start)
        {
            var k = Vigie.Text.Tokens.IndexAt(tokens, start);
            for (var b = k - 1; b >= Math.Max(_first, k - 4); b--)
            {
                if (_fw.Is("between", tokens[b].Folded)) return true;
                if (!(IsDet(b) || IsOf(b) || _lex.Feature.Match(tokens, b, _end, out _, out _))) return false;
            }
            return false;
        }

        /// <summary>A name that may qualify a place word after it: a country ("the Nigeria town of Zaria") or a division named with its
        /// division word ("the Idlib province town of Maarat al-Numan"); not any name ("Tinoc town of Ifugao" is the town of Tinoc).</summary>
        private bool Qualifier(int s, int e) =>
            _countries.At(tokens, s, e, out var c, out var l, text) && l == e - s && !c.Demonym
            || e - s > 1 && _lex.NameSuffix.Match(tokens, e - 1, e, out _, out _);

        /// <summary>The name at <paramref name="name"/>, after an article, qualifies the settlement word at <paramref name="word"/> (function
        /// role settlement_word): "the West Darfur city of …", not "in Tinoc town of Ifugao", where the town is named before the word.</summary>
        private bool SettlementQualifier(int name, int word) => name > 0 && IsDet(name - 1) && _fw.Is("settlement_word", tokens[word].Folded);

        /// <summary>Past an opening quotation mark right before a capitalised word (a quoted name), else <paramref name="j"/>.</summary>
        private int PastOpeningQuote(int j) =>
            j + 1 < _end && tokens[j].Folded is "\"" or "«" or "“" && FinderData.IsCapitalized(text, tokens[j + 1]) ? j + 1 : j;

        /// <summary>"of" then a capitalised name that is no country at token <paramref name="k"/> ("… town of Zaria", not "… province of Syria").</summary>
        private bool QualifiesNameAfterOf(int k)
        {
            if (k >= _end || !IsOf(k)) return false;
            var n = SkipDet(k + 1);
            return n < _end && FinderData.IsCapitalized(text, tokens[n]) && !_countries.At(tokens, n, _end, out _, out _, text);
        }

        /// <summary>A country's name as the lexicon writes it ("République démocratique du Congo"), else a capitalised name.</summary>
        private int CountryOrName(int i)
        {
            if (_countries.At(tokens, i, _end, out var c, out var cl, text) && !c.Demonym) return i + cl;
            return ReadName(i);
        }

        private string Folded(int s, int e)
        {
            if (e - s == 1) return tokens[s].Folded;
            return string.Join(' ', Enumerable.Range(s, e - s).Select(k => tokens[k].Folded)).Replace("' ", "'");
        }

        /// <summary>After a road word at token j, the words that link it to the towns it joins ("qui relie", "reliant", "entre",
        /// "linking", "between": function role <c>road_link</c>, past an article): the token after them, or j when there are none.</summary>
        private int RoadLink(int j)
        {
            var k = j;
            while (k < _end && k - j < 3 && _fw.Is("road_link", tokens[k].Folded)) k++;
            return k;
        }

        /// <summary>The length of a qualifier of a feature word before "de" at token j: a word of function role <c>qualifier_prep</c>
        /// ("à") and two lower-case words ("à prédominance chiite", "à majorité chrétienne"); 0 when there is none.</summary>
        private int QualifierBeforeOf(int j)
        {
            bool Lower(int k) => k < _end && tokens[k].Kind == TokenKind.Word && !FinderData.IsCapitalized(text, tokens[k]) && !IsOf(k)
                                 && !_fw.IsDeterminer(tokens[k].Folded) && !_fw.Is("from", tokens[k].Folded);
            if (j + 3 < _end && _fw.Is("qualifier_prep", tokens[j].Folded) && Lower(j + 1) && Lower(j + 2) && IsOf(j + 3)) return 3;
            return 0;
        }

        /// <summary>A capitalised name starting at token i: capitalised words, particles between them ("Dar es Salaam"), a trailing adjective ("Ghouta orientale").</summary>
        private int ReadName(int i)
        {
            if (i >= _end || !FinderData.IsCapitalized(text, tokens[i])) return i;
            var e = i + 1;
            // "M. Chahnou village": an initial and its period open the name
            // (not an honorific: "M. Diallo" is a person)
            if (tokens[i].End - tokens[i].Start == 1 && !_fw.Is("honorific", tokens[i].Folded) && e + 1 < _end && tokens[e].Folded == "." && FinderData.IsCapitalized(text, tokens[e + 1])
                && tokens[e].Start == tokens[i].End && SameLine(e + 1)) e += 2;
            while (e < _end && e - i < MaxNameTokens && SameLine(e))
            {
                // "Kubwat Village in Mangu": a settlement noun written with a capital after the name is its feature word, not a part of it
                if (_fw.Is("settlement_noun", tokens[e].Folded) && (e + 1 >= _end || !FinderData.IsCapitalized(text, tokens[e + 1]))) break;
                if (FinderData.IsCapitalized(text, tokens[e]) && !_lex.Stop.Contains(tokens[e].Folded) && !_lex.RegionalAdjectives.Contains(tokens[e].Folded)) { e++; continue; }
                if (_fw.IsParticle(tokens[e].Folded) && e + 1 < _end && FinderData.IsCapitalized(text, tokens[e + 1])) { e += 2; continue; }
                // two particles: "Buenavista de los Hurtado", "San José de las Lajas"
                if (_fw.IsParticle(tokens[e].Folded) && e + 2 < _end && _fw.IsParticle(tokens[e + 1].Folded) && FinderData.IsCapitalized(text, tokens[e + 2])
                    && e + 2 - i < MaxNameTokens) { e += 3; continue; }
                if (_lex.NameSuffix.Match(tokens, e, _end, out var sl, out _)) { e += sl; break; }
                break;
            }
            // "au village Gokpa 2 dans la chefferie", "the PK 5 district,": a small number right after the name, then a punctuation mark or
            // a function word (not a noun it would count: "à Goma 3 personnes"), ends the name
            if (e < _end && e + 1 < _end && tokens[e].Kind == TokenKind.Number && tokens[e].Folded.Length <= 2 && SameLine(e)
                && (tokens[e + 1].Kind == TokenKind.Punct && tokens[e + 1].Folded is "," or "." or ")" or ";" || _fw.IsOf(tokens[e + 1].Folded) || _fw.IsCoordinator(tokens[e + 1].Folded)
                    || _lex.In.Match(tokens, e + 1, _end, out _, out _) || _lex.Near.Match(tokens, e + 1, _end, out _, out _)))
                e++;
            return e;
        }

        private bool IsUpperCase(int s, int e)
        {
            foreach (var c in text.AsSpan(tokens[s].Start, tokens[e - 1].End - tokens[s].Start))
                if (char.IsLower(c)) return false;
            return tokens[s].Span.Length > 1;
        }

        private bool SameLine(int e) => !text.AsSpan(tokens[e - 1].End, tokens[e].Start - tokens[e - 1].End).Contains('\n');

        private bool IsPlaceName(int s, int e)
        {
            // "W National Park" cut before a stop word: a single letter names no place
            if (e - s == 1 && tokens[s].Span.Length == 1) return false;
            if (_lex.Stop.Contains(tokens[s].Folded) || _lex.RegionalAdjectives.Contains(tokens[s].Folded) || e - s == 1 && _lex.StopAlone.Contains(tokens[s].Folded)) return false;
            // a direction alone cut before a capitalised word that is no place ("in the West African nation") names no place
            if (_lex.Direction.Match(tokens, s, e, out var dl, out _) && dl == e - s && e < _end && FinderData.IsCapitalized(text, tokens[e])) return false;
            // "Ma’bada": a name cut at an apostrophe inside a word (a letter right after it, no space) is a piece of a word
            var last = tokens[e - 1].End;
            if (last + 1 < text.Length && text[last] is '\'' or '’' && char.IsLetter(text[last + 1]) && !(last + 2 <= text.Length && text[last + 1] == 's' && (last + 2 == text.Length || !char.IsLetter(text[last + 2])))) return false;
            // "the military's Western Mindanao Command said": a body named after its area is no place
            if (e - s > 1 && _lex.OrganisationEnd.Contains(tokens[e - 1].Folded)) return false;
            // "le « Septième Front »": a name cut right before such a word written with a capital (a stop word that ends the name)
            if (e < _end && _lex.OrganisationEnd.Contains(tokens[e].Folded) && _lex.Stop.Contains(tokens[e].Folded) && FinderData.IsCapitalized(text, tokens[e])) return false;
            if (e - s > 1 && _lex.Stop.Contains(Fold.String(text.AsSpan(tokens[s].Start, tokens[e - 1].End - tokens[s].Start)))) return false;
            // an actor or a source ("l'AFP", "Boko Haram", "Sana") is not a place, unless it is also a country ("Mali")
            // ("near the Niger border": the country across a border, named before the border's word, is not where it happened)
            if (_countries.At(tokens, s, e, out var c, out _, text)) return !c.Demonym && !(e < _end && Countries.BorderWordAt(tokens, e, _fw));
            if (_actors.Named.Match(tokens, s, _end, out _, out _, text) || _sources.Names.Match(tokens, s, _end, out _, out _, text)) return false;
            // an event word written in capitals ("struck an IED in …", "the Raid"): what happened, not where
            if (_triggers.Triggers.Match(tokens, s, e, out var tl, out _) && tl == e - s) return false;
            return true;
        }

        private bool IsCountryWord(int i) => _countryWords.Contains(tokens[i].Folded);

        private bool IsCapitalWord(int i) => _capitalWords.Contains(tokens[i].Folded);

        /// <summary>The document's own country named by a common noun ("dans l'est du pays"): the geocoder places it at the main country.</summary>
        private void AddOwnCountry(int s, int e, int fullStart) => Add(s, e, fullStart, PlaceRelation.Region, PlaceMention.OwnCountryFeature);

        /// <summary>A country's capital named by the word "capital" (and the country's adjective, when given): the mention's name is
        /// the country's, or the capital word alone for the document's own country; the geocoder places it at the capital city.</summary>
        private void AddCapital(int s, int e, int fullStart, string? iso2)
        {
            // "à Bujumbura, la capitale du Burundi": the capital in apposition to the town named right before is that town
            var b = Math.Min(s, fullStart) - 1;
            if (b >= 0 && IsDet(b)) b--;
            if (b >= 1 && tokens[b].Folded == "," && Places.Count > 0 && Places[^1].Span.End == tokens[b - 1].End
                && Places[^1].Feature is not ("country" or PlaceMention.CapitalFeature or PlaceMention.OwnCountryFeature))
            {
                // (… and the capital the text speaks of further down: "les camps de l'armée dans la capitale burundaise")
                _capitalTown ??= Places[^1].Name;
                return;
            }
            if (_capitalTown != null) { Add(s, e, fullStart, PlaceRelation.In, null, name: _capitalTown); return; }
            Add(s, e, fullStart, PlaceRelation.In, PlaceMention.CapitalFeature, name: iso2 != null ? _countries.NameOf(iso2) : null, capitalOf: iso2);
        }

        /// <summary>The town the text has called its capital ("Bujumbura, la capitale du Burundi"), which later capital words name.</summary>
        private string? _capitalTown;

        private void Add(int s, int e, int fullStart, PlaceRelation relation, string? feature, int? fullEnd = null, string? name = null, string? capitalOf = null)
        {
            // "a French-led operation", "the English-speaking Northwest province", "the Kurdish-controlled Parsa Mountain": a compound
            // adjective at the start of a name says who leads, speaks or holds; it is no part of the place, and alone no place
            while (s < e && name == null && CompoundAdjective(s)) s++;
            if (s >= e) return;
            var span = new TextSpan(tokens[s].Start, tokens[e - 1].End);
            foreach (var p in Places) if (p.Span.Overlaps(span)) return;
            var fe = fullEnd ?? e;
            Places.Add(new PlaceMention(span, name ?? span.Of(text), relation)
            {
                Full = new TextSpan(tokens[fullStart].Start, tokens[fe - 1].End),
                Feature = feature,
                CapitalOf = capitalOf,
            });
        }
    }
}
