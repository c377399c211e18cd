using System.Collections.Concurrent;
using System.Collections.Frozen;
using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Text;

namespace Vigie.Extraction.Finders;

/// <summary>
/// Loading of the finders' lexicons (lang/&lt;code&gt;/*.tsv): one compiled lexicon per language,
/// built on first use and shared by all threads. Cells of a <c>forms</c> column hold one or more
/// phrases separated by '|'.
/// </summary>
public static class FinderData
{
    /// <summary>The language pack to use for a document: its language when a pack exists, else the default pack.</summary>
    public static string LangOf(Document doc) => Languages.PackOf(doc.Language);

    /// <summary>The file, or null when the language has no such file (the lexicon is then empty).</summary>
    public static Tsv? Load(string lang, string file)
    {
        var path = Path.Combine(DataPaths.Lang(lang), file);
        return File.Exists(path) ? Tsv.Load(path) : null;
    }

    public static IEnumerable<TsvRow> Rows(Tsv? tsv) => tsv?.Rows ?? [];

    public static string[] Forms(string? cell) =>
        cell == null ? [] : cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>"fr/actors.tsv:12": the row a mention came from.</summary>
    public static string RuleOf(Tsv tsv, TsvRow row) =>
        $"{Path.GetFileName(Path.GetDirectoryName(tsv.Path))}/{Path.GetFileName(tsv.Path)}:{row.Line}";

    /// <summary>A cell that must hold one of the names of <typeparamref name="TEnum"/> in snake_case.</summary>
    public static TEnum ParseEnum<TEnum>(Tsv tsv, TsvRow row, string column) where TEnum : struct, Enum
    {
        var cell = row[column];
        if (Enum.TryParse<TEnum>(cell.Replace("_", ""), ignoreCase: true, out var v)) return v;
        throw new FormatException($"{tsv.Path}:{row.Line}: '{cell}' in column {column} is not one of {string.Join(", ", Enum.GetNames<TEnum>().Select(SnakeCase))}");
    }

    public static string SnakeCase(string pascal)
    {
        var sb = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(pascal[i]));
        }
        return sb.ToString();
    }

    /// <summary>True when the token's first letter is upper case in the text ("Gao", "al-Aswad" counts when the part after the particle is).</summary>
    public static bool IsCapitalized(string text, Token t)
    {
        if (t.Kind != TokenKind.Word) return false;
        var c = text[t.Start];
        if (char.IsUpper(c)) return true;
        // "al-Aswad", "el-Assad", "ad-Dour": a lower-case particle joined by a hyphen to a capitalised word
        var dash = text.IndexOf('-', t.Start, t.Span.Length);
        return dash > t.Start && dash - t.Start <= 3 && dash + 1 < t.End && char.IsUpper(text[dash + 1]);
    }
}

/// <summary>A lexicon compiled once per language and shared by all threads.</summary>
public sealed class PerLanguage<T>(Func<string, T> build)
{
    private readonly ConcurrentDictionary<string, Lazy<T>> _byLang = new();

    public T For(string lang) => _byLang.GetOrAdd(lang, l => new Lazy<T>(() => build(l), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}

/// <summary>
/// Function words the finders step over (lang/&lt;code&gt;/function.tsv): determiners ("le", "l'", "the"),
/// "of" words ("de", "du", "d'", "of"), coordinators ("et", "ou", ","), name particles ("al", "ben", "abu").
/// </summary>
public sealed class FunctionWords
{
    public static readonly PerLanguage<FunctionWords> Lexicon = new(l => new FunctionWords(l));

    private static readonly FrozenSet<string> None = FrozenSet<string>.Empty;

    private readonly Dictionary<string, FrozenSet<string>> _byRole = new(StringComparer.Ordinal);
    // the same sets keyed by the interned role string: the roles the finders ask for are literals, found without hashing their text
    private readonly Dictionary<string, FrozenSet<string>> _byRoleInstance = new(ReferenceEqualityComparer.Instance);
    private readonly FrozenSet<string> _determiners, _of, _coordinators, _particles;

    private FunctionWords(string lang)
    {
        var tsv = FinderData.Load(lang, "function.tsv");
        var byRole = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in FinderData.Rows(tsv))
        {
            var role = row["role"];
            if (!byRole.TryGetValue(role, out var set)) byRole[role] = set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in FinderData.Forms(row["forms"])) set.Add(Fold.String(f));
        }
        foreach (var (role, set) in byRole)
        {
            var frozen = set.ToFrozenSet(StringComparer.Ordinal);
            _byRole[role] = frozen;
            _byRoleInstance[string.Intern(role)] = frozen;
        }
        _determiners = _byRole.GetValueOrDefault("determiner") ?? None;
        _of = _byRole.GetValueOrDefault("of") ?? None;
        _coordinators = _byRole.GetValueOrDefault("coordinator") ?? None;
        _particles = _byRole.GetValueOrDefault("particle") ?? None;
    }

    public bool Is(string role, string folded) =>
        (_byRoleInstance.TryGetValue(role, out var set) || _byRole.TryGetValue(role, out set)) && set.Contains(folded);

    /// <summary>The folded words of a role (empty when the pack has none), for a loop that asks <see cref="Is"/> of many words.</summary>
    public FrozenSet<string> Role(string role) =>
        _byRoleInstance.TryGetValue(role, out var set) || _byRole.TryGetValue(role, out set) ? set : None;

    /// <summary>True when the word has that role in any language pack (for text whose language does not matter).</summary>
    public static bool InAnyPack(string role, string word)
    {
        foreach (var lang in Languages.All)
            if (Lexicon.For(lang).Is(role, word)) return true;
        return false;
    }

    public bool IsDeterminer(string folded) => _determiners.Contains(folded);
    public bool IsOf(string folded) => _of.Contains(folded);
    public bool IsCoordinator(string folded) => _coordinators.Contains(folded);
    public bool IsParticle(string folded) => _particles.Contains(folded);

    /// <summary>An apostrophe at token <paramref name="i"/> and the possessive "s" after it ("Nigeria's"); folding makes every apostrophe plain.</summary>
    public bool IsPossessiveMark(List<Token> tokens, int i) =>
        i >= 0 && i + 1 < tokens.Count && tokens[i].Folded == "'" && Is("possessive", tokens[i + 1].Folded);
}
