using System.Globalization;
using System.Text.Json;
using Vigie.Errors;
using Vigie.Model;

namespace Vigie.Readers;

/// <summary>
/// JSON Lines: one object per line with id, date, text and optional lang, title, url, source
/// (other fields, e.g. the events of a gold file, are ignored). Streamed line by line; a bad line
/// is rejected with its number and the next lines are still read.
/// </summary>
public sealed class JsonLinesReader : IDocumentReader
{
    public static readonly JsonLinesReader Instance = new();
    public string Format => "jsonl";

    public IEnumerable<ReadItem> Read(string path, Stream stream, ReaderOptions options)
    {
        var stem = DocumentFields.Stem(path);
        foreach (var line in Utf8Input.ReadLines(stream, options.MaxFileBytes))
        {
            var origin = new Origin(path, line.Number);
            if (line.Error != null) { yield return ReadItem.Reject(origin, line.Error); continue; }
            if (string.IsNullOrWhiteSpace(line.Text)) continue;
            yield return ReadLine(line.Text, origin, $"{stem}#{line.Number}", options);
        }
    }

    private static ReadItem ReadLine(string text, Origin origin, string defaultId, ReaderOptions options)
    {
        try
        {
            using var json = JsonDocument.Parse(text, JsonFields.DocumentOptions);
            return JsonFields.ToItem(json.RootElement, origin, defaultId, options);
        }
        catch (JsonException e) { return ReadItem.Reject(origin, JsonFields.Describe(e)); }
    }
}

/// <summary>
/// A .json file: one object, an array of objects, or several objects one after the other. The
/// file is parsed whole (bounded by <see cref="ReaderOptions.MaxFileBytes"/>); each object is one
/// document, numbered by the line where it starts. A syntax error stops the file at its line.
/// </summary>
public sealed class JsonFileReader : IDocumentReader
{
    public static readonly JsonFileReader Instance = new();
    public string Format => "json";

    public IEnumerable<ReadItem> Read(string path, Stream stream, ReaderOptions options)
    {
        var stem = DocumentFields.Stem(path);
        var problemLine = 1;
        if (!Utf8Input.TryReadBytes(stream, options.MaxFileBytes, out var bytes, out var problem)
            || !Utf8Input.TryDecode(bytes, out _, out problemLine, out problem))
        {
            yield return ReadItem.Reject(new Origin(path, Math.Max(problemLine, 1)), problem);
            yield break;
        }

        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var items = new List<ReadItem>();
        ParseAll(bytes.AsMemory(start), path, stem, options, items);
        foreach (var item in items) yield return item;
    }

    // Utf8JsonReader is a ref struct and cannot live across yields: the documents are collected
    // first (the file is in memory anyway).
    private static void ParseAll(ReadOnlyMemory<byte> data, string path, string stem, ReaderOptions options, List<ReadItem> items)
    {
        var reader = new Utf8JsonReader(data.Span, new JsonReaderOptions
        {
            AllowMultipleValues = true,
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = JsonFields.MaxDepth,
        });
        var lines = new LineCounter(data);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        items.Add(ParseOne(ref reader, lines, path, stem, options));
                }
                else items.Add(ParseOne(ref reader, lines, path, stem, options));
            }
        }
        catch (JsonException e)
        {
            items.Add(ReadItem.Reject(new Origin(path, (int)(e.LineNumber ?? 0) + 1), JsonFields.Describe(e)));
        }
    }

    private static ReadItem ParseOne(ref Utf8JsonReader reader, LineCounter lines, string path, string stem, ReaderOptions options)
    {
        var line = lines.LineOf((int)reader.TokenStartIndex);
        using var json = JsonDocument.ParseValue(ref reader);
        return JsonFields.ToItem(json.RootElement, new Origin(path, line), $"{stem}#{line}", options);
    }

    /// <summary>Line numbers of increasing byte offsets, counted once.</summary>
    private sealed class LineCounter(ReadOnlyMemory<byte> data)
    {
        private int _offset, _line = 1;

        public int LineOf(int offset)
        {
            if (offset < _offset) { _offset = 0; _line = 1; }
            _line += data.Span[_offset..offset].Count((byte)'\n');
            _offset = offset;
            return _line;
        }
    }
}

/// <summary>Reads the document fields of a JSON object, strictly typed: a field of the wrong type rejects the object.</summary>
internal static class JsonFields
{
    public const int MaxDepth = 64;
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = MaxDepth,
    };

    private static readonly string[] StringFields = ["lang", "title", "url", "source"];

    public static ReadItem ToItem(JsonElement root, Origin origin, string defaultId, ReaderOptions options)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return ReadItem.Reject(origin, $"{ErrorCatalogue.Json.Code} expected a JSON object with a \"text\" field, found {Kind(root.ValueKind)}");
        var f = new DocumentFields();
        if (root.TryGetProperty("text", out var text))
        {
            if (text.ValueKind == JsonValueKind.String) f.Text = text.GetString();
            else if (text.ValueKind != JsonValueKind.Null) return WrongType(origin, "text", "a string", text);
        }
        if (root.TryGetProperty("id", out var id))
        {
            if (id.ValueKind == JsonValueKind.String) f.Id = id.GetString();
            else if (id.ValueKind == JsonValueKind.Number) f.Id = id.GetRawText();
            else if (id.ValueKind != JsonValueKind.Null) return WrongType(origin, "id", "a string or a number", id);
        }
        if (root.TryGetProperty("date", out var date))
        {
            if (date.ValueKind == JsonValueKind.String) f.Date = date.GetString();
            else if (date.ValueKind == JsonValueKind.Number) f.Date = date.TryGetInt32(out var y) ? y.ToString(CultureInfo.InvariantCulture) : date.GetRawText();
            else if (date.ValueKind != JsonValueKind.Null) return WrongType(origin, "date", "a string \"YYYY-MM-DD\"", date);
        }
        foreach (var name in StringFields)
        {
            if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) continue;
            if (v.ValueKind != JsonValueKind.String) return WrongType(origin, name, "a string", v);
            var s = v.GetString();
            switch (name)
            {
                case "lang": f.Lang = s; break;
                case "title": f.Title = s; break;
                case "url": f.Url = s; break;
                default: f.Source = s; break;
            }
        }
        return f.ToItem(origin, defaultId, options);
    }

    private static ReadItem WrongType(Origin origin, string field, string expected, JsonElement found) =>
        ReadItem.Reject(origin, $"{ErrorCatalogue.Field.Code} field \"{field}\" must be {expected}, found {Kind(found.ValueKind)}");

    private static string Kind(JsonValueKind k) => k switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>The parser's message without its internal position suffix, plus the column.</summary>
    public static string Describe(JsonException e)
    {
        var m = e.Message;
        var cut = m.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) m = m[..cut];
        if (m.Length > 200) m = m[..200] + "…";
        var column = e.BytePositionInLine is { } b ? $" (column {b + 1})" : "";
        return $"{ErrorCatalogue.Json.Code} not valid JSON{column}: {m}";
    }
}
