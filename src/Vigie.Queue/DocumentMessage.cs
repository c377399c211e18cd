using System.Text.Json;
using System.Text.Json.Serialization;
using Vigie.Model;

namespace Vigie.Queue;

/// <summary>
/// A document as it travels on the queue: JSON with the text and what the readers found about it
/// (id, date, language, address, title, outlet, and the file and line it was read from, for messages).
/// </summary>
public sealed record DocumentMessage
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("date")] public string? Date { get; init; }
    [JsonPropertyName("lang")] public string? Language { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("file")] public string? File { get; init; }
    [JsonPropertyName("line")] public int Line { get; init; }

    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static byte[] Encode(Document d) => JsonSerializer.SerializeToUtf8Bytes(new DocumentMessage
    {
        Id = d.Id, Text = d.Text, Date = d.Published?.ToString(), Language = d.Language, Url = d.Url, Title = d.Title,
        Source = d.SourceOutlet, File = d.Origin.File, Line = d.Origin.Line,
    }, Options);

    /// <summary>The document of a message; a message that is not one (bad JSON, no text, a bad date) gives the reason instead.</summary>
    public static Document? Decode(ReadOnlySpan<byte> data, out string? error)
    {
        error = null;
        DocumentMessage? m;
        try { m = JsonSerializer.Deserialize<DocumentMessage>(data, Options); }
        catch (JsonException e) { error = "not a document message: " + e.Message; return null; }
        if (m == null || string.IsNullOrEmpty(m.Text) || string.IsNullOrEmpty(m.Id)) { error = "not a document message: no id or no text"; return null; }
        PartialDate? date = null;
        if (m.Date != null)
        {
            if (!PartialDate.TryParse(m.Date, out var d)) { error = $"not a document message: bad date '{m.Date}'"; return null; }
            date = d;
        }
        return new Document(m.Id, m.Text)
        {
            Published = date, Language = m.Language, Url = m.Url, Title = m.Title, SourceOutlet = m.Source,
            Origin = new Origin(m.File ?? "queue", m.Line),
        };
    }
}
