using Vigie.Cli.Service;
using Vigie.Model;
using Vigie.Storage;
using Vigie.Storage.Postgres;

namespace Vigie.Tests;

/// <summary>The worker's sink over PostgreSQL: rebuilds without renumbering leave the numbering owed to the next rebuild that renumbers.</summary>
public class StoreBatchSinkTests
{
    private static Document Dispatch(string id, string published, string place) =>
        new(id, $"Au moins 7 civils ont été tués mardi dans des frappes aériennes sur {place}, selon l'OSDH.")
        {
            Language = "fr", Published = PartialDate.TryParse(published, out var d) ? d : throw new FormatException(published),
        };

    /// <summary>The events' first days in number order.</summary>
    private static List<string?> DaysByNumber(IStore store) =>
        store.Events(EventFilter.All, withMentions: false).OrderBy(e => e.Number).Select(e => e.Event.Date?.Start.ToString()).ToList();

    [Fact]
    public async Task RefuseWithoutRenumbering_OwesTheNumbersToTheNextRenumberingRebuild()
    {
        using var pg = new TestPostgres();
        using var store = PostgresStore.Open(pg.Url);
        var sink = new StoreBatchSink(store, "sink-test", null) { Threads = 1, RefuseEachBatch = false };

        // the later dispatch first: without renumbering, the earlier one's event is numbered after it
        await sink.StoreAsync([Dispatch("late", "2019-03-20", "Alep")]);
        Assert.True(await sink.RefuseIfPendingAsync(renumber: false));
        await sink.StoreAsync([Dispatch("early", "2019-02-06", "Gao")]);
        Assert.True(await sink.RefuseIfPendingAsync(renumber: false));
        Assert.False(store.FusionPending); // every mention has its event
        var owed = DaysByNumber(store);
        Assert.Equal(2, owed.Count);
        Assert.NotEqual(owed.Order(StringComparer.Ordinal), owed);

        Assert.True(await sink.RefuseIfPendingAsync(renumber: true)); // nothing unfused, but the numbers were owed
        var days = DaysByNumber(store);
        Assert.Equal(days.Order(StringComparer.Ordinal), days);
        Assert.False(await sink.RefuseIfPendingAsync(renumber: true)); // paid: nothing more to do
    }
}
