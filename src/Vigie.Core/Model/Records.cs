using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigie.Model;

// The records of ../shared/spec/event-format.md. Mutable classes so that pipeline
// components and the JSON serializer can fill them; unknown JSON fields are kept in Extra.

public sealed class Actor
{
    public string Name { get; set; } = "";
    public ActorKind? Kind { get; set; }
    public string? Country { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class Location
{
    public string Name { get; set; } = "";
    public string? Country { get; set; }
    public string? Admin1 { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public long? GeonamesId { get; set; }
    public int? Precision { get; set; }
    /// <summary>The mention in the text this location was read from (not part of the gold format).</summary>
    public List<TextSpan>? Evidence { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class Event
{
    public EventType Type { get; set; }
    public EventSubtype? Subtype { get; set; }
    public DateRange? Date { get; set; }
    public Location? Location { get; set; }
    public Actor? Actor1 { get; set; }
    public Actor? Actor2 { get; set; }
    public int? Fatalities { get; set; }
    public List<string?> Sources { get; set; } = [];
    public Modality Modality { get; set; } = Modality.Asserted;
    public List<TextSpan> Evidence { get; set; } = [];
    public bool Optional { get; set; }
    /// <summary>Spans supporting individual values (keys such as "type", "date", "actor1", "fatalities").</summary>
    public Dictionary<string, List<TextSpan>>? FieldEvidence { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class Figure
{
    public Outcome Outcome { get; set; }
    public VictimGroup Group { get; set; } = VictimGroup.All;
    public string? NamedGroup { get; set; }
    public long Count { get; set; }
    public Bound Bound { get; set; } = Bound.Exact;
    public long? Low { get; set; }
    public long? High { get; set; }
    public List<TextSpan>? Evidence { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class Area
{
    public string Name { get; set; } = "";
    public string? Country { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class CasualtyReport
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Source { get; set; }
    public ReportScope Scope { get; set; }
    public DateRange? Period { get; set; }
    public Area? Area { get; set; }
    public List<Figure> Figures { get; set; } = [];
    public List<TextSpan> Evidence { get; set; } = [];
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ResolvedDate
{
    public PartialDate Date { get; set; }
    public List<TextSpan> Evidence { get; set; } = [];
    /// <summary>Why the date is what it is, or why the day could not be pinned.</summary>
    public string? Reason { get; set; }
}

/// <summary>One line of the JSONL format: a document with what was extracted from it.</summary>
public sealed class DocumentRecord
{
    public string Id { get; set; } = "";
    public string? Lang { get; set; }
    public string? Date { get; set; }
    public ResolvedDate? DateResolved { get; set; }
    public string? Title { get; set; }
    public string? Url { get; set; }
    public string? Source { get; set; }
    public string Text { get; set; } = "";
    public List<Event>? Events { get; set; }
    public List<CasualtyReport>? CasualtyReports { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
