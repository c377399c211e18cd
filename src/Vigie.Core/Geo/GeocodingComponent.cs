using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text;

namespace Vigie.Geo;

/// <summary>
/// Fills <see cref="PlaceMention.Resolved"/> for every place mention and assigns the document's
/// <see cref="GeoContext"/> (countries by salience, the main country, the resolved places).
/// Countries come from the text (names and demonyms), from actors' countries, and from the places
/// themselves; places are resolved twice, the second time with the first answers as neighbours.
/// Unknown names keep their text and the main country, without coordinates: nothing is dropped.
/// Cheap to construct; the gazetteer is opened on the first document. Thread-safe.
/// </summary>
public sealed class GeocodingComponent : IComponent
{
    private readonly IGeocoder _geocoder;
    private readonly GeoLexicon? _lexicon;

    public GeocodingComponent(IGeocoder? geocoder = null, GeoLexicon? lexicon = null)
    {
        _geocoder = geocoder ?? GazetteerGeocoder.Default;
        _lexicon = lexicon;
    }

    public string Name => "geocoding";
    public IReadOnlyList<Type> Requires => [typeof(Token), typeof(Sentence), typeof(PlaceMention), typeof(CountryMention), typeof(ActorMention)];
    /// <summary>The context, and each place mention's <see cref="PlaceMention.Resolved"/>.</summary>
    public IReadOnlyList<Type> Assigns => [typeof(GeoContext), typeof(PlaceMention)];

    private GeoLexicon Lexicon => _lexicon ?? GeoLexicon.Default;

    public void Process(Document doc)
    {
        var context = new GeoContext();
        var places = doc.Layers.Get<PlaceMention>();
        var votes = new Dictionary<string, float>(StringComparer.Ordinal);

        var tokens = Tokens.AsList(doc.Layers.Get<Token>());
        var sentences = doc.Layers.Get<Sentence>();
        var countryMentions = doc.Layers.Get<CountryMention>();
        var firstEnd = sentences.Count > 0 ? sentences[0].Span.End : Math.Min(doc.Text.Length, 300);
        var words = Vigie.Extraction.Finders.FunctionWords.Lexicon.For(Vigie.Extraction.Finders.FinderData.LangOf(doc));
        var actors = doc.Layers.Get<ActorMention>();
        // (a weapon's demonym votes for no country, nor a country named as a go-between: "la médiation des États-Unis")
        Lexicon.CountCountries(tokens, firstEnd, votes,
            [.. actors.Where(a => a.Wielder).Select(a => a.Span), .. countryMentions.Where(m => Vigie.Extraction.Finders.Countries.AfterBroker(tokens, m.Span, words)).Select(m => m.Span)],
            name => Vigie.Extraction.Finders.Countries.AfterBorder(tokens, name, words));
        // the countries the text names itself (not those of its actors, who fight across borders: Boko Haram in Diffa)
        var named = votes.Keys.ToHashSet(StringComparer.Ordinal);
        // actors vote for their country; the bare ones ("l'armée"), whose country was guessed, for the country the text names most
        var textCountry = Vigie.Extraction.Finders.Countries.MainCountry(doc);
        // (not the forces a weapon's demonym names, "Russian shelling": they struck from elsewhere)
        foreach (var a in actors)
            if (!a.Wielder && (a.Generic ? textCountry ?? a.Country : a.Country) is { Length: 2 } c) votes[c] = votes.GetValueOrDefault(c) + 1;
        // the countries only the actors point to ("l'opération militaire Barkhane" in a text on Mali): the actors' own, not a
        // country whose places the text names (below)
        var byActorsOnly = new HashSet<string>(votes.Keys.Where(c => !named.Contains(c)), StringComparer.Ordinal);
        Rank(votes, context);

        // (the countries known while pass 1 reads the names: a name it could not place is read again when the vote adds one)
        var countriesRead = context.Countries.ToArray();
        // pass 1: the name and the countries; distinct names are resolved once
        var first = new PlaceResolution?[places.Count];
        // how many divisions the text had named when each place was read: a place left unknown for lying in another division than
        // those named so far is read again in pass 2 if a division named later is its own ("Mamfe, dans la région du Sud-Ouest")
        var areasKnown = new int[places.Count];
        var elsewhere = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var weak = new Dictionary<string, float>(StringComparer.Ordinal);
        var cache = new Dictionary<(string, PlaceRelation, string?), PlaceResolution?>();
        for (var i = 0; i < places.Count; i++)
        {
            var p = places[i];
            // "the Georgian capital": the capital city of the adjective's country (the document's country is known after this pass)
            // "the Georgian capital", "l'est du pays": placed by their country (the document's is known after this pass)
            if (ByCountry(p, null) is var (known, byCountry) && known) { first[i] = byCountry; continue; }
            var k = (p.Name, p.Relation, p.Feature);
            if (!cache.TryGetValue(k, out var r)) cache[k] = r = ResolveMention(p, context);
            first[i] = r;
            areasKnown[i] = context.Areas.Count;
            // a resolved place votes for its country when the text already points there (or names no country itself)
            // (a first-level division votes too: "Zamfara state" says Nigeria when the text never names the country)
            // (in a text that names no country, only a place named by its own name or a seat or a division: "Moreh" is no sign
            // of the United States for being one of Moore's spellings)
            if (r?.Location.Country is { } cc && (r.Location.Precision < 3 || r.Kind == PlaceKind.Admin1))
            {
                var strong = Strong(r, p);
                if (context.Countries.Contains(cc) || (named.Count == 0 && strong)) votes[cc] = votes.GetValueOrDefault(cc) + 1;
                // "Beyrouth" alone: a capital or a seat by another of its names counts only when nothing stronger says a country
                else if (named.Count == 0) weak[cc] = weak.GetValueOrDefault(cc) + 1;
                // "Daoukro", "Bonoua", "Abidjan" in a text that names only Ghana: places of a country the text never names, each by its
                // own name, are counted apart; two or more of them are a sign of that country (below)
                else if (strong) CountElsewhere(cc, p, r);
            }
            // a name the document's countries do not hold, resolved as if no country were known: a place of another country by its
            // own name, counted apart (its country is kept only with another such place; the namesake check below drops it else)
            else if (r == null && named.Count > 0 && _geocoder.Resolve(p.Name, p.Relation, p.Feature, NoContext) is { } alone && Strong(alone, p)
                     && alone.Location.Country is { } ac && (alone.Location.Precision < 3 || alone.Kind == PlaceKind.Admin1 && !alone.Namesakes) && !context.Countries.Contains(ac))
            {
                CountElsewhere(ac, p, alone);
                first[i] = alone;
            }
            if (r is { Kind: PlaceKind.Admin1 } && !context.Areas.Any(a => a.Name == r.Location.Name && a.Country == r.Location.Country))
                context.Areas.Add(r.Location);
        }
        foreach (var (cc, names) in elsewhere)
            if (names.Count >= MinPlacesOfAnUnnamedCountry) votes[cc] = votes.GetValueOrDefault(cc) + names.Count;

        void CountElsewhere(string country, PlaceMention place, PlaceResolution resolved)
        {
            if (!elsewhere.TryGetValue(country, out var names)) elsewhere[country] = names = new HashSet<string>(StringComparer.Ordinal);
            names.Add(Fold.String(place.Name));
            // a first-level division named as one ("la province d'Idleb", "Borno State") counts as two places: a text names the
            // provinces of where its news is, seldom those of a country it only mentions ("La Russie soutient le régime")
            if (resolved.Kind == PlaceKind.Admin1 && !resolved.Namesakes && (place.Relation == PlaceRelation.Region || place.Feature != null)) names.Add(Fold.String(place.Name) + "#division");
        }
        if (votes.Count == 0)
            foreach (var (cc, n) in weak) votes[cc] = n;
        Rank(votes, context);

        // pass 2: with the other places of the document as neighbours
        cache.Clear();
        // ("la bande de Gaza" in a text that names Israel more: its places are read again once the division has made its country one
        // of the document's)
        var countryAdded = false;
        foreach (var c in context.Countries) countryAdded |= Array.IndexOf(countriesRead, c) < 0;
        var answers = new PlaceResolution?[places.Count];
        for (var i = 0; i < places.Count; i++)
        {
            var p = places[i];
            if (ByCountry(p, context.MainCountry) is var (special, placed) && special) { answers[i] = placed; continue; }
            if (first[i] == null && areasKnown[i] == context.Areas.Count && !countryAdded) continue;
            var k = (p.Name, p.Relation, p.Feature);
            if (!cache.TryGetValue(k, out var r))
            {
                context.Resolved.Clear();
                for (var j = 0; j < places.Count; j++)
                    if (first[j] is { } o && places[j].Name != p.Name && o.Location.Precision < 3) context.Resolved.Add(o.Location);
                cache[k] = r = ResolveMention(p, context);
            }
            answers[i] = r;
        }

        context.Resolved.Clear();
        if (context.MainCountry is { } main) context.MainCountryPoint = _geocoder.CountryPoint(main);
        for (var i = 0; i < places.Count; i++)
        {
            var p = places[i];
            Location loc;
            // a namesake in a country the document gives no sign of is not the place ("never the namesake in another country")
            // (a capital, a seat of a division or a division itself is no namesake: "la bande de Gaza" in a text that names only Israel)
            if (answers[i] is { } foreign && context.Countries.Count > 0 && foreign.Location.Country is { } fc && !context.Countries.Contains(fc)
                && foreign.Kind is not (PlaceKind.Capital or PlaceKind.AdminSeat or PlaceKind.Admin1 or PlaceKind.Country))
                answers[i] = null;
            // nor a small place far from the main country, of a country only the actors point to, named by another of its names
            // ("Mondoro", a name of Mont-Dore, in a text on Mali whose French are the Barkhane force; not "Naplouse" beside Israel)
            else if (answers[i] is { } minor && minor.Location.Country is { } mc && mc != context.MainCountry && byActorsOnly.Contains(mc)
                && IsSmallPlace(minor.Kind)
                && Fold.String(minor.Location.Name ?? "") != Fold.String(p.Name)
                && context.MainCountryPoint is { } mp && GreatCircle.Km(minor.Location, mp) > FarFromTheMainCountryKm)
                answers[i] = null;
            // nor a small place whose division the text names right after it, in another country ("Boni in the western Tillaberi
            // region", Niger, is not Boni of Mali): the division says where it is
            else if (answers[i] is { } held && held.Location.Country is { } hc
                     && IsSmallPlace(held.Kind)
                     && DivisionRightAfter(i) is { } dc && dc != hc)
                answers[i] = null;
            if (answers[i] is { } r)
            {
                var l = r.Location;
                loc = new Location
                {
                    Name = l.Name, Country = l.Country, Admin1 = l.Admin1, Lat = l.Lat, Lon = l.Lon,
                    GeonamesId = l.GeonamesId, Precision = l.Precision, Evidence = [p.Span],
                };
                context.Resolved.Add(loc);
            }
            else
            {
                // unknown: the name as written, the main country; no coordinates. The precision is left to
                // the relation in the text ("à Sobane Da" is still the place itself, only unplaced).
                loc = new Location { Name = p.Name, Country = CountryOfItsSentence(p) ?? context.MainCountry, Evidence = [p.Span] };
            }
            p.Resolved = loc;
        }
        doc.Layers.SetOne(context);

        // "ont attaqué le Tchad, faisant 5 morts à Ngouboua" in a text that names Nigeria more: a place the gazetteer does not know
        // is in the country its own sentence names (the name nearest to it; else an adjective of a country right beside it: "la
        // localité nigériane de Baga", "Ngouboua, sur la rive tchadienne"), when that is one of the document's countries
        string? CountryOfItsSentence(PlaceMention p)
        {
            var at = -1;
            for (var k = 0; k < sentences.Count && at < 0; k++) if (sentences[k].Span.Contains(p.Span)) at = k;
            if (at < 0) return null;
            var sentence = sentences[at];
            string? best = null;
            var bestGap = int.MaxValue;
            foreach (var c in countryMentions)
            {
                if (!sentence.Span.Contains(c.Span) || !context.Countries.Contains(c.Iso2)) continue;
                // ("le camp de Chinégodar (ouest, frontière malienne)", "near the border with Mali": the country across a border)
                if (AfterBorderWord(c.Span) || AfterOriginWord(c.Span)) continue;
                var gap = Gap(c.Span, p.Span);
                if (c.Demonym && gap > BesideChars) continue;
                // ("une frappe israélienne sur Barja", "Israeli strikes on the village of al-Sawana": the adjective of a force or of its
                // weapon says who struck, not where; so does a country's name inside a force's: "members of U.S. special forces … near
                // the village of Tongo Tongo")
                if (InActor(c.Span)) continue;
                if (gap < bestGap) (best, bestGap) = (c.Iso2, gap);
            }
            // "dans le district de Warduj, dans la province de Badakhshan, … près de la frontière du Tadjikistan": a place of the
            // sentence the gazetteer placed in one of the document's countries, nearer than any country named, holds it
            for (var j = 0; j < places.Count; j++)
            {
                if (places[j] == p || answers[j] is not { Location.Country: { } jc } || !context.Countries.Contains(jc) || !sentence.Span.Contains(places[j].Span)
                    // (a country is read from the country names above: "near the border with Mali" holds nothing)
                    || answers[j]!.Kind == PlaceKind.Country || AfterBorderWord(places[j].Span)) continue;
                if (Gap(places[j].Span, p.Span) is var gap && gap < bestGap) (best, bestGap) = (jc, gap);
            }
            return best;
        }

        // "la bande de Gaza", "la vallée de la Bekaa": a feature word and the name after it that the gazetteer holds as one name are
        // that place, not a place of the name alone (Gaza province in Mozambique)
        PlaceResolution? ResolveMention(PlaceMention p, GeoContext ctx)
        {
            // (a name that long is no namesake: the document's countries need not hold it)
            if (p.Feature != null && WholeName(p) is { } whole && _geocoder.Knows(whole)
                && (_geocoder.Resolve(whole, p.Relation, null, ctx) ?? _geocoder.Resolve(whole, p.Relation, null, NoContext)) is { } r) return r;
            return _geocoder.Resolve(p.Name, p.Relation, p.Feature, ctx);
        }

        // the text from the feature word before the name to the name's end, or null when the feature word is not written before it
        string? WholeName(PlaceMention p)
        {
            var first = p.Feature!;
            var sp = first.IndexOf(' ');
            if (sp > 0) first = first[..sp];
            var start = -1;
            for (var k = Vigie.Text.Tokens.IndexAt(tokens, p.Full.Start); k < tokens.Count && tokens[k].Start < p.Span.Start; k++)
                if (tokens[k].Folded == first) start = tokens[k].Start;
            return start < 0 ? null : doc.Text[start..p.Span.End];
        }

        // (or right before one: "U.S. special forces", where the force's words are the actor)
        bool InActor(TextSpan c)
        {
            foreach (var a in actors)
                if (a.Span.Contains(c) || a.Span.Start >= c.End && a.Span.Start - c.End <= 1) return true;
            return false;
        }

        // the country of a first-level division named right after place i in its sentence, with nothing but a few words between
        // ("Boni in the western Tillaberi region", "Mamfe, dans la région du Sud-Ouest"), or null
        string? DivisionRightAfter(int i)
        {
            var p = places[i];
            for (var j = i + 1; j < places.Count; j++)
            {
                var q = places[j];
                if (q.Span.Start < p.Span.End) continue;
                if (q.Span.Start - p.Span.End > DivisionGapChars) return null;
                // (a division of one of the document's countries; "près de Finote Selam et dans les régions du Sud": a list, not a
                // place and its division)
                if (answers[j] is not { Kind: PlaceKind.Admin1, Namesakes: false, Location.Country: { } dc } || !context.Countries.Contains(dc) || AfterBorderWord(q.Span)) return null;
                var k0 = Vigie.Text.Tokens.IndexAt(tokens, p.Span.End - 1) + 1;
                for (var k = k0; k < tokens.Count && tokens[k].Start < q.Span.Start; k++)
                    if (tokens[k].Folded is "." or ";" || tokens[k].Folded != "," && words.Is("coordinator", tokens[k].Folded)) return null;
                return doc.Text.AsSpan(p.Span.End, q.Span.Start - p.Span.End).Contains('\n') ? null : dc;
            }
            return null;
        }

        // the mention follows a word of a border (function role border)
        bool AfterBorderWord(TextSpan c) => Vigie.Extraction.Finders.Countries.AfterBorder(tokens, c, words);

        // "African Union troops from Kenya", "en provenance du Nigeria": the country troops or attackers come from (function role
        // origin_country, past determiners and "of")
        bool AfterOriginWord(TextSpan c)
        {
            var k = Vigie.Text.Tokens.IndexAt(tokens, c.Start) - 1;
            while (k >= 0 && (words.IsDeterminer(tokens[k].Folded) || words.IsOf(tokens[k].Folded))) k--;
            return k >= 0 && words.Is("origin_country", tokens[k].Folded);
        }

        // characters between a mention and the place, on either side of it
        static int Gap(TextSpan other, TextSpan place) => other.Start >= place.End ? other.Start - place.End : place.Start - other.End;
    }

    /// <summary>Characters between a place and a country's adjective that still make the adjective the place's ("la localité nigériane de Baga").</summary>
    private const int BesideChars = 30;

    /// <summary>A place of a kind that may have namesakes elsewhere: not a capital, a seat, a division, a region or a country.</summary>
    private static bool IsSmallPlace(PlaceKind k) =>
        k is not (PlaceKind.Capital or PlaceKind.AdminSeat or PlaceKind.Admin1 or PlaceKind.Country or PlaceKind.Region or PlaceKind.LargeRegion);

    /// <summary>Characters between a place and a division named after it that still make the division the place's ("Boni in the western Tillaberi region").</summary>
    private const int DivisionGapChars = 30;

    /// <summary>
    /// A mention placed by a country rather than by its name: a capital named by its word (at the capital city of its
    /// country, else of <paramref name="mainCountry"/>) or the document's own country named by a common noun (at the
    /// country's point). Special is false for any other mention.
    /// </summary>
    private (bool Special, PlaceResolution? Placed) ByCountry(PlaceMention p, string? mainCountry) => p.Feature switch
    {
        PlaceMention.CapitalFeature => (true, (p.CapitalOf ?? mainCountry) is { } iso && _geocoder.CapitalPoint(iso) is { } cap
            ? new PlaceResolution(cap, PlaceKind.Capital, 1, PlaceRelation.In) : null),
        PlaceMention.OwnCountryFeature => (true, mainCountry is { } own && _geocoder.CountryPoint(own) is { } pt
            ? new PlaceResolution(pt, PlaceKind.Country, 1, PlaceRelation.Region) : null),
        _ => (false, null),
    };

    /// <summary>Distinct place names of a country the text does not name, each resolved there by its own name, that make the
    /// country one of the document's (two: one name alone is as likely a namesake; measured on the gold sets and the unseen sets).</summary>
    private const int MinPlacesOfAnUnnamedCountry = 2;

    /// <summary>How far from the main country's point a small place of a country only the document's actors point to is taken for
    /// a namesake (the distance across a large country or two neighbours: Israel and the West Bank are near, France and Mali are not).</summary>
    private const double FarFromTheMainCountryKm = 1500;

    private static readonly GeoContext NoContext = new();

    /// <summary>A resolution that is a sign of its country: a place named by its own name (three letters or more), a seat or a
    /// capital by a spelling of it — neither when another country has a place of that very name ("Tripoli") — or a division by
    /// any of its names ("Zamfara State").</summary>
    private static bool Strong(PlaceResolution r, PlaceMention p) =>
        r.Kind is PlaceKind.Admin1 or PlaceKind.Region or PlaceKind.LargeRegion
        || (!r.Namesakes && p.Name.Length >= 3 && Fold.String(r.Location.Name ?? "") == Fold.String(p.Name))
        || (!r.Namesakes && r.Kind is PlaceKind.Capital or PlaceKind.AdminSeat && OwnName(r, p));

    /// <summary>The mention names the place by the place's own name or a spelling of it ("Katmandu", "Damas"): at least half of
    /// their letter pairs shared (<see cref="NameKey.LetterPairShare"/>); not by an unrelated alternate ("Mangu", Bangkok's name in
    /// Chinese).</summary>
    private static bool OwnName(PlaceResolution r, PlaceMention p) =>
        Fold.String(r.Location.Name ?? "") == Fold.String(p.Name) || NameKey.LetterPairShare(r.Location.Name ?? "", p.Name) >= 0.5;

    private static void Rank(Dictionary<string, float> votes, GeoContext context)
    {
        context.Countries.Clear();
        // the countries with votes, the most voted first, then by name (a sort of the few voted, not a LINQ chain per call)
        var voted = new List<KeyValuePair<string, float>>(votes.Count);
        foreach (var v in votes) if (v.Value > 0) voted.Add(v);
        voted.Sort(static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        foreach (var v in voted) context.Countries.Add(v.Key);
        context.MainCountry = context.Countries.Count > 0 ? context.Countries[0] : null;
    }
}
