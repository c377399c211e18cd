using Vigie.Model;

namespace Vigie.Time;

/// <summary>
/// Pins the publication day when the input gives only a month or a year, by intersecting the days
/// each clue of the text allows:
/// <list type="bullet">
/// <item>the page's own date: its publication line ("Publié le 3 mars 2019"), else its update line ("Mis à jour le …"),
/// a time stamp ("09/11/2020 à 13:40"), a dateline ("GONDAR, Ethiopie, 9 novembre (Reuters) -", "29 septembre 2017"),
/// and, when none of these is there, a day in a web address of the text ("/2019/03/04/");</item>
/// <item>a period start and its length: "depuis le 19 avril" with "depuis huit jours", "since … July 8" with "the 13 days of
/// violence", "depuis le 10 mai" with "septième jour": the last day of the period or the day after, as writers count
/// either way;</item>
/// <item>"la semaine dernière" with explicit dates all in one calendar week gives the week after it;</item>
/// <item>"depuis le D" alone only says the day is not before D.</item>
/// </list>
/// Weekdays named as the news ("vendredi", "ce dimanche") cannot pin a day alone (every week has one); when the clues
/// leave several days, the one that makes the named weekdays most recent wins, and only if one of them names that
/// very day. The day is given only when one day results; otherwise a note says why.
/// </summary>
public static class PublicationDayInference
{
    public sealed record Result(DateOnly? Day, List<TextSpan> Evidence, string Reason);

    private sealed record Clue(HashSet<DateOnly> Days, List<TextSpan> Spans, string Why);

    public static Result Infer(PartialDate published, IReadOnlyList<TimeExpression> expressions) => Infer(published, expressions, []);

    public static Result Infer(PartialDate published, IReadOnlyList<TimeExpression> expressions, IReadOnlyList<(DateOnly Day, TextSpan Span)> urlDays)
    {
        var first = published.First;
        var last = published.Last;
        var resolver = new TimeResolver(null, published);
        var clues = new List<Clue>();
        DateOnly? notBefore = null;

        DateOnly? Dated(TimeExpression x) => DateOf(resolver, x, first, last);
        bool InMonth(DateOnly d) => d >= first && d <= last;

        // the page's own date, in its layouts: the publication line wins over the update line; a line dated outside the input's
        // month is another day's (an update weeks later: "22/04/2015 11:41 EDT | Actualisé 22/06/2015")
        TimeExpression? FirstOf(DatelineKind k) => expressions.FirstOrDefault(x => x.Dateline == k && Dated(x) is { } d && WeekdayAgrees(x, d) && InMonth(d));
        var pageLine = FirstOf(DatelineKind.Published) ?? FirstOf(DatelineKind.Updated);
        if (pageLine != null) clues.Add(Single(Dated(pageLine)!.Value, pageLine.Span, pageLine.Dateline == DatelineKind.Published ? "publication line" : "update line"));
        foreach (var kind in new[] { DatelineKind.Stamp, DatelineKind.Layout })
            if (FirstOf(kind) is { } line) clues.Add(Single(Dated(line)!.Value, line.Span, kind == DatelineKind.Stamp ? "time stamp" : "dateline"));
        if (clues.Count == 0 && expressions.Any(x => x.Dateline != DatelineKind.None && Dated(x) is { } d && !InMonth(d)))
            return new Result(null, [], $"the page's dates are outside {published}; dates keep its precision");

        // "ce jeudi 14 mars", "publié ce 25 mars": a date the writer calls this one is the day of writing or a day of its week;
        // its weekday counts as one named as the news
        var current = expressions.Where(x => x.Rule.Resolve == Resolution.Date && x.Rule.Arg == "current" && x.Dateline == DatelineKind.None)
            .Select(x => (x, d: Dated(x))).Where(p => p.d is { } d && InMonth(d) && WeekdayAgrees(p.x, d)).ToList();
        foreach (var (x, d) in current)
            clues.Add(new Clue(Enumerable.Range(0, 7).Select(k => d!.Value.AddDays(k)).ToHashSet(), [x.Span], $"a date called this one '{d:yyyy-MM-dd}'"));
        if (clues.Count == 0 && urlDays.Count > 0)
        {
            var distinct = urlDays.Select(u => u.Day).Distinct().ToList();
            clues.Add(new Clue(distinct.Count == 1 ? [distinct[0]] : [], urlDays.Select(u => u.Span).ToList(),
                distinct.Count == 1 ? $"web address '{distinct[0]:yyyy-MM-dd}'" : "web addresses with different days"));
        }

        // a period start plus its length: "depuis le 19 avril" + "depuis huit jours", "since … July 8" + "the 13 days of violence"
        var starts = expressions.Where(x => x.Rule.Resolve is Resolution.SinceDate or Resolution.SinceOpen)
            .Select(x => (x, d: DateOf(resolver, x))).Where(p => p.d != null).ToList();
        var lengths = new List<(TimeExpression X, int Days)>();
        foreach (var x in expressions)
        {
            if (x.Rule.Resolve == Resolution.SinceDuration && x.Numbers.Count > 0 && x.Units.Count > 0 && x.Units[0] is 1 or 7)
                lengths.Add((x, (int)(x.Numbers[0] * x.Units[0])));
            else if (x.Rule.Resolve == Resolution.DayCount && x.Numbers.Count > 0 && x.Numbers[0] is > 0 and <= 366)
                lengths.Add((x, (int)x.Numbers[0]));
        }
        if (starts.Count > 0 && lengths.Count > 0)
        {
            // the length counts the days since the start (19 + 8 = 27) or the days of the period, both ends in (8 … 20 = 13)
            HashSet<DateOnly>? days = null;
            var agree = true;
            var spans = new List<TextSpan>();
            foreach (var (s, d) in starts)
                foreach (var (u, n) in lengths)
                {
                    var pair = new HashSet<DateOnly> { d!.Value.AddDays(n - 1), d.Value.AddDays(n) };
                    if (days == null) days = pair;
                    else if (!days.SetEquals(pair)) agree = false;
                    spans.Add(s.Linked?.Span ?? s.Span); spans.Add(u.Span);
                }
            clues.Add(new Clue(agree ? days! : [], spans, agree ? "a period start plus its length" : "period starts and lengths that disagree"));
        }
        foreach (var (_, d) in starts)
            if (notBefore is null || d > notBefore) notBefore = d;

        // "la semaine dernière" + the explicit dates of the text, all in one week
        var lastWeek = expressions.FirstOrDefault(x => x.Rule.Resolve == Resolution.LastWeek && x.Rule.Arg.Length == 0);
        if (lastWeek != null)
        {
            var dated = expressions.Where(x => x.Rule.Resolve == Resolution.Date && !x.IsDateline && x.Years.Count == 0)
                .Select(x => (x, d: DateOf(resolver, x))).Where(p => p.d != null).ToList();
            static DateOnly MondayOf(DateOnly d) => d.AddDays(-(TimeResolver.IsoDay(d) - 1));
            if (dated.Count > 0 && dated.Select(p => MondayOf(p.d!.Value)).Distinct().Count() == 1)
            {
                var nextMonday = MondayOf(dated[0].d!.Value).AddDays(7);
                var week = Enumerable.Range(0, 7).Select(k => nextMonday.AddDays(k)).ToHashSet();
                clues.Add(new Clue(week, [lastWeek.Span, .. dated.Select(p => p.x.Span)], "the dates of the text are in the week it calls last week"));
            }
        }

        if (clues.Count == 0)
            return new Result(null, [], $"the text has no dateline nor dated clue that pins the day; dates keep the precision of {published}");

        var candidates = new HashSet<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1)) candidates.Add(d);
        foreach (var c in clues) candidates.IntersectWith(c.Days);
        if (notBefore is { } nb) candidates.RemoveWhere(d => d < nb);
        if (candidates.Count == 0)
            return new Result(null, [], $"the clues of the text disagree ({string.Join("; ", clues.Select(c => c.Why))}); dates keep the precision of {published}");

        // weekdays named in the text: prefer the day that makes them most recent
        var weekdays = new List<(int Weekday, int MinBack, TextSpan Span)>();
        foreach (var e in expressions)
        {
            if (e.Rule.Resolve is not (Resolution.Weekday or Resolution.WeekdayLast) || e.Weekdays.Count == 0) continue;
            var minBack = e.Rule.Resolve == Resolution.WeekdayLast ? 1 : 0;
            if (!weekdays.Any(w => w.Weekday == e.Weekdays[0] && w.MinBack == minBack)) weekdays.Add((e.Weekdays[0], minBack, e.Span));
        }
        foreach (var (x, d) in current)
            if (!weekdays.Any(w => w.Weekday == TimeResolver.IsoDay(d!.Value) && w.MinBack == 0)) weekdays.Add((TimeResolver.IsoDay(d!.Value), 0, x.Span));
        var usedWeekdays = false;
        if (candidates.Count > 1)
        {
            int Cost(DateOnly d) => weekdays.Sum(w => d.DayNumber - TimeResolver.WeekdayOnOrBefore(d, w.Weekday, w.MinBack).DayNumber);
            var best = candidates.Min(Cost);
            var winners = candidates.Where(d => Cost(d) == best).OrderBy(d => d).ToList();
            // the weekdays pick a day only when one of them is that day ("vendredi" on the Friday), never by distance alone
            if (winners.Count != 1 || !weekdays.Any(w => w.MinBack == 0 && TimeResolver.IsoDay(winners[0]) == w.Weekday))
                return new Result(null, [], $"the clues of the text leave {candidates.Count} possible days ({string.Join(", ", candidates.Order().Select(w => w.ToString("yyyy-MM-dd")))}); dates keep the precision of {published}");
            candidates = [winners[0]];
            usedWeekdays = true;
        }

        var day = candidates.Single();
        // the clues, the weekdays named, and the explicit dates of the text that fall on that day ("dimanche 16 mai")
        var same = expressions.Where(x => x.Rule.Resolve == Resolution.Date && DateOf(resolver, x) == day).Select(x => x.Span);
        var evidence = clues.SelectMany(c => c.Spans).Concat(weekdays.Select(w => w.Span)).Concat(same)
            .Distinct().OrderBy(s => s).ToList();
        return new Result(day, evidence, string.Join("; ", clues.Select(c => c.Why)) + (usedWeekdays ? "; named weekdays" : ""));
    }

    private static Clue Single(DateOnly d, TextSpan span, string what) => new([d], [span], $"{what} '{d:yyyy-MM-dd}'");

    /// <summary>A weekday written with the date must be that date's ("mardi 10/06/2025" is a Tuesday).</summary>
    private static bool WeekdayAgrees(TimeExpression e, DateOnly d) => e.Weekdays.Count == 0 || e.Weekdays[0] == TimeResolver.IsoDay(d);

    /// <summary>The day a stamp or a dateline writes, in the order its weekday agrees with ("Fri, 08-11-2023" is 11 August).</summary>
    private static DateOnly? DateOf(TimeResolver resolver, TimeExpression e) => resolver.WrittenDay(e, past: true);

    /// <summary>
    /// The day a date writes; a numeric one with no weekday that falls outside the input's month reads month first when that
    /// reading falls inside it ("02/09/2020" in a page of February 2020 is 9 February).
    /// </summary>
    private static DateOnly? DateOf(TimeResolver resolver, TimeExpression e, DateOnly first, DateOnly last)
    {
        static bool Within(DateOnly? d, DateOnly first, DateOnly last) => d is { } x && x >= first && x <= last;
        var d = DateOf(resolver, e);
        if (Within(d, first, last)) return d;
        if (e.Weekdays.Count == 0 && resolver.MonthFirstDay(e, past: true) is var swapped && Within(swapped, first, last)) return swapped;
        return d;
    }
}
