using System.Collections.Frozen;
using System.Collections.Concurrent;
using Vigie.Text;

namespace Vigie.Lexicons;

/// <summary>
/// The one registry of languages. A language is a folder of lang/ (or of an extra root, see
/// <see cref="DataPaths.LangRoots"/>) named by its code; nothing else in the code names a language.
/// What the program needs to know about a language itself (words to guess it, elisions, abbreviations…)
/// is in that folder's <c>language.tsv</c>, read by <see cref="For"/>.
/// </summary>
public static class Languages
{
    /// <summary>The pack used for a document whose language has no pack of its own.</summary>
    public const string Default = "fr";

    /// <summary>The pack whose country names name state actors ("Military Forces of Mali"): ACLED's names are English.</summary>
    public const string ActorNames = "en";

    private static volatile string[]? _all;
    private static readonly ConcurrentDictionary<string, Lazy<LanguageInfo>> _info = new(StringComparer.Ordinal);

    /// <summary>The codes of every language pack found, the default first, then in ordinal order.</summary>
    public static IReadOnlyList<string> All => _all ??= Discover();

    /// <summary>True when a pack of that code exists.</summary>
    public static bool Has(string? code) => !string.IsNullOrEmpty(code) && All.Contains(code);

    /// <summary>The pack to use for a document's language: its own when it exists, else the default.</summary>
    public static string PackOf(string? language) => Has(language) ? language! : Default;

    /// <summary>The folder of a language pack (in the first root that holds it).</summary>
    public static string Dir(string code)
    {
        foreach (var root in DataPaths.LangRoots)
        {
            var dir = Path.Combine(root, code);
            if (Directory.Exists(dir)) return dir;
        }
        return Path.Combine(DataPaths.LangRoots[0], code);
    }

    /// <summary>The language-level words of a pack (lang/&lt;code&gt;/language.tsv; empty when the pack has none).</summary>
    public static LanguageInfo For(string code) =>
        _info.GetOrAdd(code, c => new Lazy<LanguageInfo>(() => LanguageInfo.Load(c), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>The words of one kind of language.tsv over every pack (for steps that run before the language is known).</summary>
    public static FrozenSet<string> Union(string kind) =>
        All.SelectMany(l => For(l).Words(kind)).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Forget the discovered packs (after <see cref="DataPaths.AddLangRoot"/>).</summary>
    internal static void Refresh() => _all = null;

    private static string[] Discover()
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var root in DataPaths.LangRoots)
            if (Directory.Exists(root))
                foreach (var dir in Directory.EnumerateDirectories(root))
                {
                    var name = Path.GetFileName(dir);
                    if (name.Length > 0 && !name.StartsWith('.')) codes.Add(name);
                }
        var list = codes.ToList();
        if (list.Remove(Default)) list.Insert(0, Default);
        return [.. list];
    }
}

/// <summary>
/// lang/&lt;code&gt;/language.tsv: columns kind, forms ('|'-separated), comment. Kinds: <c>guess</c> (words the
/// language guesser counts), <c>elision</c> (a word split after its apostrophe: "l'"), <c>abbreviation</c>
/// (a period after it does not end a sentence), <c>month_abbreviation</c> (the same before a day number),
/// <c>source_article</c> (an article before a source's name: "l'ONU", "the UN"), <c>feature_camp</c>,
/// <c>feature_quarter</c>, <c>feature_town</c> (feature words that favour places of that kind in the geocoder),
/// <c>option</c> (switches: <c>capitalized_adjective</c>, a capitalised word may stand between a number and its noun).
/// </summary>
public sealed class LanguageInfo
{
    private readonly Dictionary<string, HashSet<string>> _byKind = new(StringComparer.Ordinal);

    public string Code { get; }

    private LanguageInfo(string code) => Code = code;

    public static LanguageInfo Load(string code)
    {
        var info = new LanguageInfo(code);
        var path = Path.Combine(Languages.Dir(code), "language.tsv");
        if (!File.Exists(path)) return info;
        foreach (var row in Tsv.Load(path).Rows)
        {
            var kind = row["kind"];
            if (!info._byKind.TryGetValue(kind, out var set)) info._byKind[kind] = set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in row["forms"].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                set.Add(Fold.String(f));
        }
        return info;
    }

    /// <summary>The folded words of a kind.</summary>
    public IReadOnlyCollection<string> Words(string kind) => _byKind.TryGetValue(kind, out var s) ? s : [];

    public bool Is(string kind, string folded) => _byKind.TryGetValue(kind, out var s) && s.Contains(folded);

    public bool Option(string name) => Is("option", name);
}
