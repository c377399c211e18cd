using Vigie.Web.Data;

namespace Vigie.Web.Api;

/// <summary>An event page as a GeoJSON FeatureCollection (RFC 7946); paging stays in foreign members.</summary>
public static class GeoJson
{
    public sealed record Point(double[] Coordinates)
    {
        public string Type => "Point";
    }

    public sealed record Feature(string Id, Point? Geometry, EventSummary Properties)
    {
        public string Type => "Feature";
    }

    public sealed record FeatureCollection(long Total, int Page, int PageSize, IReadOnlyList<Feature> Features)
    {
        public string Type => "FeatureCollection";
    }

    public static FeatureCollection From(EventPage page) =>
        new(page.Total, page.Page, page.PageSize, page.Events.Select(e =>
            new Feature(e.Id,
                e.Location is { Lat: { } lat, Lon: { } lon } ? new Point([lon, lat]) : null,
                e)).ToList());
}
