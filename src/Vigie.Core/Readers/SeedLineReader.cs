using System.Text;
using Vigie.Errors;
using Vigie.Model;

namespace Vigie.Readers;

/// <summary>
/// The store's line format: a line " date 2018-04 Les forces…" (leading space optional; the date is
/// YYYY, YYYY-MM or YYYY-MM-DD) starts a document; the lines that follow without the prefix are
/// its next paragraphs. The text is everything after the prefix, newlines kept, so offsets match
/// the gold files. One document in the file → id = file name; several → id = "name#LINE".
/// Streamed: one document is in memory at a time.
/// </summary>
public sealed class SeedLineReader : IDocumentReader
{
    public static readonly SeedLineReader Instance = new();
    public string Format => "seed";

    /// <summary>
    /// Length of the " date YYYY[-MM[-DD]] " prefix at the start of <paramref name="line"/>, with the
    /// date token; 0 when the line does not start with the prefix. The token starts with a digit and
    /// is made of digits and '-' (so a bad date like "2018-13" is recognised and then rejected).
    /// </summary>
    public static int PrefixLength(ReadOnlySpan<char> line, out ReadOnlySpan<char> dateToken)
    {
        dateToken = default;
        var i = line.Length > 0 && line[0] == ' ' ? 1 : 0;
        if (!line[i..].StartsWith("date ", StringComparison.Ordinal)) return 0;
        i += 5;
        var start = i;
        if (i >= line.Length || !char.IsAsciiDigit(line[i])) return 0;
        while (i < line.Length && (char.IsAsciiDigit(line[i]) || line[i] == '-')) i++;
        if (i < line.Length && line[i] != ' ') return 0;
        dateToken = line[start..i];
        return i < line.Length ? i + 1 : i;
    }

    public IEnumerable<ReadItem> Read(string path, Stream stream, ReaderOptions options)
    {
        var stem = DocumentFields.Stem(path);
        Block? current = null;
        var several = false;
        foreach (var line in Utf8Input.ReadLines(stream, options.MaxFileBytes))
        {
            var prefix = 0;
            string? date = null;
            if (line.Text != null)
            {
                prefix = PrefixLength(line.Text, out var token);
                if (prefix > 0) date = token.ToString();
            }
            if (date != null)
            {
                if (current != null)
                {
                    // a second document: the first one, held back until now, is numbered too
                    several = true;
                    yield return current.ToItem(path, stem, options, numbered: true);
                }
                current = new Block(line.Number, date);
                current.Text.Append(line.Text.AsSpan(prefix));
                continue;
            }
            if (current == null)
            {
                if (line.Error != null) yield return ReadItem.Reject(new Origin(path, line.Number), line.Error);
                else if (!string.IsNullOrWhiteSpace(line.Text))
                    yield return ReadItem.Reject(new Origin(path, line.Number), $"{ErrorCatalogue.Format.Code} text before the first ' date YYYY-MM ' line");
                continue;
            }
            if (line.Error != null) { current.Error ??= (line.Number, line.Error); continue; }
            current.Text.Append('\n').Append(line.Text);
        }
        if (current != null) yield return current.ToItem(path, stem, options, several);
    }

    private sealed class Block(int line, string date)
    {
        public int Line { get; } = line;
        public string Date { get; } = date;
        public StringBuilder Text { get; } = new();
        public (int Line, string Message)? Error { get; set; }

        public ReadItem ToItem(string path, string stem, ReaderOptions options, bool numbered)
        {
            if (Error is { } e) return ReadItem.Reject(new Origin(path, e.Line), e.Message);
            var end = Text.Length;
            while (end > 0 && char.IsWhiteSpace(Text[end - 1])) end--;
            var fields = new DocumentFields { Date = Date, Text = Text.ToString(0, end) };
            return fields.ToItem(new Origin(path, Line), numbered ? $"{stem}#{Line}" : stem, options);
        }
    }
}
