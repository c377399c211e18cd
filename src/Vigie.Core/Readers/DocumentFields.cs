using System.Globalization;
using Vigie.Errors;
using Vigie.Model;

namespace Vigie.Readers;

/// <summary>
/// The fields every input format can give (id, date, text, lang, title, url, source), turned into
/// a <see cref="Document"/> by one set of rules: no text → rejected; a date that is present but
/// not a real calendar date → rejected; no date at all → kept with a warning (or --date).
/// </summary>
public sealed class DocumentFields
{
    public string? Id { get; set; }
    public string? Date { get; set; }
    /// <summary>Line of the date in the file when it differs from the document's line (HTML meta, feed element).</summary>
    public int DateLine { get; set; }
    public string? Text { get; set; }
    public string? Lang { get; set; }
    public string? Title { get; set; }
    public string? Url { get; set; }
    public string? Source { get; set; }

    /// <summary>Builds the document (through <see cref="RecordMapper.FromRecord"/>) or the reason it is rejected.</summary>
    public ReadItem ToItem(Origin origin, string defaultId, ReaderOptions options, bool optionDateFirst = false)
    {
        if (Text == null) return ReadItem.Reject(origin, $"{ErrorCatalogue.NoText.Code} no 'text': nothing to read");
        if (string.IsNullOrWhiteSpace(Text)) return ReadItem.Reject(origin, $"{ErrorCatalogue.NoText.Code} 'text' is empty");
        PartialDate? date = null;
        if (optionDateFirst && options.Date != null) date = options.Date;
        else if (!string.IsNullOrWhiteSpace(Date))
        {
            if (!DateText.TryParse(Date, out var d))
                return ReadItem.Reject(DateLine > 0 ? origin with { Line = DateLine } : origin,
                    $"{ErrorCatalogue.BadDate.Code} date '{Shorten(Date)}' is not a calendar date (expected YYYY, YYYY-MM or YYYY-MM-DD); the document is not read");
            date = d;
        }
        else date = options.Date;

        var record = new DocumentRecord
        {
            Id = string.IsNullOrWhiteSpace(Id) ? defaultId : Id.Trim(),
            Date = date?.ToString(),
            Text = Text,
            Lang = Blank(Lang)?.ToLowerInvariant(),
            Title = Blank(Title),
            Url = Blank(Url),
            Source = Blank(Source),
        };
        var doc = RecordMapper.FromRecord(record, origin);
        if (date == null)
            return ReadItem.Warn(doc, new InputProblem(origin, ProblemSeverity.Warning,
                $"{ErrorCatalogue.NoDate.Code} no publication date: kept with an unknown date (give one with --date)"));
        return ReadItem.Ok(doc);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>File name without directories and extension, for document ids ("-" is "stdin").</summary>
    public static string Stem(string path) => path == "-" ? "stdin" : Path.GetFileNameWithoutExtension(path);
}

/// <summary>Dates as inputs write them: ISO (YYYY, YYYY-MM, YYYY-MM-DD, timestamps), RFC 822 (feeds), or inside file names.</summary>
public static class DateText
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>ISO dates and timestamps ("2018-04-27T10:00:00+02:00" keeps the calendar day as written) or RFC 822.</summary>
    public static bool TryParse(string? s, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(s)) return false;
        s = s.Trim();
        if (s.Length >= 4 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[3])) return PartialDate.TryParse(IsoPart(s), out date);
        return TryParseRfc822(s, out date);
    }

    private static string IsoPart(string s)
    {
        // keep "YYYY[-MM[-DD]]" and drop a time part ("T10:00:00Z", " 10:00")
        var cut = s.IndexOfAny(['T', ' ', 't']);
        return cut > 0 ? s[..cut] : s;
    }

    /// <summary>"Fri, 27 Apr 2018 10:00:00 +0200", "27 Apr 2018": the day as written (no time-zone shift).</summary>
    public static bool TryParseRfc822(string s, out PartialDate date)
    {
        date = default;
        var parts = s.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var i = 0;
        if (i < parts.Length && !char.IsAsciiDigit(parts[i][0])) i++; // day name
        if (parts.Length - i < 3) return false;
        if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var day) || parts[i].Length > 2) return false;
        var m = parts[i + 1].Length >= 3 ? Array.IndexOf(Months, parts[i + 1][..3].ToLowerInvariant()) + 1 : 0;
        if (m == 0) return false;
        var ys = parts[i + 2];
        if (ys.Length is not (2 or 4) || !int.TryParse(ys, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (ys.Length == 2) year += year < 50 ? 2000 : 1900;
        if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, m)) return false;
        date = new PartialDate(year, m, day, DatePrecision.Day);
        return true;
    }

    /// <summary>A date inside a file name: 2018-04-27, 20180427 or 2018-04 (not glued to other digits).</summary>
    public static bool TryFromFileName(string name, out PartialDate date)
    {
        date = default;
        for (var i = 0; i + 6 <= name.Length; i++)
        {
            if (!char.IsAsciiDigit(name[i]) || (i > 0 && char.IsAsciiDigit(name[i - 1]))) continue;
            var digits = 0;
            while (i + digits < name.Length && char.IsAsciiDigit(name[i + digits])) digits++;
            string? candidate = null;
            if (digits == 8) candidate = $"{name.AsSpan(i, 4)}-{name.AsSpan(i + 4, 2)}-{name.AsSpan(i + 6, 2)}";
            else if (digits == 4 && i + 7 <= name.Length && name[i + 4] is '-' or '_')
            {
                var rest = name.AsSpan(i + 5);
                if (rest.Length >= 5 && char.IsAsciiDigit(rest[0]) && char.IsAsciiDigit(rest[1]) && rest[2] is '-' or '_'
                    && char.IsAsciiDigit(rest[3]) && char.IsAsciiDigit(rest[4]) && (rest.Length == 5 || !char.IsAsciiDigit(rest[5])))
                    candidate = $"{name.AsSpan(i, 4)}-{rest[..2]}-{rest.Slice(3, 2)}";
                else if (char.IsAsciiDigit(rest[0]) && char.IsAsciiDigit(rest[1]) && (rest.Length == 2 || !char.IsAsciiDigit(rest[2])))
                    candidate = $"{name.AsSpan(i, 4)}-{rest[..2]}";
            }
            if (candidate != null && PartialDate.TryParse(candidate, out date) && date.Year is >= 1900 and <= 2100) return true;
            i += digits - 1;
        }
        date = default;
        return false;
    }
}
