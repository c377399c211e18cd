using System.Text.RegularExpressions;
using Vigie.Model;

namespace Vigie.Time;

/// <summary>
/// Days written in the web addresses of a text ("https://example.org/2019/03/04/…", "…-2019-03-04", "/20190304/"),
/// as news sites put the publication day in their article paths. Format knowledge, no language.
/// </summary>
public static partial class UrlDates
{
    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s""'<>«»]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    // /2019/03/04/ (day optional after the month is not a day: skipped), 2019-03-04, 20190304
    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)[0-9]{2})(?:/(?<m>0[1-9]|1[0-2])/(?<d>0[1-9]|[12][0-9]|3[01])(?![0-9])|-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12][0-9]|3[01])(?![0-9])|(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12][0-9]|3[01])(?![0-9]))", RegexOptions.CultureInvariant)]
    private static partial Regex Day();

    /// <summary>Each valid day found in an address of the text, with the span of its digits.</summary>
    public static List<(DateOnly Day, TextSpan Span)> Find(string text)
    {
        var found = new List<(DateOnly, TextSpan)>();
        if (!text.Contains("http", StringComparison.OrdinalIgnoreCase) && !text.Contains("www.", StringComparison.OrdinalIgnoreCase)) return found;
        foreach (Match u in Url().Matches(text))
        {
            // the host is not a date
            var pathStart = u.Value.IndexOf('/', u.Value.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? 0 : u.Value.IndexOf("//", StringComparison.Ordinal) + 2);
            if (pathStart < 0) continue;
            foreach (Match m in Day().Matches(u.Value, pathStart))
            {
                int y = int.Parse(m.Groups["y"].Value), mo = int.Parse(m.Groups["m"].Value), d = int.Parse(m.Groups["d"].Value);
                if (d > DateTime.DaysInMonth(y, mo)) continue;
                found.Add((new DateOnly(y, mo, d), new TextSpan(u.Index + m.Index, u.Index + m.Index + m.Length)));
            }
        }
        return found;
    }
}
