using Vigie.Model;

namespace Vigie.Fusion;

/// <summary>
/// Where and when a stored mention lies, as a store indexes it for incremental fusion: its first and last day
/// (day numbers), its place on a fixed grid of <see cref="GridDegrees"/> and its place name key. A store keeps
/// these beside each mention and answers a <see cref="FusionProbe"/> with them, so that fusion reads only the
/// mentions near the new ones. The grid does not depend on the fusion's options; a probe covers the cells it needs.
/// </summary>
public sealed record FusionBlock(int? FirstDay, int? LastDay, double? Lat, double? Lon, int? GridY, int? GridX, string? Name)
{
    /// <summary>The size of a grid cell, in degrees of latitude and of longitude.</summary>
    public const double GridDegrees = 0.25;

    /// <summary>The grid cell of a latitude or a longitude.</summary>
    public static int Cell(double degrees) => (int)Math.Floor(degrees / GridDegrees);

    public static FusionBlock Of(Event e)
    {
        var loc = e.Location;
        var located = loc?.Lat != null && loc.Lon != null;
        return new FusionBlock(
            e.Date?.Start.First.DayNumber, e.Date?.End.Last.DayNumber,
            located ? loc!.Lat : null, located ? loc!.Lon : null,
            located ? Cell(loc!.Lat!.Value) : null, located ? Cell(loc!.Lon!.Value) : null,
            EventFusion.NameKey(loc));
    }
}

/// <summary>
/// What a store is asked for when a mention may join stored ones: mentions of <see cref="Type"/> whose first day is
/// in [<see cref="FirstDay"/>, <see cref="LastDay"/>] and that lie in the grid cells [MinY, MaxY] × [MinX, MaxX]
/// (none when MinY &gt; MaxY) or carry the place name key <see cref="Name"/> (then, for a located probe, only
/// mentions without coordinates: two located mentions join by distance); of <see cref="Subtype"/> or none when it is
/// set, and ending on <see cref="MinLastDay"/> or later. A superset of what may join: the caller
/// checks each one with <see cref="EventFusion.MayJoin"/>.
/// </summary>
public sealed record FusionProbe(EventType Type, int FirstDay, int LastDay, int MinY, int MaxY, int MinX, int MaxX, string? Name)
{
    /// <summary>The probing mention has coordinates: look in the grid cells, and by name only for mentions without coordinates.</summary>
    public bool Located => MinY <= MaxY;

    /// <summary>The subtype that may join (null: any, when the probing mention has none).</summary>
    public EventSubtype? Subtype { get; init; }

    /// <summary>The last day a mention may end before to be too early to join.</summary>
    public int MinLastDay { get; init; } = int.MinValue;

    /// <summary>The most grid rows a probe spans (a store may write that many row parameters).</summary>
    public const int MaxRows = 6;
}
