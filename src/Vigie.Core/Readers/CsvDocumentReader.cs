using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Vigie.Errors;
using Vigie.Model;

namespace Vigie.Readers;

/// <summary>
/// CSV with a header row naming the columns id, date, text, lang, title, url, source (any order,
/// any case; only "text" is required; "," or ";" separated). Streamed row by row; a row with a
/// broken quote or a bad field is rejected with its line and the next rows are still read.
/// </summary>
public sealed class CsvDocumentReader : IDocumentReader
{
    public static readonly CsvDocumentReader Instance = new();
    public string Format => "csv";

    private static readonly string[] Columns = ["id", "date", "text", "lang", "title", "url", "source"];

    public IEnumerable<ReadItem> Read(string path, Stream stream, ReaderOptions options)
    {
        var stem = DocumentFields.Stem(path);
        string? badData = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = args => badData ??= args.Field,
            IgnoreBlankLines = true,
        };
        using var text = Utf8Input.OpenText(stream);
        using var csv = new CsvReader(text, config);

        // header
        var (ok, failure) = Step(csv, path, 1);
        if (failure != null) { yield return failure; yield break; }
        if (!ok) { yield return ReadItem.Reject(new Origin(path, 1), $"{ErrorCatalogue.Empty.Code} empty CSV file"); yield break; }
        var index = new int[Columns.Length];
        Array.Fill(index, -1);
        var header = csv.Parser.Record ?? [];
        for (var i = 0; i < header.Length; i++)
        {
            var c = Array.IndexOf(Columns, header[i].Trim().TrimStart('\uFEFF').ToLowerInvariant());
            if (c >= 0 && index[c] < 0) index[c] = i;
        }
        if (index[2] < 0)
        {
            yield return ReadItem.Reject(new Origin(path, 1),
                $"{ErrorCatalogue.Csv.Code} the header row must name a 'text' column (found: {DocumentFields.Shorten(string.Join(", ", header))})");
            yield break;
        }

        var previousRaw = csv.Parser.RawRow;
        while (true)
        {
            badData = null;
            (ok, failure) = Step(csv, path, previousRaw + 1);
            if (failure != null) { yield return failure; yield break; }
            if (!ok) break;
            // the record ends on RawRow; it starts as many lines earlier as it has newlines inside
            // (blank lines skipped before it are not counted)
            var record = csv.Parser.Record ?? [];
            var line = Math.Max(previousRaw + 1, csv.Parser.RawRow - csv.Parser.RawRecord.AsSpan().TrimEnd("\r\n").Count('\n'));
            var origin = new Origin(path, line);
            previousRaw = csv.Parser.RawRow;
            if (badData != null)
            {
                yield return ReadItem.Reject(origin, $"{ErrorCatalogue.Csv.Code} broken quoting in field \"{DocumentFields.Shorten(badData)}\" (a quote inside a field must be doubled: \"\")");
                continue;
            }
            string? Field(int c) => index[c] >= 0 && index[c] < record.Length ? record[index[c]] : null;
            var fields = new DocumentFields
            {
                Id = Field(0), Date = Field(1), Text = Field(2), Lang = Field(3),
                Title = Field(4), Url = Field(5), Source = Field(6),
            };
            if (record.Length <= index[2])
            {
                yield return ReadItem.Reject(origin, $"{ErrorCatalogue.Csv.Code} the row has {record.Length} fields; the 'text' column is number {index[2] + 1}");
                continue;
            }
            yield return fields.ToItem(origin, $"{stem}#{line}", options);
        }
    }

    /// <summary>Reads one record; a parser or encoding failure becomes a rejection at the current line.</summary>
    private static (bool Ok, ReadItem? Failure) Step(CsvReader csv, string path, int line)
    {
        try { return (csv.Read(), null); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            for (var x = e; x != null; x = x.InnerException)
                if (x is InputException ie) return (false, ReadItem.Reject(new Origin(path, ie.Line), ie.Message));
            var message = e.Message.Split('\n')[0].Trim();
            return (false, ReadItem.Reject(new Origin(path, line), $"{ErrorCatalogue.Csv.Code} CSV parse error: {DocumentFields.Shorten(message)}"));
        }
    }
}
