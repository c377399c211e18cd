using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Web.Data;

// What the API returns. Property names go out in snake_case, enums as their snake_case names
// (the vocabulary of the JSONL format), spans as [start, end] in UTF-16 code units.

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
}

/// <summary>
/// A page of events. <see cref="Page"/> is 0 for a keyset page (asked with <c>after</c>); <see cref="Next"/> is the
/// <c>after</c> of the following page, null on the last one.
/// </summary>
public sealed record EventPage(
    [property: System.ComponentModel.Description(EventPage.TotalText)] long Total,
    [property: System.ComponentModel.Description("The page number asked, from 1; 0 for a page asked with after.")] int Page,
    int PageSize,
    IReadOnlyList<EventSummary> Events)
{
    /// <summary>What the API says of <see cref="Total"/> (the OpenAPI document and docs/FORMAT.md say the same).</summary>
    public const string TotalText =
        "How many events match the filters, all pages together (exact). It is counted once per filter and state of the data: " +
        "the first page asked after a change of the data may pay for the count, the other pages of the same filter cost only their rows; " +
        "a first page that holds every match needs no count.";

    /// <summary>What the API says of <see cref="Next"/>.</summary>
    public const string NextText =
        "The after of the following page (YYYY-MM-DD.NUMBER or undated.NUMBER), null on the last page. Known without counting: " +
        "the server reads one event more than the page holds. Following next is the cheap way through a long listing: " +
        "each page seeks to its key in an index, where a page number reads every event before it.";

    [System.ComponentModel.Description(NextText)]
    public string? Next { get; init; }

    /// <summary>The data version the page was read at (not sent: the ETag carries it).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Version { get; init; }

    /// <summary>
    /// Each of <see cref="Events"/> already as the JSON text (UTF-8) the API's serializer writes for it, when the reader
    /// keeps them (not sent as such: the page writers copy these bytes instead of serialising the events again).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<byte[]>? EventJson { get; init; }
}

/// <summary>A sentence of a document, with the evidence spans that fall in it (document offsets).</summary>
public sealed record SentenceView(int Start, int End, string Text, IReadOnlyList<TextSpan> Highlights);

/// <summary>One report of an event in one document: who says it, what they claim, and where the text says it.</summary>
public sealed record MentionView
{
    /// <summary>The stored document's key (its content hash), for /api/documents/{id}.</summary>
    public required string DocumentId { get; init; }
    /// <summary>The id the input gave the document.</summary>
    public string? DocumentName { get; init; }
    public string? DocumentTitle { get; init; }
    public string? DocumentDate { get; init; }
    public string? Url { get; init; }
    /// <summary>Who makes the claim: the source the text names, else the outlet.</summary>
    public string? Source { get; init; }
    public Modality Modality { get; init; }
    public long? Fatalities { get; init; }
    public IReadOnlyList<TextSpan> Evidence { get; init; } = [];
    public IReadOnlyList<SentenceView> Sentences { get; init; } = [];
}

/// <summary>A fatality figure for the event as one source gives it.</summary>
public sealed record ClaimView(string? Source, long? Fatalities, string DocumentId, string? DocumentName);

public sealed record EventDetail(EventSummary Event, IReadOnlyList<MentionView> Mentions, IReadOnlyList<ClaimView> Claims);

/// <summary>A span of a document with what it supports ("event", "location", "fatalities", "figure"…).</summary>
public sealed record SpanView(int Start, int End, string Kind, string? EventId);

public sealed record DocumentView
{
    /// <summary>The stored document's key (its content hash).</summary>
    public required string Id { get; init; }
    /// <summary>The id the input gave the document.</summary>
    public string? Name { get; init; }
    public string? Title { get; init; }
    /// <summary>The publication date as the input gave it (YYYY, YYYY-MM or YYYY-MM-DD).</summary>
    public string? Date { get; init; }
    /// <summary>The publication day the extraction inferred from the text when the input gave only the month or year; null otherwise.</summary>
    public string? DateResolved { get; init; }
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
    EventPage Events(EventFilter filter, int page, int pageSize);

    /// <summary>The page of events after <paramref name="after"/> in listing order (keyset paging).</summary>
    EventPage EventsAfter(EventFilter filter, PageKey after, int pageSize) => throw new NotSupportedException("keyset paging");

    /// <summary>Names the state of the data (changes with every write readers see); null when unknown: responses are then not cached.</summary>
    string? DataVersion() => null;
    EventDetail? Event(string id);
    DocumentView? Document(string id);
    StatsView Stats(EventFilter filter);
    /// <summary>Null when the store is reachable, else why not.</summary>
    string? Health();
}
