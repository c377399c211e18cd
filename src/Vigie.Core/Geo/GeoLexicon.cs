using System.Collections.Frozen;
using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Text.Analysis;
using Vigie.Text;

namespace Vigie.Geo;

/// <summary>
/// The words the geocoder reads around place names, loaded once from the language packs
/// (<c>lang/*/place-relations.tsv</c>, <c>lang/*/demonyms.tsv</c>) and from the country rows of
/// <c>data/gazetteer/supplement.tsv</c>. Thread-safe once built.
/// </summary>
public sealed class GeoLexicon
{
    public enum WordClass : byte { None, Near, Region, Feature, Connector, Modifier }

    private static readonly Lazy<GeoLexicon> _default = new(LoadDefault);
    public static GeoLexicon Default => _default.Value;

    private readonly FrozenDictionary<string, WordClass> _relations;
    // country phrases by their first folded token: the following tokens and the country
    private readonly FrozenDictionary<string, (string[] Tail, string Country, float Weight)[]> _countries;

    public GeoLexicon(IEnumerable<(string Word, WordClass Class)> relations, IEnumerable<(string Phrase, string Country, float Weight)> countryPhrases)
    {
        _relations = relations.GroupBy(r => Fold.String(r.Word)).ToFrozenDictionary(g => g.Key, g => g.First().Class);
        _countries = countryPhrases
            .Select(p => (Tokens: Tokenizer.Tokenize(p.Phrase).Where(t => t.Kind != TokenKind.Punct || t.Folded == "'").Select(t => t.Folded).ToArray(), p.Country, p.Weight))
            .Where(p => p.Tokens.Length > 0)
            .GroupBy(p => p.Tokens[0])
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => (p.Tokens[1..], p.Country, p.Weight)).OrderByDescending(p => p.Item1.Length).ToArray());
        var max = 0;
        var ids = new List<(int, (string[] Tail, string Country, float Weight)[])>(_countries.Count);
        foreach (var (first, options) in _countries) { var id = WordIds.Add(first); ids.Add((id, options)); max = Math.Max(max, id); }
        _countriesById = new (string[] Tail, string Country, float Weight)[]?[max + 1];
        foreach (var (id, options) in ids) _countriesById[id] = options;
    }

    // the same by the first token's vocabulary id: one array read per token of a document
    private readonly (string[] Tail, string Country, float Weight)[]?[] _countriesById;

    public WordClass ClassOf(string folded) => _relations.TryGetValue(folded, out var c) ? c : WordClass.None;

    private static GeoLexicon LoadDefault()
    {
        var relations = new List<(string, WordClass)>();
        var phrases = new List<(string, string, float)>();
        foreach (var lang in Languages.All)
        {
            var rel = Path.Combine(DataPaths.Lang(lang), "place-relations.tsv");
            if (File.Exists(rel))
                foreach (var row in Tsv.Load(rel).Rows)
                {
                    var cls = row["class"] switch
                    {
                        "near" => WordClass.Near, "region" => WordClass.Region, "feature" => WordClass.Feature,
                        "connector" => WordClass.Connector, "modifier" => WordClass.Modifier,
                        var other => throw new FormatException($"{rel}:{row.Line}: unknown class '{other}' (near, region, feature, connector, modifier)"),
                    };
                    relations.Add((row["word"], cls));
                }
            var dem = Path.Combine(DataPaths.Lang(lang), "demonyms.tsv");
            if (File.Exists(dem))
                foreach (var row in Tsv.Load(dem).Rows) phrases.Add((row["word"], row["country"], 0.5f));
        }
        var sup = GazetteerStore.SupplementPath;
        if (File.Exists(sup))
            foreach (var row in Tsv.Load(sup).Rows)
            {
                if (row.Get("feature") != "country" || row.Get("country") is not { Length: 2 } cc) continue;
                phrases.Add((row["name"], cc, 1f));
                foreach (var alt in (row.Get("alternate_names") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    if (alt.Length > 2 || alt.All(char.IsUpper)) phrases.Add((alt, cc, 1f));
            }
        return new GeoLexicon(relations, phrases);
    }

    /// <summary>
    /// Votes for the countries an article names ("la Syrie", "Royaume-Uni") or describes ("syrien"):
    /// names count 1, demonyms 0.5, a mention in the first sentence twice.
    /// </summary>
    /// <param name="skip">spans whose words vote for no country (a weapon's demonym: "Russian shelling")</param>
    /// <summary>The weight of a country named right after a word of a border, against 1 for any other mention.</summary>
    public const float AcrossBorderWeight = 0.25f;

    public void CountCountries(List<Token> tokens, int firstSentenceEnd, Dictionary<string, float> votes, IReadOnlyList<TextSpan>? skip = null,
        Func<TextSpan, bool>? acrossBorder = null)
    {
        var ids = WordIds.IdsOf(tokens);
        var byId = _countriesById;
        for (var i = 0; i < tokens.Count; i++)
        {
            var id = ids[i];
            if ((uint)id >= (uint)byId.Length || byId[id] is not { } options || tokens[i].Kind != TokenKind.Word) continue;
            if (skip != null && skip.Any(sp => sp.Contains(tokens[i].Span))) continue;
            foreach (var (rest, country, weight) in options)
            {
                if (i + rest.Length >= tokens.Count) continue;
                var ok = true;
                for (var k = 0; k < rest.Length && ok; k++) ok = tokens[i + 1 + k].Folded == rest[k];
                if (!ok) continue;
                var w = weight * (tokens[i].Start < firstSentenceEnd ? 2 : 1);
                // a country named as what lies across a border ("frontière malienne", "near the border with Mali") counts little
                // (the whole name: "near the Burkina Faso border")
                if (acrossBorder != null && acrossBorder(new TextSpan(tokens[i].Start, tokens[i + rest.Length].End))) w *= AcrossBorderWeight;
                votes[country] = votes.GetValueOrDefault(country) + w;
                i += rest.Length;
                break;
            }
        }
    }

    /// <summary>
    /// Splits "au sud de Damas", "à 30 km de Mossoul", "la province d'Idleb", "eastern Ukraine" into the
    /// place name and what the leading words say; null when the name has no such leading words.
    /// </summary>
    public (string Name, PlaceRelation Relation, string? Feature)? StripRelation(string name)
    {
        var tokens = Tokenizer.Tokenize(name);
        var lastConnector = -1;
        var lastModifier = -1;
        var relation = PlaceRelation.In;
        string? feature = null;
        var i = 0;
        for (; i < tokens.Count - 1; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Number || (t.Kind == TokenKind.Punct && t.Folded is "," or "-")) continue;
            var cls = ClassOf(t.Folded);
            if (cls == WordClass.None) break;
            switch (cls)
            {
                case WordClass.Connector: lastConnector = i; break;
                case WordClass.Modifier: lastModifier = i; relation = PlaceRelation.Near; break;
                case WordClass.Near: relation = PlaceRelation.Near; break;
                case WordClass.Region: if (relation != PlaceRelation.Near) relation = PlaceRelation.Region; break;
                case WordClass.Feature: feature ??= t.Folded; break;
            }
        }
        var cut = Math.Max(lastConnector, lastModifier);
        var from = cut >= 0 && cut < tokens.Count - 1 ? tokens[cut + 1].Start : 0;
        var to = name.Length;
        // a trailing area or feature word: "Timbuktu region", "Idlib province", "Dadaab camp"
        if (tokens.Count >= 2 && tokens[^1].Start > from)
        {
            var last = ClassOf(tokens[^1].Folded);
            if (last is WordClass.Region or WordClass.Feature)
            {
                to = tokens[^1].Start;
                if (last == WordClass.Region && relation == PlaceRelation.In) relation = PlaceRelation.Region;
                if (last == WordClass.Feature) feature ??= tokens[^1].Folded;
            }
        }
        if (from == 0 && to == name.Length) return null;
        var rest = name[from..to].Trim().TrimEnd(',', '-').Trim();
        return rest.Length == 0 ? null : (rest, relation, feature);
    }
}
