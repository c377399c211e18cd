using System.Buffers;
using System.Text;
using System.Text.Json;
using Vigie.Model;

namespace Vigie.Json;

/// <summary>
/// Writes a <see cref="DocumentRecord"/> as one JSONL line, by hand with a <see cref="Utf8JsonWriter"/>: the same bytes
/// as <c>JsonSerializer.Serialize(record, VigieJson.Options)</c> (snake_case names in declaration order, nulls left
/// out except a report's <c>source</c>, enums as snake_case strings, spans as <c>[start, end]</c>, extension data
/// last, the relaxed encoder), without the serializer's reflection-driven metadata walk. The names are encoded once.
/// Tests hold it equal to the serializer (<c>RecordWriterTests</c>).
/// </summary>
public static class RecordWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = VigieJson.Options.Encoder,
        Indented = false,
        SkipValidation = true,
    };

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    private static JsonEncodedText N(string s) => JsonEncodedText.Encode(s, VigieJson.Options.Encoder);

    // property names, snake_case of the members of Records.cs
    private static readonly JsonEncodedText Id = N("id"), Lang = N("lang"), Date = N("date"), DateResolved = N("date_resolved"),
        Title = N("title"), Url = N("url"), Source = N("source"), Text = N("text"), Events = N("events"),
        CasualtyReports = N("casualty_reports"), Evidence = N("evidence"), Reason = N("reason"), Start = N("start"), End = N("end"),
        Type = N("type"), Subtype = N("subtype"), Location = N("location"), Actor1 = N("actor1"), Actor2 = N("actor2"),
        Fatalities = N("fatalities"), Sources = N("sources"), Modality = N("modality"), Optional = N("optional"),
        FieldEvidence = N("field_evidence"), Name = N("name"), Country = N("country"), Admin1 = N("admin1"), Lat = N("lat"),
        Lon = N("lon"), GeonamesId = N("geonames_id"), Precision = N("precision"), Kind = N("kind"), Scope = N("scope"),
        Period = N("period"), Area = N("area"), Figures = N("figures"), Outcome = N("outcome"), Group = N("group"),
        NamedGroup = N("named_group"), Count = N("count"), Bound = N("bound"), Low = N("low"), High = N("high");

    private static JsonEncodedText[] EnumNames<T>() where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var names = new JsonEncodedText[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (Convert.ToInt32(values[i], System.Globalization.CultureInfo.InvariantCulture) != i)
                throw new InvalidOperationException($"{typeof(T).Name} values must be 0..n-1");
            names[i] = N(JsonNamingPolicy.SnakeCaseLower.ConvertName(values[i].ToString()));
        }
        return names;
    }

    private static readonly JsonEncodedText[] EventTypes = EnumNames<EventType>(), EventSubtypes = EnumNames<EventSubtype>(),
        ActorKinds = EnumNames<ActorKind>(), Modalities = EnumNames<Modality>(), Scopes = EnumNames<ReportScope>(),
        Outcomes = EnumNames<Outcome>(), Groups = EnumNames<VictimGroup>(), Bounds = EnumNames<Bound>();

    /// <summary>This thread's writer, reset onto this thread's emptied buffer (both made on first use).</summary>
    private static Utf8JsonWriter ThreadWriter(out ArrayBufferWriter<byte> buffer)
    {
        buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var w = t_writer;
        if (w == null) t_writer = w = new Utf8JsonWriter(buffer, WriterOptions);
        else w.Reset(buffer);
        return w;
    }

    /// <summary>The record as a JSON string (one line).</summary>
    public static string Serialize(DocumentRecord r)
    {
        var w = ThreadWriter(out var buffer);
        try
        {
            Write(w, r);
            w.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            // a huge document's buffer is not kept for the thread's life
            if (buffer.Capacity > 4 * 1024 * 1024) t_buffer = null;
        }
    }

    /// <summary>The record's UTF-8 bytes (one line, no newline), valid until the thread's next call.</summary>
    public static ReadOnlySpan<byte> Utf8(DocumentRecord r)
    {
        var w = ThreadWriter(out var buffer);
        Write(w, r);
        w.Flush();
        return buffer.WrittenSpan;
    }

    /// <summary>
    /// An event's UTF-8 bytes, the same as <c>JsonSerializer.Serialize(e, VigieJson.Options)</c> (a fused event as a
    /// store writes it), valid until the thread's next call.
    /// </summary>
    public static ReadOnlySpan<byte> Utf8(Event e)
    {
        var w = ThreadWriter(out var buffer);
        WriteEvent(w, e);
        w.Flush();
        return buffer.WrittenSpan;
    }

    /// <summary>An event as a JSON string (see <see cref="Utf8(Event)"/>).</summary>
    public static string Serialize(Event e) => Encoding.UTF8.GetString(Utf8(e));

    /// <summary>
    /// A casualty report as a JSON string, the same as <c>JsonSerializer.Serialize(r, VigieJson.Options)</c> (a report as a
    /// store writes it).
    /// </summary>
    public static string Serialize(CasualtyReport r)
    {
        var w = ThreadWriter(out var buffer);
        WriteReport(w, r);
        w.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter w, DocumentRecord r)
    {
        w.WriteStartObject();
        Str(w, Id, r.Id);
        Str(w, Lang, r.Lang);
        Str(w, Date, r.Date);
        if (r.DateResolved is { } dr)
        {
            w.WritePropertyName(DateResolved);
            w.WriteStartObject();
            PartialDateValue(w, Date, dr.Date);
            Spans(w, Evidence, dr.Evidence);
            Str(w, Reason, dr.Reason);
            w.WriteEndObject();
        }
        Str(w, Title, r.Title);
        Str(w, Url, r.Url);
        Str(w, Source, r.Source);
        Str(w, Text, r.Text);
        List(w, Events, r.Events, WriteEvent);
        List(w, CasualtyReports, r.CasualtyReports, WriteReport);
        Extra(w, r.Extra);
        w.WriteEndObject();
    }

    /// <summary>A property holding an array of records, each written by <paramref name="write"/>; nothing when the list is null.</summary>
    private static void List<T>(Utf8JsonWriter w, JsonEncodedText name, IEnumerable<T>? items, Action<Utf8JsonWriter, T> write)
    {
        if (items == null) return;
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var item in items) write(w, item);
        w.WriteEndArray();
    }

    private static void WriteEvent(Utf8JsonWriter w, Event? e)
    {
        if (e == null) { w.WriteNullValue(); return; }
        w.WriteStartObject();
        w.WriteString(Type, EventTypes[(int)e.Type]);
        if (e.Subtype is { } st) w.WriteString(Subtype, EventSubtypes[(int)st]);
        Range(w, Date, e.Date);
        if (e.Location is { } loc)
        {
            w.WritePropertyName(Location);
            w.WriteStartObject();
            Str(w, Name, loc.Name);
            Str(w, Country, loc.Country);
            Str(w, Admin1, loc.Admin1);
            if (loc.Lat is { } lat) w.WriteNumber(Lat, lat);
            if (loc.Lon is { } lon) w.WriteNumber(Lon, lon);
            if (loc.GeonamesId is { } gid) w.WriteNumber(GeonamesId, gid);
            if (loc.Precision is { } p) w.WriteNumber(Precision, p);
            Spans(w, Evidence, loc.Evidence);
            Extra(w, loc.Extra);
            w.WriteEndObject();
        }
        WriteActor(w, Actor1, e.Actor1);
        WriteActor(w, Actor2, e.Actor2);
        if (e.Fatalities is { } f) w.WriteNumber(Fatalities, f);
        if (e.Sources is { } sources)
        {
            w.WritePropertyName(Sources);
            w.WriteStartArray();
            foreach (var s in sources)
            {
                if (s == null) w.WriteNullValue();
                else w.WriteStringValue(s);
            }
            w.WriteEndArray();
        }
        w.WriteString(Modality, Modalities[(int)e.Modality]);
        Spans(w, Evidence, e.Evidence);
        w.WriteBoolean(Optional, e.Optional);
        if (e.FieldEvidence is { } fe)
        {
            w.WritePropertyName(FieldEvidence);
            w.WriteStartObject();
            foreach (var (key, spans) in fe)
            {
                w.WritePropertyName(key);
                SpanList(w, spans);
            }
            w.WriteEndObject();
        }
        Extra(w, e.Extra);
        w.WriteEndObject();
    }

    private static void WriteActor(Utf8JsonWriter w, JsonEncodedText name, Actor? a)
    {
        if (a == null) return;
        w.WritePropertyName(name);
        w.WriteStartObject();
        Str(w, Name, a.Name);
        if (a.Kind is { } k) w.WriteString(Kind, ActorKinds[(int)k]);
        Str(w, Country, a.Country);
        Extra(w, a.Extra);
        w.WriteEndObject();
    }

    private static void WriteReport(Utf8JsonWriter w, CasualtyReport? c)
    {
        if (c == null) { w.WriteNullValue(); return; }
        w.WriteStartObject();
        if (c.Source == null) w.WriteNull(Source); // [JsonIgnore(Condition = Never)]
        else w.WriteString(Source, c.Source);
        w.WriteString(Scope, Scopes[(int)c.Scope]);
        Range(w, Period, c.Period);
        if (c.Area is { } area)
        {
            w.WritePropertyName(Area);
            w.WriteStartObject();
            Str(w, Name, area.Name);
            Str(w, Country, area.Country);
            Extra(w, area.Extra);
            w.WriteEndObject();
        }
        List(w, Figures, c.Figures, WriteFigure);
        Spans(w, Evidence, c.Evidence);
        Extra(w, c.Extra);
        w.WriteEndObject();
    }

    private static void WriteFigure(Utf8JsonWriter w, Figure? f)
    {
        if (f == null) { w.WriteNullValue(); return; }
        w.WriteStartObject();
        w.WriteString(Outcome, Outcomes[(int)f.Outcome]);
        w.WriteString(Group, Groups[(int)f.Group]);
        Str(w, NamedGroup, f.NamedGroup);
        w.WriteNumber(Count, f.Count);
        w.WriteString(Bound, Bounds[(int)f.Bound]);
        if (f.Low is { } low) w.WriteNumber(Low, low);
        if (f.High is { } high) w.WriteNumber(High, high);
        Spans(w, Evidence, f.Evidence);
        Extra(w, f.Extra);
        w.WriteEndObject();
    }

    private static void Str(Utf8JsonWriter w, JsonEncodedText name, string? value)
    {
        if (value != null) w.WriteString(name, value);
    }

    private static void Range(Utf8JsonWriter w, JsonEncodedText name, DateRange? range)
    {
        if (range == null) return;
        w.WritePropertyName(name);
        w.WriteStartObject();
        PartialDateValue(w, Start, range.Start);
        PartialDateValue(w, End, range.End);
        w.WriteEndObject();
    }

    private static void PartialDateValue(Utf8JsonWriter w, JsonEncodedText name, PartialDate d)
    {
        if (d.Year is < 0 or > 9999) { w.WriteString(name, d.ToString()); return; }
        Span<char> s = stackalloc char[10];
        var n = Format(d, s);
        w.WriteString(name, s[..n]);
    }

    /// <summary>Formats as <see cref="PartialDate.ToString"/> does, without a string.</summary>
    private static int Format(PartialDate d, Span<char> s)
    {
        Digits(s, d.Year, 4);
        if (d.Precision == DatePrecision.Year) return 4;
        s[4] = '-';
        Digits(s[5..], d.Month, 2);
        if (d.Precision == DatePrecision.Month) return 7;
        s[7] = '-';
        Digits(s[8..], d.Day, 2);
        return 10;
    }

    private static void Digits(Span<char> s, int v, int width)
    {
        for (var i = width - 1; i >= 0; i--) { s[i] = (char)('0' + v % 10); v /= 10; }
    }

    private static void Spans(Utf8JsonWriter w, JsonEncodedText name, List<TextSpan>? spans)
    {
        if (spans == null) return;
        w.WritePropertyName(name);
        SpanList(w, spans);
    }

    private static void SpanList(Utf8JsonWriter w, List<TextSpan>? spans)
    {
        if (spans == null) { w.WriteNullValue(); return; }
        w.WriteStartArray();
        foreach (var s in spans)
        {
            w.WriteStartArray();
            w.WriteNumberValue(s.Start);
            w.WriteNumberValue(s.End);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static void Extra(Utf8JsonWriter w, Dictionary<string, JsonElement>? extra)
    {
        if (extra == null) return;
        foreach (var (key, value) in extra)
        {
            w.WritePropertyName(key);
            value.WriteTo(w);
        }
    }
}
