using Vigie.Model;

namespace Vigie.Web.Data;

// What the API returns. Property names go out in snake_case, enums as their snake_case names
// (the vocabulary of the JSONL format), spans as [start, end] in UTF-16 code units.

/// <summary>The filters of GET /api/events and /api/stats, already validated.</summary>
public sealed record EventQuery
{
    public string? Country { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public EventType? Type { get; init; }
    public EventSubtype? Subtype { get; init; }
    public string? Actor { get; init; }
    public string? Source { get; init; }
    public BoundingBox? Bbox { get; init; }
}

/// <summary>A longitude/latitude rectangle (west, south, east, north), edges included.</summary>
public readonly record struct BoundingBox(double West, double South, double East, double North)
{
    public bool Contains(double lat, double lon) => lat >= South && lat <= North && lon >= West && lon <= East;
}

public sealed record Fatalities(long? Low, long? Best, long? High);

public sealed record PlaceView(string Name, string? Country, string? Admin1, double? Lat, double? Lon, int? Precision);

public sealed record ActorView(string Name, ActorKind? Kind, string? Country);

/// <summary>One event as listed on the map.</summary>
public sealed record EventSummary
{
    public required string Id { get; init; }
    public EventType Type { get; init; }
    public EventSubtype? Subtype { get; init; }
    public string? DateStart { get; init; }
    public string? DateEnd { get; init; }
    /// <summary>day, month or year: how precisely the date is known.</summary>
    public string? DatePrecision { get; init; }
    public PlaceView? Location { get; init; }
    public ActorView? Actor1 { get; init; }
    public ActorView? Actor2 { get; init; }
    public Fatalities? Fatalities { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public Modality Modality { get; init; }
    public int MentionCount { get; init; }
}

public sealed record EventPage(long Total, int Page, int PageSize, IReadOnlyList<EventSummary> Events);

/// <summary>A sentence of a document, with the evidence spans that fall in it (document offsets).</summary>
public sealed record SentenceView(int Start, int End, string Text, IReadOnlyList<TextSpan> Highlights);

/// <summary>One report of an event in one document: who says it, what they claim, and where the text says it.</summary>
public sealed record MentionView
{
    public required string DocumentId { get; init; }
    public string? DocumentTitle { get; init; }
    public string? DocumentDate { get; init; }
    public string? Url { get; init; }
    public string? Outlet { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public Modality Modality { get; init; }
    public long? Fatalities { get; init; }
    public IReadOnlyList<TextSpan> Evidence { get; init; } = [];
    public IReadOnlyList<SentenceView> Sentences { get; init; } = [];
}

/// <summary>A fatality figure for the event as one source gives it.</summary>
public sealed record ClaimView(string? Source, long? Fatalities, string DocumentId);

public sealed record EventDetail(EventSummary Event, IReadOnlyList<MentionView> Mentions, IReadOnlyList<ClaimView> Claims);

/// <summary>A span of a document with what it supports ("event", "location", "fatalities", "figure"…).</summary>
public sealed record SpanView(int Start, int End, string Kind, string? EventId);

public sealed record DocumentView
{
    public required string Id { get; init; }
    public string? Title { get; init; }
    public string? Date { get; init; }
    public string? Lang { get; init; }
    public string? Url { get; init; }
    public string? Outlet { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<SpanView> Spans { get; init; } = [];
}

public sealed record CountRow(string Key, long Events, long Fatalities);

public sealed record StatsView
{
    public long Events { get; init; }
    public long Documents { get; init; }
    public long Fatalities { get; init; }
    public string? FirstDate { get; init; }
    public string? LastDate { get; init; }
    public IReadOnlyList<CountRow> ByType { get; init; } = [];
    public IReadOnlyList<CountRow> ByCountry { get; init; } = [];
    public IReadOnlyList<CountRow> ByDay { get; init; } = [];
    public IReadOnlyList<CountRow> ByActor { get; init; } = [];
    public IReadOnlyList<CountRow> BySource { get; init; } = [];
}

/// <summary>The read side the API needs. Implementations must be safe to call from many requests at once.</summary>
public interface IEventReader
{
    EventPage Events(EventQuery query, int page, int pageSize);
    EventDetail? Event(string id);
    DocumentView? Document(string id);
    StatsView Stats(EventQuery query);
    /// <summary>Null when the store is reachable, else why not.</summary>
    string? Health();
}
