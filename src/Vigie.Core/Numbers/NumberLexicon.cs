using System.Collections.Frozen;
using System.Collections.Concurrent;
using Vigie.Lexicons;
using Vigie.Model;

namespace Vigie.Numbers;

public enum NumberWordKind { Unit, Article, Ten, Hundred, Thousand, Multiplier, Approx, Vague, Determiner }

/// <summary>One number word of lang/xx/numbers.tsv.</summary>
public readonly record struct NumberWord(NumberWordKind Kind, long Value);

/// <summary>
/// The compiled content of lang/&lt;code&gt;/numbers.tsv: number words, bound phrases, range words,
/// measure units and the words before which a number is a name. Loaded once per language, thread-safe.
/// </summary>
public sealed class NumberLexicon
{
    private static readonly ConcurrentDictionary<string, NumberLexicon> Cache = new(StringComparer.Ordinal);

    public Dictionary<string, NumberWord> Words { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Connectors { get; } = new(StringComparer.Ordinal);
    public HashSet<string> RangeLinks { get; } = new(StringComparer.Ordinal);
    public HashSet<string> RangeTo { get; } = new(StringComparer.Ordinal);
    public PhraseTable<Bound> Bounds { get; } = new();
    public PhraseTable<bool> RangeStarts { get; } = new();
    public PhraseTable<string> Measures { get; } = new();
    public PhraseTable<bool> NotBefore { get; } = new();

    /// <summary>Every folded word a number mention can start with (number words, first words of bounds and ranges), for a one-lookup skip of other words.</summary>
    public HashSet<string> Starters { get; } = new(StringComparer.Ordinal);

    /// <summary>True when a word token may start a number mention ("au", "une", "quatre-vingt-dix"); digits are checked apart.</summary>
    public bool MayStart(string folded)
    {
        if ((_frozenStarters ?? (IReadOnlySet<string>)Starters).Contains(folded)) return true;
        var dash = folded.IndexOf('-');
        // (the word before the hyphen looked up as a span, not copied into a string first)
        return dash > 0 && Words.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(folded.AsSpan(0, dash));
    }

    /// <summary><see cref="Starters"/> frozen once the lexicon is read (<see cref="FromTsv"/>), for the look-up made at every word.</summary>
    private FrozenSet<string>? _frozenStarters;

    /// <summary>The lexicon of a language; an empty one (digits only) when the language has no numbers.tsv.</summary>
    public static NumberLexicon For(string? language) =>
        Cache.GetOrAdd(string.IsNullOrEmpty(language) ? Languages.Default : language, static lang =>
        {
            var path = Path.Combine(DataPaths.Lang(lang), "numbers.tsv");
            return File.Exists(path) ? FromTsv(Tsv.Load(path)) : new NumberLexicon();
        });

    public static NumberLexicon FromTsv(Tsv tsv)
    {
        var lex = new NumberLexicon();
        foreach (var row in tsv.Rows)
        {
            var form = row["form"];
            var kind = row["kind"];
            var folded = Text.Fold.String(form);
            long Value() => long.TryParse(row.Get("value"), out var v) ? v
                : throw new FormatException($"{tsv.Path}:{row.Line}: '{form}' of kind {kind} needs a number in column value");
            switch (kind)
            {
                case "unit": lex.Words[folded] = new(NumberWordKind.Unit, Value()); break;
                case "article": lex.Words[folded] = new(NumberWordKind.Article, Value()); break;
                case "ten": lex.Words[folded] = new(NumberWordKind.Ten, Value()); break;
                case "hundred": lex.Words[folded] = new(NumberWordKind.Hundred, Value()); break;
                case "thousand": lex.Words[folded] = new(NumberWordKind.Thousand, Value()); break;
                case "multiplier": lex.Words[folded] = new(NumberWordKind.Multiplier, Value()); break;
                case "approx": lex.Words[folded] = new(NumberWordKind.Approx, Value()); break;
                case "vague": lex.Words[folded] = new(NumberWordKind.Vague, 0); break;
                case "determiner": lex.Words.TryAdd(folded, new(NumberWordKind.Determiner, 0)); break;
                case "connector": lex.Connectors.Add(folded); break;
                case "range_link": lex.RangeLinks.Add(folded); break;
                case "range_to": lex.RangeTo.Add(folded); break;
                case "range": lex.RangeStarts.Add(form, true); break;
                case "bound": lex.Bounds.Add(form, ParseBound(row.Get("bound"), tsv.Path, row.Line)); break;
                case "measure": lex.Measures.Add(form, row.Get("value") ?? "unit"); break;
                case "not_before": lex.NotBefore.Add(form, true); break;
                default: throw new FormatException($"{tsv.Path}:{row.Line}: unknown kind '{kind}' (see docs/LEXICONS.md)");
            }
        }
        lex.Starters.UnionWith(lex.Words.Keys);
        lex.Starters.UnionWith(lex.Bounds.FirstTokens);
        lex.Starters.UnionWith(lex.RangeStarts.FirstTokens);
        lex._frozenStarters = lex.Starters.ToFrozenSet(StringComparer.Ordinal);
        return lex;
    }

    private static Bound ParseBound(string? s, string path, int line) => s switch
    {
        "exact" => Bound.Exact,
        "at_least" => Bound.AtLeast,
        "more_than" => Bound.MoreThan,
        "about" => Bound.About,
        "at_most" => Bound.AtMost,
        "range" => Bound.Range,
        _ => throw new FormatException($"{path}:{line}: bound '{s}' is not one of exact, at_least, more_than, about, at_most, range"),
    };
}
