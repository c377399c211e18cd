using Vigie.Fusion;
using Vigie.Geo;
using Vigie.Model;
using Vigie.Readers;
using Vigie.Storage;
using Vigie.Storage.Postgres;
using Vigie.Storage.Sqlite;

namespace Vigie.Tests;

/// <summary>A store holding the corpus, ingested once for a test class; subclasses say which adapter.</summary>
public abstract class StoreFixture : IAsyncLifetime
{
    public IStore Store { get; private set; } = null!;
    public IngestSummary First { get; private set; } = null!;

    protected abstract IStore Open();

    public async Task InitializeAsync()
    {
        Store = Open();
        First = await Corpus.Ingest(Store);
    }

    public virtual Task DisposeAsync()
    {
        Store?.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class SqliteFixture : StoreFixture
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigie-suite-").FullName;

    protected override IStore Open() => SqliteStore.Open(Path.Combine(_dir, "suite.db"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

public sealed class PostgresFixture : StoreFixture
{
    private TestPostgres? _db;

    protected override IStore Open()
    {
        _db = new TestPostgres();
        return PostgresStore.Open(_db.Url);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _db?.Dispose();
    }
}

/// <summary>A new empty store and what removes it.</summary>
public sealed record FreshStore(IStore Store, IDisposable Cleanup) : IDisposable
{
    public void Dispose()
    {
        Store.Dispose();
        Cleanup.Dispose();
    }

    public static FreshStore Sqlite()
    {
        var dir = new TempDir();
        return new FreshStore(SqliteStore.Open(Path.Combine(dir.Path, "fresh.db")), dir);
    }

    public static FreshStore Postgres()
    {
        var db = new TestPostgres();
        try { return new FreshStore(PostgresStore.Open(db.Url), db); }
        catch { db.Dispose(); throw; }
    }
}

public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("vigie-fresh-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// The storage suite: the same tests for every adapter of the port. The corpus is ingested once per adapter
/// (the fixture); tests that change a store work on a fresh one.
/// </summary>
public abstract class StoreSuite(StoreFixture fixture)
{
    protected IStore Store => fixture.Store;

    /// <summary>A new empty store of this suite's kind.</summary>
    protected abstract FreshStore Fresh();

    /// <summary>A new empty store of the other kind (to copy into).</summary>
    protected abstract FreshStore Other();

    /// <summary>Opening a database that is not there, with mustExist; the code the adapter gives.</summary>
    protected abstract void OpenMissing();

    [Fact]
    public void Ingest_SamplesAndGold_HoldsWhatOneSqliteWriterHolds()
    {
        Assert.True(fixture.First.New > 50, $"only {fixture.First.New} documents stored");
        Assert.Equal(0, fixture.First.Rejected);
        var counts = Store.Counts();
        Assert.True(counts.Events > 100 && counts.Reports > 50, counts.ToString());
        Assert.False(Store.FusionPending);
        Corpus.AssertSameDump(Corpus.ReferenceDump, StoreDump.Lines(Store));
    }

    [Fact]
    public async Task Reingest_SameInputs_StoresNothingNewAndChangesNoData()
    {
        var before = StoreDump.Lines(Store);
        var again = await Corpus.Ingest(Store, threads: 1);
        Assert.Equal(0, again.New);
        Assert.Equal(fixture.First.New, again.Known);
        Corpus.AssertSameDump(before, StoreDump.Lines(Store));
    }

    public static TheoryData<string> FilterNames => new() { "country", "from", "to", "from-to", "type", "subtype", "actor", "source", "box", "near", "limit", "all" };

    [Theory]
    [MemberData(nameof(FilterNames))]
    public void Events_Filter_SelectsExactlyTheEventsThatMatch(string name)
    {
        var all = Store.Events(EventFilter.All, withMentions: true);
        var (filter, expected) = Case(name, all);
        Assert.NotEmpty(expected);
        var got = Store.Events(filter).Select(e => e.Id).ToList();
        Assert.Equal(expected.Select(e => e.Id).ToList(), got);

        if (filter.Near != null || filter.Limit != null) return;
        var total = Store.EventCount(filter);
        Assert.Equal(expected.Count, total);
        var paged = new List<string>();
        for (var offset = 0L; offset < total; offset += 7) paged.AddRange(Store.ReadSnapshot(() => Store.EventPage(filter, offset, 7).Select(e => e.Id)));
        Assert.Equal(got, paged);
        Assert.Empty(Store.EventPage(filter, total, 7));
        // keyset: each page starts after the key of the last event of the one before, through dated and undated events
        var keyed = new List<string>();
        PageKey? after = null;
        while (true)
        {
            var rows = Store.EventPageRows(filter, 0, 7, after);
            keyed.AddRange(rows.Select(r => r.Id));
            if (rows.Count < 7) break;
            after = rows[^1].Key;
            Assert.Equal(PageKey.Of(rows[^1].Read()), after);
        }
        Assert.Equal(got, keyed);
        var totals = Store.EventTotals(filter);
        Assert.Equal(expected.Count, totals.Events);
        Assert.Equal(expected.Sum(e => (long)(e.FatalitiesBest ?? 0)), totals.Fatalities);
        Assert.Equal(expected.Count, Store.EventCounts(filter, CountBy.Type).Sum(r => r.Events));
        Assert.Equal(expected.Where(e => e.Event.Date != null).GroupBy(e => e.Event.Date!.Start.First.ToString("yyyy-MM")).Count(),
            Store.EventCounts(filter, CountBy.Month).Count);
    }

    /// <summary>A filter built from the stored data, and the events it must select, worked out in memory from the listing of all events.</summary>
    private static (EventFilter Filter, List<StoredEvent> Expected) Case(string name, IReadOnlyList<StoredEvent> all)
    {
        var dated = all.Where(e => e.Event.Date != null).ToList();
        var located = all.Where(e => e.Event.Location?.Lat != null && e.Event.Location.Lon != null).ToList();
        var country = all.GroupBy(e => e.Event.Location?.Country).Where(g => g.Key != null).OrderByDescending(g => g.Count()).First().Key!;
        var middle = dated[dated.Count / 2].Event.Date!.Start;
        var withActor = all.First(e => e.Event.Actor1 != null).Event.Actor1!.Name;
        var actorPart = withActor.Split(' ').OrderByDescending(w => w.Length).First();
        var source = all.SelectMany(e => e.Mentions).Select(m => m.Source).First(s => s != null && s.Length > 3)!;
        var centre = located[located.Count / 2].Event.Location!;
        string Key(string s) => SourceReliability.Key(s);
        List<StoredEvent> Where(Func<StoredEvent, bool> keep) => all.Where(keep).ToList();
        return name switch
        {
            "country" => (new EventFilter { Country = country.ToLowerInvariant() }, Where(e => e.Event.Location?.Country == country)),
            "from" => (new EventFilter { From = middle }, Where(e => e.Event.Date != null && e.Event.Date.End.Last >= middle.First)),
            "to" => (new EventFilter { To = middle }, Where(e => e.Event.Date != null && e.Event.Date.Start.First <= middle.Last)),
            "from-to" => (new EventFilter { From = PartialDate.OfYear(middle.Year), To = PartialDate.OfYear(middle.Year) },
                Where(e => e.Event.Date != null && e.Event.Date.End.Last.Year >= middle.Year && e.Event.Date.Start.First.Year <= middle.Year)),
            "type" => (new EventFilter { Type = all[0].Event.Type }, Where(e => e.Event.Type == all[0].Event.Type)),
            "subtype" => (new EventFilter { Subtype = all.First(e => e.Event.Subtype != null).Event.Subtype },
                Where(e => e.Event.Subtype == all.First(x => x.Event.Subtype != null).Event.Subtype)),
            "actor" => (new EventFilter { Actor = actorPart.ToUpperInvariant() },
                Where(e => new[] { e.Event.Actor1, e.Event.Actor2 }.Any(a => a != null && Key(a.Name).Contains(Key(actorPart), StringComparison.Ordinal)))),
            "source" => (new EventFilter { Source = source },
                Where(e => e.Mentions.Any(m => m.Source != null && Key(m.Source).Contains(Key(source), StringComparison.Ordinal)))),
            "box" => (new EventFilter { Box = new GeoBox(centre.Lon!.Value - 2, centre.Lat!.Value - 2, centre.Lon.Value + 2, centre.Lat.Value + 2) },
                Where(e => e.Event.Location is { Lat: { } lat, Lon: { } lon } && Math.Abs(lat - centre.Lat.Value) <= 2 && Math.Abs(lon - centre.Lon.Value) <= 2)),
            "near" => (new EventFilter { Near = new Near(centre.Lat!.Value, centre.Lon!.Value, 150) },
                Where(e => e.Event.Location is { Lat: { } lat, Lon: { } lon } && GreatCircle.Km(centre.Lat.Value, centre.Lon.Value, lat, lon) <= 150)),
            "limit" => (new EventFilter { Limit = 5 }, all.Take(5).ToList()),
            _ => (EventFilter.All, all.ToList()),
        };
    }

    [Fact]
    public void EventPage_DateFilterInsideALongEvent_FindsItFromTheLongestSpanWritten()
    {
        using var fresh = Fresh();
        // towns 80 km or more apart: four events, whatever their dates
        Event At(string first, string last, string place, double lat, double lon) => new()
        {
            Type = EventType.Battles, Subtype = EventSubtype.ArmedClash,
            Date = new DateRange(PartialDate.Parse(first), PartialDate.Parse(last)),
            Location = new Location { Name = place, Country = "ML", Lat = lat, Lon = lon, Precision = 1 },
            Evidence = [new TextSpan(0, 10)],
        };
        Extracted Doc(string id, string published, Event e)
        {
            var doc = new Document(id, $"Combats à {e.Location!.Name} ({id}).") { Published = PartialDate.Parse(published), Language = "fr", Origin = new Origin(id + ".jsonl", 1) };
            var record = RecordMapper.ToRecord(doc);
            record.Events = [e];
            record.CasualtyReports = [];
            return new Extracted(doc, record);
        }
        fresh.Store.WriteBatch(
        [
            Doc("siege", "2019-04-02", At("2019-01-01", "2019-03-31", "Gao", 16.27, -0.04)), // 89 days
            Doc("before", "2019-01-10", At("2019-01-09", "2019-01-09", "Ansongo", 15.66, 0.50)),
            Doc("inside", "2019-03-21", At("2019-03-20", "2019-03-20", "Bourem", 16.95, -0.35)),
            Doc("after", "2019-04-06", At("2019-04-05", "2019-04-05", "Menaka", 15.92, 2.40)),
        ], "run-1");
        fresh.Store.Refuse();
        var from = new EventFilter { From = PartialDate.Parse("2019-03-15") };
        var found = fresh.Store.EventPage(from, 0, 10).Select(e => e.Event.Location!.Name).ToList();
        Assert.Equal(["Gao", "Bourem", "Menaka"], found);
        Assert.Equal(3, fresh.Store.EventCount(from));
        var window = new EventFilter { From = PartialDate.Parse("2019-03-15"), To = PartialDate.Parse("2019-03-31") };
        Assert.Equal(["Gao", "Bourem"], fresh.Store.EventPage(window, 0, 10).Select(e => e.Event.Location!.Name));
        // keyset from the long event on: the events after it, none before
        var first = fresh.Store.EventPageRows(from, 0, 1);
        Assert.Equal(["Bourem", "Menaka"], fresh.Store.EventPage(from, 0, 10, first[0].Key).Select(e => e.Event.Location!.Name));
    }

    [Fact]
    public void Event_ByIdOrNumber_HasEveryMentionWithItsText()
    {
        var target = Store.Events(EventFilter.All).OrderByDescending(e => e.MentionCount).ThenBy(e => e.Id, StringComparer.Ordinal).First();
        Assert.True(target.MentionCount >= 2);
        var byId = Store.Event(target.Id)!;
        var byNumber = Store.Event(target.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
        Assert.Equal(byId.Id, byNumber.Id);
        Assert.Equal(target.MentionCount, byId.Mentions.Count);
        foreach (var m in byId.Mentions)
        {
            var text = Store.DocumentText(m.DocumentHash);
            Assert.NotNull(text);
            Assert.All(m.Event.Evidence, s => Assert.True(s.IsValidFor(text!), $"{s} outside {m.DocumentId}"));
        }
        Assert.Null(Store.Event("ev-000000000000"));
    }

    [Fact]
    public void Document_ByInputId_HasItsRecordAndEveryMentionLinkedToAnEvent()
    {
        var row = Store.Documents().First(d => d.Events >= 2);
        var doc = Store.Document(row.Id)!;
        Assert.Equal(row.ContentHash, doc.ContentHash);
        Assert.Equal(doc.Record.Events!.Count, doc.EventIdsByRank.Count);
        Assert.All(doc.EventIdsByRank.Values, id => Assert.NotNull(Store.Event(id)));
        // the stored record leaves out the text and the events (StoredRecord): read back, it has them again
        Assert.Equal(doc.Text, doc.Record.Text);
        Assert.Equal(row.Events, doc.Record.Events.Count);
        Assert.All(doc.Record.Events, e => Assert.All(e.Evidence, sp => Assert.True(sp.IsValidFor(doc.Text))));
        Assert.Equal(doc.Id, Store.Document(row.ContentHash)!.Id);
    }

    [Fact]
    public void Documents_SearchForAWordOfATitle_FindsThatDocumentAndNotEveryOne()
    {
        var docs = Store.Documents();
        var target = docs.First(d => d.Title != null && d.Title.Split(' ').Any(w => w.Length >= 7 && w.All(char.IsLetter)));
        var word = target.Title!.Split(' ').First(w => w.Length >= 7 && w.All(char.IsLetter));
        var found = Store.Documents(word);
        Assert.Contains(found, d => d.ContentHash == target.ContentHash);
        Assert.True(found.Count < docs.Count, $"'{word}' matched every document");
        Assert.Equal(3, Store.Documents(limit: 3).Count);
    }

    [Fact]
    public async Task Ingest_ACopyUnderAnotherId_IsARepublicationOfTheStoredText()
    {
        using var fresh = Fresh();
        using var dir = new TempDir();
        var first = Path.Combine(dir.Path, "a.jsonl");
        var second = Path.Combine(dir.Path, "b.jsonl");
        const string text = "Damas, 27 avril 2018 (AFP) - Au moins douze civils ont été tués vendredi dans des frappes aériennes sur Douma, selon l'Observatoire syrien des droits de l'homme.";
        File.WriteAllText(first, $$"""{"id": "a-1", "date": "2018-04-27", "lang": "fr", "text": "{{text}}"}""" + "\n");
        File.WriteAllText(second, $$"""{"id": "b-9", "date": "2018-04-27", "lang": "fr", "url": "https://example.org/b9", "text": "{{text}}"}""" + "\n");
        var a = await Corpus.Ingest(fresh.Store, 1, 16, first);
        var b = await Corpus.Ingest(fresh.Store, 1, 16, second);
        Assert.Equal((1, 0, 1), (a.New, b.New, b.Republications));
        var hash = Document.ComputeContentHash(text);
        var rep = Assert.Single(fresh.Store.Republications(hash));
        Assert.Equal(("b-9", "https://example.org/b9"), (rep.DocId, rep.Url));
        Assert.Equal(1, fresh.Store.Counts().Documents);
    }

    [Fact]
    public async Task IngestDocuments_BatchesFromAQueue_StoreNewOnesAndKnowStoredOnes()
    {
        using var fresh = Fresh();
        Document Doc(string id, string text) => new(id, text) { Language = "fr", Published = PartialDate.Parse("2019-05-20"), Origin = new Origin("queue", 0) };
        var a = Doc("q-1", "Au moins onze civils ont été tués lundi dans un raid aérien sur Maaret al-Noomane, selon l'OSDH.");
        var b = Doc("q-2", "Trois soldats ont été tués mardi dans une embuscade près de Gao, a annoncé l'armée malienne.");
        var c = Doc("q-3", "Deux civils ont été blessés mercredi par un obus tombé sur Idleb, selon les secouristes.");
        var first = await new Ingestor(fresh.Store) { Threads = 1 }.RunAsync([a, b]);
        var second = await new Ingestor(fresh.Store) { Threads = 1 }.RunAsync([Doc("q-2", b.Text), c]);
        Assert.Equal((2, 0), (first.New, first.Known));
        Assert.Equal((1, 1), (second.New, second.Known));
        Assert.Equal(3, fresh.Store.Counts().Documents);
        Assert.Equal([b.ContentHash], fresh.Store.KnownHashes([b.ContentHash, "0000"]).ToArray());
        Assert.Equal(3, fresh.Store.KnownHashes().Count);
        Assert.True(fresh.Store.Counts().Events >= 2);
        Assert.False(fresh.Store.FusionPending);
    }

    [Fact]
    public async Task Update_CorpusInShuffledRunsAndBatches_GivesTheEventsOfAFullRebuild()
    {
        using var fresh = Fresh();
        var documents = Inputs.Read(Corpus.Paths, new ReaderOptions()).Where(i => i.Document != null).Select(i => i.Document!).ToList();
        var random = new Random(4242);
        for (var i = documents.Count - 1; i > 0; i--) { var j = random.Next(i + 1); (documents[i], documents[j]) = (documents[j], documents[i]); }
        // runs of varied sizes, each in batches of 7: events are brought up to date after every batch
        for (var start = 0; start < documents.Count;)
        {
            var run = documents.Skip(start).Take(random.Next(1, 60)).ToList();
            start += run.Count;
            await new Ingestor(fresh.Store) { Threads = 1, BatchSize = 7 }.RunAsync(run);
        }
        Assert.False(fresh.Store.FusionPending);
        var incremental = StoreDump.Lines(fresh.Store);
        Assert.Contains(fresh.Store.Events(new EventFilter()), e => e.MentionCount > 1);
        fresh.Store.Refuse();
        Corpus.AssertSameDump(StoreDump.Lines(fresh.Store), incremental);
    }

    [Fact]
    public void Copy_IntoAnEmptyStoreOfTheOtherKind_HoldsTheSameData()
    {
        using var target = Other();
        var result = StoreCopy.Copy(Store, target.Store);
        Assert.Equal(Store.Counts().Documents, result.Documents);
        Corpus.AssertSameDump(StoreDump.Lines(Store), StoreDump.Lines(target.Store));
        Assert.Equal(Store.IngestLog().Count(), target.Store.IngestLog().Count());
        var e = Assert.Throws<StoreException>(() => StoreCopy.Copy(Store, target.Store));
        Assert.StartsWith("VIG-S008", e.Message);
    }

    [Fact]
    public void Open_NoDatabaseThere_IsRefusedWithACode()
    {
        var e = Assert.Throws<StoreException>(OpenMissing);
        Assert.Matches("^VIG-S00[16]: ", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }
}

public sealed class SqliteStoreSuite(SqliteFixture fixture) : StoreSuite(fixture), IClassFixture<SqliteFixture>
{
    protected override FreshStore Fresh() => FreshStore.Sqlite();
    protected override FreshStore Other() => FreshStore.Postgres();
    protected override void OpenMissing() => SqliteStore.Open(Path.Combine(Path.GetTempPath(), "vigie-none-" + Guid.NewGuid().ToString("N"), "x.db"), readOnly: true);
}

public sealed class PostgresStoreSuite(PostgresFixture fixture) : StoreSuite(fixture), IClassFixture<PostgresFixture>
{
    protected override FreshStore Fresh() => FreshStore.Postgres();
    protected override FreshStore Other() => FreshStore.Sqlite();
    protected override void OpenMissing()
    {
        var url = new UriBuilder(Environment.GetEnvironmentVariable("VIGIE_PG") ?? "postgres://vigie:vigie@127.0.0.1:55432/vigie") { Path = "/vigie_none_" + Guid.NewGuid().ToString("N")[..8] };
        PostgresStore.Open(url.Uri.ToString(), mustExist: true).Dispose();
    }
}
