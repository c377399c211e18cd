using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Web.Api;

/// <summary>The paging and output options of GET /api/events.</summary>
public sealed record Paging(int Page, int PageSize, bool GeoJson)
{
    /// <summary>Keyset paging: the page of events that follow this key (<c>after</c>, the <c>next</c> of the previous page).</summary>
    public PageKey? After { get; init; }
}

/// <summary>
/// Turns the query string of the events and stats endpoints into a validated <see cref="EventFilter"/> (the store's own filter).
/// Every problem is collected by parameter name so that a 400 lists them all.
/// </summary>
public static class QueryParser
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 5000;
    public const int MaxPage = 1_000_000;
    public const int MaxTextFilterLength = 100;

    private static readonly HashSet<string> FilterNames = ["country", "from", "to", "type", "subtype", "actor", "source", "bbox"];
    private static readonly HashSet<string> PagingNames = ["page", "page_size", "after", "format"];

    public static (EventFilter Query, Paging Paging, Dictionary<string, string[]> Errors) ParseEvents(IQueryCollection q) =>
        Parse(q, allowPaging: true);

    public static (EventFilter Query, Dictionary<string, string[]> Errors) ParseStats(IQueryCollection q)
    {
        var (query, _, errors) = Parse(q, allowPaging: false);
        return (query, errors);
    }

    private static (EventFilter, Paging, Dictionary<string, string[]>) Parse(IQueryCollection q, bool allowPaging)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string name, string message) => errors[name] = [message];

        foreach (var (key, values) in q)
        {
            if (!FilterNames.Contains(key) && !(allowPaging && PagingNames.Contains(key)))
                Fail(key, $"unknown parameter; use {string.Join(", ", allowPaging ? FilterNames.Concat(PagingNames) : FilterNames)}");
            else if (values.Count > 1)
                Fail(key, "given more than once");
        }

        string? One(string name)
        {
            var v = q.TryGetValue(name, out StringValues values) && values.Count == 1 ? values[0] : null;
            return string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        }

        string? country = One("country");
        if (country != null)
        {
            if (CountryFilter.TryParse(country, out var iso2, out var why)) country = iso2;
            else { Fail("country", why!); country = null; }
        }

        PartialDate? from = null, to = null;
        if (One("from") is { } f)
        {
            if (PartialDate.TryParse(f, out var d) && f.Length <= 10) from = d;
            else Fail("from", "expected a date YYYY, YYYY-MM or YYYY-MM-DD");
        }
        if (One("to") is { } t)
        {
            if (PartialDate.TryParse(t, out var d) && t.Length <= 10) to = d;
            else Fail("to", "expected a date YYYY, YYYY-MM or YYYY-MM-DD");
        }
        if (from is { } fromDate && to is { } toDate && fromDate.First > toDate.Last) Fail("to", "is before 'from'");

        EventType? type = null;
        if (One("type") is { } ty)
        {
            if (TryEnum<EventType>(ty, out var v)) type = v;
            else Fail("type", "expected one of " + Names<EventType>());
        }
        EventSubtype? subtype = null;
        if (One("subtype") is { } st)
        {
            if (TryEnum<EventSubtype>(st, out var v)) subtype = v;
            else Fail("subtype", "expected one of " + Names<EventSubtype>());
        }
        if (type != null && subtype != null && Taxonomy.TypeOf(subtype.Value) != type)
            Fail("subtype", $"{Name(subtype.Value)} is a subtype of {Name(Taxonomy.TypeOf(subtype.Value))}, not of {Name(type.Value)}");

        string? Text(string name)
        {
            var v = One(name);
            if (v == null) return null;
            if (v.Length > MaxTextFilterLength) { Fail(name, $"at most {MaxTextFilterLength} characters"); return null; }
            if (v.Any(char.IsControl)) { Fail(name, "contains control characters"); return null; }
            // names are compared after folding punctuation away: a value without a letter or digit would match everything
            if (!v.Any(char.IsLetterOrDigit)) { Fail(name, "needs at least one letter or digit"); return null; }
            return v;
        }
        var actor = Text("actor");
        var source = Text("source");

        GeoBox? bbox = null;
        if (One("bbox") is { } b)
        {
            if (TryBbox(b, out var box)) bbox = box;
            else Fail("bbox", "expected west,south,east,north in degrees, e.g. 35.5,32.5,37.5,34.5 (west ≤ east, south ≤ north)");
        }

        int page = 1, pageSize = DefaultPageSize;
        PageKey? after = null;
        var geo = false;
        if (allowPaging)
        {
            if (One("page") is { } p && !(int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page is >= 1 and <= MaxPage))
            { Fail("page", $"expected a whole number from 1 to {MaxPage}"); page = 1; }
            if (One("page_size") is { } ps && !(int.TryParse(ps, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) && pageSize is >= 1 and <= MaxPageSize))
            { Fail("page_size", $"expected a whole number from 1 to {MaxPageSize}"); pageSize = DefaultPageSize; }
            if (One("after") is { } a)
            {
                if (!PageKey.TryParse(a, out var key)) Fail("after", "expected the 'next' of a page: YYYY-MM-DD.NUMBER or undated.NUMBER");
                else if (q.ContainsKey("page")) Fail("after", "give either page or after, not both");
                else after = key;
            }
            switch (One("format"))
            {
                case null or "json": break;
                case "geojson": geo = true; break;
                default: Fail("format", "expected json or geojson"); break;
            }
        }

        var query = new EventFilter { Country = country, From = from, To = to, Type = type, Subtype = subtype, Actor = actor, Source = source, Box = bbox };
        return (query, new Paging(after == null ? page : 0, pageSize, geo) { After = after }, errors);
    }

    /// <summary>An event or document id: short, printable, no separators that could reach a path or a query.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 200 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    private static bool TryBbox(string s, out GeoBox box)
    {
        box = default;
        var parts = s.Split(',');
        if (parts.Length != 4) return false;
        var v = new double[4];
        for (var i = 0; i < 4; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || !double.IsFinite(v[i])) return false;
        box = new GeoBox(v[0], v[1], v[2], v[3]);
        return box.West is >= -180 and <= 180 && box.East is >= -180 and <= 180 && box.South is >= -90 and <= 90 && box.North is >= -90 and <= 90
            && box.West <= box.East && box.South <= box.North;
    }

    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Name));

    private static bool TryEnum<T>(string s, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
            if (string.Equals(Name(v), s, StringComparison.OrdinalIgnoreCase)) { value = v; return true; }
        value = default;
        return false;
    }
}
