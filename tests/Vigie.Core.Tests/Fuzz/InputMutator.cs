using System.Text;

namespace Vigie.Tests.Fuzz;

/// <summary>
/// Deterministic mutations of input files: each takes the bytes of a seed input and a random
/// source, and returns damaged bytes of the kinds met in scraped folders — truncation, flipped
/// bits, invalid UTF-8, NUL bytes, huge lines, deep or wrong-typed JSON, broken CSV quoting, HTML
/// without a body, impossible dates, enormous numbers.
/// </summary>
public static class InputMutator
{
    public sealed record Mutation(string Name, Func<byte[], Random, byte[]> Apply);

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF], [0xC3, 0x28], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFE, 0xFF],
    ];

    private static readonly string[] BadDates =
    [
        "2018-02-30", "2018-13", "2018-00-10", "0000-00-00", "2019-02-29", "9999-99-99", "99999999999999999999",
        "-2018", "2018-4-1", "Tue, 31 Feb 2021 10:00:00 GMT", "Foo, 12 Xyz 2020", "2018-04-27T25:99:00Z", "", "   ",
    ];

    private static readonly string[] OddTexts =
    [
        "99999999999999999999", "-1", "1e400", "NaN", "0x7FFFFFFF", "4294967296", "1.7976931348623157E+309",
        "\u202Eإرهاب\u202C", "👩‍👩‍👧‍👦", "e\u0301\u0301\u0301", "\uFEFF", "\u0000", "\uD800", "null", "[]", "{}", "\"",
        "au moins 99999999999999999999 morts", "le 31 février", "entre 12 et 9 morts", "depuis le 0 mars",
    ];

    public static readonly Mutation[] All =
    [
        new("truncate", (b, r) => b.Length == 0 ? b : b[..r.Next(b.Length)]),
        new("bitflip", (b, r) =>
        {
            if (b.Length == 0) return b;
            var c = (byte[])b.Clone();
            for (var i = r.Next(1, 9); i > 0; i--) c[r.Next(c.Length)] ^= (byte)(1 << r.Next(8));
            return c;
        }),
        new("invalid-utf8", (b, r) => Insert(b, r.Next(b.Length + 1), BadUtf8[r.Next(BadUtf8.Length)])),
        new("nul", (b, r) => Insert(b, r.Next(b.Length + 1), [0])),
        new("huge-line", (b, r) => Insert(b, r.Next(b.Length + 1), Encoding.UTF8.GetBytes(new string("a9 é\"<{"[r.Next(7)], r.Next(16) == 0 ? r.Next(70_000, 100_000) : r.Next(500, 4_000))))),
        new("deep-json", (b, r) =>
        {
            var depth = r.Next(16) == 0 ? r.Next(1_000, 3_000) : r.Next(40, 300);
            var open = r.Next(2) == 0 ? '[' : '{';
            var nest = open == '[' ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
            return ReplaceValue(b, r, "text", nest) ?? Insert(b, r.Next(b.Length + 1), Encoding.UTF8.GetBytes(nest));
        }),
        new("wrong-type", (b, r) =>
        {
            string[] fields = ["text", "date", "id", "title", "lang", "url", "source"];
            string[] values = ["42", "true", "null", "[1,2]", "{\"x\":1}", "\"\"", "99999999999999999999", "-0.5e10"];
            return ReplaceValue(b, r, fields[r.Next(fields.Length)], values[r.Next(values.Length)]) ?? b;
        }),
        new("csv-quote", (b, r) =>
        {
            var c = b;
            for (var i = r.Next(1, 4); i > 0; i--) c = Insert(c, r.Next(c.Length + 1), "\"\",;\n\r"u8.Slice(r.Next(6), 1).ToArray());
            return c;
        }),
        new("html-no-body", (b, r) =>
        {
            var s = Encoding.UTF8.GetString(b);
            s = s.Replace("<body>", "", StringComparison.OrdinalIgnoreCase).Replace("</body>", "", StringComparison.OrdinalIgnoreCase);
            var cut = s.IndexOf("<article", StringComparison.OrdinalIgnoreCase);
            if (cut > 0 && r.Next(2) == 0) s = s[..cut];
            if (r.Next(3) == 0) s = "<html><head><title>x</title></head></html>";
            return Encoding.UTF8.GetBytes(s);
        }),
        new("bad-date", (b, r) =>
        {
            var s = Encoding.UTF8.GetString(b);
            var bad = BadDates[r.Next(BadDates.Length)];
            var i = FindDate(s, r);
            if (i >= 0) return Encoding.UTF8.GetBytes(s[..i] + bad + s[(i + 10 > s.Length ? s.Length : i + 10)..]);
            var p = s.IndexOf("<pubDate>", StringComparison.Ordinal);
            if (p >= 0) { var e = s.IndexOf("</pubDate>", p, StringComparison.Ordinal); if (e > p) return Encoding.UTF8.GetBytes(s[..(p + 9)] + bad + s[e..]); }
            return Encoding.UTF8.GetBytes(" date " + bad + " " + s);
        }),
        new("odd-text", (b, r) => Insert(b, r.Next(b.Length + 1), Encoding.UTF8.GetBytes(OddTexts[r.Next(OddTexts.Length)]))),
        new("big-number", (b, r) =>
        {
            var s = Encoding.UTF8.GetString(b);
            var digits = Enumerable.Range(0, s.Length).Where(i => char.IsAsciiDigit(s[i]) && (i == 0 || !char.IsAsciiDigit(s[i - 1]))).ToList();
            if (digits.Count == 0) return b;
            var at = digits[r.Next(digits.Count)];
            var end = at;
            while (end < s.Length && char.IsAsciiDigit(s[end])) end++;
            return Encoding.UTF8.GetBytes(s[..at] + "99999999999999999999" + s[end..]);
        }),
        new("delete-range", (b, r) =>
        {
            if (b.Length < 2) return b;
            var a = r.Next(b.Length);
            var len = r.Next(1, Math.Min(b.Length - a, 400) + 1);
            return [.. b[..a], .. b[(a + len)..]];
        }),
        new("duplicate-range", (b, r) =>
        {
            if (b.Length < 2) return b;
            var a = r.Next(b.Length);
            var len = r.Next(1, Math.Min(b.Length - a, 2000) + 1);
            return Insert(b, r.Next(b.Length + 1), b[a..(a + len)]);
        }),
        new("line-endings", (b, r) =>
        {
            var s = Encoding.UTF8.GetString(b);
            return Encoding.UTF8.GetBytes(r.Next(3) switch { 0 => s.Replace("\n", "\r\n"), 1 => s.Replace("\n", "\r"), _ => s.Replace("\n", "\n\n\n") });
        }),
        new("bom-and-blank", (b, r) => r.Next(3) switch
        {
            0 => [0xEF, 0xBB, 0xBF, .. b],
            1 => [.. "\n \t\n"u8.ToArray(), .. b],
            _ => b.Length > 0 ? [] : b,
        }),
    ];

    /// <summary>Applies one to three random mutations; returns the bytes and the names applied.</summary>
    public static (byte[] Bytes, string Names) Mutate(byte[] seed, Random r)
    {
        var bytes = seed;
        var names = new List<string>();
        for (var i = r.Next(1, 4); i > 0; i--)
        {
            var m = All[r.Next(All.Length)];
            bytes = m.Apply(bytes, r);
            names.Add(m.Name);
        }
        return (bytes, string.Join("+", names));
    }

    private static byte[] Insert(byte[] b, int at, byte[] what) => [.. b[..at], .. what, .. b[at..]];

    /// <summary>Replaces the value of a JSON field ("name": value) somewhere in the input, or null when there is none.</summary>
    private static byte[]? ReplaceValue(byte[] b, Random r, string field, string value)
    {
        var s = Encoding.UTF8.GetString(b);
        var key = $"\"{field}\"";
        var hits = new List<int>();
        for (var i = s.IndexOf(key, StringComparison.Ordinal); i >= 0 && hits.Count < 64; i = s.IndexOf(key, i + 1, StringComparison.Ordinal)) hits.Add(i);
        if (hits.Count == 0) return null;
        var at = hits[r.Next(hits.Count)];
        var colon = s.IndexOf(':', at + key.Length);
        if (colon < 0) return null;
        var start = colon + 1;
        while (start < s.Length && s[start] == ' ') start++;
        var end = start;
        if (end < s.Length && s[end] == '"')
        {
            end++;
            while (end < s.Length && s[end] != '"') end += s[end] == '\\' ? 2 : 1;
            end = Math.Min(end + 1, s.Length);
        }
        else while (end < s.Length && s[end] is not (',' or '}' or '\n')) end++;
        return Encoding.UTF8.GetBytes(s[..start] + value + s[end..]);
    }

    private static int FindDate(string s, Random r)
    {
        var hits = new List<int>();
        for (var i = 0; i + 7 <= s.Length && hits.Count < 32; i++)
            if (char.IsAsciiDigit(s[i]) && char.IsAsciiDigit(s[i + 3]) && s[i + 4] == '-' && char.IsAsciiDigit(s[i + 5]) && (i == 0 || !char.IsAsciiDigit(s[i - 1])))
                hits.Add(i);
        return hits.Count == 0 ? -1 : hits[r.Next(hits.Count)];
    }
}
