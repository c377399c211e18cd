using Vigie.Model;
using Vigie.Text;

namespace Vigie.Time;

/// <summary>Matches the patterns of <see cref="TimeRules"/> over a token list, longest match first, left to right.</summary>
public sealed class TimeMatcher(string text, List<Token> tokens, TimeRules rules, IReadOnlyList<NumberMention> numbers)
{
    private readonly TimeWords _w = rules.Words;
    private readonly Dictionary<int, NumberMention> _numberAt = BuildNumberIndex(numbers);
    private readonly WordInfo?[] _info = Infos(tokens, rules);
    private readonly int[] _day = Days(tokens, rules.Words);
    private bool[]? _enabled;

    /// <summary>The rules whose required words and slots all occur somewhere in the text.</summary>
    private bool[] EnabledRules()
    {
        var seen = new bool[rules.ElementCount];
        var slots = 0;
        if (_numberAt.Count > 0) slots |= 1 << (int)SlotKind.Num;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (_day[i] != 0) slots |= 1 << (int)SlotKind.Day | 1 << (int)SlotKind.MonthNumber | 1 << (int)SlotKind.ShortYear | 1 << (int)SlotKind.Clock;
            if (NthAt(i) != 0) slots |= 1 << (int)SlotKind.Nth;
            if (tokens[i].Kind == TokenKind.Number && TimeWords.YearOf(tokens[i]) != 0) slots |= 1 << (int)SlotKind.Year;
            if (_info[i] is not { } w) continue;
            foreach (var e in w.ElementIds) seen[e] = true;
            if ((w.Weekday != 0 || w.WeekdayAbbreviation != 0) && IsWeekday(i)) slots |= 1 << (int)SlotKind.Weekday;
            if (w.Month != 0 || w.MonthAbbreviation != 0) slots |= 1 << (int)SlotKind.Month;
            if (w.DayWord != 0) slots |= 1 << (int)SlotKind.Day;
            if (w.IsUnit) slots |= 1 << (int)SlotKind.Unit;
            if (w.IsPart) slots |= 1 << (int)SlotKind.Part;
            if (w.One != 0) slots |= 1 << (int)SlotKind.Num;
        }
        return rules.Enabled(seen, slots);
    }

    private static WordInfo?[] Infos(List<Token> tokens, TimeRules rules)
    {
        var a = new WordInfo?[tokens.Count];
        var ids = WordIds.IdsOf(tokens);
        for (var i = 0; i < a.Length; i++) if (tokens[i].Kind != TokenKind.Number) a[i] = rules.InfoOf(ids[i]);
        return a;
    }

    private static int[] Days(List<Token> tokens, TimeWords w)
    {
        var a = new int[tokens.Count];
        for (var i = 0; i < a.Length; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Number || (t.Folded.Length > 0 && char.IsAsciiDigit(t.Folded[0]))) a[i] = w.DayOf(t);
        }
        return a;
    }

    private int DayAt(int i) => _day[i] != 0 ? _day[i] : _info[i]?.DayWord ?? 0;

    /// <summary>An ordinal: a word ("septième", "seventh") or digits with an ordinal suffix ("7e", "13th"); 0 otherwise.</summary>
    private int NthAt(int i) => _info[i] is { Nth: > 0 } w ? w.Nth : tokens[i].Kind == TokenKind.Word ? _day[i] : 0;

    /// <summary>
    /// A clock time from token <paramref name="t"/>: "13:40", "10.30", "08h15", "8h" (the parts glued together); the
    /// index after it, or -1.
    /// </summary>
    private int ClockEnd(int t)
    {
        var tok = tokens[t];
        bool Glued(int k) => k < tokens.Count && tokens[k].Start == tokens[k - 1].End;
        bool Minutes(int k) => Glued(k) && tokens[k].Kind == TokenKind.Number && tokens[k].Folded.Length == 2 && tokens[k].Folded[0] <= '5';
        var f = tok.Folded;
        if (tok.Kind == TokenKind.Number && f.Length <= 2 && int.TryParse(f, out var h) && h <= 23)
            return Glued(t + 1) && tokens[t + 1].Folded is ":" or "." && Minutes(t + 2) ? t + 3 : -1;
        // "08h15" is two tokens ("08h", "15"); "8h" one
        if (tok.Kind == TokenKind.Word && f.Length is 2 or 3 && f[^1] == 'h' && int.TryParse(f.AsSpan(0, f.Length - 1), out var hh) && hh <= 23)
            return Minutes(t + 1) ? t + 2 : t + 1;
        return -1;
    }

    private int MonthAt(int i, bool allowAbbreviation) =>
        _info[i] is { } w ? (w.Month != 0 ? w.Month : allowAbbreviation ? w.MonthAbbreviation : 0) : 0;

    private static Dictionary<int, NumberMention> BuildNumberIndex(IReadOnlyList<NumberMention> numbers)
    {
        var d = new Dictionary<int, NumberMention>();
        foreach (var m in numbers) if (!m.Vague && m.Value is not null) d.TryAdd(m.Span.Start, m);
        return d;
    }

    public List<TimeExpression> MatchAll()
    {
        var found = new List<TimeExpression>();
        var candidates = new List<TimeRule>(8);
        var cap = new Capture();
        var i = 0;
        while (i < tokens.Count)
        {
            candidates.Clear();
            Collect(i, candidates);
            TimeExpression? best = null;
            foreach (var rule in candidates)
            {
                cap.Clear();
                if (!Match(rule.Elements, 0, i, cap, out var end) || end <= i) continue;
                if (best == null || end > best.EndToken || (end == best.EndToken && rule.Order < best.Rule.Order))
                    best = cap.ToExpression(rule, new TextSpan(tokens[i].Start, tokens[end - 1].End), i, end);
            }
            if (best == null) { i++; continue; }
            if (best.Rule.Resolve != Resolution.None) found.Add(best);
            i = best.EndToken;
        }
        return found;
    }

    private void Collect(int i, List<TimeRule> into)
    {
        var enabled = _enabled ??= EnabledRules();
        void Add(TimeRule[] rs) { foreach (var r in rs) if (enabled[r.Order] && !into.Contains(r)) into.Add(r); }
        var t = tokens[i];
        var info = _info[i];
        if (info != null)
        {
            Add(info.Rules);
            if (IsWeekday(i)) Add(rules.StartingWith(SlotKind.Weekday));
            if (MonthAt(i, true) != 0) Add(rules.StartingWith(SlotKind.Month));
            if (info.One != 0) Add(rules.StartingWith(SlotKind.Num));
        }
        if (t.Kind == TokenKind.Number)
        {
            if (TimeWords.YearOf(t) > 0) Add(rules.StartingWith(SlotKind.Year));
            if (_numberAt.ContainsKey(t.Start)) Add(rules.StartingWith(SlotKind.Num));
        }
        else if (t.Kind == TokenKind.Word && _numberAt.ContainsKey(t.Start)) Add(rules.StartingWith(SlotKind.Num));
        if (DayAt(i) > 0) Add(rules.StartingWith(SlotKind.Day));
        if (NthAt(i) > 0) Add(rules.StartingWith(SlotKind.Nth));
    }

    /// <summary>The ISO weekday of token <paramref name="i"/>, by its name or, before a day number, by its abbreviation.</summary>
    private int WeekdayAt(int i) => _info[i] is { } w ? (w.Weekday != 0 ? w.Weekday : w.WeekdayAbbreviation) : 0;

    private bool IsWeekday(int i)
    {
        // "Wed, 08-11-2023": an abbreviation is a weekday only right before a day number, a comma or a dot between
        if (_info[i] is { Weekday: 0, WeekdayAbbreviation: > 0 })
        {
            var k = i + 1;
            while (k < tokens.Count && tokens[k].Folded is "," or ".") k++;
            return k < tokens.Count && k - i <= 3 && DayAt(k) > 0;
        }
        if (_info[i] is not { Weekday: > 0 }) return false;
        if (!_w.WeekdaysLowercase || !char.IsUpper(text[tokens[i].Start])) return true;
        // a capitalised weekday opens a sentence or a line, or follows punctuation; elsewhere it is part of a name
        if (i == 0) return true;
        // "Publié le Mercredi 28 juillet 2021": a weekday before a day number is a weekday
        if (i + 1 < tokens.Count && DayAt(i + 1) > 0) return true;
        var prev = tokens[i - 1];
        if (prev.Kind == TokenKind.Punct && prev.Folded is "." or "!" or "?" or ":" or "(" or "\"" or "«" or "-" or "," or ";") return true;
        return text.AsSpan(prev.End, tokens[i].Start - prev.End).Contains('\n');
    }

    private sealed class Capture
    {
        public readonly List<(SlotKind Slot, long Value)> Values = [];
        public readonly List<string> Literals = [];

        public void Clear() { Values.Clear(); Literals.Clear(); }

        public TimeExpression ToExpression(TimeRule rule, TextSpan span, int first, int end)
        {
            var e = new TimeExpression { Rule = rule, Span = span, FirstToken = first, EndToken = end };
            foreach (var (slot, v) in Values)
            {
                switch (slot)
                {
                    case SlotKind.Weekday: e.Weekdays.Add((int)v); break;
                    case SlotKind.Day: e.Days.Add((int)v); break;
                    case SlotKind.Month: e.Months.Add((int)v); break;
                    case SlotKind.Year: e.Years.Add((int)v); break;
                    case SlotKind.Nth: e.Numbers.Add(v); break;
                    case SlotKind.Clock: e.HasClock = true; break;
                    case SlotKind.Num: e.Numbers.Add(v); break;
                    case SlotKind.Unit: e.Units.Add((int)v); break;
                }
            }
            e.Literals.AddRange(Literals);
            return e;
        }
    }

    /// <summary>Matches elements[e..] from token t; optional elements are tried present first (longest match).</summary>
    private bool Match(PatternElement[] elements, int e, int t, Capture cap, out int end)
    {
        end = t;
        if (e == elements.Length) return true;
        var el = elements[e];
        var mark = cap.Values.Count;
        var litMark = cap.Literals.Count;
        if (MatchOne(el, t, cap, out var next) && Match(elements, e + 1, next, cap, out end)) return true;
        cap.Values.RemoveRange(mark, cap.Values.Count - mark);
        cap.Literals.RemoveRange(litMark, cap.Literals.Count - litMark);
        return el.Optional && Match(elements, e + 1, t, cap, out end);
    }

    private bool MatchOne(PatternElement el, int t, Capture cap, out int next)
    {
        next = t;
        if (t >= tokens.Count) return false;
        var tok = tokens[t];
        switch (el.Slot)
        {
            case SlotKind.Literal:
                foreach (var l in el.Literals)
                    if (tok.Folded == l) { cap.Literals.Add(l); next = t + 1; return true; }
                return false;
            case SlotKind.Weekday:
                if (!IsWeekday(t)) return false;
                cap.Values.Add((SlotKind.Weekday, WeekdayAt(t)));
                next = t + 1;
                return true;
            case SlotKind.Month:
            {
                // an abbreviation ("sept", "Jan") is a month only next to a day number ("12 sept", "Sept 12")
                var nextToDay = (t > 0 && DayAt(t - 1) > 0) || (t + 1 < tokens.Count && tokens[t + 1].Kind == TokenKind.Number && DayAt(t + 1) > 0)
                                || (t + 2 < tokens.Count && tokens[t + 1].Folded == "." && tokens[t + 2].Kind == TokenKind.Number && DayAt(t + 2) > 0);
                var m = MonthAt(t, nextToDay);
                if (m == 0) return false;
                cap.Values.Add((SlotKind.Month, m));
                next = t + 1;
                // "12 sept." : the abbreviation's period
                if (_info[t]!.Month == 0 && next < tokens.Count && tokens[next].Folded == "." && tokens[next].Start == tok.End) next++;
                return true;
            }
            case SlotKind.Day:
            {
                var d = DayAt(t);
                if (d == 0) return false;
                cap.Values.Add((SlotKind.Day, d));
                next = t + 1;
                return true;
            }
            case SlotKind.Year:
            {
                var y = TimeWords.YearOf(tok);
                if (y == 0) return false;
                cap.Values.Add((SlotKind.Year, y));
                next = t + 1;
                return true;
            }
            case SlotKind.Num:
                if (_numberAt.TryGetValue(tok.Start, out var num))
                {
                    var k = t;
                    while (k < tokens.Count && tokens[k].End <= num.Span.End) k++;
                    cap.Values.Add((SlotKind.Num, num.Value!.Value));
                    next = k;
                    return true;
                }
                if (_info[t] is { One: > 0 } oneWord)
                {
                    cap.Values.Add((SlotKind.Num, oneWord.One));
                    next = t + 1;
                    return true;
                }
                return false;
            case SlotKind.Unit:
                if (_info[t] is not { IsUnit: true } unitWord) return false;
                cap.Values.Add((SlotKind.Unit, unitWord.Unit));
                next = t + 1;
                return true;
            case SlotKind.MonthNumber:
            {
                // "05" in "27/05/2019" or "2019-05-27": two digits glued between separators
                if (tok.Kind != TokenKind.Number || tok.Folded.Length > 2 || !int.TryParse(tok.Folded, out var mm) || mm is < 1 or > 12) return false;
                cap.Values.Add((SlotKind.Month, mm));
                next = t + 1;
                return true;
            }
            case SlotKind.Part:
                if (_info[t] is not { IsPart: true }) return false;
                next = t + 1;
                return true;
            case SlotKind.Clock:
            {
                var end = ClockEnd(t);
                if (end < 0) return false;
                cap.Values.Add((SlotKind.Clock, 0));
                next = end;
                return true;
            }
            case SlotKind.ShortYear:
            {
                // "25-08-22": a two-digit year, read in this century
                if (tok.Kind != TokenKind.Number || tok.Folded.Length != 2 || !int.TryParse(tok.Folded, out var yy)) return false;
                cap.Values.Add((SlotKind.Year, 2000 + yy));
                next = t + 1;
                return true;
            }
            case SlotKind.Nth:
            {
                var n = NthAt(t);
                if (n == 0) return false;
                cap.Values.Add((SlotKind.Nth, n));
                next = t + 1;
                return true;
            }
        }
        return false;
    }
}
