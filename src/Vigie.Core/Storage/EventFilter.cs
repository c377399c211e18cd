using Vigie.Model;

namespace Vigie.Storage;

/// <summary>A point and a radius for --near.</summary>
public readonly record struct Near(double Lat, double Lon, double Km);

/// <summary>A longitude/latitude rectangle, edges included (no crossing of the antimeridian).</summary>
public readonly record struct GeoBox(double West, double South, double East, double North);

/// <summary>The filters shared by `vigie events`, `stats` and `export`. Null members do not filter.</summary>
public sealed record EventFilter
{
    /// <summary>ISO 3166-1 alpha-2 code, as in the records (SY, IQ…).</summary>
    public string? Country { get; init; }
    /// <summary>Events ending on or after the first day of this date (2019-08: 1 August; 2019: 1 January).</summary>
    public PartialDate? From { get; init; }
    /// <summary>Events starting on or before the last day of this date (2019-08: 31 August; 2019: 31 December).</summary>
    public PartialDate? To { get; init; }
    public EventType? Type { get; init; }
    public EventSubtype? Subtype { get; init; }
    /// <summary>Part of an actor's name (either role), compared after folding.</summary>
    public string? Actor { get; init; }
    /// <summary>Part of a source's name, compared after folding: events with at least one mention from it.</summary>
    public string? Source { get; init; }
    public Near? Near { get; init; }
    /// <summary>Events whose coordinates lie in this rectangle.</summary>
    public GeoBox? Box { get; init; }
    public int? Limit { get; init; }

    public static readonly EventFilter All = new();
}
