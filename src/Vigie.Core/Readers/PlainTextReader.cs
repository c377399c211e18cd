using Vigie.Errors;
using Vigie.Model;

namespace Vigie.Readers;

/// <summary>
/// A plain .txt article: the whole file is one document. Its date comes from --date, else from a
/// first line "date: 2018-04-27" (header lines "title:", "url:", "source:", "lang:", "id:" may
/// follow, then a blank line), else from a date in the file name (2018-04-27, 20180427,
/// 2018-04); otherwise it is kept with an unknown date and a warning.
/// Several dispatches in one file are told apart and read as several documents ("name#LINE", with a
/// warning, VIG-R017): a line that opens with the seed prefix " date YYYY[-MM[-DD]] " (that dispatch takes
/// its date), or a dateline after a blank line — an upper-case place, a comma, a day and a month, the
/// agency in brackets and a dash ("GAO, 12 mars (AFP) -", "KABUL, March 3 (Reuters) —").
/// </summary>
public sealed class PlainTextReader : IDocumentReader
{
    public static readonly PlainTextReader Instance = new();
    public string Format => "txt";

    private static readonly string[] HeaderKeys = ["date", "title", "url", "source", "lang", "id"];

    public IEnumerable<ReadItem> Read(string path, Stream stream, ReaderOptions options)
    {
        if (!Utf8Input.TryReadAll(stream, options.MaxFileBytes, out var text, out var badLine, out var error))
        {
            yield return ReadItem.Reject(new Origin(path, badLine), error);
            yield break;
        }
        foreach (var item in ReadText(path, text, options)) yield return item;
    }

    /// <summary>Reads one decoded text: one document, or one per dispatch when the text holds several.</summary>
    public static IEnumerable<ReadItem> ReadText(string path, string text, ReaderOptions options)
    {
        var fields = new DocumentFields();
        var pos = 0;
        var line = 1;
        var bodyLine = 1;
        if (TryHeader(text, 0, out var key, out var value, out var next) && key == "date")
        {
            // header block: "key: value" lines, then an optional blank line
            fields.Date = value;
            fields.DateLine = 1;
            pos = next; line = 2;
            while (TryHeader(text, pos, out key, out value, out next) && key != "date")
            {
                Set(fields, key, value);
                pos = next; line++;
            }
            while (pos < text.Length)
            {
                var eol = text.IndexOf('\n', pos);
                var l = eol < 0 ? text.AsSpan(pos) : text.AsSpan(pos, eol - pos);
                if (!l.IsWhiteSpace()) break;
                pos = eol < 0 ? text.Length : eol + 1; line++;
            }
            bodyLine = line;
        }
        var body = text[pos..].TrimEnd();
        var lead = body.Length - body.TrimStart().Length;
        if (lead > 0) { bodyLine += body.AsSpan(0, lead).Count('\n'); body = body[lead..]; }
        if (fields.Date == null && options.Date == null && DateText.TryFromFileName(Path.GetFileName(path), out var fromName)) fields.Date = fromName.ToString();

        var starts = DispatchStarts(body);
        if (starts.Count == 0)
        {
            fields.Text = body;
            yield return fields.ToItem(new Origin(path, bodyLine), DocumentFields.Stem(path), options, optionDateFirst: options.Date != null);
            yield break;
        }
        // several dispatches: each is a document numbered by its first line, as in the seed format
        var stem = fields.Id ?? DocumentFields.Stem(path);
        var bounds = new List<(int Start, int Line, string? Date, int Skip)> { (0, bodyLine, null, 0) };
        var line2 = bodyLine;
        var last = 0;
        foreach (var (at, skip, date) in starts)
        {
            line2 += body.AsSpan(last, at - last).Count('\n');
            last = at;
            bounds.Add((at, line2, date, skip));
        }
        yield return ReadItem.Note(new Origin(path, bodyLine),
            $"{ErrorCatalogue.Dispatches.Code} {bounds.Count} dispatches in one text file (each opens with a dateline or a ' date ' prefix): read as {bounds.Count} documents {stem}#{bounds[0].Line} … {stem}#{bounds[^1].Line}");
        for (var i = 0; i < bounds.Count; i++)
        {
            var (start, line3, date, skip) = bounds[i];
            var end = i + 1 < bounds.Count ? bounds[i + 1].Start : body.Length;
            var part = new DocumentFields
            {
                Id = $"{stem}#{line3}",
                Date = date ?? fields.Date,
                Text = body[(start + skip)..end].Trim(),
                Lang = fields.Lang,
                Source = fields.Source,
                // the header's title and URL are those of the file's first dispatch
                Title = i == 0 ? fields.Title : null,
                Url = i == 0 ? fields.Url : null,
            };
            yield return part.ToItem(new Origin(path, line3), stem, options, optionDateFirst: options.Date != null && date == null);
        }
    }

    /// <summary>
    /// Where dispatches after the first start in <paramref name="body"/>: offsets of lines opening with the seed
    /// prefix (with its length and date), or of datelines that follow a blank line.
    /// </summary>
    public static List<(int At, int Skip, string? Date)> DispatchStarts(string body)
    {
        var starts = new List<(int, int, string?)>();
        var blankBefore = false;
        var pos = body.IndexOf('\n');
        while (pos >= 0 && pos < body.Length)
        {
            var at = pos + 1;
            var eol = body.IndexOf('\n', at);
            var line = (eol < 0 ? body.AsSpan(at) : body.AsSpan(at, eol - at)).TrimEnd('\r');
            var prefix = SeedLineReader.PrefixLength(line, out var token);
            if (prefix > 0 && token.Length >= 4) starts.Add((at, prefix, token.ToString()));
            else if (blankBefore && IsDateline(line)) starts.Add((at, 0, null));
            blankBefore = line.IsWhiteSpace();
            pos = eol;
        }
        return starts;
    }

    private static readonly System.Text.RegularExpressions.Regex Dateline = new(
        @"^\s*\p{Lu}[\p{Lu}\p{M}'’ .-]{1,40}(?:\s*\([^)\n]{1,40}\))?\s*,\s*(?:\d{1,2}(?:er|st|nd|rd|th)?\s+\p{L}{3,10}\.?|\p{L}{3,10}\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*\([\p{L}\p{M} .&/-]{2,30}\)\s*[-–—]",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>"GAO, 12 mars (AFP) -", "KABUL, March 3 (Reuters) —": a place in capitals, a day and a month, the agency, a dash.</summary>
    public static bool IsDateline(ReadOnlySpan<char> line) => line.Length >= 12 && Dateline.IsMatch(line.Length > 160 ? line[..160] : line);

    private static void Set(DocumentFields f, string key, string value)
    {
        switch (key)
        {
            case "title": f.Title = value; break;
            case "url": f.Url = value; break;
            case "source": f.Source = value; break;
            case "lang": f.Lang = value; break;
            case "id": f.Id = value; break;
        }
    }

    /// <summary>A line "key: value" (or "Key : value") at <paramref name="pos"/> with a known key.</summary>
    private static bool TryHeader(string text, int pos, out string key, out string value, out int next)
    {
        key = value = ""; next = pos;
        var eol = text.IndexOf('\n', pos);
        var end = eol < 0 ? text.Length : eol;
        var line = text.AsSpan(pos, end - pos).TrimEnd('\r');
        var colon = line.IndexOf(':');
        if (colon <= 0 || colon > 8) return false;
        var k = line[..colon].Trim().ToString().ToLowerInvariant();
        if (Array.IndexOf(HeaderKeys, k) < 0) return false;
        key = k;
        value = line[(colon + 1)..].Trim().ToString();
        next = eol < 0 ? text.Length : eol + 1;
        return true;
    }
}
