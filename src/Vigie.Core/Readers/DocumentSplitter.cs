using System.Globalization;
using Vigie.Errors;
using Vigie.Model;

namespace Vigie.Readers;

/// <summary>
/// Bounds the size of one document: a text longer than <see cref="ReaderOptions.MaxDocumentChars"/> is cut
/// into parts no longer than the limit, each a document of its own (<c>ID.part1</c>, <c>ID.part2</c>…, same
/// date, language, title, URL and outlet). Cuts fall on a blank line (a paragraph end) when one lies in the
/// second half of the window, else on a line end, else after a sentence, else on a space; a text with none of
/// those is cut at the limit. The extraction's cost grows with the length of a document, so this keeps the
/// time of a run proportional to the size of its input.
/// </summary>
public static class DocumentSplitter
{
    /// <summary>The document itself when it is within the limit; else its parts, the first with a warning (VIG-R016).</summary>
    public static IEnumerable<ReadItem> Limit(ReadItem item, int maxChars)
    {
        if (item.Document is not { } doc || maxChars <= 0 || doc.Text.Length <= maxChars)
        {
            yield return item;
            yield break;
        }
        var cuts = Cuts(doc.Text, maxChars);
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{ErrorCatalogue.Split.Code} a text of {doc.Text.Length:N0} characters is over the limit of {maxChars:N0} (--max-document-size): split at paragraph ends into {cuts.Count} documents {doc.Id}.part1 … {doc.Id}.part{cuts.Count}");
        // a problem the reader attached (a missing date…) stays with the first part
        if (item.Problem != null) yield return new ReadItem(null, item.Problem);
        yield return ReadItem.Note(doc.Origin, message);
        for (var i = 0; i < cuts.Count; i++)
        {
            var (start, end) = cuts[i];
            var part = new Document($"{doc.Id}.part{i + 1}", doc.Text[start..end])
            {
                Published = doc.Published,
                Language = doc.Language,
                Url = doc.Url,
                Title = doc.Title,
                SourceOutlet = doc.SourceOutlet,
                Origin = doc.Origin,
            };
            yield return ReadItem.Ok(part);
        }
    }

    /// <summary>Where to cut <paramref name="text"/>: ranges of at most <paramref name="max"/> characters, white space at the cuts left out.</summary>
    public static List<(int Start, int End)> Cuts(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 16);
        var parts = new List<(int, int)>();
        var pos = SkipSpace(text, 0);
        while (text.Length - pos > max)
        {
            var cut = CutPoint(text, pos, pos + max);
            var end = cut;
            while (end > pos && char.IsWhiteSpace(text[end - 1])) end--;
            if (end > pos) parts.Add((pos, end));
            pos = SkipSpace(text, cut);
        }
        var last = text.Length;
        while (last > pos && char.IsWhiteSpace(text[last - 1])) last--;
        if (last > pos) parts.Add((pos, last));
        return parts;
    }

    /// <summary>The best place to end a part that starts at <paramref name="from"/> and may not go past <paramref name="limit"/>.</summary>
    private static int CutPoint(string text, int from, int limit)
    {
        var low = from + (limit - from) / 2;
        var window = text.AsSpan(low, limit - low);
        // a blank line: a line end followed by white space up to the next line end
        for (var i = window.Length - 1; i >= 0; i--)
        {
            if (window[i] != '\n') continue;
            var j = i - 1;
            while (j >= 0 && window[j] is ' ' or '\t' or '\r') j--;
            if (j >= 0 && window[j] == '\n') return low + i + 1;
        }
        var nl = window.LastIndexOf('\n');
        if (nl >= 0) return low + nl + 1;
        for (var i = window.Length - 2; i >= 0; i--)
            if (window[i] is '.' or '!' or '?' && char.IsWhiteSpace(window[i + 1])) return low + i + 1;
        for (var i = window.Length - 1; i >= 0; i--)
            if (char.IsWhiteSpace(window[i])) return low + i;
        // no white space at all: cut at the limit, never inside a surrogate pair
        return char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    /// <summary>Reads a size as the command line gives it: a number of characters, or with K or M (1,024 and 1,048,576).</summary>
    public static bool TryParseSize(string? s, out int chars)
    {
        chars = 0;
        if (string.IsNullOrWhiteSpace(s)) return false;
        s = s.Trim();
        long unit = 1;
        var last = char.ToUpperInvariant(s[^1]);
        if (last == 'B' && s.Length > 1) { s = s[..^1]; last = char.ToUpperInvariant(s[^1]); }
        if (last == 'K') { unit = 1024; s = s[..^1]; }
        else if (last == 'M') { unit = 1024 * 1024; s = s[..^1]; }
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) return false;
        var total = n * unit;
        if (total < 1 || total > int.MaxValue) return false;
        chars = (int)total;
        return true;
    }
}
