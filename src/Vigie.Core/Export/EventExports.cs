using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Export;

/// <summary>The export formats of `vigie export`. Each writes the events it is given, in that order.</summary>
public static class EventExports
{
    public static readonly IReadOnlyList<string> Formats = ["acled-csv", "ucdp-csv", "geojson", "jsonl"];

    public static void Write(string format, IReadOnlyList<StoredEvent> events, TextWriter output, DateTimeOffset? exportedAt = null)
    {
        switch (format)
        {
            case "acled-csv": AcledCsv(events, output, exportedAt ?? DateTimeOffset.UtcNow); break;
            case "ucdp-csv": UcdpCsv(events, output); break;
            case "geojson": GeoJson(events, output); break;
            case "jsonl": Jsonl(events, output); break;
            default: throw new ArgumentException($"unknown export format '{format}' (use {string.Join(", ", Formats)})", nameof(format));
        }
    }

    /// <summary>ACLED's columns, in ACLED's order.</summary>
    public static readonly IReadOnlyList<string> AcledColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    public static void AcledCsv(IReadOnlyList<StoredEvent> events, TextWriter output, DateTimeOffset exportedAt)
    {
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var c in AcledColumns) csv.WriteField(c);
        csv.NextRecord();
        foreach (var s in events)
        {
            var e = s.Event;
            var country = Country.Of(e.Location?.Country);
            var inter1 = AcledVocabulary.Inter(e.Actor1);
            var inter2 = AcledVocabulary.Inter(e.Actor2);
            var date = e.Date?.Start.First;
            var civilians = e.Type == EventType.ViolenceAgainstCivilians || e.Actor2?.Kind == ActorKind.Civilians;
            Fields(csv,
                AcledEventId(s),
                date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                date?.Year.ToString(CultureInfo.InvariantCulture) ?? "",
                AcledVocabulary.TimePrecision(e.Date).ToString(CultureInfo.InvariantCulture),
                AcledVocabulary.DisorderType(e),
                AcledVocabulary.EventType(e.Type),
                e.Subtype is { } sub ? AcledVocabulary.SubEventType(sub) : "",
                e.Actor1?.Name ?? "", "", Code(inter1),
                e.Actor2?.Name ?? "", "", Code(inter2),
                AcledVocabulary.Interaction(inter1, inter2),
                civilians ? "Civilian targeting" : "",
                (country?.Numeric ?? 0).ToString(CultureInfo.InvariantCulture),
                country?.Region ?? "",
                country?.Name ?? e.Location?.Country ?? "",
                e.Location?.Admin1 ?? "", "", "",
                e.Location?.Name ?? "",
                Coord(e.Location?.Lat), Coord(e.Location?.Lon),
                AcledVocabulary.GeoPrecision(e.Location).ToString(CultureInfo.InvariantCulture),
                string.Join("; ", Sources(s)),
                SourceScale(s),
                Notes(s),
                (s.FatalitiesBest ?? 0).ToString(CultureInfo.InvariantCulture),
                Tags(s),
                exportedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>ACLED's event_id_cnty for an event: the ISO-3 code of its country ("XXX" when the country is
    /// unknown or not in data/export/countries.tsv), a dash and the 12 hex digits of its Vigie id
    /// ("SYR-859aa77d4bce" for ev-859aa77d4bce). Stable from one export to the next, and `vigie show` takes it.</summary>
    public static string AcledEventId(StoredEvent s)
    {
        var iso3 = Country.Of(s.Event.Location?.Country)?.Iso3 ?? "XXX";
        var hash = s.Id.StartsWith("ev-", StringComparison.Ordinal) ? s.Id[3..] : s.Id;
        return $"{iso3}-{hash}";
    }

    /// <summary>The Vigie event id ("ev-859aa77d4bce") of an ACLED event_id_cnty of this export ("SYR-859aa77d4bce"), or null when the text has not that form.</summary>
    public static string? EventIdOfAcled(string text)
    {
        var t = text.Trim();
        if (t.Length != 16 || t[3] != '-' || !t[..3].All(char.IsAsciiLetter)) return null;
        var hash = t[4..];
        return hash.All(char.IsAsciiHexDigitLower) ? "ev-" + hash : null;
    }

    public static readonly IReadOnlyList<string> UcdpColumns =
    [
        "id", "relid", "year", "type_of_violence", "side_a", "side_b", "source_article", "number_of_sources",
        "where_prec", "where_coordinates", "adm_1", "latitude", "longitude", "country", "date_prec",
        "date_start", "date_end", "best", "high", "low",
    ];

    /// <summary>UCDP GED-style rows for organised violence (battles, remote violence, violence against civilians); other types are left out.</summary>
    public static void UcdpCsv(IReadOnlyList<StoredEvent> events, TextWriter output)
    {
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var c in UcdpColumns) csv.WriteField(c);
        csv.NextRecord();
        foreach (var s in events)
        {
            var e = s.Event;
            var violence = TypeOfViolence(e);
            if (violence == 0) continue;
            var country = Country.Of(e.Location?.Country);
            Fields(csv,
                s.Number.ToString(CultureInfo.InvariantCulture),
                s.Id,
                e.Date?.Start.Year.ToString(CultureInfo.InvariantCulture) ?? "",
                violence.ToString(CultureInfo.InvariantCulture),
                e.Actor1?.Name ?? "",
                e.Actor2?.Name ?? "",
                string.Join("; ", s.Mentions.Select(m => m.DocumentTitle is { Length: > 0 } t ? $"{m.DocumentId} \"{t}\"" : m.DocumentId).Distinct()),
                s.Mentions.Count.ToString(CultureInfo.InvariantCulture),
                WherePrecision(e.Location).ToString(CultureInfo.InvariantCulture),
                e.Location is { } l ? $"{l.Name}{(l.Admin1 != null ? ", " + l.Admin1 : "")}" : "",
                e.Location?.Admin1 ?? "",
                Coord(e.Location?.Lat), Coord(e.Location?.Lon),
                country?.Name ?? e.Location?.Country ?? "",
                DatePrecision(e.Date).ToString(CultureInfo.InvariantCulture),
                e.Date?.Start.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                e.Date?.End.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                (s.FatalitiesBest ?? 0).ToString(CultureInfo.InvariantCulture),
                (s.FatalitiesHigh ?? 0).ToString(CultureInfo.InvariantCulture),
                (s.FatalitiesLow ?? 0).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>UCDP type of violence: 1 state-based (a state is a side), 2 non-state, 3 one-sided (against civilians); 0 = not organised violence.</summary>
    public static int TypeOfViolence(Event e)
    {
        if (e.Type == EventType.ViolenceAgainstCivilians) return 3;
        if (e.Type is not (EventType.Battles or EventType.ExplosionsRemoteViolence)) return 0;
        if (e.Actor2?.Kind == ActorKind.Civilians) return 3;
        return e.Actor1?.Kind is ActorKind.StateForces or ActorKind.ExternalForces || e.Actor2?.Kind is ActorKind.StateForces or ActorKind.ExternalForces ? 1 : 2;
    }

    /// <summary>UCDP where_prec: 1 the place, 2 within 25 km of it, 4 a first-level region, 6 only the country.</summary>
    public static int WherePrecision(Location? l) => l?.Precision switch
    {
        1 => 1,
        2 => 2,
        3 when !string.IsNullOrEmpty(l.Admin1) => 4,
        _ => 6,
    };

    /// <summary>UCDP date_prec: 1 the day, 2 within 2–6 days, 3 within a week to a month, 4 more than a month, 5 within a year.</summary>
    public static int DatePrecision(DateRange? d)
    {
        if (d == null) return 5;
        if (d.Start.Precision == Model.DatePrecision.Year) return 5;
        var days = d.End.Last.DayNumber - d.Start.First.DayNumber;
        return days == 0 ? 1 : days < 7 ? 2 : days <= 31 ? 3 : 4;
    }

    public static void GeoJson(IReadOnlyList<StoredEvent> events, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var s in events)
            {
                var e = s.Event;
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteString("id", s.Id);
                if (e.Location?.Lat is { } lat && e.Location?.Lon is { } lon)
                {
                    w.WriteStartObject("geometry");
                    w.WriteString("type", "Point");
                    w.WriteStartArray("coordinates");
                    w.WriteNumberValue(Math.Round(lon, 5));
                    w.WriteNumberValue(Math.Round(lat, 5));
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                else w.WriteNull("geometry");
                w.WriteStartObject("properties");
                w.WriteString("event_type", AcledVocabulary.EventType(e.Type));
                w.WriteString("sub_event_type", e.Subtype is { } sub ? AcledVocabulary.SubEventType(sub) : null);
                w.WriteString("date_start", e.Date?.Start.ToString());
                w.WriteString("date_end", e.Date?.End.ToString());
                w.WriteString("location", e.Location?.Name);
                w.WriteString("country", e.Location?.Country);
                w.WriteString("actor1", e.Actor1?.Name);
                w.WriteString("actor2", e.Actor2?.Name);
                Number(w, "fatalities_low", s.FatalitiesLow);
                Number(w, "fatalities_best", s.FatalitiesBest);
                Number(w, "fatalities_high", s.FatalitiesHigh);
                w.WriteNumber("mentions", s.Mentions.Count);
                w.WriteString("sources", string.Join("; ", Sources(s)));
                w.WriteString("published", string.Join("; ", PublicationDays(s)));
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    /// <summary>One line per event: the agreed event, low/best/high, and every mention with its evidence spans (from <see cref="EventProjection"/>).</summary>
    public static void Jsonl(IReadOnlyList<StoredEvent> events, TextWriter output)
    {
        foreach (var s in events)
        {
            var p = EventProjection.Of(s);
            var line = new
            {
                id = p.Id,
                @event = p.Event,
                fatalities = new { low = p.Fatalities.Low, best = p.Fatalities.Best, high = p.Fatalities.High },
                mentions = p.Mentions.Select(x => x.Stored).Select(m => new
                {
                    document_id = m.DocumentId,
                    content_hash = m.DocumentHash,
                    published = m.Published,
                    date_resolved = m.DateResolved,
                    source = m.Source,
                    reliability = m.Reliability,
                    modality = m.Modality,
                    fatalities = m.Fatalities,
                    @event = m.Event,
                }),
            };
            output.WriteLine(JsonSerializer.Serialize(line, VigieJson.Options));
        }
    }

    private static void Number(Utf8JsonWriter w, string name, int? v)
    {
        if (v is { } n) w.WriteNumber(name, n); else w.WriteNull(name);
    }

    private static void Fields(CsvWriter csv, params string[] fields)
    {
        foreach (var f in fields) csv.WriteField(f);
        csv.NextRecord();
    }

    private static string Code(int inter) => inter == 0 ? "" : inter.ToString(CultureInfo.InvariantCulture);

    private static string Coord(double? v) => v?.ToString("0.0####", CultureInfo.InvariantCulture) ?? "";

    private static IEnumerable<string> Sources(StoredEvent s) =>
        s.Mentions.Count > 0
            ? s.Mentions.Select(m => m.Source).Where(x => !string.IsNullOrEmpty(x)).Select(x => x!).Distinct(StringComparer.Ordinal)
            : s.Event.Sources.Where(x => !string.IsNullOrEmpty(x)).Select(x => x!);

    /// <summary>The publication date of each report, once each: the day inferred from the text where the input gave
    /// only the month or year, else the date as the input gave it.</summary>
    private static IEnumerable<string> PublicationDays(StoredEvent s) =>
        s.Mentions.Select(m => m.DateResolved ?? m.Published).Where(x => !string.IsNullOrEmpty(x)).Select(x => x!).Distinct(StringComparer.Ordinal);

    private static string SourceScale(StoredEvent s)
    {
        var kinds = s.Mentions.Select(m => SourceReliability.Default.Lookup(m.Source).Kind).ToHashSet();
        if (kinds.Overlaps(["agency", "un", "monitor", "humanitarian"])) return kinds.Overlaps(["belligerent_media", "belligerent", "official", "rescue", "medical"]) ? "National-International" : "International";
        return kinds.Count == 0 || kinds.SetEquals(["unknown"]) ? "Other" : "National";
    }

    /// <summary>A short note in Vigie's own words: what, where, and each source's fatality claim.</summary>
    private static string Notes(StoredEvent s)
    {
        var e = s.Event;
        var sb = new StringBuilder();
        sb.Append(e.Date?.Start.ToString() ?? "Undated").Append(": ")
          .Append(e.Subtype is { } sub ? AcledVocabulary.SubEventType(sub) : AcledVocabulary.EventType(e.Type));
        if (e.Location != null) sb.Append(" in ").Append(e.Location.Name);
        sb.Append('.');
        var claims = s.Mentions.Where(m => m.Fatalities != null).Select(m => $"{m.Source ?? "unattributed"}: {m.Fatalities}").Distinct().ToList();
        if (claims.Count > 0) sb.Append(" Fatality claims: ").Append(string.Join(", ", claims)).Append('.');
        sb.Append(" Reported by ").Append(s.Mentions.Count).Append(s.Mentions.Count == 1 ? " article." : " articles.");
        return sb.ToString();
    }

    /// <summary>ACLED's notes column for what its other columns cannot say: an unknown toll (written 0, as ACLED
    /// does) is "fatalities unknown"; claims that differ give "fatalities low N; fatalities high M".</summary>
    private static string Tags(StoredEvent s)
    {
        if (s.FatalitiesBest == null) return "fatalities unknown";
        return s.FatalitiesLow is { } lo && s.FatalitiesHigh is { } hi && lo != hi ? $"fatalities low {lo}; fatalities high {hi}" : "";
    }
}
