using System.Collections.Concurrent;
using Vigie.Errors;
using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Text.Analysis;
using Vigie.Text;

namespace Vigie.Extraction.Assembly;

/// <summary>What a cue of lang/xx/assembly.tsv says (see the header of that file).</summary>
public enum CueKind
{
    Outcome, Head, Person, Other, One, Gap, Unit, SubcountBefore, SubcountAfter, Revision, SameSource,
    Conflict, Caption, Hedge, GenericAttack, AllOf, List, Elaboration, Since, Definite, Report, AreaFeature, Generic, Division, Demonstrative, Sequel, Habitual,
    Mishap, Crime, Recall,
    /// <summary>A verb saying the people counted before it are among victims already counted ("figurent parmi les victimes", "were among the dead").</summary>
    SubsetOf,
    /// <summary>Beside an event word, says it is no conflict event of the day: an accident, a disaster, a trial, a commemoration, a purchase.</summary>
    NotConflict,
    /// <summary>A death from wounds got in an event told before ("died of his wounds", "succombé à ses blessures", "died in hospital"):
    /// the place of the sentence is where the person died, not where an event happened.</summary>
    LaterDeath,
    /// <summary>Says a toll adds up what came before ("ont déjà fait", "so far", "au total"): a period's toll, not one event's.</summary>
    Cumulative,
    /// <summary>A quantity of many right before an event word ("thousands of air strikes", "des centaines d'attaques"): many events
    /// told as one, no single day's event.</summary>
    ManyEvents,
    /// <summary>A noun of a toll and what it counts ("death toll", "injury toll", "bilan"): the subject of a <see cref="TollReach"/> verb.</summary>
    Toll,
    /// <summary>A verb giving a toll its figure ("rose to", "climbed to", "s'élève à"): the bare number after it is the toll's.</summary>
    TollReach,
    /// <summary>Says what most of the people counted before it are, without a count ("mostly women and children", "dont des femmes et
    /// des enfants"): non-combatants named there make a total of no side civilians.</summary>
    MostlyOf,
    /// <summary>Says the toll right after it was given before a later one ("avait annoncé plus tôt 10 morts", "un précédent bilan de",
    /// "had earlier put the toll at"): an event's fatalities are its latest toll when one is told.</summary>
    EarlierToll,
    /// <summary>Opens a line of links to other articles ("À lire aussi", "Also read"): that line and the headlines listed after it
    /// (lines that end without a full stop) are no news of the article.</summary>
    Related,
    /// <summary>Opens a clause that tells since when the sentence's news has lasted ("since Hamas attacked Israel", "depuis que le
    /// M23 a repris les armes"): an event told in it is where a period starts, background, not the day's news.</summary>
    SinceClause,
    /// <summary>A span of months or years then "after" ("près d'un an après", "two years after"): the event word that follows in its
    /// clause is an event that long before the news, background.</summary>
    LongAfter,
}

/// <summary>One cue: its folded words, kind, and the outcome / victim group it implies.</summary>
public sealed record Cue(string[] Words, CueKind Kind, Outcome? Outcome, VictimGroup? Group, int Line);

/// <summary>
/// The assembly cues of one language, loaded once from lang/xx/assembly.tsv and indexed by the word id of their
/// first folded word, so that matching at a token is one array read. Thread-safe (immutable once built).
/// </summary>
public sealed class AssemblyCues
{
    private static readonly ConcurrentDictionary<string, Lazy<AssemblyCues>> Cache = new();
    private readonly Dictionary<string, Cue[]> _byFirst;
    /// <summary>The cues by the word id (<see cref="Finders.Vocabulary"/>) of their first word: a token's cues are one array read.</summary>
    private readonly Cue[]?[] _byFirstId;
    /// <summary>The word ids of each cue of <see cref="_byFirstId"/>, in the same order: a cue's words are compared by id.</summary>
    private readonly int[][]?[] _wordIdsByFirstId;

    private AssemblyCues(Dictionary<string, Cue[]> byFirst)
    {
        _byFirst = byFirst;
        var ids = byFirst.Keys.ToDictionary(w => w, Finders.Vocabulary.Add);
        _byFirstId = new Cue[]?[ids.Count == 0 ? 0 : ids.Values.Max() + 1];
        _wordIdsByFirstId = new int[][]?[_byFirstId.Length];
        foreach (var (word, cues) in byFirst)
        {
            _byFirstId[ids[word]] = cues;
            _wordIdsByFirstId[ids[word]] = Array.ConvertAll(cues, c => Array.ConvertAll(c.Words, Finders.Vocabulary.Add));
        }
    }

    /// <summary>The cues starting with the word of id <paramref name="id"/> and their words' ids, or null.</summary>
    private Cue[]? CuesOf(int id, out int[][] words)
    {
        if ((uint)id < (uint)_byFirstId.Length && _byFirstId[id] is { } cues)
        {
            words = _wordIdsByFirstId[id]!;
            return cues;
        }
        words = [];
        return null;
    }

    /// <summary>True when the tokens after <paramref name="i"/> are the rest of a cue's words (<paramref name="words"/>, by id).</summary>
    private static bool RestMatches(int[] ids, int i, int[] words)
    {
        for (var k = 1; k < words.Length; k++)
            if (ids[i + k] != words[k]) return false;
        return true;
    }

    /// <summary>The cues for a language; the default pack's when the language has no file.</summary>
    public static AssemblyCues For(string? language)
    {
        var lang = string.IsNullOrEmpty(language) ? Languages.Default : language;
        return Cache.GetOrAdd(lang, l => new Lazy<AssemblyCues>(() => Load(l))).Value;
    }

    private static AssemblyCues Load(string lang)
    {
        var path = Path.Combine(DataPaths.Lang(lang), "assembly.tsv");
        if (!File.Exists(path))
        {
            if (lang == Languages.Default) throw new FileNotFoundException(ErrorCatalogue.DataMissing.Message(path));
            return For(Languages.Default);
        }
        return Parse(Tsv.Load(path));
    }

    public static AssemblyCues Parse(Tsv tsv)
    {
        var list = new Dictionary<string, List<Cue>>();
        foreach (var row in tsv.Rows)
        {
            var text = row["cue"];
            var kindName = row["kind"];
            if (text.Length == 0) continue;
            if (!Enum.TryParse<CueKind>(kindName.Replace("_", ""), ignoreCase: true, out var kind))
                throw new FormatException($"{tsv.Path}:{row.Line}: unknown kind '{kindName}'");
            Outcome? outcome = null;
            if (row.Get("value") is { } v)
            {
                if (!Enum.TryParse<Outcome>(v, ignoreCase: true, out var o))
                    throw new FormatException($"{tsv.Path}:{row.Line}: unknown outcome '{v}'");
                outcome = o;
            }
            VictimGroup? group = null;
            if (row.Get("group") is { } g)
            {
                if (!Enum.TryParse<VictimGroup>(g.Replace("_", ""), ignoreCase: true, out var vg))
                    throw new FormatException($"{tsv.Path}:{row.Line}: unknown group '{g}'");
                group = vg;
            }
            var words = Tokenizer.Tokenize(text).Select(t => t.Folded).ToArray();
            // an elided word on its own ("d'", "l'") is one token in running text ("d'assaillants")
            if (text.Length > 1 && Tokenizer.IsApostrophe(text[^1]) && words.Length >= 2 && words[^1] == "'")
                words = [.. words[..^2], words[^2] + "'"];
            if (words.Length == 0) continue;
            var cue = new Cue(words, kind, outcome, group, row.Line);
            if (!list.TryGetValue(words[0], out var l)) list[words[0]] = l = [];
            l.Add(cue);
        }
        // longest cues first so that "pris en otage" wins over a shorter cue at the same token
        return new AssemblyCues(list.ToDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(c => c.Words.Length).ToArray()));
    }

    /// <summary>The longest cue of one of <paramref name="kinds"/> starting at token <paramref name="i"/>, or null.</summary>
    public Cue? Match(List<Token> tokens, int i, int end, params ReadOnlySpan<CueKind> kinds)
    {
        if (i < 0 || i >= end) return null;
        var ids = Finders.Vocabulary.IdsOf(tokens);
        if (CuesOf(ids[i], out var words) is not { } cues) return null;
        for (var n = 0; n < cues.Length; n++)
        {
            var c = cues[n];
            if (kinds.IndexOf(c.Kind) < 0) continue;
            if (i + c.Words.Length > end) continue;
            if (RestMatches(ids, i, words[n])) return c;
        }
        return null;
    }

    /// <summary>A cue of <paramref name="kinds"/> ending at token <paramref name="last"/> (inclusive), or null.</summary>
    public Cue? MatchEndingAt(List<Token> tokens, int last, int start, out int first, params ReadOnlySpan<CueKind> kinds)
    {
        // the longest cue first ("injury toll rose to" before "toll rose to")
        for (var len = Math.Min(5, last - start + 1); len >= 1; len--)
        {
            var s = last - len + 1;
            var c = Match(tokens, s, last + 1, kinds);
            if (c != null && c.Words.Length == len) { first = s; return c; }
        }
        first = -1;
        return null;
    }

    /// <summary>Every cue of a kind.</summary>
    public IEnumerable<Cue> All(CueKind kind) => _byFirst.Values.SelectMany(c => c).Where(c => c.Kind == kind);

    /// <summary>True when a cue of <paramref name="kind"/> occurs in tokens [start, end).</summary>
    public bool Any(List<Token> tokens, int start, int end, CueKind kind)
    {
        for (var i = start; i < end; i++) if (Match(tokens, i, end, kind) != null) return true;
        return false;
    }

    /// <summary>Cue kinds a sentence mask of <see cref="KindsIn"/> holds (one bit each).</summary>
    public const int MaxKinds = 64;

    /// <summary>The kinds of all cues in tokens [start, end), as a bit set (bit = (int)kind): one look-up per token.</summary>
    public long KindsIn(List<Token> tokens, int start, int end)
    {
        var bits = 0L;
        var ids = Finders.Vocabulary.IdsOf(tokens);
        for (var i = start; i < end; i++)
        {
            if (CuesOf(ids[i], out var words) is not { } cues) continue;
            for (var n = 0; n < cues.Length; n++)
            {
                var c = cues[n];
                if ((bits & (1L << (int)c.Kind)) != 0 || i + c.Words.Length > end) continue;
                if (RestMatches(ids, i, words[n])) bits |= 1L << (int)c.Kind;
            }
        }
        return bits;
    }
}
