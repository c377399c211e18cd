using Vigie.Model;
using Vigie.Text;

namespace Vigie.Extraction.Finders;

/// <summary>
/// Country names and demonyms of a language (lang/&lt;code&gt;/countries.tsv: <c>iso2, type, forms</c>).
/// Types: <c>name</c> (the country's usual name; the first English one names actors: "Military Forces of Mali"),
/// <c>alias</c> (other names, acronyms: "RDC", "Centrafrique"), demonyms <c>dem_ms</c>, <c>dem_fs</c>,
/// <c>dem_mp</c>, <c>dem_fp</c> (French genders and numbers) or <c>dem</c> (English).
/// </summary>
public sealed class Countries
{
    public static readonly PerLanguage<Countries> Lexicon = new(l => new Countries(l));

    public readonly record struct Entry(string Iso2, bool Demonym);

    public PhraseMatcher<Entry> Matcher { get; } = new();
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), string> _demonyms = new();

    private Countries(string lang)
    {
        var tsv = FinderData.Load(lang, "countries.tsv");
        foreach (var row in FinderData.Rows(tsv))
        {
            var iso = row["iso2"].ToUpperInvariant();
            var type = row["type"];
            var forms = FinderData.Forms(row["forms"]);
            if (iso.Length != 2 || forms.Length == 0)
                throw new FormatException($"{tsv!.Path}:{row.Line}: a row needs a two-letter iso2 and at least one form");
            var demonym = type.StartsWith("dem", StringComparison.Ordinal);
            foreach (var f in forms) Matcher.Add(f, new Entry(iso, demonym));
            if (type == "name") _names.TryAdd(iso, forms[0]);
            if (demonym) _demonyms.TryAdd((iso, type), forms[0]);
        }
    }

    /// <summary>The country's name in this language ("Mali", "Democratic Republic of Congo"), or the code itself.</summary>
    public string NameOf(string iso2) => _names.TryGetValue(iso2, out var n) ? n : iso2;

    /// <summary>A demonym of the given type ("dem_fs" → "ukrainienne"), or null.</summary>
    public string? DemonymOf(string iso2, string type) => _demonyms.TryGetValue((iso2, type), out var d) ? d : null;

    /// <summary>The country named or implied at token <paramref name="i"/>, with the number of tokens it covers.</summary>
    public bool At(List<Token> tokens, int i, int end, out Entry entry, out int length, string? text = null) =>
        Matcher.Match(tokens, i, end, out length, out entry, text);

    /// <summary>
    /// The document's main country: the most mentioned one, names counting twice as much as demonyms and
    /// mentions in the first sentence (title or lead) twice as much again. Null when no country is mentioned.
    /// </summary>
    /// <summary>A word of <paramref name="words"/> right before or right after the span.</summary>
    private static bool Beside(List<Token> tokens, TextSpan span, HashSet<string> words)
    {
        var i = Vigie.Text.Tokens.IndexAt(tokens, span.Start);
        if (i > 0 && words.Contains(tokens[i - 1].Folded)) return true;
        var j = Vigie.Text.Tokens.IndexAt(tokens, span.End);
        return j < tokens.Count && tokens[j].Start >= span.End && words.Contains(tokens[j].Folded);
    }

    /// <summary>A word of a border (function role <c>border</c>) before <paramref name="span"/>, with at most three words of
    /// <c>border_with</c>, "of" or determiners between ("frontière du Mali", "frontalier avec le Nigeria", "the border with Mali"),
    /// or right after it ("the Malian border").</summary>
    public static bool AfterBorder(List<Token> tokens, TextSpan span, FunctionWords words)
    {
        var k = Tokens.IndexAt(tokens, span.Start);
        if (k < 0) return false;
        // ("frontière du Mali", "bordering Mali", "un village frontalier avec le Nigeria", "the border with Niger": the border word
        // before the name, past its "of", "with" and determiners)
        if (RoleBefore(tokens, k, words, "border", "border_with", 3)) return true;
        // "the Malian border": a country's adjective right before the word
        var e = k;
        while (e < tokens.Count && tokens[e].End <= span.End) e++;
        return BorderWordAt(tokens, e, words);
    }

    /// <summary>Token <paramref name="e"/> is a word of a border (function role <c>border</c>): "the Malian border", "the Niger border".</summary>
    public static bool BorderWordAt(List<Token> tokens, int e, FunctionWords words) => e < tokens.Count && words.Is("border", tokens[e].Folded);

    /// <summary>
    /// A word of a go-between (function role <c>broker</c>) before <paramref name="span"/>, with at most three determiners, "of" or
    /// <c>broker_by</c> words between ("la médiation des États-Unis", "a truce brokered by Qatar", "under the auspices of the
    /// United States"): the country that mediates is not where the news is.
    /// </summary>
    public static bool AfterBroker(List<Token> tokens, TextSpan span, FunctionWords words) =>
        RoleBefore(tokens, Tokens.IndexAt(tokens, span.Start), words, "broker", "broker_by", 4);

    /// <summary>A word of <paramref name="role"/> ends at most <paramref name="reach"/> tokens before token <paramref name="k"/>, with
    /// only determiners, "of" and words of <paramref name="bridge"/> between.</summary>
    private static bool RoleBefore(List<Token> tokens, int k, FunctionWords words, string role, string bridge, int reach)
    {
        for (var b = k - 1; k >= 0 && b >= Math.Max(0, k - reach); b--)
        {
            if (words.Is(role, tokens[b].Folded)) return true;
            if (!(words.IsDeterminer(tokens[b].Folded) || words.IsOf(tokens[b].Folded) || words.Is(bridge, tokens[b].Folded))) break;
        }
        return false;
    }

    /// <summary>A country named across a border or as a go-between (<see cref="AfterBorder"/>, <see cref="AfterBroker"/>).</summary>
    public static bool NamedAsElsewhere(List<Token> tokens, TextSpan span, FunctionWords words) =>
        AfterBorder(tokens, span, words) || AfterBroker(tokens, span, words);

    public static string? MainCountry(Document doc)
    {
        var mentions = doc.Layers.Get<CountryMention>();
        if (mentions.Count == 0) return null;
        var sentences = doc.Layers.Get<Sentence>();
        var leadEnd = sentences.Count > 0 ? sentences[0].Span.End : 0;
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        string? best = null;
        var bestScore = 0;
        var tokens = Tokens.AsList(doc.Layers.Get<Token>());
        var wielders = ActorFinder.Lexicon.Cache.For(FinderData.LangOf(doc)).WielderWords;
        var words = FunctionWords.Lexicon.For(FinderData.LangOf(doc));
        foreach (var m in mentions)
        {
            // "Russian shelling", "une frappe israélienne": the demonym of a weapon names who used it, not where the news is
            if (m.Demonym && Beside(tokens, m.Span, wielders)) continue;
            // "camp de Chinégodar (ouest, frontière malienne)": the country across a border is not where the news is, nor the one
            // that mediates ("la médiation des États-Unis")
            if (NamedAsElsewhere(tokens, m.Span, words)) continue;
            var w = (m.Demonym ? 1 : 2) * (m.Span.Start < leadEnd ? 2 : 1);
            scores[m.Iso2] = scores.GetValueOrDefault(m.Iso2) + w;
        }
        // ties go to the country mentioned first
        foreach (var m in mentions)
        {
            if (!scores.TryGetValue(m.Iso2, out var s)) continue;
            if (s > bestScore) { best = m.Iso2; bestScore = s; }
        }
        return best;
    }
}
