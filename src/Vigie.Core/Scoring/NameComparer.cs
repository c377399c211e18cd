using System.Text;
using Vigie.Lexicons;
using Vigie.Text;

namespace Vigie.Scoring;

/// <summary>
/// Compares names the way the scoring rules of the output format ask: case, accents and
/// punctuation folded, articles and prepositions (lang/*/name_particles.tsv) dropped.
/// Two sources agree when one name's words contain the other's, or one is the acronym of the
/// other ("OSDH" and "l'Observatoire syrien des droits de l'Homme").
/// </summary>
public sealed class NameComparer
{
    private static readonly Lazy<NameComparer> _default = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly HashSet<string> _particles;

    public NameComparer(IEnumerable<string> particles) =>
        _particles = new HashSet<string>(particles.Select(p => Fold.String(p.Trim())).Where(p => p.Length > 0), StringComparer.Ordinal);

    /// <summary>The particles of every language pack that has a name_particles.tsv.</summary>
    public static NameComparer Default => _default.Value;

    private static NameComparer LoadDefault()
    {
        var words = new List<string>();
        foreach (var lang in Languages.All)
        {
            var file = Path.Combine(Languages.Dir(lang), "name_particles.tsv");
            if (!File.Exists(file)) continue;
            foreach (var row in Tsv.Load(file).Rows)
                if (row.Get("word") is { } w) words.Add(w);
        }
        return new NameComparer(words);
    }

    /// <summary>All folded words of a name, elided articles ("l'", "d'") kept as words of their own.</summary>
    public static List<string> FoldedWords(string name)
    {
        var folded = Fold.String(name);
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) { sb.Append(c); continue; }
            if (c == '\'' && sb.Length is > 0 and <= 2)
            {
                sb.Append(c);
                words.Add(sb.ToString());
                sb.Clear();
                continue;
            }
            if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words;
    }

    /// <summary>The folded words without articles and prepositions; all of them when nothing else is left ("UN").</summary>
    public IReadOnlyList<string> Words(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return [];
        var all = FoldedWords(name);
        var kept = all.Where(w => !_particles.Contains(w)).ToList();
        return kept.Count > 0 ? kept : all;
    }

    /// <summary>The normalised form used to compare place names: kept words joined by one space.</summary>
    public string Normalise(string? name) => string.Join(' ', Words(name));

    /// <summary>Same normalised name (both empty counts as different: there is nothing to compare).</summary>
    public bool SameName(string? a, string? b)
    {
        var na = Normalise(a);
        return na.Length > 0 && na == Normalise(b);
    }

    /// <summary>
    /// Place names agree when they have a normalised form in common. A name's forms are the whole name, the name before a bracket
    /// or a comma ("Shujayea (Shuja'iyya), Gaza City" → "Shujayea"; what follows a comma is where the place lies) and each name
    /// in brackets ("Adaïssé (Odaisseh)" → "Odaisseh"), as gold annotations write a place's other spellings and its notes.
    /// </summary>
    public bool SamePlace(string? a, string? b)
    {
        var fa = PlaceForms(a);
        if (fa.Count == 0) return false;
        foreach (var f in PlaceForms(b))
            if (fa.Contains(f)) return true;
        return false;
    }

    private HashSet<string> PlaceForms(string? name)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(name)) return forms;
        void Add(string part) { if (Normalise(part) is { Length: > 0 } n) forms.Add(n); }
        Add(name);
        var cut = name.IndexOfAny(['(', ',']);
        if (cut > 0) Add(name[..cut]);
        for (var open = name.IndexOf('('); open >= 0; open = name.IndexOf('(', open + 1))
        {
            var close = name.IndexOf(')', open + 1);
            if (close < 0) break;
            foreach (var alt in name[(open + 1)..close].Split([',', ';', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) Add(alt);
        }
        return forms;
    }

    /// <summary>The rule for casualty-figure sources: both null, or containment, or acronym.</summary>
    public bool SameSource(string? a, string? b)
    {
        var aNull = string.IsNullOrWhiteSpace(a);
        var bNull = string.IsNullOrWhiteSpace(b);
        if (aNull || bNull) return aNull && bNull;
        var wa = Words(a);
        var wb = Words(b);
        if (wa.Count == 0 || wb.Count == 0) return false;
        return ContainsRun(wa, wb) || ContainsRun(wb, wa) || IsAcronymOf(wa, b!) || IsAcronymOf(wb, a!);
    }

    /// <summary>True when <paramref name="inner"/> occurs as a contiguous run of words in <paramref name="outer"/>.</summary>
    private static bool ContainsRun(IReadOnlyList<string> outer, IReadOnlyList<string> inner)
    {
        for (var i = 0; i + inner.Count <= outer.Count; i++)
        {
            var all = true;
            for (var j = 0; j < inner.Count && all; j++) all = outer[i + j] == inner[j];
            if (all) return true;
        }
        return false;
    }

    /// <summary>A one-word name of two letters or more that spells the initials of the other name, with or without its particles.</summary>
    private bool IsAcronymOf(IReadOnlyList<string> acronymWords, string other)
    {
        if (acronymWords.Count != 1) return false;
        var acronym = acronymWords[0];
        if (acronym.Length < 2) return false;
        var all = FoldedWords(other).Where(w => !w.EndsWith('\'')).ToList();
        if (all.Count < 2) return false;
        if (Initials(all) == acronym) return true;
        var kept = all.Where(w => !_particles.Contains(w)).ToList();
        return kept.Count >= 2 && Initials(kept) == acronym;
    }

    private static string Initials(IEnumerable<string> words) => string.Concat(words.Select(w => w[0]));
}
