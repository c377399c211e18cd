using System.Collections.Concurrent;
using Vigie.Lexicons;
using Vigie.Text;

namespace Vigie.Fusion;

/// <summary>
/// How much a source's figure is trusted (data/sources/reliability.tsv): 5 for UN bodies and
/// independent monitors down to 1 for a belligerent's media; unknown sources get <see cref="Unknown"/>.
/// Loaded once; lookups are cached and thread-safe.
/// </summary>
public sealed class SourceReliability
{
    public const int Unknown = 2;

    /// <summary>What each score means, highest first (the scale of data/sources/reliability.tsv).</summary>
    public static readonly IReadOnlyList<(int Score, string Meaning)> Scale =
    [
        (5, "UN body or independent monitor"),
        (4, "news agency or humanitarian body"),
        (3, "local official, hospital or rescuers"),
        (2, "unknown"),
        (1, "belligerent or its media"),
    ];

    /// <summary>One line that says what the scores mean: "reliability: 5 UN body or independent monitor; …; 1 belligerent or its media".</summary>
    public static string Legend() =>
        "reliability: " + string.Join("; ", Scale.Select(s => $"{s.Score} {s.Meaning}")) + " (data/sources/reliability.tsv)";

    // "l'ONU", "the UN": the articles of every pack (language.tsv, kind source_article)
    private static readonly Lazy<System.Collections.Frozen.FrozenSet<string>> SourceArticles = new(() => Languages.Union("source_article"));
    private static readonly Lazy<SourceReliability> _default = new(() => Load(DataPaths.Data("sources", "reliability.tsv")));
    public static SourceReliability Default => _default.Value;

    private readonly Dictionary<string, (string Name, string Kind, int Score)> _byAlias = new(StringComparer.Ordinal);
    private readonly List<(string[] Words, string Name, string Kind, int Score)> _phrases = [];
    private readonly ConcurrentDictionary<string, (string? Name, string Kind, int Score)> _cache = new(StringComparer.Ordinal);

    public static SourceReliability Load(string path)
    {
        var tsv = Tsv.Load(path);
        var r = new SourceReliability();
        foreach (var row in tsv.Rows)
        {
            var name = row["name"].Trim();
            var kind = row["kind"].Trim();
            if (!int.TryParse(row["reliability"], out var score) || score is < 1 or > 5)
                throw new FormatException($"{path}:{row.Line}: reliability must be a number from 1 to 5");
            foreach (var alias in new[] { name }.Concat((row.Get("aliases") ?? "").Split('|')))
            {
                var key = Key(alias);
                if (key.Length == 0) continue;
                r._byAlias.TryAdd(key, (name, kind, score));
                // short acronyms ("UN", "AP") are common words in some language: they only match whole
                if (key.Length >= 4) r._phrases.Add((key.Split(' '), name, kind, score));
            }
        }
        // longer phrases first, so "ministère russe de la défense" wins over "ministère de la défense"
        r._phrases.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        return r;
    }

    /// <summary>The reliability score (1–5) of a source as the text names it.</summary>
    public int Score(string? source) => Lookup(source).Score;

    /// <summary>The table row a source matches (its canonical name, kind and score); name null when unknown.</summary>
    public (string? Name, string Kind, int Score) Lookup(string? source)
    {
        if (string.IsNullOrWhiteSpace(source)) return (null, "unknown", Unknown);
        return _cache.GetOrAdd(source, s =>
        {
            var key = Key(s);
            if (_byAlias.TryGetValue(key, out var hit)) return hit;
            var words = key.Split(' ');
            // "l'ONU", "the UN": an elided or definite article before a name
            if (words.Length == 2 && SourceArticles.Value.Contains(words[0]) && _byAlias.TryGetValue(words[1], out hit)) return hit;
            foreach (var p in _phrases)
                if (ContainsWords(words, p.Words)) return (p.Name, p.Kind, p.Score);
            return (null, "unknown", Unknown);
        });
    }

    private static bool ContainsWords(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            var ok = true;
            for (var j = 0; j < phrase.Length && ok; j++) ok = words[i + j] == phrase[j];
            if (ok) return true;
        }
        return false;
    }

    /// <summary>Folded words separated by single spaces, elided articles ("l'", "d'") split off.</summary>
    public static string Key(string s)
    {
        var f = Fold.String(s.Trim());
        var chars = new char[f.Length];
        for (var i = 0; i < f.Length; i++) chars[i] = char.IsLetterOrDigit(f[i]) ? f[i] : ' ';
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
