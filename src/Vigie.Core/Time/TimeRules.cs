using System.Collections.Concurrent;
using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Text;

namespace Vigie.Time;

/// <summary>What a pattern element matches: a literal token or a calendar slot.</summary>
public enum SlotKind { Literal, Weekday, Month, Day, Year, Num, Unit, Part, MonthNumber, Clock, ShortYear, Nth }

/// <summary>One element of a pattern: literal alternatives ("ces|les") or one slot ("{weekday}"), maybe optional.</summary>
public sealed record PatternElement(SlotKind Slot, string[] Literals, bool Optional);

/// <summary>How a matched expression is turned into dates (the calendar arithmetic lives in <see cref="TimeResolver"/>).</summary>
public enum Resolution
{
    None, Date, DateRange, SinceDate, SinceWeekday, SinceDuration, Duration, LastWeek, ThisWeek, Ago, BeforeRange,
    Offset, Anaphor, Weekday, WeekdayLast, WeekdayNext, Weekend, Since, ConflictStart, ConflictYear, Month, Year,
    LastMonth, LastYear, ThisMonth, ThisYear,
    /// <summary>"the 13 days of violence", "septième jour de": a count of days that ends on publication.</summary>
    DayCount,
    /// <summary>"since the start of a campaign (on July 8)": a period start whose day the next date of the sentence gives.</summary>
    SinceOpen,
    /// <summary>"entre jeudi et vendredi", "between Thursday and Friday": from the first weekday to the second, the second on or
    /// before the publication day.</summary>
    WeekdayRange,
}

/// <summary>Everything a folded word can be for the time matcher, found with one lookup.</summary>
public sealed class WordInfo
{
    public TimeRule[] Rules { get; set; } = [];
    public int Weekday { get; set; }
    public int WeekdayAbbreviation { get; set; }
    public int Month { get; set; }
    public int MonthAbbreviation { get; set; }
    public int Unit { get; set; }
    public bool IsUnit { get; set; }
    public bool IsPart { get; set; }
    public int One { get; set; }
    public int DayWord { get; set; }
    /// <summary>The number of an ordinal word ("septième" 7), 0 when none.</summary>
    public int Nth { get; set; }
    /// <summary>The required literal elements of the rules this word satisfies (ids of <see cref="TimeRules"/>).</summary>
    public List<int> ElementIds { get; } = [];
}

/// <summary>One row of lang/xx/time.tsv.</summary>
public sealed record TimeRule(string Name, PatternElement[] Elements, Resolution Resolve, string Arg, TimeKind Kind, bool Background, int Order);

/// <summary>
/// The compiled time rules of a language: the patterns of lang/&lt;code&gt;/time.tsv indexed by what their
/// first token can be, and the calendar words of time-words.tsv. Loaded once per language, thread-safe.
/// </summary>
public sealed class TimeRules
{
    private static readonly ConcurrentDictionary<string, TimeRules> Cache = new(StringComparer.Ordinal);

    public TimeWords Words { get; }
    public IReadOnlyList<TimeRule> Rules { get; }
    private readonly Dictionary<string, TimeRule[]> _byLiteral;
    private readonly Dictionary<string, WordInfo> _info;
    private readonly int[][] _requiredElements;
    private readonly int[] _requiredSlots;

    /// <summary>How many required literal elements the rules have (size of the "seen" array of <see cref="Enabled"/>).</summary>
    public int ElementCount { get; }
    private readonly Dictionary<SlotKind, TimeRule[]> _bySlot;

    public TimeRules(TimeWords words, IReadOnlyList<TimeRule> rules)
    {
        Words = words;
        Rules = rules;
        var byLiteral = new Dictionary<string, List<TimeRule>>(StringComparer.Ordinal);
        var bySlot = new Dictionary<SlotKind, List<TimeRule>>();
        foreach (var r in rules)
        {
            foreach (var e in r.Elements)
            {
                if (e.Slot == SlotKind.Literal)
                    foreach (var l in e.Literals) { if (!byLiteral.TryGetValue(l, out var list)) byLiteral[l] = list = []; if (!list.Contains(r)) list.Add(r); }
                else { if (!bySlot.TryGetValue(e.Slot, out var list)) bySlot[e.Slot] = list = []; if (!list.Contains(r)) list.Add(r); }
                if (!e.Optional) break;
            }
        }
        _byLiteral = byLiteral.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _bySlot = bySlot.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

        // one lookup per token: everything a folded word can be for the matcher
        _info = new Dictionary<string, WordInfo>(StringComparer.Ordinal);
        WordInfo Get(string f) => _info.TryGetValue(f, out var wi) ? wi : _info[f] = new WordInfo();
        foreach (var (f, r) in _byLiteral) Get(f).Rules = r;
        foreach (var (f, v) in words.Weekdays) Get(f).Weekday = v;
        foreach (var (f, v) in words.WeekdayAbbreviations) Get(f).WeekdayAbbreviation = v;
        foreach (var (f, v) in words.Months) Get(f).Month = v;
        foreach (var (f, v) in words.MonthAbbreviations) Get(f).MonthAbbreviation = v;
        foreach (var (f, v) in words.Units) { Get(f).Unit = v; Get(f).IsUnit = true; }
        foreach (var f in words.Parts) Get(f).IsPart = true;
        foreach (var (f, v) in words.Ones) Get(f).One = v;
        foreach (var (f, v) in words.DayWords) Get(f).DayWord = v;
        foreach (var (f, v) in words.NthWords) Get(f).Nth = v;

        // what each rule needs somewhere in a text, so that a text lacking it never tries the rule
        _requiredElements = new int[rules.Count][];
        _requiredSlots = new int[rules.Count];
        var id = 0;
        foreach (var r in rules)
        {
            var ids = new List<int>();
            foreach (var e in r.Elements)
            {
                if (e.Optional) continue;
                if (e.Slot == SlotKind.Literal)
                {
                    foreach (var l in e.Literals) Get(l).ElementIds.Add(id);
                    ids.Add(id++);
                }
                else _requiredSlots[r.Order] |= 1 << (int)e.Slot;
            }
            _requiredElements[r.Order] = ids.ToArray();
        }
        ElementCount = id;

        // the same by the word's vocabulary id, for the matcher's one array read per token
        var byId = new List<(int Id, WordInfo Info)>(_info.Count);
        var max = 0;
        foreach (var (f, wi) in _info) { var wid = WordIds.Add(f); byId.Add((wid, wi)); max = Math.Max(max, wid); }
        _infoById = new WordInfo?[max + 1];
        foreach (var (wid, wi) in byId) _infoById[wid] = wi;
    }

    private readonly WordInfo?[] _infoById;

    /// <summary>What the word of vocabulary id <paramref name="id"/> can be in a pattern (null when nothing); the same as <see cref="Info"/> of that word.</summary>
    public WordInfo? InfoOf(int id) => (uint)id < (uint)_infoById.Length ? _infoById[id] : null;

    /// <summary>Which rules can match in a text, given the literal elements (<paramref name="seen"/>) and slots (bit mask) it has.</summary>
    public bool[] Enabled(bool[] seen, int slots)
    {
        var enabled = new bool[Rules.Count];
        for (var r = 0; r < enabled.Length; r++)
        {
            if ((_requiredSlots[r] & ~slots) != 0) continue;
            var ok = true;
            foreach (var e in _requiredElements[r]) if (!seen[e]) { ok = false; break; }
            enabled[r] = ok;
        }
        return enabled;
    }

    /// <summary>What a folded word can be in a pattern (null when nothing).</summary>
    public WordInfo? Info(string folded) => _info.TryGetValue(folded, out var w) ? w : null;

    public static TimeRules For(string? language) =>
        Cache.GetOrAdd(string.IsNullOrEmpty(language) ? Languages.Default : language, static lang =>
        {
            var words = TimeWords.For(lang);
            var path = Path.Combine(DataPaths.Lang(lang), "time.tsv");
            return new TimeRules(words, File.Exists(path) ? Load(Tsv.Load(path)) : []);
        });

    /// <summary>Rules that can start with a slot.</summary>
    public TimeRule[] StartingWith(SlotKind slot) => _bySlot.TryGetValue(slot, out var r) ? r : [];

    public static List<TimeRule> Load(Tsv tsv)
    {
        var rules = new List<TimeRule>();
        foreach (var row in tsv.Rows)
        {
            var where = $"{tsv.Path}:{row.Line}";
            var elements = ParsePattern(row["pattern"], where);
            var resolve = ParseResolution(row["resolve"], where);
            var kindText = row.Get("kind") ?? "Point";
            if (!Enum.TryParse<TimeKind>(kindText, ignoreCase: true, out var kind))
                throw new FormatException($"{where}: kind '{kindText}' is not one of {string.Join(", ", Enum.GetNames<TimeKind>())}");
            var bg = row.Get("background") is "yes" or "true" or "1";
            rules.Add(new TimeRule(row["name"], elements, resolve, row.Get("arg") ?? "", kind, bg, rules.Count));
        }
        return rules;
    }

    public static PatternElement[] ParsePattern(string pattern, string where)
    {
        var elements = new List<PatternElement>();
        foreach (var raw in pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var optional = raw.Length > 1 && raw.EndsWith('?');
            var body = optional ? raw[..^1] : raw;
            if (body.StartsWith('{'))
            {
                var slot = body switch
                {
                    "{weekday}" => SlotKind.Weekday,
                    "{month}" => SlotKind.Month,
                    "{day}" => SlotKind.Day,
                    "{year}" => SlotKind.Year,
                    "{num}" => SlotKind.Num,
                    "{unit}" => SlotKind.Unit,
                    "{part}" => SlotKind.Part,
                    "{mm}" => SlotKind.MonthNumber,
                    "{clock}" => SlotKind.Clock,
                    "{yy}" => SlotKind.ShortYear,
                    "{nth}" => SlotKind.Nth,
                    _ => throw new FormatException($"{where}: unknown slot '{body}' (slots: {{weekday}} {{month}} {{day}} {{year}} {{num}} {{unit}} {{part}} {{mm}} {{clock}} {{yy}} {{nth}})"),
                };
                elements.Add(new PatternElement(slot, [], optional));
            }
            // "¦" stands for the vertical bar itself, which separates the alternatives ("10-06-2017 | 04h16")
            else elements.Add(new PatternElement(SlotKind.Literal, body.Split('|').Select(a => a == "¦" ? "|" : Fold.String(a)).ToArray(), optional));
        }
        if (elements.Count == 0) throw new FormatException($"{where}: empty pattern");
        return elements.ToArray();
    }

    private static Resolution ParseResolution(string s, string where)
    {
        var name = s.Replace("_", "");
        return Enum.TryParse<Resolution>(name, ignoreCase: true, out var r) ? r
            : throw new FormatException($"{where}: resolve '{s}' is unknown (see docs/LEXICONS.md)");
    }
}
