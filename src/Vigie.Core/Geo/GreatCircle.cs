using Vigie.Model;

namespace Vigie.Geo;

/// <summary>
/// The one great-circle distance of the code base (haversine formula on a spherical Earth of the IUGG mean
/// radius): the geocoder's context, the assembly's "same area", fusion's blocking, the store's "near" filter
/// and the scorer's 25 km rule all measure with it.
/// </summary>
public static class GreatCircle
{
    public const double EarthRadiusKm = 6371.0088;

    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        const double rad = Math.PI / 180;
        var dLat = (lat2 - lat1) * rad;
        var dLon = (lon2 - lon1) * rad;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(lat1 * rad) * Math.Cos(lat2 * rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The distance between two locations, or null when either has no coordinates.</summary>
    public static double? Km(Location a, Location b) =>
        a.Lat is { } lat1 && a.Lon is { } lon1 && b.Lat is { } lat2 && b.Lon is { } lon2 ? Km(lat1, lon1, lat2, lon2) : null;
}
