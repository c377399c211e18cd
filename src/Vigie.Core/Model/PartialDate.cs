using System.Globalization;

namespace Vigie.Model;

public enum DatePrecision { Year, Month, Day }

/// <summary>A calendar date known to a year, a month or a day: "2018", "2018-04", "2018-04-27".</summary>
public readonly record struct PartialDate(int Year, int Month, int Day, DatePrecision Precision) : IComparable<PartialDate>
{
    public static PartialDate OfDay(DateOnly d) => new(d.Year, d.Month, d.Day, DatePrecision.Day);
    public static PartialDate OfMonth(int year, int month) => new(year, month, 1, DatePrecision.Month);
    public static PartialDate OfYear(int year) => new(year, 1, 1, DatePrecision.Year);

    /// <summary>First day covered.</summary>
    public DateOnly First => Precision switch
    {
        DatePrecision.Year => new DateOnly(Year, 1, 1),
        DatePrecision.Month => new DateOnly(Year, Month, 1),
        _ => new DateOnly(Year, Month, Day),
    };

    /// <summary>Last day covered.</summary>
    public DateOnly Last => Precision switch
    {
        DatePrecision.Year => new DateOnly(Year, 12, 31),
        DatePrecision.Month => new DateOnly(Year, Month, DateTime.DaysInMonth(Year, Month)),
        _ => new DateOnly(Year, Month, Day),
    };

    public static bool TryParse(string? s, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(s)) return false;
        s = s.Trim();
        if (s.Length >= 10 && s.Length > 10 && (s[10] == 'T' || s[10] == ' ')) s = s[..10];
        var parts = s.Split('-');
        if (parts.Length is < 1 or > 3) return false;
        if (parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1) return false;
        if (parts.Length == 1) { date = OfYear(y); return true; }
        if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12) return false;
        if (parts.Length == 2) { date = OfMonth(y, m); return true; }
        if (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new PartialDate(y, m, d, DatePrecision.Day);
        return true;
    }

    public static PartialDate Parse(string s) =>
        TryParse(s, out var d) ? d : throw new FormatException($"'{s}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => $"{Year:D4}-{Month:D2}",
        _ => $"{Year:D4}-{Month:D2}-{Day:D2}",
    };

    public int CompareTo(PartialDate other)
    {
        var c = First.CompareTo(other.First);
        return c != 0 ? c : Precision.CompareTo(other.Precision);
    }
}

/// <summary>A range of partial dates (an event's date or a report's period).</summary>
public sealed record DateRange(PartialDate Start, PartialDate End)
{
    public static DateRange Single(PartialDate d) => new(d, d);

    /// <summary>True when the two ranges overlap allowing <paramref name="toleranceDays"/> days of slack.</summary>
    public bool Overlaps(DateRange other, int toleranceDays = 0) =>
        Start.First.AddDays(-toleranceDays) <= other.End.Last && other.Start.First <= End.Last.AddDays(toleranceDays);
}
