using Vigie.Model;

namespace Vigie.Time;

/// <summary>
/// Pins the publication day when the input gives only a month or a year, by intersecting the days
/// each clue of the text allows:
/// <list type="bullet">
/// <item>a dateline ("29 septembre 2017", "BAMAKO, 12 sept") gives its day;</item>
/// <item>"depuis le 19 avril" with "depuis huit jours" gives 19 + 8;</item>
/// <item>"la semaine dernière" with explicit dates all in one calendar week gives the week after it;</item>
/// <item>"depuis le D" alone only says the day is not before D.</item>
/// </list>
/// Weekdays named as the news ("vendredi", "samedi dernier") cannot pin a day alone (every week has one);
/// among the days the clues above leave, the one that makes the named weekdays most recent wins.
/// The day is given only when one day results; otherwise a note says why.
/// </summary>
public static class PublicationDayInference
{
    public sealed record Result(DateOnly? Day, List<TextSpan> Evidence, string Reason);

    public static Result Infer(PartialDate published, IReadOnlyList<TimeExpression> expressions)
    {
        var first = published.First;
        var last = published.Last;
        var resolver = new TimeResolver(null, published);
        var anchors = new List<(HashSet<DateOnly> Days, List<TextSpan> Spans, string Why)>();
        DateOnly? notBefore = null;

        foreach (var e in expressions.Where(x => x.IsDateline))
            if (DateOf(resolver, e) is { } d) { anchors.Add(([d], [e.Span], $"dateline '{d:yyyy-MM-dd}'")); break; }

        // "depuis le 19 avril" + "depuis huit jours"
        var sinceDates = expressions.Where(x => x.Rule.Resolve == Resolution.SinceDate).Select(x => (x, d: DateOf(resolver, x))).Where(p => p.d != null).ToList();
        var sinceDurations = expressions.Where(x => x.Rule.Resolve == Resolution.SinceDuration && x.Numbers.Count > 0 && x.Units.Count > 0 && x.Units[0] is 1 or 7).ToList();
        if (sinceDates.Count > 0 && sinceDurations.Count > 0)
        {
            var days = new HashSet<DateOnly>();
            var spans = new List<TextSpan>();
            foreach (var (s, d) in sinceDates)
                foreach (var u in sinceDurations)
                {
                    days.Add(d!.Value.AddDays((int)(u.Numbers[0] * u.Units[0])));
                    spans.Add(s.Span); spans.Add(u.Span);
                }
            anchors.Add((days.Count == 1 ? days : [], spans, days.Count == 1 ? "a period start plus its length" : "period starts and lengths that disagree"));
        }
        foreach (var (_, d) in sinceDates)
            if (notBefore is null || d > notBefore) notBefore = d;

        // "la semaine dernière" + the one explicit date of the text
        var lastWeek = expressions.FirstOrDefault(x => x.Rule.Resolve == Resolution.LastWeek && x.Rule.Arg.Length == 0);
        if (lastWeek != null)
        {
            var dated = expressions.Where(x => x.Rule.Resolve == Resolution.Date && !x.IsDateline && x.Years.Count == 0)
                .Select(x => (x, d: DateOf(resolver, x))).Where(p => p.d != null).ToList();
            static DateOnly MondayOf(DateOnly d) => d.AddDays(-(TimeResolver.IsoDay(d) - 1));
            // all explicit dates in one calendar week: that week is "la semaine dernière"
            if (dated.Count > 0 && dated.Select(p => MondayOf(p.d!.Value)).Distinct().Count() == 1)
            {
                var nextMonday = MondayOf(dated[0].d!.Value).AddDays(7);
                var week = Enumerable.Range(0, 7).Select(k => nextMonday.AddDays(k)).ToHashSet();
                anchors.Add((week, [lastWeek.Span, .. dated.Select(p => p.x.Span)], $"the dates of the text are in the week it calls last week"));
            }
        }

        if (anchors.Count == 0)
            return new Result(null, [], $"the text has no dateline nor dated clue that pins the day; dates keep the precision of {published}");

        var candidates = new HashSet<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1)) candidates.Add(d);
        foreach (var a in anchors) candidates.IntersectWith(a.Days);
        if (notBefore is { } nb) candidates.RemoveWhere(d => d < nb);
        if (candidates.Count == 0)
            return new Result(null, [], $"the clues of the text disagree ({string.Join("; ", anchors.Select(a => a.Why))}); dates keep the precision of {published}");

        // weekdays named in the text: prefer the day that makes them most recent
        var weekdays = new List<(int Weekday, int MinBack, TextSpan Span)>();
        foreach (var e in expressions)
        {
            if (e.Rule.Resolve is not (Resolution.Weekday or Resolution.WeekdayLast) || e.Weekdays.Count == 0) continue;
            var minBack = e.Rule.Resolve == Resolution.WeekdayLast ? 1 : 0;
            if (!weekdays.Any(w => w.Weekday == e.Weekdays[0] && w.MinBack == minBack)) weekdays.Add((e.Weekdays[0], minBack, e.Span));
        }
        int Cost(DateOnly d) => weekdays.Sum(w => d.DayNumber - TimeResolver.WeekdayOnOrBefore(d, w.Weekday, w.MinBack).DayNumber);
        var best = candidates.Min(Cost);
        var winners = candidates.Where(d => Cost(d) == best).OrderBy(d => d).ToList();
        if (winners.Count != 1)
            return new Result(null, [], $"the clues of the text leave {winners.Count} possible days ({string.Join(", ", winners.Select(w => w.ToString("yyyy-MM-dd")))}); dates keep the precision of {published}");

        var evidence = anchors.SelectMany(a => a.Spans).Concat(weekdays.Select(w => w.Span)).Distinct().OrderBy(s => s).ToList();
        return new Result(winners[0], evidence, string.Join("; ", anchors.Select(a => a.Why)) + (weekdays.Count > 0 ? "; named weekdays" : ""));
    }

    private static DateOnly? DateOf(TimeResolver resolver, TimeExpression e) =>
        e.Days.Count > 0 && e.Months.Count > 0 ? resolver.DayMonth(e.Days[0], e.Months[0], e.Years.Count > 0 ? e.Years[0] : null, true) : null;
}
