using System.Buffers;
using System.Text.Json;
using Vigie.Web.Data;

namespace Vigie.Web.Api;

/// <summary>An event page as a GeoJSON FeatureCollection (RFC 7946); paging stays in foreign members.</summary>
public static class GeoJson
{
    public sealed record Point(double[] Coordinates)
    {
        public string Type => "Point";
    }

    public sealed record Feature(string Id, Point? Geometry, EventSummary Properties)
    {
        public string Type => "Feature";
    }

    public sealed record FeatureCollection(long Total, int Page, int PageSize, IReadOnlyList<Feature> Features)
    {
        public string Type => "FeatureCollection";
        public string? Next { get; init; }
    }

    public static FeatureCollection From(EventPage page) =>
        new(page.Total, page.Page, page.PageSize, page.Events.Select(FeatureOf).ToList()) { Next = page.Next };

    private static Feature FeatureOf(EventSummary e) =>
        new(e.Id, e.Location is { Lat: { } lat, Lon: { } lon } ? new Point([lon, lat]) : null, e);

    /// <summary>The JSON of <see cref="FeatureOf"/> with the event's own text (<see cref="EventPage.EventJson"/>) copied as its properties.</summary>
    private static void WriteFeature(Utf8JsonWriter w, EventSummary e, byte[] properties, JsonSerializerOptions options, Func<string, string> name)
    {
        w.WriteStartObject();
        w.WriteString(name(nameof(Feature.Id)), e.Id);
        w.WritePropertyName(name(nameof(Feature.Geometry)));
        if (e.Location is { Lat: { } lat, Lon: { } lon })
        {
            w.WriteStartObject();
            w.WriteStartArray(name(nameof(Point.Coordinates)));
            w.WriteNumberValue(lon);
            w.WriteNumberValue(lat);
            w.WriteEndArray();
            w.WriteString(name(nameof(Point.Type)), "Point");
            w.WriteEndObject();
        }
        else w.WriteNullValue();
        w.WritePropertyName(name(nameof(Feature.Properties)));
        w.WriteRawValue(properties, skipInputValidation: true);
        w.WriteString(name(nameof(Feature.Type)), "Feature");
        w.WriteEndObject();
    }

    /// <summary>Features written between two sends of <see cref="WriteAsync"/>.</summary>
    public const int FeaturesPerChunk = 64;

    /// <summary>
    /// Writes <paramref name="page"/> as the JSON of <see cref="From"/> (the same bytes), one feature at a time: every
    /// <see cref="FeaturesPerChunk"/> features the text so far is sent to <paramref name="body"/> (and appended to
    /// <paramref name="copy"/>), so no collection of features is built and a large page reaches the client as it is written.
    /// </summary>
    public static async Task WriteAsync(Stream body, EventPage page, JsonSerializerOptions options, IBufferWriter<byte>? copy, CancellationToken cancel)
    {
        await using var c = new Chunks(body, options, copy, cancel);
        var w = c.Open(page, nameof(FeatureCollection.Features));
        for (var i = 0; i < page.Events.Count; i++)
        {
            if (page.EventJson is { } texts) WriteFeature(w, page.Events[i], texts[i], options, c.Name);
            else JsonSerializer.Serialize(w, FeatureOf(page.Events[i]), options);
            if ((i + 1) % FeaturesPerChunk == 0) await c.SendAsync();
        }
        w.WriteEndArray();
        w.WriteString(c.Name(nameof(FeatureCollection.Type)), "FeatureCollection");
        await c.CloseAsync(page.Next);
    }

    /// <summary>
    /// Writes <paramref name="page"/> as the JSON the serializer gives it (the same bytes), copying each event's text
    /// when the page carries them (<see cref="EventPage.EventJson"/>), in chunks as <see cref="WriteAsync"/> does.
    /// </summary>
    public static async Task WritePageAsync(Stream body, EventPage page, JsonSerializerOptions options, IBufferWriter<byte>? copy, CancellationToken cancel)
    {
        if (page.EventJson is not { } texts)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(page, options);
            copy?.Write(bytes);
            await body.WriteAsync(bytes, cancel);
            return;
        }
        await using var c = new Chunks(body, options, copy, cancel);
        var w = c.Open(page, nameof(EventPage.Events));
        for (var i = 0; i < texts.Count; i++)
        {
            w.WriteRawValue(texts[i], skipInputValidation: true);
            if ((i + 1) % (4 * FeaturesPerChunk) == 0) await c.SendAsync();
        }
        w.WriteEndArray();
        await c.CloseAsync(page.Next);
    }

    /// <summary>A JSON writer over a buffer that is sent to the response (and appended to the copy kept) chunk by chunk.</summary>
    private sealed class Chunks(Stream body, JsonSerializerOptions options, IBufferWriter<byte>? copy, CancellationToken cancel) : IAsyncDisposable
    {
        private readonly ArrayBufferWriter<byte> _chunk = new(16 * 1024);
        private Utf8JsonWriter? _writer;

        public Utf8JsonWriter Writer => _writer ??= new Utf8JsonWriter(_chunk, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, SkipValidation = true });

        public string Name(string n) => options.PropertyNamingPolicy?.ConvertName(n) ?? n;

        /// <summary>Opens the page object (total, page, page size) and its array of items named <paramref name="items"/>.</summary>
        public Utf8JsonWriter Open(EventPage page, string items)
        {
            var w = Writer;
            w.WriteStartObject();
            w.WriteNumber(Name(nameof(EventPage.Total)), page.Total);
            w.WriteNumber(Name(nameof(EventPage.Page)), page.Page);
            w.WriteNumber(Name(nameof(EventPage.PageSize)), page.PageSize);
            w.WriteStartArray(Name(items));
            return w;
        }

        /// <summary>Writes the next page's key (or null), closes the page object and sends what is left.</summary>
        public async Task CloseAsync(string? next)
        {
            Writer.WritePropertyName(Name(nameof(EventPage.Next)));
            if (next != null) Writer.WriteStringValue(next); else Writer.WriteNullValue();
            Writer.WriteEndObject();
            await SendAsync();
        }

        public async Task SendAsync()
        {
            await Writer.FlushAsync(cancel);
            copy?.Write(_chunk.WrittenSpan);
            await body.WriteAsync(_chunk.WrittenMemory, cancel);
            _chunk.ResetWrittenCount();
        }

        public ValueTask DisposeAsync() => _writer?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
