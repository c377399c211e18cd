using Vigie.Model;
using Vigie.Storage;
using Vigie.Storage.Postgres;

namespace Vigie.Tests;

/// <summary>
/// The PostgreSQL store's event pages can read through indexes as SQLite's do (IndexUseTests there): a keyset page
/// seeks to its key with a row comparison, a date filter is a range of the listing index, the source filter seeks per
/// source name. Plans are taken with sequential scans off, as on many events; on a small test table the planner may
/// still prefer to sort a bitmap scan's few rows, so the order of reading is not asserted here.
/// </summary>
public class PostgresPlanTests
{
    public static TheoryData<string, string> Filters => new()
    {
        { "none", "Index Scan using events_page on events e" },
        { "country", "Index Scan using events_country_page on events e" },
        // from the longest event's span before the first day up to the last day
        { "from-to", "Index Cond: ((day_first >= ('2019-03-01'::date - $0)) AND (day_first <= '2019-04-30'::date)" },
        { "source", "Index Only Scan using event_mentions_source_key on event_mentions m\n" },
        { "after", "Index Cond: ((country = 'SY'::text) AND (day_first IS NOT NULL) AND (ROW(day_first, number) > ROW('2019-05-20'::date, '40'::bigint)))" },
        { "after-all", "Index Cond: ((day_first IS NOT NULL) AND (ROW(day_first, number) > ROW('2019-05-20'::date, '40'::bigint)))" },
    };

    private static (EventFilter, PageKey?) Of(string name) => name switch
    {
        "none" => (EventFilter.All, null),
        "country" => (new EventFilter { Country = "SY" }, null),
        "from-to" => (new EventFilter { From = PartialDate.Parse("2019-03"), To = PartialDate.Parse("2019-04") }, null),
        "source" => (new EventFilter { Source = "OSDH" }, null),
        "after" => (new EventFilter { Country = "SY" }, new PageKey(new DateOnly(2019, 5, 20), 40)),
        _ => (EventFilter.All, new PageKey(new DateOnly(2019, 5, 20), 40)),
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EventPage_Filter_ReadsEventsThroughAnIndex(string name, string expected)
    {
        using var db = new TestPostgres();
        using var store = PostgresStore.Open(db.Url);
        await Corpus.Ingest(store, 1, 16, Corpus.Samples);
        var (filter, after) = Of(name);
        var plan = store.PagePlan(filter, after);
        var text = string.Join("\n", plan);
        Assert.False(text.Contains("Seq Scan on event", StringComparison.Ordinal), text);
        Assert.True(text.Contains(expected, StringComparison.Ordinal), text);
    }
}
