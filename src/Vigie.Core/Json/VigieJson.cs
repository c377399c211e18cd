using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vigie.Model;

namespace Vigie.Json;

/// <summary>System.Text.Json settings for the JSONL format of ../shared/spec/event-format.md.</summary>
public static class VigieJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        o.Converters.Add(new TextSpanConverter());
        o.Converters.Add(new PartialDateConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    /// <summary>One JSONL line; written by <see cref="RecordWriter"/>, the same bytes as the serializer with <see cref="Options"/>.</summary>
    public static string Serialize(DocumentRecord r) => RecordWriter.Serialize(r);

    public static DocumentRecord? Deserialize(string line) => JsonSerializer.Deserialize<DocumentRecord>(line, Options);

    private sealed class TextSpanConverter : JsonConverter<TextSpan>
    {
        public override TextSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("a span must be an array [start, end]");
            reader.Read();
            var start = reader.GetInt32();
            reader.Read();
            var end = reader.GetInt32();
            reader.Read();
            if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("a span must have exactly two numbers");
            if (start < 0 || end < start) throw new JsonException($"span [{start}, {end}] is not a valid range");
            return new TextSpan(start, end);
        }

        public override void Write(Utf8JsonWriter writer, TextSpan value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Start);
            writer.WriteNumberValue(value.End);
            writer.WriteEndArray();
        }
    }

    private sealed class PartialDateConverter : JsonConverter<PartialDate>
    {
        public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var s = reader.TokenType == JsonTokenType.Number ? reader.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : reader.GetString();
            return PartialDate.TryParse(s, out var d) ? d : throw new JsonException($"'{s}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        }

        public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
