namespace Vigie.Lexicons;

/// <summary>ISO codes, names and ACLED regions of countries (data/export/countries.tsv), by alpha-2 code.</summary>
public sealed record Country(string Iso2, string Iso3, int Numeric, string Name, string Region)
{
    private static readonly Lazy<IReadOnlyDictionary<string, Country>> _all = new(() =>
        Tsv.Load(DataPaths.Data("export", "countries.tsv")).Rows
            .Select(r => new Country(r["iso2"], r["iso3"], int.Parse(r["numeric"], System.Globalization.CultureInfo.InvariantCulture), r["name"], r["acled_region"]))
            .ToDictionary(c => c.Iso2, StringComparer.OrdinalIgnoreCase));

    public static Country? Of(string? iso2) =>
        iso2 != null && _all.Value.TryGetValue(iso2, out var c) ? c : null;

    /// <summary>The country of an alpha-3 code ("SYR"), any case.</summary>
    public static Country? OfIso3(string iso3) =>
        _all.Value.Values.FirstOrDefault(c => string.Equals(c.Iso3, iso3, StringComparison.OrdinalIgnoreCase));

    /// <summary>The country of this English name ("Syria"), any case.</summary>
    public static Country? OfName(string name) =>
        _all.Value.Values.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
