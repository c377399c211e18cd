using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Tests;

/// <summary>Every filter of the API's event pages reads the events through an index, never by a scan of a table, in the count and in each part of the page, and a page is never sorted.</summary>
public class IndexUseTests
{
    public static TheoryData<string, string> Filters => new()
    {
        { "none", "events_page" }, { "country", "events_country_page (country=?)" },
        // a date filter reads dated events only, from the longest event's span before its first day up to its last day
        { "from-to", "events_page (<expr>=? AND day_first>? AND day_first<?)" },
        { "type", "events_type_page (type=?)" }, { "subtype", "events_subtype_page (subtype=?)" }, { "actor", "events_page" },
        { "source", "event_mentions_source_key (source_key=?" }, { "box", "events_page" }, { "country-type", "events_type_page (type=?)" },
        // keyset pages seek to the key in the listing index
        { "after", "events_country_page (country=? AND <expr>=? AND (day_first,number)>(?,?))" },
        { "after-all", "events_page (<expr>=? AND (day_first,number)>(?,?))" },
        { "after-undated", "events_page (<expr>=?)" },
    };

    private static (EventFilter, PageKey?) Of(string name) => name switch
    {
        "none" => (EventFilter.All, null),
        "country" => (new EventFilter { Country = "SY" }, null),
        "from-to" => (new EventFilter { From = PartialDate.Parse("2019-03"), To = PartialDate.Parse("2019-04") }, null),
        "type" => (new EventFilter { Type = EventType.Battles }, null),
        "subtype" => (new EventFilter { Subtype = EventSubtype.AirDroneStrike }, null),
        "actor" => (new EventFilter { Actor = "armée" }, null),
        "source" => (new EventFilter { Source = "OSDH" }, null),
        "box" => (new EventFilter { Box = new GeoBox(35, 32, 38, 35) }, null),
        "country-type" => (new EventFilter { Country = "IQ", Type = EventType.Battles }, null),
        "after" => (new EventFilter { Country = "SY" }, new PageKey(new DateOnly(2019, 5, 20), 40)),
        "after-all" => (EventFilter.All, new PageKey(new DateOnly(2019, 5, 20), 40)),
        _ => (EventFilter.All, new PageKey(null, 40)),
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void EventPage_Filter_ReadsEventsThroughAnIndex(string name, string index)
    {
        using var db = new TempDb();
        using var store = db.Open();
        var (filter, after) = Of(name);
        var plan = store.PagePlan(filter, after);
        Assert.NotEmpty(plan);
        // "SCAN e" alone is a read of the whole table; "SCAN e USING … INDEX" walks an index in listing order
        // "SCAN e", "SCAN events" or "SCAN m" alone is a read of a whole table; "SCAN e USING … INDEX" walks an index in listing order
        var scans = plan.Where(l => (l.StartsWith("SCAN e", StringComparison.Ordinal) || l.StartsWith("SCAN m", StringComparison.Ordinal))
                                    && !l.Contains("USING", StringComparison.Ordinal)).ToList();
        Assert.True(scans.Count == 0, string.Join(" | ", plan));
        Assert.Contains(plan, l => l.Contains("INDEX " + index, StringComparison.Ordinal));
        // a page is read in index order and stops after its rows: never all matches sorted
        Assert.DoesNotContain(plan, l => l.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
    }
}
