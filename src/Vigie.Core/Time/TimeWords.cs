using System.Collections.Concurrent;
using Vigie.Lexicons;
using Vigie.Text;

namespace Vigie.Time;

/// <summary>
/// The calendar words of lang/&lt;code&gt;/time-words.tsv: weekdays (ISO numbers), months, time units
/// (in days; 0 = hours), parts of the day, ordinal suffixes of day numbers, "one" words and conflict nouns.
/// Loaded once per language, thread-safe.
/// </summary>
public sealed class TimeWords
{
    private static readonly ConcurrentDictionary<string, TimeWords> Cache = new(StringComparer.Ordinal);

    public Dictionary<string, int> Weekdays { get; } = new(StringComparer.Ordinal);
    /// <summary>Abbreviated weekdays ("wed", "mer"): only read as weekdays right before a day number ("Wed, 08-11-2023").</summary>
    public Dictionary<string, int> WeekdayAbbreviations { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Months { get; } = new(StringComparer.Ordinal);
    /// <summary>Abbreviated months ("sept", "janv"): only read as months right after a day number.</summary>
    public Dictionary<string, int> MonthAbbreviations { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Units { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Parts { get; } = new(StringComparer.Ordinal);
    public HashSet<string> OrdinalSuffixes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> DayWords { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Ones { get; } = new(StringComparer.Ordinal);
    /// <summary>Ordinal words ("septième", "seventh"): the {nth} slot of "septième jour".</summary>
    public Dictionary<string, int> NthWords { get; } = new(StringComparer.Ordinal);
    public HashSet<string> ConflictNouns { get; } = new(StringComparer.Ordinal);

    /// <summary>Words that put a date without a year in the past ("dernier", "last"): kind <c>past</c>.</summary>
    public HashSet<string> Past { get; } = new(StringComparer.Ordinal);
    /// <summary>Set for languages that write weekdays in lower case (French): a capitalised one inside a sentence is a name.</summary>
    public bool WeekdaysLowercase { get; private set; }

    public static TimeWords For(string? language) =>
        Cache.GetOrAdd(string.IsNullOrEmpty(language) ? Languages.Default : language, static lang =>
        {
            var path = Path.Combine(DataPaths.Lang(lang), "time-words.tsv");
            return File.Exists(path) ? FromTsv(Tsv.Load(path)) : new TimeWords();
        });

    /// <summary>A month by full name, or by abbreviation when <paramref name="allowAbbreviation"/>.</summary>
    public bool TryMonth(string folded, bool allowAbbreviation, out int month) =>
        Months.TryGetValue(folded, out month) || (allowAbbreviation && MonthAbbreviations.TryGetValue(folded, out month));

    public static TimeWords FromTsv(Tsv tsv)
    {
        var w = new TimeWords();
        foreach (var row in tsv.Rows)
        {
            var form = Fold.String(row["form"]);
            var kind = row["kind"];
            int Value() => int.TryParse(row.Get("value"), out var v) ? v
                : throw new FormatException($"{tsv.Path}:{row.Line}: '{form}' of kind {kind} needs a number in column value");
            switch (kind)
            {
                case "weekday": w.Weekdays[form] = Value(); break;
                case "month": w.Months[form] = Value(); break;
                case "month_abbr": w.MonthAbbreviations[form] = Value(); break;
                case "weekday_abbr": w.WeekdayAbbreviations[form] = Value(); break;
                case "unit": w.Units[form] = Value(); break;
                case "part": w.Parts.Add(form); break;
                case "ordinal": w.OrdinalSuffixes.Add(form); break;
                case "day_word": w.DayWords[form] = Value(); break;
                case "one": w.Ones[form] = Value(); break;
                case "nth": w.NthWords[form] = Value(); break;
                case "conflict": w.ConflictNouns.Add(form); break;
                case "past": w.Past.Add(form); break;
                case "option" when form == "weekdays-lowercase": w.WeekdaysLowercase = Value() != 0; break;
                default: throw new FormatException($"{tsv.Path}:{row.Line}: unknown kind '{kind}' (see docs/LEXICONS.md)");
            }
        }
        return w;
    }

    /// <summary>A day of the month written "14", "1er", "25th" or "premier"; 0 when the token is not one.</summary>
    public int DayOf(Token t)
    {
        var f = t.Folded;
        if (t.Kind == TokenKind.Number)
            return f.Length <= 2 && int.TryParse(f, out var d) && d is >= 1 and <= 31 ? d : 0;
        if (DayWords.TryGetValue(f, out var w)) return w;
        var k = 0;
        while (k < f.Length && char.IsAsciiDigit(f[k])) k++;
        if (k is 0 or > 2 || !OrdinalSuffixes.Contains(f[k..])) return 0;
        var day = int.Parse(f.AsSpan(0, k), System.Globalization.CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31 ? day : 0;
    }

    /// <summary>A year written with four digits between 1900 and 2100; 0 otherwise.</summary>
    public static int YearOf(Token t) =>
        t.Kind == TokenKind.Number && t.Folded.Length == 4 && int.TryParse(t.Folded, out var y) && y is >= 1900 and <= 2100 ? y : 0;
}
