namespace Vigie.Geo;

/// <summary>What kind of place a gazetteer record is; drives the prior of a candidate and the precision of an answer.</summary>
public enum PlaceKind : byte
{
    Other = 0,
    /// <summary>A town or village (GeoNames class P).</summary>
    Populated = 1,
    /// <summary>A national capital (PPLC).</summary>
    Capital = 2,
    /// <summary>The seat of a first-level division (PPLA).</summary>
    AdminSeat = 3,
    /// <summary>A quarter, district or section of a town (PPLX, or "quarter" in the supplement).</summary>
    Quarter = 4,
    /// <summary>A camp (refugee, displaced, military).</summary>
    Camp = 5,
    /// <summary>A named region that is not an administrative division (Ghouta, Donbass, Liptako-Gourma).</summary>
    Region = 6,
    /// <summary>A first-level administrative division (province, state, governorate, region).</summary>
    Admin1 = 7,
    /// <summary>A lower administrative division (district, territory, cercle).</summary>
    Admin2 = 8,
    Country = 9,
    /// <summary>A named region larger than a first-level division or spanning several (Darfur, Donbass, Liptako-Gourma): placed
    /// like a division (precision 3), not like the area around a point.</summary>
    LargeRegion = 10,
}

public static class PlaceKinds
{
    /// <summary>
    /// The precision code of the output format for a place of this kind named as such: 1 the place itself, 2 part of a
    /// region or the territory around a town (a district, county or zone, which the text names after its seat), 3 a
    /// first-level division or a country.
    /// </summary>
    public static int Precision(this PlaceKind kind) => kind switch
    {
        PlaceKind.Region or PlaceKind.Admin2 => 2,
        PlaceKind.Admin1 or PlaceKind.Country or PlaceKind.LargeRegion => 3,
        _ => 1,
    };

    /// <summary>True for areas (regions, divisions, countries) rather than points.</summary>
    public static bool IsArea(this PlaceKind kind) => kind is PlaceKind.Region or PlaceKind.LargeRegion or PlaceKind.Admin1 or PlaceKind.Admin2 or PlaceKind.Country;

    /// <summary>A town: a populated place, a seat of a division or a capital.</summary>
    public static bool IsTown(this PlaceKind kind) => kind is PlaceKind.Populated or PlaceKind.AdminSeat or PlaceKind.Capital;

    /// <summary>The kind of a GeoNames feature class and code.</summary>
    public static PlaceKind FromGeoNames(char featureClass, ReadOnlySpan<char> code)
    {
        switch (featureClass)
        {
            case 'P':
                if (code.SequenceEqual("PPLC")) return PlaceKind.Capital;
                if (code.SequenceEqual("PPLA")) return PlaceKind.AdminSeat;
                if (code.SequenceEqual("PPLX")) return PlaceKind.Quarter;
                return PlaceKind.Populated;
            case 'A':
                if (code.SequenceEqual("ADM1")) return PlaceKind.Admin1;
                if (code.StartsWith("ADM")) return PlaceKind.Admin2;
                if (code.StartsWith("PCL")) return PlaceKind.Country;
                return PlaceKind.Region;
            case 'L':
                if (code.StartsWith("RGN") || code.SequenceEqual("AREA")) return PlaceKind.Region;
                if (code.StartsWith("CMP")) return PlaceKind.Camp;
                return PlaceKind.Other;
            case 'S':
                return code.StartsWith("CMP") ? PlaceKind.Camp : PlaceKind.Other;
            default:
                return PlaceKind.Other;
        }
    }

    /// <summary>The kind of a supplement row's <c>feature</c> word; null when the word is unknown.</summary>
    public static PlaceKind? FromFeature(string feature) => feature.ToLowerInvariant() switch
    {
        "city" or "town" or "village" or "locality" => PlaceKind.Populated,
        "capital" => PlaceKind.Capital,
        "admin_seat" => PlaceKind.AdminSeat,
        "quarter" or "district" or "neighbourhood" or "suburb" or "airport" => PlaceKind.Quarter,
        "camp" => PlaceKind.Camp,
        "region" or "area" => PlaceKind.Region,
        "large_region" => PlaceKind.LargeRegion,
        "admin1" => PlaceKind.Admin1,
        "admin2" => PlaceKind.Admin2,
        "country" => PlaceKind.Country,
        "other" => PlaceKind.Other,
        _ => null,
    };
}
