using Vigie.Model;

namespace Vigie.Fusion;

/// <summary>An event as several documents report it: its agreed values, its mentions and the fatality estimate.</summary>
public sealed class FusedEvent
{
    /// <summary>Stable id: derived from the smallest mention key, so the same inputs give the same ids in any order.</summary>
    public required string Id { get; init; }
    /// <summary>The agreed values (type, date, place, actors, modality); fatalities hold the best estimate.</summary>
    public required Event Event { get; init; }
    public required IReadOnlyList<FusionMention> Mentions { get; init; }
    public FatalityEstimate? Fatalities { get; init; }
}
