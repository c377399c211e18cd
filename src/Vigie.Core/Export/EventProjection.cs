using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Export;

/// <summary>
/// A stored event as every view of it shows it: the agreed values, the fatality range, the sources the fusion agreed
/// on, and each mention with its document and the spans that support it. The web API's event views and the JSONL
/// export are both written from this one projection; each picks its fields and names, none works a value out again.
/// </summary>
public sealed record EventProjection
{
    public required string Id { get; init; }
    /// <summary>The agreed event (type, subtype, date, place, actors, modality).</summary>
    public required Event Event { get; init; }
    public required FatalityRange Fatalities { get; init; }
    /// <summary>The agreed sources, each once, empty names left out.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];
    /// <summary>The first day of the event's date (YYYY[-MM[-DD]]), null when undated.</summary>
    public string? DateStart { get; init; }
    public string? DateEnd { get; init; }
    /// <summary>day, month or year: how precisely the date is known; null when undated.</summary>
    public string? DatePrecision { get; init; }
    /// <summary>Every mention, in the store's order (empty when the event was read without its mentions).</summary>
    public IReadOnlyList<MentionProjection> Mentions { get; init; } = [];

    public static EventProjection Of(StoredEvent s)
    {
        var e = s.Event;
        return new EventProjection
        {
            Id = s.Id,
            Event = e,
            Fatalities = new FatalityRange(s.FatalitiesLow, s.FatalitiesBest, s.FatalitiesHigh),
            Sources = e.Sources.Where(x => !string.IsNullOrEmpty(x)).Select(x => x!).Distinct().ToList(),
            DateStart = e.Date?.Start.ToString(),
            DateEnd = e.Date?.End.ToString(),
            DatePrecision = e.Date is { } d ? d.Start.Precision.ToString().ToLowerInvariant() : null,
            Mentions = s.Mentions.Select(MentionProjection.Of).ToList(),
        };
    }
}

/// <summary>An event's fatalities over its reports: the lowest claim, the most reliable source's, the highest.</summary>
public sealed record FatalityRange(int? Low, int? Best, int? High)
{
    /// <summary>No report gives a toll.</summary>
    public bool Unknown => Low == null && Best == null && High == null;
}

/// <summary>One document's report of an event as the views show it: the stored mention (the document, who makes the
/// claim, the event as that text tells it) and every span that supports it.</summary>
public sealed record MentionProjection(StoredMention Stored, IReadOnlyList<TextSpan> Support)
{
    /// <summary>The spans that tell the event (<see cref="Event.Evidence"/> of the event as this document tells it).</summary>
    public IReadOnlyList<TextSpan> Evidence => Stored.Event.Evidence;

    public static MentionProjection Of(StoredMention m) => new(m, SupportOf(m.Event));

    /// <summary>Every span that supports a value of the event as one document tells it: the event's evidence, each field's, the place's.</summary>
    private static List<TextSpan> SupportOf(Event e)
    {
        var spans = new List<TextSpan>(e.Evidence);
        foreach (var list in (e.FieldEvidence ?? []).Values) spans.AddRange(list);
        spans.AddRange(e.Location?.Evidence ?? []);
        return spans;
    }
}
