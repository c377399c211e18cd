using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Vigie.Errors;
using Vigie.Lexicons;
using Vigie.Text;

namespace Vigie.Geo;

/// <summary>
/// The matching key of a place name: folded (case, accents), split into words on hyphens,
/// apostrophes and punctuation, articles dropped, words joined, letter groups rewritten
/// (ou→u, dj→j, ch→sh, q→k, w→u…) and doubled letters made single, so that
/// "Hadjar al-Assouad" and "Hajar al-Aswad" share a key. The rules are data
/// (<c>data/gazetteer/name-key.tsv</c>); a compiled index stores <see cref="RulesHash"/>.
/// Thread-safe once built.
/// </summary>
public sealed class NameKey
{
    /// <summary>Longest key kept; longer names are cut (they are descriptions, not names).</summary>
    public const int MaxLength = 96;
    private const int MaxWords = 24;

    private static readonly Lazy<NameKey> _default = new(() => Load(DataPaths.Data("gazetteer", "name-key.tsv")));

    /// <summary>The rules of <c>data/gazetteer/name-key.tsv</c>.</summary>
    public static NameKey Default => _default.Value;

    /// <summary>
    /// How much two spellings of a name resemble each other: the Dice coefficient of their letter pairs (folded letters only,
    /// each pair counted once), from 0 (none shared) to 1. "Katmandu" and "Kathmandu" share 0.8, "Mangu" and "Bangkok" 0.4.
    /// </summary>
    public static double LetterPairShare(string a, string b)
    {
        var pa = LetterPairs(a);
        var pb = LetterPairs(b);
        if (pa.Count == 0 || pb.Count == 0) return 0;
        var common = 0;
        foreach (var x in pa) if (pb.Contains(x)) common++;
        return 2.0 * common / (pa.Count + pb.Count);
    }

    private static HashSet<int> LetterPairs(string s)
    {
        var letters = new StringBuilder();
        foreach (var c in Fold.String(s))
            if (char.IsLetter(c)) letters.Append(c);
        var pairs = new HashSet<int>();
        for (var i = 0; i + 1 < letters.Length; i++) pairs.Add(letters[i] << 16 | letters[i + 1]);
        return pairs;
    }

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _articles;
    private readonly int _longestArticle;
    // rewrites by their first letter (folded letters are ASCII or other scripts), longest first
    private readonly Rewrite[]?[] _rewrites = new Rewrite[]?[128];

    private readonly record struct Rewrite(string From, string To, bool AtEnd);

    public string RulesHash { get; }

    private NameKey(IEnumerable<string> articles, IEnumerable<(string From, string To, bool AtEnd)> rewrites, string hash)
    {
        var set = articles.ToFrozenSet(StringComparer.Ordinal);
        _articles = set.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestArticle = set.Count == 0 ? 0 : set.Max(a => a.Length);
        foreach (var g in rewrites.GroupBy(r => r.From[0]))
        {
            if (g.Key >= 128) throw new FormatException($"name-key rewrite '{g.First().From}' must start with an ASCII letter");
            _rewrites[g.Key] = g.OrderByDescending(r => r.From.Length).Select(r => new Rewrite(r.From, r.To, r.AtEnd)).ToArray();
        }
        RulesHash = hash;
    }

    public static NameKey Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException(ErrorCatalogue.NameKeyRulesMissing.Message(path), path);
        var bytes = File.ReadAllBytes(path);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        return FromTsv(Tsv.Parse(reader, path), Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]);
    }

    public static NameKey FromTsv(Tsv tsv, string hash)
    {
        var articles = new List<string>();
        var rewrites = new List<(string, string, bool)>();
        foreach (var row in tsv.Rows)
        {
            var from = Fold.String(row["from"]);
            if (from.Length == 0) throw new FormatException($"{tsv.Path}:{row.Line}: empty 'from'");
            switch (row["kind"])
            {
                case "article": articles.Add(from); break;
                case "rewrite": rewrites.Add((from, Fold.String(row["to"]), row.Get("at") == "end")); break;
                default: throw new FormatException($"{tsv.Path}:{row.Line}: kind must be 'article' or 'rewrite', not '{row["kind"]}'");
            }
        }
        return new NameKey(articles, rewrites, hash);
    }

    /// <summary>The key of <paramref name="name"/> (empty when it has no letter or digit).</summary>
    public string Of(ReadOnlySpan<char> name)
    {
        Span<char> buf = stackalloc char[MaxLength];
        var n = Write(name, buf);
        return new string(buf[..n]);
    }

    private bool IsArticle(ReadOnlySpan<char> word) => word.Length <= _longestArticle && _articles.Contains(word);

    /// <summary>Writes the key of <paramref name="name"/> into <paramref name="dest"/> (at least <see cref="MaxLength"/> long); returns its length.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public int Write(ReadOnlySpan<char> name, Span<char> dest)
    {
        if (name.Length > 4 * MaxLength) name = name[..(4 * MaxLength)];
        Span<char> folded = stackalloc char[name.Length];
        Span<int> starts = stackalloc int[MaxWords];
        Span<int> lengths = stackalloc int[MaxWords];
        var words = 0;
        var len = 0;
        var wordStart = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? Fold.Char(name[i]) : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (wordStart < 0) wordStart = len;
                folded[len++] = c;
            }
            else if (wordStart >= 0)
            {
                if (words < MaxWords) { starts[words] = wordStart; lengths[words] = len - wordStart; words++; }
                wordStart = -1;
            }
        }
        // join the words, articles dropped unless all words are articles
        Span<char> joined = stackalloc char[len];
        var j = 0;
        var anyContent = false;
        for (var w = 0; w < words && !anyContent; w++)
            if (!IsArticle(folded.Slice(starts[w], lengths[w]))) anyContent = true;
        for (var w = 0; w < words; w++)
        {
            var word = folded.Slice(starts[w], lengths[w]);
            if (anyContent && IsArticle(word)) continue;
            word.CopyTo(joined[j..]);
            j += word.Length;
        }
        joined = joined[..j];

        // rewrite letter groups, single out doubled letters
        var o = 0;
        var limit = Math.Min(dest.Length, MaxLength);
        var k = 0;
        while (k < joined.Length && o < limit)
        {
            var c = joined[k];
            string? to = null;
            var consumed = 1;
            if (c < 128 && _rewrites[c] is { } rules)
            {
                foreach (var r in rules)
                {
                    if (r.AtEnd && k + r.From.Length != joined.Length) continue;
                    if (!joined[k..].StartsWith(r.From)) continue;
                    to = r.To; consumed = r.From.Length;
                    break;
                }
            }
            if (to == null) Emit(c, dest, ref o, limit);
            else foreach (var e in to) Emit(e, dest, ref o, limit);
            k += consumed;
        }
        return o;
    }

    private static void Emit(char c, Span<char> dest, ref int o, int limit)
    {
        if (o > 0 && dest[o - 1] == c && !char.IsDigit(c)) return;
        if (o < limit) dest[o++] = c;
    }
}
