using Vigie.Lexicons;
using Vigie.Model;

namespace Vigie.Time;

/// <summary>
/// The calendar arithmetic behind the resolutions of time.tsv: a matched <see cref="TimeExpression"/>
/// becomes a <see cref="DateRange"/> against the publication day — or, when only the publication month
/// is known, against that month (relative days then keep month precision: no guessed day).
/// </summary>
public sealed class TimeResolver
{
    /// <summary>The publication day, when known.</summary>
    public DateOnly? Day { get; }
    /// <summary>The publication date as given (day, month or year); null when unknown.</summary>
    public PartialDate? Published { get; }
    /// <summary>Start year of the conflict the text speaks of ("Déclenché en 2011"), for "depuis le début du conflit".</summary>
    public int? ConflictYear { get; set; }

    /// <summary>The last day-precise point resolved, for "la veille" and "le lendemain".</summary>
    private DateOnly? _lastPoint;

    public TimeResolver(DateOnly? day, PartialDate? published)
    {
        Day = day;
        Published = published;
    }

    /// <summary>How many days a match may lie before publication before it is background ("le 14 janvier" in a 22 January article).</summary>
    public const int RecentDays = 6;

    private DateOnly Reference => Day ?? Published?.Last ?? DateOnly.MinValue;

    private PartialDate PublishedOrDay => Day is { } d ? PartialDate.OfDay(d) : Published!.Value;

    private DateRange? Coarse => Published is { } p ? DateRange.Single(Day is { } d ? PartialDate.OfDay(d) : p) : null;

    private static DateRange Days(DateOnly a, DateOnly b) => new(PartialDate.OfDay(a), PartialDate.OfDay(b));

    public static DateOnly WeekdayOnOrBefore(DateOnly reference, int isoWeekday, int minBack = 0)
    {
        var back = (IsoDay(reference) - isoWeekday + 7) % 7;
        if (back < minBack) back += 7;
        return reference.AddDays(-back);
    }

    public static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    /// <summary>A day and month without a year: the year that puts it closest before the reference (up to two months ahead is still the same year).</summary>
    /// <summary>
    /// The day of a date expression. "Wed, 08-11-2023": with a weekday, a numeric date whose day and month can be swapped takes
    /// the order the weekday agrees with (8 November 2023 was a Wednesday, 11 August a Friday); a month written as a word keeps
    /// its place whatever the weekday ("Friday April 8").
    /// </summary>
    internal DateOnly? WrittenDay(TimeExpression e, bool past)
    {
        if (e.Days.Count == 0 || e.Months.Count == 0) return null;
        int? year = e.Years.Count > 0 ? e.Years[0] : null;
        var asWritten = DayMonth(e.Days[0], e.Months[0], year, past);
        if (e.Weekdays.Count > 0 && !(asWritten is { } w && IsoDay(w) == e.Weekdays[0])
            && MonthFirstDay(e, past) is { } swapped && IsoDay(swapped) == e.Weekdays[0])
            return swapped;
        return asWritten;
    }

    /// <summary>A numeric date read month first ("08-11-2023" as 11 August), when both its numbers can be a month; else null.</summary>
    internal DateOnly? MonthFirstDay(TimeExpression e, bool past) =>
        e.Days.Count > 0 && e.Months.Count > 0 && e.Days[0] <= 12 && e.Months[0] <= 12 && e.Rule.Elements.Any(x => x.Slot == SlotKind.MonthNumber)
            ? DayMonth(e.Months[0], e.Days[0], e.Years.Count > 0 ? e.Years[0] : null, past)
            : null;

    public DateOnly? DayMonth(int day, int month, int? year, bool past)
    {
        if (Published is null && Day is null && year is null) return null;
        var y = year ?? Reference.Year;
        if (day > DateTime.DaysInMonth(y, month)) return null;
        var d = new DateOnly(y, month, day);
        if (year is null)
        {
            var limit = past ? Reference : Reference.AddDays(60);
            if (d > limit && d.AddYears(-1) is var prev && day <= DateTime.DaysInMonth(prev.Year, month)) d = new DateOnly(y - 1, month, day);
        }
        return d;
    }

    private static DateOnly Back(DateOnly from, long n, int unitDays)
    {
        // a count no calendar holds ("il y a 200 milliers d'années") stops at the calendar's first day instead of throwing
        var days = n is < 0 or > 10_000_000 ? long.MaxValue
            : unitDays switch { 0 => Math.Max(1, (n + 23) / 24), 30 => n * 31, 365 => n * 366, _ => n * unitDays };
        if (days >= from.DayNumber) return DateOnly.MinValue;
        return unitDays switch
        {
            0 => from.AddDays(-(int)Math.Max(1, (n + 23) / 24)),
            30 => from.AddMonths(-(int)n),
            365 => from.AddYears(-(int)n),
            _ => from.AddDays(-(int)(n * unitDays)),
        };
    }

    // the past words of every pack (time-words.tsv, kind past): the literals are already folded
    private static readonly Lazy<HashSet<string>> PastWords = new(() =>
        Languages.All.SelectMany(l => TimeWords.For(l).Past).ToHashSet(StringComparer.Ordinal));

    /// <summary>Resolves one expression (in text order: anaphors use the last day resolved before them).</summary>
    public TimeMention Resolve(TimeExpression e)
    {
        var kind = e.Rule.Kind;
        DateRange? range = null;
        var background = e.Rule.Background;
        var past = e.Literals.Any(PastWords.Value.Contains);
        switch (e.Rule.Resolve)
        {
            case Resolution.Date:
                if (WrittenDay(e, past) is { } d)
                {
                    range = Days(d, d);
                    background |= IsOld(d);
                }
                break;
            case Resolution.DateRange:
                if (e.Days.Count >= 2 && e.Months.Count > 0)
                {
                    var m2 = e.Months[^1];
                    var m1 = e.Months.Count > 1 ? e.Months[0] : (e.Days[0] > e.Days[1] ? (m2 == 1 ? 12 : m2 - 1) : m2);
                    int? y = e.Years.Count > 0 ? e.Years[0] : null;
                    if (DayMonth(e.Days[1], m2, y, past) is { } b && DayMonth(e.Days[0], m1, y ?? b.Year, past) is { } a)
                    {
                        if (a > b) a = a.AddYears(-1);
                        range = Days(a, b);
                        background |= IsOld(b);
                    }
                }
                break;
            case Resolution.SinceDate:
            case Resolution.SinceOpen:
                if (e.Days.Count > 0 && e.Months.Count > 0 && DayMonth(e.Days[0], e.Months[0], e.Years.Count > 0 ? e.Years[0] : null, true) is { } s && Published is not null)
                    range = new DateRange(PartialDate.OfDay(s), PublishedOrDay);
                // "depuis décembre dernier", "since last December": from the 1st of the last such month
                else if (e.Days.Count == 0 && e.Months.Count > 0 && e.Years.Count == 0 && DayMonth(1, e.Months[0], null, true) is { } m && Published is not null)
                    range = new DateRange(PartialDate.OfDay(m), PublishedOrDay);
                break;
            case Resolution.SinceWeekday:
                if (Day is { } pd && e.Weekdays.Count > 0) range = Days(WeekdayOnOrBefore(pd, e.Weekdays[0]), pd);
                else range = Coarse;
                break;
            case Resolution.SinceDuration:
            case Resolution.Duration:
                if (Day is { } dd)
                {
                    var from = e.Numbers.Count > 0 && e.Units.Count > 0 ? Back(dd, e.Numbers[0], e.Units[0])
                        : int.TryParse(e.Rule.Arg, out var nDays) ? dd.AddDays(-nDays) : dd;
                    range = Days(from, dd);
                }
                else range = Coarse;
                break;
            case Resolution.LastWeek:
                if (Day is { } lw)
                {
                    var monday = lw.AddDays(-(IsoDay(lw) - 1) - 7);
                    range = e.Rule.Arg switch
                    {
                        "early" => Days(monday, monday.AddDays(1)),
                        "late" => Days(monday.AddDays(4), monday.AddDays(6)),
                        _ => Days(monday, monday.AddDays(6)),
                    };
                }
                else range = Coarse;
                break;
            case Resolution.DayCount:
                // "the 13 days of violence": those days up to publication; "septième jour de conflit": publication itself
                if (Day is { } dc)
                    range = kind == TimeKind.Duration && e.Numbers.Count > 0 && e.Numbers[0] is > 0 and <= 366
                        ? Days(dc.AddDays(-(int)e.Numbers[0] + 1), dc) : Days(dc, dc);
                else range = Coarse;
                break;
            case Resolution.ThisWeek:
                range = Day is { } tw ? Days(tw.AddDays(-(IsoDay(tw) - 1)), tw) : Coarse;
                break;
            case Resolution.Ago:
                if (Day is { } ag && e.Numbers.Count > 0 && e.Units.Count > 0) { var p = Back(ag, e.Numbers[0], e.Units[0]); range = Days(p, p); }
                else range = Coarse;
                break;
            case Resolution.BeforeRange:
                if (Day is { } br && e.Numbers.Count > 0 && e.Units.Count > 0)
                {
                    var earliest = Back(br, e.Numbers[0], e.Units[0]).AddDays(1);
                    range = Days(earliest, br.AddDays(-1));
                }
                else range = Coarse;
                break;
            case Resolution.Offset:
                if (Day is { } od)
                {
                    var (a, b) = ParseOffsets(e.Rule.Arg);
                    range = Days(od.AddDays(a), od.AddDays(b));
                }
                else range = Coarse;
                break;
            case Resolution.Anaphor:
                if ((_lastPoint ?? Day) is { } basis)
                {
                    var p = basis.AddDays(int.TryParse(e.Rule.Arg, out var k) ? k : -1);
                    range = Days(p, p);
                }
                else range = Coarse;
                break;
            case Resolution.Weekday:
            case Resolution.WeekdayLast:
                if (Day is { } wd && e.Weekdays.Count > 0)
                {
                    var p = WeekdayOnOrBefore(wd, e.Weekdays[0], e.Rule.Resolve == Resolution.WeekdayLast ? 1 : 0);
                    range = Days(p, p);
                }
                else range = Coarse;
                break;
            case Resolution.WeekdayRange:
                if (Day is { } wr && e.Weekdays.Count > 1)
                {
                    var last = WeekdayOnOrBefore(wr, e.Weekdays[1]);
                    range = Days(last.AddDays(-((e.Weekdays[1] - e.Weekdays[0] + 7) % 7)), last);
                }
                else range = Coarse;
                break;
            case Resolution.WeekdayNext:
                if (Day is { } wn && e.Weekdays.Count > 0)
                {
                    var p = WeekdayOnOrBefore(wn.AddDays(7), e.Weekdays[0], 1);
                    range = Days(p, p);
                }
                else range = Coarse;
                break;
            case Resolution.Weekend:
                if (Day is { } we)
                {
                    var sat = WeekdayOnOrBefore(we, 6, e.Rule.Arg == "last" ? 2 : 0);
                    range = Days(sat, sat.AddDays(1) > we && e.Rule.Arg != "last" ? we : sat.AddDays(1));
                }
                else range = Coarse;
                break;
            case Resolution.Since:
                if (e.Years.Count > 0 && Published is not null)
                {
                    var start = e.Rule.Arg == "month" && e.Months.Count > 0 ? PartialDate.OfMonth(e.Years[0], e.Months[0]) : PartialDate.OfYear(e.Years[0]);
                    range = new DateRange(start, PublishedOrDay);
                }
                break;
            case Resolution.ConflictStart:
                if (ConflictYear is { } cy && Published is not null) range = new DateRange(PartialDate.OfYear(cy), PublishedOrDay);
                break;
            case Resolution.ConflictYear:
                if (e.Years.Count > 0)
                {
                    if (ConflictYear == e.Years[0] && Published is not null) range = new DateRange(PartialDate.OfYear(e.Years[0]), PublishedOrDay);
                    else { kind = TimeKind.Coarse; range = DateRange.Single(PartialDate.OfYear(e.Years[0])); background = IsOldYear(e.Years[0]); }
                }
                break;
            case Resolution.Month:
                if (e.Months.Count > 0 && (e.Years.Count > 0 || Published is not null))
                {
                    // ("en juin dernier", "last June" written in June: the June of the year before)
                    var y = e.Years.Count > 0 ? e.Years[0]
                        : (e.Months[0] > Reference.Month || past && e.Months[0] == Reference.Month ? Reference.Year - 1 : Reference.Year);
                    var m = PartialDate.OfMonth(y, e.Months[0]);
                    // "début octobre", "mid-October", "late March": the first, middle or last third of the month
                    range = e.Rule.Arg switch
                    {
                        "early" => Days(m.First, m.First.AddDays(9)),
                        "mid" => Days(m.First.AddDays(10), m.First.AddDays(19)),
                        "late" => Days(m.First.AddDays(20), m.Last),
                        _ => DateRange.Single(m),
                    };
                    background |= IsOld(m.Last);
                }
                break;
            case Resolution.Year:
                if (e.Years.Count > 0)
                {
                    range = DateRange.Single(PartialDate.OfYear(e.Years[0]));
                    background |= IsOldYear(e.Years[0]);
                }
                break;
            case Resolution.LastMonth:
                if (Published is not null)
                {
                    var r = Reference.AddMonths(-1);
                    range = DateRange.Single(PartialDate.OfMonth(r.Year, r.Month));
                    background |= IsOld(PartialDate.OfMonth(r.Year, r.Month).Last);
                }
                break;
            case Resolution.ThisMonth:
                if (Published is not null)
                {
                    var first = new DateOnly(Reference.Year, Reference.Month, 1);
                    range = Day is { } tm ? Days(first, tm) : DateRange.Single(PartialDate.OfMonth(first.Year, first.Month));
                }
                break;
            case Resolution.ThisYear:
                if (Published is not null)
                {
                    var jan1 = new DateOnly(Reference.Year, 1, 1);
                    range = kind == TimeKind.PeriodStart || kind == TimeKind.Duration
                        ? new DateRange(PartialDate.OfDay(jan1), PublishedOrDay)
                        : DateRange.Single(PartialDate.OfYear(jan1.Year));
                }
                break;
            case Resolution.LastYear:
                if (Published is not null) { range = DateRange.Single(PartialDate.OfYear(Reference.Year - 1)); background = true; }
                break;
        }
        // any day well before publication is background ("samedi dernier" said on a Saturday, "le lendemain" of an old event)
        // (not "last week": the week before the publication's is recent by definition, even when it ended seven days before a Sunday)
        if (kind == TimeKind.Point && range is { } old && old.End.Precision == DatePrecision.Day && e.Rule.Resolve != Resolution.LastWeek)
            background |= IsOld(old.End.Last);
        if (kind == TimeKind.Point && range is { } pr && pr.Start.Precision == DatePrecision.Day && pr.Start.First == pr.End.Last)
            _lastPoint = pr.Start.First;
        return new TimeMention(e.Span, kind) { Range = range, Rule = e.Rule.Name, Background = background, Dateline = e.IsDateline, FromPublication = e.Rule.Resolve == Resolution.Offset };
    }

    private static (int, int) ParseOffsets(string arg)
    {
        var parts = arg.Split("..");
        var a = int.TryParse(parts[0], out var x) ? x : 0;
        var b = parts.Length > 1 && int.TryParse(parts[1], out var y) ? y : a;
        return (a, b);
    }

    /// <summary>A dated reference well before publication: more than <see cref="RecentDays"/> days back, or in an earlier month when only the month is known.</summary>
    private bool IsOld(DateOnly last)
    {
        if (Day is { } d) return last < d.AddDays(-RecentDays);
        if (Published is { } p) return last < p.First;
        return false;
    }

    private bool IsOldYear(int year) => (Day?.Year ?? Published?.Year) is { } y && year < y;
}
