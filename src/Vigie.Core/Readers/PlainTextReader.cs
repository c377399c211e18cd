using Vigie.Model;

namespace Vigie.Readers;

/// <summary>
/// A plain .txt article: the whole file is one document. Its date comes from --date, else from a
/// first line "date: 2018-04-27" (header lines "title:", "url:", "source:", "lang:", "id:" may
/// follow, then a blank line), else from a date in the file name (2018-04-27, 20180427,
/// 2018-04); otherwise it is kept with an unknown date and a warning.
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
        yield return ReadText(path, text, options);
    }

    /// <summary>Reads one decoded text (used for files and for tests).</summary>
    public static ReadItem ReadText(string path, string text, ReaderOptions options)
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
        fields.Text = body;

        var origin = new Origin(path, bodyLine);
        if (options.Date != null) return fields.ToItem(origin, DocumentFields.Stem(path), options, optionDateFirst: true);
        if (fields.Date == null && DateText.TryFromFileName(Path.GetFileName(path), out var fromName)) fields.Date = fromName.ToString();
        return fields.ToItem(origin, DocumentFields.Stem(path), options);
    }

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
