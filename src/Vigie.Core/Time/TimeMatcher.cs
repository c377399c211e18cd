using Vigie.Extraction;
using Vigie.Model;
using Vigie.Text;

namespace Vigie.Time;

/// <summary>Matches the patterns of <see cref="TimeRules"/> over a token list, longest match first, left to right.</summary>
public sealed class TimeMatcher(string text, IReadOnlyList<Token> tokens, TimeRules rules, IReadOnlyList<NumberMention> numbers)
{
    private readonly TimeWords _w = rules.Words;
    private readonly Dictionary<int, NumberMention> _numberAt = BuildNumberIndex(numbers);

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
        var i = 0;
        while (i < tokens.Count)
        {
            candidates.Clear();
            Collect(i, candidates);
            TimeExpression? best = null;
            foreach (var rule in candidates)
            {
                var cap = new Capture();
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
        void Add(TimeRule[] rs) { foreach (var r in rs) if (!into.Contains(r)) into.Add(r); }
        var t = tokens[i];
        Add(rules.StartingWith(t.Folded));
        if (IsWeekday(i)) Add(rules.StartingWith(SlotKind.Weekday));
        if (_w.TryMonth(t.Folded, true, out _)) Add(rules.StartingWith(SlotKind.Month));
        if (_w.DayOf(t) > 0) Add(rules.StartingWith(SlotKind.Day));
        if (TimeWords.YearOf(t) > 0) Add(rules.StartingWith(SlotKind.Year));
        if (_numberAt.ContainsKey(t.Start) || _w.Ones.ContainsKey(t.Folded)) Add(rules.StartingWith(SlotKind.Num));
    }

    private bool IsWeekday(int i)
    {
        if (!_w.Weekdays.ContainsKey(tokens[i].Folded)) return false;
        if (!_w.WeekdaysLowercase || !char.IsUpper(text[tokens[i].Start])) return true;
        // a capitalised weekday opens a sentence or a line, or follows punctuation; elsewhere it is part of a name
        if (i == 0) return true;
        var prev = tokens[i - 1];
        if (prev.Kind == TokenKind.Punct && prev.Folded is "." or "!" or "?" or ":" or "(" or "\"" or "«" or "-" or "," or ";") return true;
        return text.AsSpan(prev.End, tokens[i].Start - prev.End).Contains('\n');
    }

    private sealed class Capture
    {
        public readonly List<(SlotKind Slot, long Value)> Values = [];
        public readonly List<string> Literals = [];

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
                cap.Values.Add((SlotKind.Weekday, _w.Weekdays[tok.Folded]));
                next = t + 1;
                return true;
            case SlotKind.Month:
            {
                var afterDay = t > 0 && _w.DayOf(tokens[t - 1]) > 0;
                if (!_w.TryMonth(tok.Folded, afterDay, out var m)) return false;
                cap.Values.Add((SlotKind.Month, m));
                next = t + 1;
                // "12 sept." : the abbreviation's period
                if (!_w.Months.ContainsKey(tok.Folded) && next < tokens.Count && tokens[next].Folded == "." && tokens[next].Start == tok.End) next++;
                return true;
            }
            case SlotKind.Day:
            {
                var d = _w.DayOf(tok);
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
                if (_w.Ones.TryGetValue(tok.Folded, out var one))
                {
                    cap.Values.Add((SlotKind.Num, one));
                    next = t + 1;
                    return true;
                }
                return false;
            case SlotKind.Unit:
                if (!_w.Units.TryGetValue(tok.Folded, out var unit)) return false;
                cap.Values.Add((SlotKind.Unit, unit));
                next = t + 1;
                return true;
            case SlotKind.Part:
                if (!_w.Parts.Contains(tok.Folded)) return false;
                next = t + 1;
                return true;
        }
        return false;
    }
}
