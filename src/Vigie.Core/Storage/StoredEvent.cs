using Vigie.Model;

namespace Vigie.Storage;

/// <summary>One document's report of a stored event, with the claim it makes.</summary>
public sealed record StoredMention
{
    public required string DocumentHash { get; init; }
    public required string DocumentId { get; init; }
    public string? DocumentTitle { get; init; }
    public string? DocumentUrl { get; init; }
    /// <summary>The publication date as the input gave it (YYYY, YYYY-MM or YYYY-MM-DD).</summary>
    public string? Published { get; init; }
    /// <summary>The publication day inferred from the document's text when the input gave only the month or year
    /// (stored at ingest as documents.date_resolved); null otherwise.</summary>
    public string? DateResolved { get; init; }
    public string? Source { get; init; }
    public int Reliability { get; init; }
    public Modality Modality { get; init; }
    public int? Fatalities { get; init; }
    /// <summary>The event as this document tells it, with its evidence spans (offsets into the document's text).</summary>
    public required Event Event { get; init; }
}

/// <summary>A fused event as the store keeps it: agreed values, fatality low/best/high and every mention.</summary>
public sealed record StoredEvent
{
    public required string Id { get; init; }
    /// <summary>A small number, stable while the store is not re-fused, used for ACLED-style ids.</summary>
    public long Number { get; init; }
    public required Event Event { get; init; }
    public int? FatalitiesLow { get; init; }
    public int? FatalitiesBest { get; init; }
    public int? FatalitiesHigh { get; init; }
    /// <summary>How many document mentions the event has (also when <see cref="Mentions"/> were not loaded).</summary>
    public int MentionCount { get; init; }
    public IReadOnlyList<StoredMention> Mentions { get; init; } = [];
}

/// <summary>A casualty report as stored: one source's figure, with every document that gave it.</summary>
public sealed record StoredReport
{
    public required long Id { get; init; }
    public required CasualtyReport Report { get; init; }
    public IReadOnlyList<string> DocumentIds { get; init; } = [];
}

/// <summary>Read access to the events of a store (the SQLite store implements it; exports and stats use only this).</summary>
public interface IEventSource
{
    IReadOnlyList<StoredEvent> Events(EventFilter filter, bool withMentions = false);
    StoredEvent? Event(string id);
    IReadOnlyList<StoredReport> Reports();
}
