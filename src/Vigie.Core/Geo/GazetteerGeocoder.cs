using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Text;

namespace Vigie.Geo;

/// <summary>
/// Picks the gazetteer record a place name means, from the name and what the document says:
/// every record sharing the name's key is a candidate, scored by
/// <list type="bullet">
/// <item>its kind and population (capitals and big towns first; features like wells last),</item>
/// <item>curation (a supplement row was written because news names that place),</item>
/// <item>the exact spelling (folded) against a key-only match,</item>
/// <item>the document's countries (named, described, actors'; most salient first) — a namesake in another country loses,</item>
/// <item>proximity to the places already resolved in the document,</item>
/// <item>the words around the name ("province de" wants an area, "camp de" a camp).</item>
/// </list>
/// Thread-safe; the gazetteer is opened on first use.
/// </summary>
public sealed class GazetteerGeocoder : IGeocoder
{
    private readonly Lazy<Gazetteer> _gazetteer;
    private readonly GeoLexicon? _lexicon;

    public static readonly GazetteerGeocoder Default = new(() => Gazetteer.Default);

    public GazetteerGeocoder(Func<Gazetteer> gazetteer, GeoLexicon? lexicon = null)
    {
        _gazetteer = new Lazy<Gazetteer>(gazetteer, LazyThreadSafetyMode.ExecutionAndPublication);
        _lexicon = lexicon;
    }

    public GazetteerGeocoder(Gazetteer gazetteer, GeoLexicon? lexicon = null) : this(() => gazetteer, lexicon) { }

    public Gazetteer Gazetteer => _gazetteer.Value;
    private GeoLexicon Lexicon => _lexicon ?? GeoLexicon.Default;

    /// <inheritdoc/>
    public bool Knows(string name)
    {
        Span<GazetteerHit> hits = stackalloc GazetteerHit[4];
        return Gazetteer.Find(name.AsSpan(), hits) > 0;
    }

    /// <summary>The location of a place named on its own ("Gao", no relation or feature word), or null when the name is unknown.</summary>
    public Location? Resolve(string name, GeoContext context) => Resolve(name, PlaceRelation.In, null, context)?.Location;

    public Location? CountryPoint(string iso2)
    {
        var (country, capital) = Gazetteer.CountryPoints(iso2);
        return country is { } c
            ? new Location { Name = c.Name, Country = iso2, Lat = capital?.Lat ?? c.Lat, Lon = capital?.Lon ?? c.Lon, Precision = 3 }
            : null;
    }

    public Location? CapitalPoint(string iso2) =>
        Gazetteer.CountryPoints(iso2).Capital is { } c
            ? new Location { Name = c.Name, Country = iso2, Admin1 = c.Admin1, Lat = c.Lat, Lon = c.Lon, GeonamesId = c.GeonamesId, Precision = 1 }
            : null;

    /// <summary>
    /// Resolves <paramref name="name"/> (as the text writes it; leading relation words such as
    /// "au sud de" are stripped when the whole name is unknown). Null when nothing matches.
    /// </summary>
    public PlaceResolution? Resolve(string name, PlaceRelation relation, string? feature, GeoContext context)
    {
        var g = Gazetteer;
        Span<GazetteerHit> hits = stackalloc GazetteerHit[128];
        var n = g.Find(name.AsSpan(), hits);
        var used = name;
        // named as an area by an area word ("l'État de Mexico", "Kharkiv Region"), not only placed in one ("le nord du Mali")
        var areaWord = feature != null && Lexicon.ClassOf(feature) == GeoLexicon.WordClass.Region;
        if (n == 0 && Lexicon.StripRelation(name) is { } stripped)
        {
            used = stripped.Name;
            areaWord |= stripped.Relation == PlaceRelation.Region;
            if (stripped.Relation != PlaceRelation.In) relation = stripped.Relation;
            feature ??= stripped.Feature;
            n = g.Find(used.AsSpan(), hits);
        }
        if (n == 0)
        {
            // "Wadajir district, Mogadishu", "Mangina (territoire de Beni)": the first part, then the others
            foreach (var part in name.Split([',', '(', ')'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part == name) break;
                n = g.Find(part.AsSpan(), hits);
                if (n > 0) { used = part; break; }
            }
        }
        // (a point on a road whose extent is unknown: as vague as a region, so that a village the text names on it is the place)
        var road = false;
        if (n == 0 && feature != null && FeatureRoad.Value.Contains(feature) && RoadEnds(used) is { } from)
        {
            // "sur l'axe Bangui-Boali", "the Abuja-Kaduna highway": a road named by the towns it joins lies near the first of them
            n = g.Find(from.AsSpan(), hits);
            if (n > 0) { used = from; relation = PlaceRelation.Near; road = true; }
        }
        var variant = false;
        if (n == 0)
        {
            n = FindLetterVariant(g, used, context, hits);
            variant = n > 0;
        }
        if (n == 0) return null;

        var folded = Fold.String(used);
        var quarterWord = feature != null && FeatureQuarter.Value.Contains(Fold.String(feature));
        Place best = default;
        var bestScore = double.NegativeInfinity;
        Span<double> scores = stackalloc double[n];
        for (var i = 0; i < n; i++)
        {
            var p = g[hits[i].Record];
            var score = scores[i] = Score(g, p, hits[i], folded, relation, feature, context);
            if (score > bestScore) { bestScore = score; best = p; }
        }
        if (SeatOrDivision(g, best, hits[..n], scores, relation, areaWord) is { } other) (best, bestScore) = other;
        if (!Trusted(g, best, folded, relation, context, areaWord, quarterWord))
        {
            // "Mangu" in a text about Nigeria: the best-scored record (Bangkok, by one of its alternate names) may not stand for
            // the name; the best one that may does ("Mangu", Plateau State), else the name stays unknown
            var found = false;
            var second = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                var p = g[hits[i].Record];
                if (scores[i] <= second || p.GeonamesId == best.GeonamesId && p.Name == best.Name || !Trusted(g, p, folded, relation, context, areaWord, quarterWord)) continue;
                (best, second, found) = (p, scores[i], true);
            }
            if (!found) return null;
            bestScore = second;
        }
        // a division that no curated row names, called by a word of place ("Nord", "Est": Burkina Faso's regions), is that
        // division only when the text names it as an area ("la région du Nord"), never for "dans le Nord"
        if (best.Kind == PlaceKind.Admin1 && !best.Curated && relation != PlaceRelation.Region && Lexicon.ClassOf(folded) != GeoLexicon.WordClass.None) return null;
        // a spelling variant stands only for a place of the document's main countries
        if (variant && (best.Country is not { } bc || context.Countries.IndexOf(bc) is < 0 or > 1)) return null;

        var precision = best.Kind.Precision();
        if (road) precision = 3;
        else if (relation == PlaceRelation.Near) precision = Math.Max(precision, 2);
        // (the region of a town, "dans la région de Bir Al Abd", is part of a region around a point: 2, like a region's own name;
        // not a division named after its seat, "la région de Gao", "le territoire de Beni")
        else if (relation == PlaceRelation.Region)
            precision = best.Kind == PlaceKind.Region || best.Kind is PlaceKind.Populated or PlaceKind.Quarter && feature != null && TownRegionWords.Contains(Fold.String(feature)) ? 2 : 3;
        var loc = new Location
        {
            Name = best.Name,
            Country = best.Country,
            Admin1 = best.Kind is PlaceKind.Country ? null : best.Admin1,
            Lat = best.Lat,
            Lon = best.Lon,
            GeonamesId = best.GeonamesId,
            Precision = precision,
        };
        // a country is placed at its capital, as ACLED codes an event known only by its country (docs/FORMAT.md)
        if (best.Kind == PlaceKind.Country && best.Country is { } iso && g.CountryPoints(iso).Capital is { } capital)
        {
            loc.Lat = capital.Lat;
            loc.Lon = capital.Lon;
        }
        var namesakes = false;
        for (var i = 0; i < n && !namesakes; i++)
        {
            var p = g[hits[i].Record];
            namesakes = p.Country != best.Country && Fold.String(p.Name) == folded;
        }
        return new PlaceResolution(loc, best.Kind, bestScore, relation) { Namesakes = namesakes };
    }

    // one vowel written otherwise (Idleb/Idlib, Saraqeb/Saraqib, Choghour/Shughur, Deraa/Daraa),
    // or a final e (Hajine/Hajin): tried only for names the gazetteer does not know, and kept
    // only in the document's countries
    // feature words before a name that favour a kind of place (language.tsv of every pack: the feature is already folded)
    private static readonly Lazy<System.Collections.Frozen.FrozenSet<string>> FeatureCamp = new(() => Languages.Union("feature_camp"));
    private static readonly Lazy<System.Collections.Frozen.FrozenSet<string>> FeatureQuarter = new(() => Languages.Union("feature_quarter"));
    private static readonly Lazy<System.Collections.Frozen.FrozenSet<string>> FeatureTown = new(() => Languages.Union("feature_town"));
    // words for a road, before or after the towns it joins ("l'axe Bouar-Bocaranga", "the Damboa-Biu road")
    private static readonly Lazy<System.Collections.Frozen.FrozenSet<string>> FeatureRoad = new(() => Languages.Union("feature_road"));

    // vowels a transliteration writes one for another, and m for n and back ("Quissamga" for Quissanga)
    private static readonly (char From, char To)[] LetterSwaps = [('e', 'i'), ('i', 'e'), ('e', 'a'), ('a', 'e'), ('o', 'u'), ('u', 'o'), ('m', 'n'), ('n', 'm')];

    private static int FindLetterVariant(Gazetteer g, string name, GeoContext context, Span<GazetteerHit> hits)
    {
        if (context.Countries.Count == 0) return 0;
        Span<char> key = stackalloc char[NameKey.MaxLength];
        var n = NameKey.Default.Write(name, key);
        if (n < 5) return 0;
        key = key[..n];
        Span<char> v = stackalloc char[NameKey.MaxLength];
        var found = 0;
        if (key[^1] == 'e')
            found = Keep(g, context, hits, found, g.FindKey(key[..^1], hits[found..]));
        for (var i = 0; i < n && found < hits.Length; i++)
        {
            foreach (var (from, to) in LetterSwaps)
            {
                if (key[i] != from) continue;
                if ((i > 0 && key[i - 1] == to) || (i + 1 < n && key[i + 1] == to)) continue; // keys have no doubled letters
                key.CopyTo(v);
                v[i] = to;
                found = Keep(g, context, hits, found, g.FindKey(v[..n], hits[found..]));
                if (found >= hits.Length) break;
            }
        }
        return found;
    }

    // keeps, among the count hits just written at hits[found..], those in the document's first two countries
    private static int Keep(Gazetteer g, GeoContext context, Span<GazetteerHit> hits, int found, int count)
    {
        var end = found;
        for (var k = found; k < found + count; k++)
        {
            var cc = g[hits[k].Record].Country;
            if (cc != null && context.Countries.IndexOf(cc) is >= 0 and <= 1) hits[end++] = hits[k];
        }
        return end;
    }

    /// <summary>
    /// A first-level division and its namesake town — a town inside it, or a seat or capital of the same country — ("Kidal",
    /// "Idlib", "Puebla": most divisions are named after their seat): the name on its own or near ("à Kidal", "près de
    /// Kidal") is the town, the name as an area ("la région de Kidal", "the state of Puebla") the division, whatever the
    /// scores say. A division named like its country ("l'État de Mexico") is the division only with an area word
    /// (<paramref name="areaWord"/>; "le nord du Mexique" stays the country). Returns the other one of the pair when
    /// <paramref name="best"/> is the wrong one of it, else null. A village of the same name in another division is no
    /// such pair: the scores choose ("Michoacan", a village in Chiapas, is not the state's town).
    /// </summary>
    private static (Place Place, double Score)? SeatOrDivision(Gazetteer g, Place best, ReadOnlySpan<GazetteerHit> hits, ReadOnlySpan<double> scores,
        PlaceRelation relation, bool areaWord)
    {
        var wantArea = relation == PlaceRelation.Region;
        var fromCountry = areaWord && best.Kind == PlaceKind.Country;
        if (!fromCountry && (wantArea ? !best.Kind.IsTown() : best.Kind != PlaceKind.Admin1)) return null;
        if (best.Country is not { } cc) return null;
        (Place, double)? found = null;
        for (var i = 0; i < hits.Length; i++)
        {
            var p = g[hits[i].Record];
            if (p.Country != cc) continue;
            var (division, town) = wantArea || fromCountry ? (p, best) : (best, p);
            if (division.Kind != PlaceKind.Admin1 || (!fromCountry && !town.Kind.IsTown())) continue;
            if (!fromCountry && town.Kind is PlaceKind.Populated && !string.Equals(town.Admin1, division.Admin1, StringComparison.Ordinal)) continue;
            if (found is not { } f || scores[i] > f.Item2) found = (p, scores[i]);
        }
        return found;
    }

    /// <summary>
    /// Whether the best candidate may stand for the name, or the name is better left unknown:
    /// a place outside the document's countries must be an important one (capital, seat, city,
    /// country, division) named by its own name ("Tripoli" in an article about Syria), not by an
    /// alternate ("Tori" is not Turin in an article about Mali); a small place in another
    /// first-level division than the one the document names is a namesake ("Sabon Gari" in Yobe
    /// for an article about Borno), unless it is the seat of its division ("Bentiu", Unity's seat, in an article that
    /// names only Upper Nile); a town of any size is one when the text names the place with an area word ("Bijapur district" in an
    /// article that names Chhattisgarh is not Karnataka's Bijapur). A division that no curated row names stands for another country's area only when the
    /// text names it as an area ("l'État de Sokoto" in an article about Niger, not "Plateau" or "Centre" on their own).
    /// </summary>
    private static bool Trusted(Gazetteer g, Place p, string folded, PlaceRelation relation, GeoContext context, bool areaWord, bool quarterWord)
    {
        var cc = p.Country;
        if (context.Countries.Count > 0 && cc != null && !context.Countries.Contains(cc))
        {
            // ("le quartier Médina", "the Bel Air neighbourhood": a part of a town of the document's countries, not a city elsewhere)
            if (quarterWord && p.Kind != PlaceKind.Quarter) return false;
            var important = p.Kind is PlaceKind.Capital or PlaceKind.AdminSeat or PlaceKind.Country or PlaceKind.Admin1 || p.Population >= 100_000;
            if (!important || Fold.String(p.Name) != folded) return false;
            if (p.Kind == PlaceKind.Admin1 && !p.Curated && relation != PlaceRelation.Region) return false;
        }
        // ("Bijapur district of Chhattisgarh": a town of any size in another division than the ones the text names is not the area
        // the text names with an area word)
        if (!p.Curated && (p.Population < 20_000 || areaWord) && !p.Kind.IsArea() && p.Kind is not (PlaceKind.AdminSeat or PlaceKind.Capital) && cc != null && p.Admin1 is { } admin1)
        {
            var (named, same) = NamedDivisions(context, cc, admin1);
            if (named && !same) return false;
            // (nor a village of a country whose divisions the text never names when it names another country's: "les villages de
            // Kaïta et Bayengou situés dans la sous-préfecture de Bocaranga (préfecture de l'Ouham-Pendé)" are not Cameroon's Bayengou)
            if (!named && context.Areas.Count > 0 && p.Kind is PlaceKind.Populated or PlaceKind.Quarter) return false;
        }
        return true;
    }

    /// <summary>Whether the document names first-level divisions of <paramref name="country"/> (<see cref="GeoContext.Areas"/>), and
    /// whether one of them is <paramref name="admin1"/>.</summary>
    private static (bool Named, bool Same) NamedDivisions(GeoContext context, string country, string admin1)
    {
        var named = false;
        foreach (var a in context.Areas)
        {
            if (a.Country != country) continue;
            named = true;
            if (string.Equals(a.Admin1, admin1, StringComparison.Ordinal)) return (true, true);
        }
        return (named, false);
    }

    /// <summary>The first town of a road's name made of two names joined by one hyphen, each capitalised and of three letters or
    /// more ("Bangui-Boali" → "Bangui"), else null.</summary>
    private static string? RoadEnds(string name)
    {
        var parts = name.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2) return null;
        foreach (var part in parts)
            if (part.Length < 3 || !char.IsUpper(part[0]) || part.Contains(' ')) return null;
        return parts[0];
    }

    /// <summary>Words that name the area around a town rather than a division ("la région de X", "la zone de X", "the X area").</summary>
    private static readonly HashSet<string> TownRegionWords = new(StringComparer.Ordinal) { "region", "zone", "secteur", "area", "environs" };

    /// <summary>What a town gains for lying in a first-level division the document names: more than the population of a namesake
    /// ten times larger (half a point per power of ten) and a curated row, less than the document's country.</summary>
    private const double NamedDivisionBonus = 2;

    private static double Score(Gazetteer g, Place p, GazetteerHit hit, string folded, PlaceRelation relation, string? feature, GeoContext context)
    {
        var kind = p.Kind;
        double s = kind switch
        {
            PlaceKind.Capital => 3,
            PlaceKind.AdminSeat => 2,
            PlaceKind.Country => 3,
            PlaceKind.Admin1 => 1,
            PlaceKind.Region or PlaceKind.LargeRegion => 1,
            PlaceKind.Camp => 1,
            PlaceKind.Quarter => 0.5,
            PlaceKind.Populated => 0.5,
            PlaceKind.Admin2 => 0,
            _ => -2,
        };
        s += Math.Log10(p.Population + 1) * 0.5;
        if (p.Curated) s += 1.5;
        if (g.NameFoldsTo(hit, folded)) s += 1;

        // the words around the name
        if (relation == PlaceRelation.Region) s += kind.IsArea() ? 4 : 0;
        else if (kind is PlaceKind.Admin2) s -= 2; // a bare name is the town before the district named after it
        // (a division and its namesake town: SeatOrDivision)
        if (feature != null)
        {
            if (FeatureCamp.Value.Contains(feature) && kind == PlaceKind.Camp) s += 4;
            else if (FeatureQuarter.Value.Contains(feature) && kind == PlaceKind.Quarter) s += 3;
            else if (FeatureTown.Value.Contains(feature) && kind.IsTown()) s += 1;
        }

        // the document's countries: the first counts most; another country's namesake loses
        if (context.Countries.Count > 0 && p.Country is { } cc)
        {
            var rank = context.Countries.IndexOf(cc);
            // a national capital or a city of a million is known without its country being named ("near Baghdad" in a text
            // about US soldiers); a hamlet of the document's country does not outweigh it
            var known = kind == PlaceKind.Capital || p.Population >= 1_000_000;
            var small = kind is PlaceKind.Populated or PlaceKind.Quarter && p.Population < 10_000 && !p.Curated;
            s += rank switch { < 0 => known ? -1 : -4, 0 => small ? 3 : 5, 1 => small ? 2 : 3.5, 2 => 2.5, _ => 2 };
        }

        // the document's first-level divisions: a town inside one it names is the one meant ("Bijapur district" in a text about
        // Chhattisgarh, not the larger Bijapur of Karnataka)
        if (!kind.IsArea() && p.Admin1 is { } pa && p.Country is { } pc && NamedDivisions(context, pc, pa).Same) s += NamedDivisionBonus;

        // proximity to places already resolved
        var nearest = double.MaxValue;
        foreach (var r in context.Resolved)
        {
            if (r.Lat is not { } lat || r.Lon is not { } lon) continue;
            if (r.GeonamesId != null && r.GeonamesId == p.GeonamesId) continue;
            nearest = Math.Min(nearest, GreatCircle.Km(lat, lon, p.Lat, p.Lon));
        }
        if (nearest < 50) s += 3;
        else if (nearest < 200) s += 2;
        else if (nearest < 600) s += 1;
        return s;
    }
}
