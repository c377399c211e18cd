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

/// <summary>The answer for one place mention: the location, the kind of place it is and its score.</summary>
public sealed record PlaceResolution(Location Location, PlaceKind Kind, double Score, PlaceRelation Relation)
{
    /// <summary>Another country has a place whose own name is the name as written ("Tripoli" in Libya and in Lebanon): the name
    /// alone is no sign of the answer's country.</summary>
    public bool Namesakes { get; init; }
}

/// <summary>
/// Resolves place names to locations (coordinates, country, admin1, GeoNames id, precision); what
/// <see cref="GeocodingComponent"/> asks of a gazetteer.
/// </summary>
public interface IGeocoder
{
    /// <summary>The best answer for a place as the text names it (with its relation and feature word), or null when the name is unknown.</summary>
    PlaceResolution? Resolve(string name, PlaceRelation relation, string? feature, GeoContext context);

    /// <summary>Where an event told only of a country is drawn: the country at its capital (else its own point), precision 3; null for an unknown country.</summary>
    Location? CountryPoint(string iso2);

    /// <summary>The country's capital city as a place of its own (precision 1), for "the Georgian capital"; null when unknown.</summary>
    Location? CapitalPoint(string iso2) => null;

    /// <summary>Whether the gazetteer holds a place by this very name (its key), with no leading words taken off.</summary>
    bool Knows(string name) => false;
}
