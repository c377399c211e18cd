using Vigie.Model;

namespace Vigie.Geo;

/// <summary>What the rest of the document says about where things are, to pick among namesakes.</summary>
public sealed class GeoContext
{
    /// <summary>ISO-2 codes of countries named in the document or implied by its actors, most salient first.</summary>
    public List<string> Countries { get; } = [];
    /// <summary>Places already resolved in the document (for proximity).</summary>
    public List<Location> Resolved { get; } = [];
    /// <summary>First-level divisions the document names ("l'Etat de Borno"): a small namesake in another division of the same country is not trusted.</summary>
    public List<Location> Areas { get; } = [];
    /// <summary>The country the document is mainly about (ISO-2), for generic actors ("l'armée") and unknown places; null when nothing says.</summary>
    public string? MainCountry { get; set; }
    /// <summary>Where an event of the main country is placed when the text names no place for it: the country at its capital, precision 3; null when unknown.</summary>
    public Location? MainCountryPoint { get; set; }
}

/// <summary>Resolves a place name to a location (coordinates, country, admin1, GeoNames id, precision).</summary>
public interface IGeocoder
{
    /// <summary>The best location for <paramref name="name"/>, or null when the name is unknown.</summary>
    Location? Resolve(string name, GeoContext context);
}

/// <summary>A geocoder that knows nothing: every place stays a name with precision 3.</summary>
public sealed class NullGeocoder : IGeocoder
{
    public static readonly NullGeocoder Instance = new();
    public Location? Resolve(string name, GeoContext context) => null;
}
